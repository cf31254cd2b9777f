import { describe, expect, it } from "vitest";
import type { DigestFacts } from "./digest";
import { base, compose, entry, headings, meeting, section, task } from "./digest-fixtures";

describe("composeDigest: sections", () => {
  const everything: Partial<DigestFacts> = {
    entries: [
      entry({
        kind: "task.stale",
        stillNeeded: { keepUrl: "k", dropUrl: "d", asOwner: true, untouchedDays: 9 },
      }),
      entry({ kind: "request.progress", request: { id: "r1", title: "R", done: 1, dropped: 0, total: 2 } }),
      entry({ kind: "task.moved", from: 3, to: 1 }),
      entry({ kind: "task.asked" }),
      entry({ kind: "task.added", position: 2 }),
      entry({ kind: "task.urgent" }),
      entry({ kind: "task.overdue", taskId: "o1" }),
    ],
    overdue: [task({ taskId: "o1", dueDate: "2026-11-20" })],
    dueSoon: [task({ taskId: "s1", dueDate: "2026-11-25" })],
    triage: [{ title: "Ask", requesterName: "Carol" }],
    plateTop: [task({ taskId: "p1", position: 1 })],
    meetings: [meeting()],
  };

  it("come in a fixed order, whatever the order of the entries, and only when they have lines", () => {
    expect(headings(everything)).toEqual([
      "Urgent",
      "One-on-ones coming up",
      "New on your plate",
      "Asked of you",
      "Changes to your plate",
      "Your requests",
      "Overdue",
      "Due by the end of your next working day",
      "Waiting in your triage",
      "Still needed?",
    ]);
    expect(headings({ entries: [entry({ kind: "task.asked" }), entry({ kind: "task.urgent" })] })).toEqual([
      "Urgent",
      "Asked of you",
    ]);
  });

  it("end with the plate in priority order on return from being away", () => {
    expect(headings({ ...everything, awayReturn: true }).at(-1)).toBe("Your plate now, in priority order");
  });

  it("say who marked what urgent, and where it is", () => {
    expect(
      section({ entries: [entry({ kind: "task.urgent", actorName: "Dan", position: 3 })] }, "Urgent"),
    ).toEqual([{ text: "Dan marked “Write the report” (#3) urgent", href: `${base}/plate` }]);
  });

  it("list new tasks as they came, and asks with a link to triage", () => {
    const lines = section(
      {
        entries: [
          entry({ kind: "task.added", title: "B", position: 5, actorName: "Carol" }),
          entry({ kind: "task.added", title: "A", position: 1 }),
          entry({ kind: "task.added", title: "C", position: null }),
        ],
      },
      "New on your plate",
    );
    expect(lines?.map((l) => l.text)).toEqual([
      "“B” from Carol, at #5",
      "“A” from Bob, at #1",
      "“C” from Bob",
    ]);
    expect(section({ entries: [entry({ kind: "task.asked", title: "Help" })] }, "Asked of you")).toEqual([
      { text: "Bob asked: “Help”", href: `${base}/triage` },
    ]);
  });

  it("tell of one move from where to where, and of many moves as one reordering with the count", () => {
    expect(
      section({ entries: [entry({ kind: "task.moved", from: 4, to: 1 })] }, "Changes to your plate"),
    ).toEqual([{ text: "Bob moved “Write the report” from #4 to #1", href: `${base}/plate` }]);
    const content = compose({
      entries: [entry({ kind: "task.moved", count: 30, from: 4, to: 2, title: "Last moved" })],
    });
    expect(content.sections[0]?.lines).toEqual([
      { text: "Bob reordered your plate (30 moves); “Last moved” is now at #2", href: `${base}/plate` },
    ]);
    expect(content.subject).toBe("Your Docket digest: 30 changes");
  });

  it("tell of re-dates, edits, completions and drops on the recipient's plate", () => {
    const lines = section(
      {
        timeZone: "Asia/Kathmandu",
        entries: [
          entry({ kind: "task.redated", position: 2, from: null, to: { date: "2026-12-01" } }),
          entry({
            kind: "task.redated",
            from: { date: "2026-12-01" },
            to: { at: "2026-11-27T20:30:00.000Z" },
          }),
          entry({ kind: "task.edited", position: 1 }),
          entry({ kind: "task.completed" }),
          entry({ kind: "task.dropped", to: "Not needed" }),
          entry({ kind: "task.dropped" }),
        ],
      },
      "Changes to your plate",
    );
    expect(lines?.map((l) => l.text)).toEqual([
      "Bob changed the due of “Write the report” (#2) from none to Tue 1 Dec",
      // 20:30Z is 02:15 the next day in Kathmandu (UTC+5:45).
      "Bob changed the due of “Write the report” from Tue 1 Dec to Sat 28 Nov, 02:15",
      "Bob edited “Write the report” (#1)",
      "Bob completed “Write the report”",
      "Bob dropped “Write the report”: Not needed",
      "Bob dropped “Write the report”",
    ]);
  });

  it("tell how a request is going, with a link to it", () => {
    const lines = section(
      {
        entries: [
          entry({
            kind: "request.progress",
            count: 3,
            actorName: "Eve",
            request: { id: "r/1", title: "Quarterly numbers", done: 2, dropped: 1, total: 5 },
          }),
          entry({
            kind: "request.progress",
            request: { id: "r2", title: "Offsite", done: 0, dropped: 0, total: 4 },
          }),
        ],
      },
      "Your requests",
    );
    expect(lines).toEqual([
      {
        text: "“Quarterly numbers”: 2 of 5 done, 1 dropped (3 updates, latest from Eve)",
        href: `${base}/requests/r%2F1`,
      },
      { text: "“Offsite”: 0 of 4 done (1 update, latest from Bob)", href: `${base}/requests/r2` },
    ]);
  });

  it("put what happened to the recipient's own asks under their requests, not their plate", () => {
    const content = compose({
      entries: [
        entry({ kind: "task.accepted", asRequester: true, to: 3 }),
        entry({ kind: "task.declined", asRequester: true, to: "Too busy" }),
        entry({ kind: "task.completed", asRequester: true }),
        entry({ kind: "task.dropped", asRequester: true, to: "reason is not shown" }),
        entry({ kind: "task.redated", asRequester: true, to: { date: "2026-12-01" } }),
      ],
    });
    expect(content.sections).toEqual([
      {
        heading: "Your requests",
        lines: [
          { text: "Bob accepted “Write the report” at #3 on their plate" },
          { text: "Bob declined “Write the report”: Too busy" },
          { text: "Bob completed “Write the report”" },
          { text: "Bob dropped “Write the report”" },
          { text: "Bob changed the due of “Write the report” to Tue 1 Dec" },
        ],
      },
    ]);
  });

  it("list what waits in triage", () => {
    expect(
      section(
        { entries: [entry({ kind: "task.urgent" })], triage: [{ title: "Budget", requesterName: "Carol" }] },
        "Waiting in your triage",
      ),
    ).toEqual([{ text: "“Budget” from Carol", href: `${base}/triage` }]);
  });

  it("ask whether stale tasks are still needed, with Keep and Drop links", () => {
    const lines = section(
      {
        entries: [
          entry({
            kind: "task.stale",
            title: "Old",
            position: 4,
            stillNeeded: {
              keepUrl: `${base}/still-needed/k`,
              dropUrl: `${base}/still-needed/d`,
              asOwner: true,
              untouchedDays: 12,
            },
          }),
          entry({
            kind: "task.stale",
            title: "Mine",
            stillNeeded: { keepUrl: "K", dropUrl: "D", asOwner: false, untouchedDays: 1 },
          }),
        ],
      },
      "Still needed?",
    );
    expect(lines).toEqual([
      {
        text: "“Old” (#4): untouched for 12 days",
        actions: [
          { label: "Keep it", href: `${base}/still-needed/k` },
          { label: "Drop it", href: `${base}/still-needed/d` },
        ],
      },
      {
        text: "“Mine” (your ask): untouched for 1 day",
        actions: [
          { label: "Keep it", href: "K" },
          { label: "Drop it", href: "D" },
        ],
      },
    ]);
  });

  it("ask about the latest ten stale tasks at most, and point to the inbox for the rest", () => {
    const stale = Array.from({ length: 13 }, (_, index) =>
      entry({
        kind: "task.stale",
        title: `Old ${index + 1}`,
        stillNeeded: { keepUrl: `K${index}`, dropUrl: `D${index}`, asOwner: true, untouchedDays: 20 },
      }),
    );
    const lines = section({ entries: stale }, "Still needed?");
    expect(lines).toHaveLength(11);
    if (!lines) throw new Error("no Still needed? section");
    expect(lines.slice(0, 10).map((line) => line.text.split(":")[0])).toEqual(
      Array.from({ length: 10 }, (_, index) => `“Old ${index + 4}”`),
    );
    expect(lines[10]).toEqual({ text: "and 3 more in Docket", href: `${base}/inbox` });
  });

  it("list overdue and due-soon tasks with their dues in the recipient's zone", () => {
    const content = compose({
      timeZone: "America/New_York",
      entries: [entry({ kind: "task.urgent" })],
      overdue: [task({ taskId: "o", title: "Late", position: 1, dueAt: "2026-11-28T02:30:00.000Z" })],
      dueSoon: [
        task({ taskId: "s", title: "Soon", dueAt: "2026-12-01T17:00:00.000Z", dueDate: "2026-12-01" }),
      ],
    });
    // 02:30Z on the 28th is 21:30 on Friday the 27th in New York.
    expect(content.sections.find((s) => s.heading === "Overdue")?.lines).toEqual([
      { text: "#1 “Late”, due Fri 27 Nov, 21:30", href: `${base}/plate` },
    ]);
    expect(
      content.sections.find((s) => s.heading === "Due by the end of your next working day")?.lines,
    ).toEqual([{ text: "“Soon”, due Tue 1 Dec", href: `${base}/plate` }]);
  });
});
