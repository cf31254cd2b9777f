import { describe, expect, it } from "vitest";
import { composeDigest, type DigestFacts } from "./digest";
import { dueWhen, readerAt } from "./digest-dates";
import { base, compose, entry, facts, headings, now, section, task } from "./digest-fixtures";

describe("composeDigest: whether there is a digest at all", () => {
  it("is null without entries, whatever the plate looks like", () => {
    expect(
      composeDigest(
        facts({
          overdue: [task({ taskId: "t1", dueDate: "2026-11-20" })],
          dueSoon: [task({ taskId: "t2", dueDate: "2026-11-25" })],
          triage: [{ title: "Ask", requesterName: "Carol" }],
          plateTop: [task({ taskId: "t3", position: 1 })],
        }),
      ),
    ).toBeNull();
    expect(composeDigest(facts({ awayReturn: true }))).toBeNull();
  });

  it("is null when the only entries are due news about tasks no longer due soon or overdue", () => {
    expect(
      composeDigest(
        facts({
          entries: [
            entry({ kind: "task.due_soon", taskId: "gone" }),
            entry({ kind: "task.overdue", taskId: "done" }),
          ],
          dueSoon: [task({ taskId: "other", dueDate: "2026-11-25" })],
          overdue: [task({ taskId: "another", dueDate: "2026-11-20" })],
        }),
      ),
    ).toBeNull();
  });

  it("is there when an overdue entry's task is still overdue, and does not count due news as changes", () => {
    const content = compose({
      entries: [entry({ kind: "task.overdue", taskId: "t1" })],
      overdue: [task({ taskId: "t1", title: "Late", position: 2, dueDate: "2026-12-01" })],
    });
    expect(content.subject).toBe("Your Docket digest: 1 overdue");
    expect(content.sections).toEqual([
      { heading: "Overdue", lines: [{ text: "#2 “Late”, due Tue 1 Dec", href: `${base}/plate` }] },
    ]);
  });

  it("is there when a due-soon entry's task is still due soon", () => {
    const content = compose({
      entries: [entry({ kind: "task.due_soon", taskId: "t1" })],
      dueSoon: [task({ taskId: "t1", title: "Soon", dueDate: "2026-12-01" })],
    });
    expect(content.sections).toEqual([
      {
        heading: "Due by the end of your next working day",
        lines: [{ text: "“Soon”, due Tue 1 Dec", href: `${base}/plate` }],
      },
    ]);
  });

  it("gives a digest of due-soon news alone a subject that says something", () => {
    // With no changes, nothing overdue and nothing in triage, the summary is empty.
    const content = compose({
      entries: [entry({ kind: "task.due_soon", taskId: "t1" })],
      dueSoon: [task({ taskId: "t1", title: "Soon", dueDate: "2026-12-01" })],
    });
    expect(content.subject).not.toMatch(/:\s*$/);
    expect(content.subject).toMatch(/1 due/);
  });
});

describe("composeDigest: subject, greeting, footer", () => {
  it("counts the changes, coalesced ones by their count, then what is overdue and in triage", () => {
    const content = compose({
      entries: [
        entry({ kind: "task.moved", count: 3, from: 1, to: 2 }),
        entry({ kind: "task.urgent" }),
        entry({ kind: "task.overdue", taskId: "o1" }),
      ],
      overdue: [task({ taskId: "o1" }), task({ taskId: "o2" })],
      triage: [{ title: "A", requesterName: "C" }],
    });
    expect(content.subject).toBe("Your Docket digest: 4 changes, 2 overdue, 1 in triage");
    expect(content.greeting).toBe("Hello Ada, here is what changed since your last digest.");
    expect(content.footer).toEqual({ text: "See everything in your Docket inbox", href: `${base}/inbox` });
  });

  it("says one change in the singular", () => {
    expect(compose({ entries: [entry({ kind: "task.urgent" })] }).subject).toBe(
      "Your Docket digest: 1 change",
    );
  });

  it("has no plate section when the person was not away", () => {
    expect(
      headings({ entries: [entry({ kind: "task.urgent" })], plateTop: [task({ taskId: "p", position: 1 })] }),
    ).toEqual(["Urgent"]);
  });
});

