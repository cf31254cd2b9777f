import { describe, expect, it } from "vitest";
import type { InboxItem } from "../../contract/inbox";
import type { Record } from "../../contract/record";
import type { Task } from "../../contract/tasks";
import { inboxLines } from "./inbox";
import { plateLines } from "./plate";
import { recordLines } from "./record";
import { painter } from "./style";

const plain = painter(false);
const now = new Date("2030-03-14T10:00:00Z");
const owner = { name: "Ada Lovelace", timeZone: "Europe/London" };

const task = (overrides: Partial<Task>): Task => ({
  id: "t1",
  ownerId: "p1",
  requesterId: "p1",
  requestId: null,
  meetingId: null,
  goalId: null,
  title: "Ship it",
  notes: "",
  state: "open",
  position: 1,
  due: null,
  dueAt: null,
  overdue: false,
  urgent: false,
  createdAt: "2030-03-01T00:00:00.000Z",
  startedAt: null,
  completedAt: null,
  droppedAt: null,
  dropReason: null,
  version: 1,
  ...overrides,
});

describe("a plate's lines", () => {
  it("sums up the load, then one row a task with its due, marks and id", () => {
    const plate = {
      items: [
        task({ id: "a", title: "Fix the build", urgent: true, due: { date: "2030-03-12" }, overdue: true }),
        task({
          id: "b",
          title: "Write the review",
          position: 2,
          state: "in_progress",
          due: { date: "2030-03-15" },
        }),
      ],
      load: { open: 2, dueThisWeek: 2, overdue: 1, triage: 3 },
    };
    expect(plateLines(plate, owner, now, 120, plain)).toEqual([
      "Ada Lovelace's plate: 2 open tasks, 2 due this week, 1 overdue, 3 waiting in triage",
      "1  Fix the build     2 days overdue  urgent   a",
      "2  Write the review  tomorrow        started  b",
    ]);
  });

  it("says so when the plate is empty", () => {
    const plate = { items: [], load: { open: 0, dueThisWeek: 0, overdue: 0, triage: 0 } };
    expect(plateLines(plate, owner, now, 80, plain)).toEqual([
      "Ada Lovelace's plate: 0 open tasks, 0 due this week, 0 overdue",
      "Nothing on the plate.",
    ]);
  });
});

describe("the inbox's lines", () => {
  const item = (overrides: Partial<InboxItem>): InboxItem => ({
    id: "i1",
    kind: "task.added",
    actorId: "p2",
    at: "2030-03-14T09:05:00.000Z",
    readAt: null,
    count: 1,
    title: "Ship it",
    ...overrides,
  });

  it("marks unread entries, counts coalesced ones, and names nobody for time passing", () => {
    const inbox = {
      unread: 1,
      items: [
        item({ kind: "task.moved", count: 30 }),
        item({
          id: "i2",
          kind: "task.overdue",
          at: "2030-03-13T08:00:00.000Z",
          readAt: "2030-03-13T09:00:00.000Z",
        }),
      ],
    };
    const names = (id: string) => (id === "p2" ? "Manny Manager" : id);
    expect(inboxLines(inbox, names, "Europe/London", now, 80, plain)).toEqual([
      "Inbox: 1 unread",
      "•  today 09:05      Manny Manager  moved ×30  Ship it",
      "   yesterday 08:00                 overdue    Ship it",
    ]);
  });
});

describe("a record's lines", () => {
  it("gives the period, the summary and the latest four weeks", () => {
    const week = (weekStart: string, completed: number) => ({
      weekStart,
      completed,
      onTime: completed,
      late: 0,
      withoutDue: 0,
      dropped: 0,
    });
    const record = {
      personId: "p1",
      timeZone: "Europe/London",
      from: "2030-01-01",
      to: "2030-03-14",
      summary: {
        completed: 12,
        completedOnTime: 9,
        completedLate: 1,
        completedWithoutDue: 2,
        onTimeRate: 0.9,
        dropped: 1,
        slipped: 2,
        requestsReceived: 3,
        requestsCompleted: 2,
        medianDaysToComplete: 1.5,
      },
      weeks: ["2030-02-11", "2030-02-18", "2030-02-25", "2030-03-04", "2030-03-11"].map((at, n) =>
        week(at, n),
      ),
      items: [],
      goals: [],
      feedback: [],
      oneOnOnesHeld: 0,
    } satisfies Record;
    expect(recordLines(record, "Ada Lovelace", 80, plain)).toEqual([
      "Ada Lovelace's record, 2030-01-01 to 2030-03-14 (Europe/London)",
      "Completed 12: 9 on time, 1 late, 2 without a due; 90% on time",
      "Dropped 1, slipped 2; requests 2 of 3 completed; median 1.5 days to complete",
      "Latest weeks:",
      "  week of 2030-02-18  1 completed  1 on time  0 late  0 dropped",
      "  week of 2030-02-25  2 completed  2 on time  0 late  0 dropped",
      "  week of 2030-03-04  3 completed  3 on time  0 late  0 dropped",
      "  week of 2030-03-11  4 completed  4 on time  0 late  0 dropped",
    ]);
  });
});
