import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Due } from "./due-dates";
import { buildRecord, type RecordItem } from "./record";
import { type Story, told, toldAll } from "./record-fixtures";

const period = { from: "2025-01-01", to: "2027-12-31" };

/** The record item of one story. */
function itemOf(story: Story): RecordItem {
  const { task, history } = told(story);
  const record = buildRecord({
    timeZone: story.timeZone,
    ...period,
    tasks: [task],
    history,
    requestsReceived: 0,
  });
  return record.items[0] as RecordItem;
}

const berlin = "Europe/Berlin";

describe("on time", () => {
  it("is judged against the end of the due date in the owner's zone", () => {
    // 2026-03-27 ends at 23:00 UTC in Berlin (CET, +01:00).
    const onTime = itemOf({
      timeZone: berlin,
      due: { date: "2026-03-27" },
      finishedAt: "2026-03-27T22:59:00.000Z",
    });
    expect(onTime).toMatchObject({ onTime: true, daysLate: 0, dueAt: "2026-03-27T23:00:00.000Z" });
    const late = itemOf({
      timeZone: berlin,
      due: { date: "2026-03-27" },
      finishedAt: "2026-03-27T23:00:00.001Z",
    });
    expect(late).toMatchObject({ onTime: false, daysLate: 1 });
  });

  it("counts whole days in the owner's calendar across a DST change", () => {
    // Berlin springs forward in the night of 2026-03-29: that local day has 23 hours.
    const due = { date: "2026-03-28" };
    expect(itemOf({ timeZone: berlin, due, finishedAt: "2026-03-29T21:30:00.000Z" }).daysLate).toBe(1);
    expect(itemOf({ timeZone: berlin, due, finishedAt: "2026-03-29T22:30:00.000Z" }).daysLate).toBe(2);
    // And falls back in the night of 2026-10-25: that local day has 25 hours.
    const autumn = { date: "2026-10-24" };
    expect(itemOf({ timeZone: berlin, due: autumn, finishedAt: "2026-10-25T22:59:00.000Z" }).daysLate).toBe(
      1,
    );
    expect(itemOf({ timeZone: berlin, due: autumn, finishedAt: "2026-10-25T23:00:00.000Z" }).daysLate).toBe(
      2,
    );
  });

  it("holds at the odd offsets of Pacific/Chatham and Asia/Kathmandu", () => {
    // Chatham is +13:45 in January: 10:00 UTC is 23:45 local, 10:30 UTC is 00:15 the next day.
    const chatham = { timeZone: "Pacific/Chatham", due: { at: "2026-01-10T10:00:00.000Z" } };
    expect(itemOf({ ...chatham, finishedAt: "2026-01-10T10:00:00.000Z" })).toMatchObject({
      onTime: true,
      daysLate: 0,
    });
    expect(itemOf({ ...chatham, finishedAt: "2026-01-10T10:30:00.000Z" })).toMatchObject({
      onTime: false,
      daysLate: 1,
    });
    // Kathmandu is +05:45: 2026-03-01 ends at 18:15 UTC, and finishing at that instant is in time.
    const kathmandu = { timeZone: "Asia/Kathmandu", due: { date: "2026-03-01" } };
    expect(itemOf({ ...kathmandu, finishedAt: "2026-03-01T18:15:00.000Z" })).toMatchObject({
      onTime: true,
      daysLate: 0,
    });
    expect(itemOf({ ...kathmandu, finishedAt: "2026-03-01T18:15:00.001Z" })).toMatchObject({
      onTime: false,
      daysLate: 1,
    });
  });

  it("marks work finished hours after a fixed due, on the same day, late by 0 days", () => {
    const item = itemOf({
      timeZone: berlin,
      due: { at: "2026-06-10T07:00:00.000Z" },
      finishedAt: "2026-06-10T13:00:00.000Z",
    });
    expect(item).toMatchObject({ onTime: false, daysLate: 0 });
  });

  it("is null without a due, and never late for dropped work", () => {
    expect(itemOf({ timeZone: berlin, finishedAt: "2026-06-10T13:00:00.000Z" })).toMatchObject({
      onTime: null,
      daysLate: null,
      due: null,
      dueAt: null,
    });
    const dropped = itemOf({
      timeZone: berlin,
      state: "dropped",
      dropReason: "The client cancelled",
      due: { date: "2026-01-01" },
      finishedAt: "2026-06-10T13:00:00.000Z",
    });
    expect(dropped).toMatchObject({
      onTime: null,
      daysLate: null,
      dropReason: "The client cancelled",
      due: { date: "2026-01-01" },
    });
  });
});