describe("composeDigest: while you were away", () => {
  const away = {
    awayReturn: true,
    timeZone: "Asia/Kathmandu",
    entries: [
      entry({ kind: "task.added", title: "Third", position: 3 }),
      entry({ kind: "task.added", title: "Triage", position: null }),
      entry({ kind: "task.added", title: "First", position: 1 }),
      entry({ kind: "task.added", title: "Second", position: 2 }),
    ],
    triage: [{ title: "Triage", requesterName: "Carol" }],
    plateTop: [
      task({
        taskId: "a",
        title: "First",
        position: 1,
        dueDate: "2026-12-01",
        dueAt: "2026-12-01T18:14:59.000Z",
      }),
      task({ taskId: "b", title: "Second", position: 2, dueAt: "2026-11-27T20:30:00.000Z" }),
      task({ taskId: "c", title: "Third", position: 3 }),
    ],
  } satisfies Partial<DigestFacts>;

  it("has its own subject and greeting", () => {
    const content = compose(away);
    expect(content.subject).toBe("While you were away: 4 changes, 1 in triage");
    expect(content.greeting).toBe("Welcome back, Ada. Here is what happened while you were away.");
  });

  it("lists new tasks in plate order, those not on the plate last", () => {
    expect(section(away, "New on your plate")?.map((l) => l.text)).toEqual([
      "“First” from Bob, at #1",
      "“Second” from Bob, at #2",
      "“Third” from Bob, at #3",
      "“Triage” from Bob",
    ]);
  });

  it("ends with the top of the plate in priority order, with dues in the recipient's zone", () => {
    const content = compose(away);
    expect(content.sections.at(-1)).toEqual({
      heading: "Your plate now, in priority order",
      lines: [
        { text: "#1 “First”, due Tue 1 Dec", href: `${base}/plate` },
        { text: "#2 “Second”, due Sat 28 Nov, 02:15", href: `${base}/plate` },
        { text: "#3 “Third”", href: `${base}/plate` },
      ],
    });
  });
});

describe("dueWhen", () => {
  it("gives a date due as that date, whatever the zone", () => {
    const due = { dueDate: "2026-12-01", dueAt: "2026-12-01T10:00:00.000Z" };
    expect(dueWhen(due, readerAt("Pacific/Kiritimati", now))).toBe("Tue 1 Dec");
    expect(dueWhen(due, readerAt("Pacific/Pago_Pago", now))).toBe("Tue 1 Dec");
  });

  it("gives an instant in the recipient's zone, not the host's", () => {
    const due = { dueDate: null, dueAt: "2026-11-27T20:30:00.000Z" };
    expect(dueWhen(due, readerAt("Asia/Kathmandu", now))).toBe("Sat 28 Nov, 02:15");
    expect(dueWhen(due, readerAt("America/New_York", now))).toBe("Fri 27 Nov, 15:30");
    expect(dueWhen(due, readerAt("UTC", now))).toBe("Fri 27 Nov, 20:30");
  });

  it("shows the year of a date outside the reader's current year, in the reader's zone", () => {
    // 20:00 UTC on New Year's Eve: already 2027 in Tokyo, still 2026 in New York.
    const eve = "2026-12-31T20:00:00.000Z";
    const [tokyo, newYork] = [readerAt("Asia/Tokyo", eve), readerAt("America/New_York", eve)];
    expect(tokyo.year).toBe("2027");
    expect(newYork.year).toBe("2026");
    const nextWeek = { dueDate: "2027-01-04", dueAt: null };
    expect(dueWhen(nextWeek, tokyo)).toBe("Mon 4 Jan");
    expect(dueWhen(nextWeek, newYork)).toBe("Mon 4 Jan 2027");
    const lastYear = { dueDate: "2025-11-20", dueAt: null };
    expect(dueWhen(lastYear, newYork)).toBe("Thu 20 Nov 2025");
    // An instant takes the year it falls in for the reader: 03:00 UTC on 1 January is still 2026 in New York.
    const instant = { dueDate: null, dueAt: "2027-01-01T03:00:00.000Z" };
    expect(dueWhen(instant, newYork)).toBe("Thu 31 Dec, 22:00");
    expect(dueWhen(instant, tokyo)).toBe("Fri 1 Jan, 12:00");
    expect(dueWhen(instant, readerAt("Asia/Tokyo", "2026-06-01T00:00:00.000Z"))).toBe(
      "Fri 1 Jan 2027, 12:00",
    );
  });

  it("says so when there is no due", () => {
    expect(dueWhen({ dueDate: null, dueAt: null }, readerAt("UTC", now))).toBe("no date");
  });
});
