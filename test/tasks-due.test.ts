import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "./support/client";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { useHarness } from "./support/harness";
import {
  addTask,
  changeTask,
  historyOf,
  instantPattern,
  plateOf,
  setTimeZone,
  type Task,
  taskOf,
} from "./support/tasks";

describe.each(dialects)("due dates on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  const newcomer = (name: string, managerId: string = owner.id) => invite(h.app, owner, name, { managerId });

  /** Someone whose plate the test uses, living in `timeZone`. */
  async function personIn(timeZone: string, name = "Sam Self", managerId?: string) {
    const person = await newcomer(name, managerId);
    await setTimeZone(person, timeZone);
    return person;
  }

  const dueFields = (task: Task) => ({ due: task.due, dueAt: task.dueAt });

  it("makes a date due when the next day begins in the owner's zone, whoever sets it", async () => {
    const manny = await personIn("America/New_York", "Manny Manager");
    const sam = await personIn("Europe/Paris", "Sam Self", manny.id);
    const expected = { due: { date: "2030-06-10" }, dueAt: "2030-06-10T22:00:00.000Z" };
    expect(dueFields(await addTask(sam, sam.id, { due: { date: "2030-06-10" } }))).toEqual(expected);
    const fromManny = await addTask(manny, sam.id, { due: { date: "2030-06-10" } });
    expect(dueFields(fromManny)).toEqual(expected);

    const moved = await changeTask(manny, fromManny, { due: { date: "2030-12-24" } });
    // Paris is an hour ahead of UTC in winter.
    expect(dueFields(moved)).toEqual({ due: { date: "2030-12-24" }, dueAt: "2030-12-24T23:00:00.000Z" });
  });

  it("lets a date due follow its owner to a new zone, while an instant stays where it is", async () => {
    const manny = await personIn("America/New_York", "Manny Manager");
    const sam = await personIn("Europe/Paris", "Sam Self", manny.id);
    const dated = await addTask(sam, sam.id, { title: "Dated", due: { date: "2030-06-10" } });
    const fixed = await addTask(sam, sam.id, { title: "Fixed", due: { at: "2030-06-10T22:00:00.000Z" } });
    const finished = await addTask(sam, sam.id, { title: "Finished", due: { date: "2030-06-10" } });
    await changeTask(sam, finished, { state: "done" });

    await setTimeZone(sam, "Asia/Tokyo");
    expect(dueFields(await taskOf(sam, dated.id))).toEqual({
      due: { date: "2030-06-10" },
      dueAt: "2030-06-10T15:00:00.000Z",
    });
    expect(dueFields(await taskOf(sam, finished.id)).dueAt).toBe("2030-06-10T15:00:00.000Z");
    expect(dueFields(await taskOf(sam, fixed.id))).toEqual(dueFields(fixed));
    expect((await plateOf(manny, sam.id)).items.map((task) => task.dueAt)).toEqual([
      "2030-06-10T15:00:00.000Z",
      "2030-06-10T22:00:00.000Z",
    ]);

    // Only the owner's zone counts: the manager who set nothing moves nothing by moving.
    await setTimeZone(manny, "Pacific/Honolulu");
    expect((await taskOf(sam, dated.id)).dueAt).toBe("2030-06-10T15:00:00.000Z");
  });

  it("keeps every date due in the owner's current zone while work is added as the zone changes", async () => {
    const sam = await personIn("UTC");
    const zones = ["Asia/Tokyo", "America/New_York"];
    const writes: Promise<Answer>[] = [];
    for (let n = 0; n < 60; n++) {
      writes.push(
        sam.client.post(`/api/v1/people/${sam.id}/tasks`, { title: `T${n}`, due: { date: "2030-06-10" } }),
      );
      if (n % 3 === 0) writes.push(sam.client.patch("/api/v1/me", { timeZone: zones[(n / 3) % 2] }));
    }
    for (const answer of await Promise.all(writes)) expect(answer.status).toBeLessThan(300);
    const zone = (await sam.client.get<{ timeZone: string }>("/api/v1/me")).body.timeZone;
    const dueAt = {
      "Asia/Tokyo": "2030-06-10T15:00:00.000Z",
      "America/New_York": "2030-06-11T04:00:00.000Z",
    }[zone];
    const plate = await plateOf(sam, sam.id);
    expect(plate.items).toHaveLength(60);
    expect(plate.items.filter((task) => task.dueAt !== dueAt).map((task) => task.title)).toEqual([]);
  });

  it("falls due at the first instant that exists when the next day starts in a DST gap", async () => {
    // São Paulo skipped from 3 November 2018 23:59:59 to 4 November 01:00 (UTC−2).
    const sam = await personIn("America/Sao_Paulo");
    const gap = await addTask(sam, sam.id, { due: { date: "2018-11-03" } });
    expect(dueFields(gap)).toEqual({ due: { date: "2018-11-03" }, dueAt: "2018-11-04T03:00:00.000Z" });
    const dayBefore = await addTask(sam, sam.id, { due: { date: "2018-11-02" } });
    expect(dayBefore.dueAt).toBe("2018-11-03T03:00:00.000Z");

    // Moving there later gives the same answer as having lived there.
    const ana = await personIn("UTC", "Ana Later");
    const later = await addTask(ana, ana.id, { due: { date: "2018-11-03" } });
    expect(later.dueAt).toBe("2018-11-04T00:00:00.000Z");
    await setTimeZone(ana, "America/Sao_Paulo");
    expect((await taskOf(ana, later.id)).dueAt).toBe("2018-11-04T03:00:00.000Z");
  });

  it("follows Lord Howe Island's half-hour offsets and half-hour daylight saving", async () => {
    const sam = await personIn("Australia/Lord_Howe");
    const at = async (date: string) => (await addTask(sam, sam.id, { due: { date } })).dueAt;
    expect(await at("2030-01-14")).toBe("2030-01-14T13:00:00.000Z"); // UTC+11 in summer
    expect(await at("2030-07-14")).toBe("2030-07-14T13:30:00.000Z"); // UTC+10:30 in winter
    // Clocks go from 02:00 to 02:30 on Sunday 6 October 2030: that day lasts 23½ hours.
    expect(await at("2030-10-05")).toBe("2030-10-05T13:30:00.000Z");
    expect(await at("2030-10-06")).toBe("2030-10-06T13:00:00.000Z");

    const ana = await personIn("UTC", "Ana Later");
    const later = await addTask(ana, ana.id, { due: { date: "2030-07-14" } });
    await setTimeZone(ana, "Australia/Lord_Howe");
    expect((await taskOf(ana, later.id)).dueAt).toBe("2030-07-14T13:30:00.000Z");
  });

  it("keeps an instant as given, answered in UTC with milliseconds", async () => {
    const sam = await personIn("Asia/Kolkata");
    for (const [given, answered] of [
      ["2030-06-10T12:34:56Z", "2030-06-10T12:34:56.000Z"],
      ["2030-06-10T12:34:56.5Z", "2030-06-10T12:34:56.500Z"],
      ["2030-06-10T12:34:56.123456Z", "2030-06-10T12:34:56.123Z"],
      ["2030-06-10T00:00:00.000Z", "2030-06-10T00:00:00.000Z"],
    ]) {
      const task = await addTask(sam, sam.id, { due: { at: given } });
      expect(dueFields(task)).toEqual({ due: { at: answered }, dueAt: answered });
      expect(dueFields(await taskOf(sam, task.id))).toEqual(dueFields(task));
    }
  });

  it("stores dues from year 0001 to year 9999, wherever the owner moves", async () => {
    const sam = await personIn("Pacific/Honolulu");
    const edges = [
      await addTask(sam, sam.id, { due: { date: "9999-12-30" } }),
      await addTask(sam, sam.id, { due: { date: "0001-01-01" } }),
      await addTask(sam, sam.id, { due: { at: "9999-12-31T23:59:59.999Z" } }),
      await addTask(sam, sam.id, { due: { at: "0001-01-01T00:00:00.000Z" } }),
    ];
    expect(edges.map((task) => task.dueAt)).toEqual([
      "9999-12-31T10:00:00.000Z",
      expect.stringMatching(/^0001-01-02T\d{2}:\d{2}:\d{2}\.000Z$/),
      "9999-12-31T23:59:59.999Z",
      "0001-01-01T00:00:00.000Z",
    ]);
    for (const zone of ["Pacific/Kiritimati", "Etc/GMT+12"]) {
      await setTimeZone(sam, zone);
      const plate = await plateOf(sam, sam.id);
      expect(plate.items.map((task) => task.due)).toEqual(edges.map((task) => task.due));
      for (const task of plate.items) expect(task.dueAt).toMatch(instantPattern);
    }
  });

  it("answers every instant of a task and its history as YYYY-MM-DDTHH:MM:SS.sssZ", async () => {
    h.clock.set("2030-08-01T07:08:09.010Z");
    const sam = await personIn("America/Los_Angeles");
    const task = await addTask(sam, sam.id, { due: { date: "2030-08-02" } });
    const started = await changeTask(sam, task, { state: "in_progress" });
    const done = await changeTask(sam, started, { state: "done" });
    const dropped = await changeTask(sam, done, { state: "dropped", dropReason: "Undone" });
    for (const value of [
      task.createdAt,
      task.dueAt,
      started.startedAt,
      done.completedAt,
      dropped.droppedAt,
      ...(await historyOf(sam, task.id)).map((entry) => entry.at),
    ]) {
      expect(value).toMatch(instantPattern);
    }
    expect(task.createdAt).toBe("2030-08-01T07:08:09.010Z");
    expect(task.dueAt).toBe("2030-08-03T07:00:00.000Z");
  });

  it("clears a due with null", async () => {
    const sam = await personIn("Europe/Paris");
    const undated = await addTask(sam, sam.id, { due: null });
    expect({ ...dueFields(undated), overdue: undated.overdue }).toEqual({
      due: null,
      dueAt: null,
      overdue: false,
    });

    for (const due of [{ date: "2030-06-10" }, { at: "2030-06-10T12:00:00.000Z" }]) {
      const task = await addTask(sam, sam.id, { due });
      const cleared = await changeTask(sam, task, { due: null });
      expect(dueFields(cleared)).toEqual({ due: null, dueAt: null });
      expect(cleared.overdue).toBe(false);
      expect(dueFields(await taskOf(sam, task.id))).toEqual({ due: null, dueAt: null });
      expect((await historyOf(sam, task.id)).at(-1)).toMatchObject({
        kind: "due_changed",
        from: due,
        to: null,
      });
    }
  });

  it("turns overdue when the clock reaches the due instant, and back when the due instant moves", async () => {
    const sam = await personIn("Europe/Paris");
    h.clock.set("2030-06-10T21:59:59.999Z");
    const task = await addTask(sam, sam.id, { due: { date: "2030-06-10" } });
    expect(task.overdue).toBe(false);
    expect((await plateOf(sam, sam.id)).load.overdue).toBe(0);

    h.clock.set("2030-06-10T22:00:00.000Z");
    expect((await taskOf(sam, task.id)).overdue).toBe(true);
    const plate = await plateOf(sam, sam.id);
    expect(plate.items.map((item) => item.overdue)).toEqual([true]);
    expect(plate.load.overdue).toBe(1);

    // Moving west, the owner's 10 June has hours left: the floating due is no longer past.
    await setTimeZone(sam, "America/New_York");
    expect(await taskOf(sam, task.id)).toMatchObject({ dueAt: "2030-06-11T04:00:00.000Z", overdue: false });
    const earlier = await changeTask(sam, await taskOf(sam, task.id), { due: { date: "2030-06-09" } });
    expect(earlier).toMatchObject({ dueAt: "2030-06-10T04:00:00.000Z", overdue: true });
  });

  it("never counts done or dropped work as overdue, and counts it again when reopened", async () => {
    const sam = await personIn("UTC");
    h.clock.set("2030-07-01T00:00:00.000Z");
    const [done, dropped] = [
      await addTask(sam, sam.id, { title: "Done", due: { at: "2030-06-01T00:00:00.000Z" } }),
      await addTask(sam, sam.id, { title: "Dropped", due: { date: "2030-06-01" } }),
    ];
    expect([done.overdue, dropped.overdue]).toEqual([true, true]);
    const finished = await changeTask(sam, done, { state: "done" });
    const abandoned = await changeTask(sam, dropped, { state: "dropped", dropReason: "Moot" });
    expect([finished.overdue, abandoned.overdue]).toEqual([false, false]);
    expect((await plateOf(sam, sam.id, "state=all")).items.map((task) => task.overdue)).toEqual([
      false,
      false,
    ]);
    expect((await plateOf(sam, sam.id)).load.overdue).toBe(0);

    const reopened = await changeTask(sam, finished, { state: "open" });
    expect(reopened.overdue).toBe(true);
    expect((await plateOf(sam, sam.id)).load.overdue).toBe(1);
  });
});