describe("the due in force when it finished", () => {
  it("ignores changes made after completion", () => {
    const item = itemOf({
      timeZone: berlin,
      due: { date: "2026-05-01" },
      finishedAt: "2026-05-04T10:00:00.000Z",
      after: [{ date: "2026-06-01" }, null],
    });
    expect(item).toMatchObject({ due: { date: "2026-05-01" }, onTime: false, daysLate: 3, slips: 0 });
  });

  it("is the last due before the final finish of reopened work", () => {
    const item = itemOf({
      timeZone: berlin,
      due: { date: "2026-05-01" },
      finishedEarlierWith: [{ date: "2026-05-10" }],
      finishedAt: "2026-05-08T10:00:00.000Z",
    });
    expect(item).toMatchObject({ due: { date: "2026-05-10" }, onTime: true, slips: 1 });
  });
});

describe("slips", () => {
  it("count each move later, not the moves earlier nor a first due", () => {
    const item = itemOf({
      timeZone: berlin,
      due: null,
      before: [
        { date: "2026-05-01" },
        { date: "2026-05-08" },
        { date: "2026-05-05" },
        { date: "2026-05-20" },
      ],
      finishedAt: "2026-05-19T10:00:00.000Z",
    });
    expect(item.slips).toBe(2);
  });

  it("count a due taken away, and compare dates with instants in the owner's zone", () => {
    expect(
      itemOf({
        timeZone: berlin,
        due: { date: "2026-05-01" },
        before: [null],
        finishedAt: "2026-05-19T10:00:00.000Z",
      }),
    ).toMatchObject({ slips: 1, onTime: null, due: null });
    // 2026-05-01 falls due at 2026-05-01T22:00Z in Berlin: 21:00Z is earlier, 23:00Z later.
    const fromDate = {
      timeZone: berlin,
      due: { date: "2026-05-01" },
      finishedAt: "2026-05-19T10:00:00.000Z",
    };
    expect(itemOf({ ...fromDate, before: [{ at: "2026-05-01T21:00:00.000Z" }] }).slips).toBe(0);
    expect(itemOf({ ...fromDate, before: [{ at: "2026-05-01T23:00:00.000Z" }] }).slips).toBe(1);
  });
});

describe("a record", () => {
  const stories: Story[] = [
    {
      id: "a",
      timeZone: berlin,
      due: { date: "2026-03-03" },
      finishedAt: "2026-03-02T09:00:00.000Z",
      createdAt: "2026-02-28T09:00:00.000Z",
    },
    {
      id: "b",
      timeZone: berlin,
      due: { date: "2026-03-03" },
      finishedAt: "2026-03-05T09:00:00.000Z",
      before: [{ date: "2026-03-04" }],
      createdAt: "2026-03-01T09:00:00.000Z",
    },
    {
      id: "c",
      timeZone: berlin,
      finishedAt: "2026-03-10T09:00:00.000Z",
      requestId: "req-1",
      goalId: "goal-1",
      createdAt: "2026-03-09T09:00:00.000Z",
    },
    { id: "d", timeZone: berlin, state: "dropped", finishedAt: "2026-03-16T09:00:00.000Z" },
  ];

  const record = buildRecord({
    timeZone: berlin,
    from: "2026-03-01",
    to: "2026-03-16",
    ...toldAll(stories),
    requestsReceived: 3,
  });

  it("lists finished items newest first", () => {
    expect(record.items.map((item) => item.taskId)).toEqual(["d", "c", "b", "a"]);
  });

  it("says which goal each item worked towards", () => {
    expect(record.items.map((item) => [item.taskId, item.goalId])).toEqual([
      ["d", null],
      ["c", "goal-1"],
      ["b", null],
      ["a", null],
    ]);
  });

  it("sums them up", () => {
    expect(record.summary).toEqual({
      completed: 3,
      completedOnTime: 1,
      completedLate: 1,
      completedWithoutDue: 1,
      onTimeRate: 0.5,
      dropped: 1,
      slipped: 1,
      requestsReceived: 3,
      requestsCompleted: 1,
      medianDaysToComplete: 2,
    });
  });

  it("has every ISO week that overlaps the period, zeros included", () => {
    expect(record.weeks).toEqual([
      { weekStart: "2026-02-23", completed: 0, onTime: 0, late: 0, withoutDue: 0, dropped: 0 },
      { weekStart: "2026-03-02", completed: 2, onTime: 1, late: 1, withoutDue: 0, dropped: 0 },
      { weekStart: "2026-03-09", completed: 1, onTime: 0, late: 0, withoutDue: 1, dropped: 0 },
      { weekStart: "2026-03-16", completed: 0, onTime: 0, late: 0, withoutDue: 0, dropped: 1 },
    ]);
  });

  it("has no on-time rate, rather than 0 % or 100 %, when nothing with a due was completed", () => {
    const empty = buildRecord({
      timeZone: berlin,
      from: "2026-03-01",
      to: "2026-03-31",
      tasks: [],
      history: [],
      requestsReceived: 0,
    });
    expect(empty.summary).toMatchObject({ completed: 0, onTimeRate: null, medianDaysToComplete: null });
    expect(empty.weeks).toHaveLength(6); // 2026-03-01 is a Sunday: its week began on 2026-02-23.
    const undated = buildRecord({
      timeZone: berlin,
      ...period,
      ...toldAll([stories[2] as Story]),
      requestsReceived: 0,
    });
    expect(undated.summary.onTimeRate).toBeNull();
  });

  it("puts work in the week of the owner's own calendar", () => {
    // Sunday 23:30 UTC is already Monday in Kathmandu.
    const late = buildRecord({
      timeZone: "Asia/Kathmandu",
      from: "2026-03-01",
      to: "2026-03-31",
      ...toldAll([{ timeZone: "Asia/Kathmandu", finishedAt: "2026-03-08T23:30:00.000Z" }]),
      requestsReceived: 0,
    });
    expect(late.weeks.find((week) => week.completed === 1)?.weekStart).toBe("2026-03-09");
  });
});

const zones = [
  "Europe/Berlin",
  "Pacific/Chatham",
  "Asia/Kathmandu",
  "America/Santiago",
  "Australia/Lord_Howe",
];
const dueArbitrary: fc.Arbitrary<Due | null> = fc.oneof(
  fc.constant(null),
  fc
    .integer({ min: 0, max: 800 })
    .map((days) => ({ date: new Date(Date.UTC(2025, 6, 1) + days * 86_400_000).toISOString().slice(0, 10) })),
  fc
    .integer({ min: Date.UTC(2025, 6, 1), max: Date.UTC(2027, 6, 1) })
    .map((ms) => ({ at: new Date(ms).toISOString() })),
);

describe("changing the due of a finished task", () => {
  it("never changes its record", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom<"done" | "dropped">("done", "dropped"),
        dueArbitrary,
        fc.array(dueArbitrary, { maxLength: 4 }),
        fc.integer({ min: Date.UTC(2025, 6, 1), max: Date.UTC(2027, 6, 1) }),
        fc.array(dueArbitrary, { minLength: 1, maxLength: 4 }),
        (timeZone, state, due, before, finishedMs, after) => {
          const finishedAt = new Date(finishedMs).toISOString();
          const story: Story = { id: "t", timeZone, state, due, before, finishedAt };
          const record = (changedAfter: readonly (Due | null)[]) => {
            const { task, history } = told({ ...story, after: changedAfter });
            return buildRecord({ timeZone, ...period, tasks: [task], history, requestsReceived: 0 });
          };
          expect(record(after)).toEqual(record([]));
        },
      ),
      { numRuns: 500 },
    );
  });
});
