/** Records and packet inputs for the packet tests: a realistic year in Paris, and a large one. */
import type { Feedback } from "../../contract/feedback";
import type { Goal } from "../../contract/goals";
import type { Record, RecordItem, RecordSummary } from "../../contract/record";
import type { PacketInput } from "./packet-input";

export const timeZone = "Europe/Paris";

export const item = (
  overrides: Partial<RecordItem> & Pick<RecordItem, "taskId" | "finishedAt">,
): RecordItem => ({
  title: `Task ${overrides.taskId}`,
  state: "done",
  requesterId: "mgr",
  requestId: null,
  goalId: null,
  createdAt: "2025-03-01T09:00:00.000Z",
  due: null,
  dueAt: null,
  onTime: null,
  daysLate: null,
  slips: 0,
  dropReason: null,
  ...overrides,
});

/** The summary a record of `items` carries, counted simply (medians and requests are fixed). */
export function summaryOf(items: readonly RecordItem[]): RecordSummary {
  const done = items.filter((i) => i.state === "done");
  const onTime = done.filter((i) => i.onTime === true).length;
  const late = done.filter((i) => i.onTime === false).length;
  return {
    completed: done.length,
    completedOnTime: onTime,
    completedLate: late,
    completedWithoutDue: done.length - onTime - late,
    onTimeRate: onTime + late === 0 ? null : onTime / (onTime + late),
    dropped: items.length - done.length,
    slipped: done.filter((i) => i.slips > 0).length,
    requestsReceived: items.filter((i) => i.requestId !== null).length,
    requestsCompleted: done.filter((i) => i.requestId !== null).length,
    medianDaysToComplete: done.length === 0 ? null : 3.5,
  };
}

export function recordOf(items: RecordItem[], period = { from: "2025-03-01", to: "2026-02-28" }): Record {
  const newestFirst = [...items].sort((a, b) => Date.parse(b.finishedAt) - Date.parse(a.finishedAt));
  return {
    personId: "ada",
    timeZone,
    ...period,
    summary: summaryOf(newestFirst),
    weeks: [],
    items: newestFirst,
    goals: yearGoals,
    feedback: yearFeedback,
    oneOnOnesHeld: 11,
  };
}

/** An active goal part way there, with a worried check-in, and one achieved during the year. */
export const yearGoals: Goal[] = [
  {
    id: "g-launch",
    ownerId: "ada",
    title: "Launch the <b>analytics</b> engine",
    description: "",
    due: { date: "2026-06-30" },
    state: "active",
    parentId: null,
    progress: { done: 3, total: 5 },
    latestCheckIn: {
      id: "c-1",
      goalId: "g-launch",
      authorId: "ada",
      status: "at_risk",
      note: "Waiting on the\nnew cluster",
      createdAt: "2026-02-10T09:00:00.000Z",
    },
    createdAt: "2025-03-03T09:00:00.000Z",
    version: 4,
  },
  {
    id: "g-hiring",
    ownerId: "ada",
    title: "Hire two engineers",
    description: "",
    due: null,
    state: "achieved",
    parentId: null,
    progress: { done: 2, total: 2 },
    latestCheckIn: null,
    createdAt: "2025-04-01T09:00:00.000Z",
    version: 2,
  },
];

/** Feedback to Ada during the year: shared with her manager, and about a task. */
export const yearFeedback: Feedback[] = [
  {
    id: "f-2",
    fromId: "mgr",
    toId: "ada",
    body: "The year-end close was calm and early.\nThank you! [link](https://evil.example)",
    visibility: "with_manager",
    taskId: "t-december-1",
    requestId: null,
    createdAt: "2025-12-20T10:00:00.000Z",
  },
  {
    id: "f-1",
    fromId: "someone-gone",
    toId: "ada",
    body: "Great roadmap draft.",
    visibility: "private",
    taskId: null,
    requestId: null,
    createdAt: "2025-03-20T10:00:00.000Z",
  },
];

/** A year with a quiet July and August (nothing finished), a busy December, and awkward titles. */
export const yearItems: RecordItem[] = [
  item({
    taskId: "t-march",
    title: "Draft the Q1 roadmap",
    finishedAt: "2025-03-14T16:00:00.000Z",
    createdAt: "2025-03-02T08:00:00.000Z",
    due: { date: "2025-03-15" },
    dueAt: "2025-03-15T23:00:00.000Z",
    onTime: true,
    daysLate: 0,
  }),
  item({
    taskId: "t-april-edge",
    title: "Überprüfung — Отчёт",
    // 00:30 on 1 April in Paris: April's, though it is still March in UTC.
    finishedAt: "2025-03-31T22:30:00.000Z",
    createdAt: "2025-03-20T08:00:00.000Z",
    due: { date: "2025-03-28" },
    dueAt: "2025-03-28T23:00:00.000Z",
    onTime: false,
    daysLate: 4,
    slips: 2,
  }),
  item({
    taskId: "t-may",
    title: "Fix [the login](https://evil.example) <script>alert(1)</script> | # not a heading",
    finishedAt: "2025-05-20T10:00:00.000Z",
    requesterId: "gone",
    requestId: "req-1",
  }),
  item({
    taskId: "t-june",
    title: "Call the supplier",
    finishedAt: "2025-06-10T18:00:00.000Z",
    due: { at: "2025-06-10T12:00:00.000Z" },
    dueAt: "2025-06-10T12:00:00.000Z",
    onTime: false,
    daysLate: 0,
  }),
  item({
    taskId: "t-september",
    title: '=HYPERLINK("https://evil.example","click")',
    state: "dropped",
    finishedAt: "2025-09-03T09:00:00.000Z",
    dropReason: "The client cancelled\nthe project — **entirely**",
    requesterId: "ada",
  }),
  ...Array.from({ length: 6 }, (_, i) =>
    item({
      taskId: `t-december-${i + 1}`,
      title: `Year-end close, part ${i + 1}`,
      finishedAt: `2025-12-${String(10 + i).padStart(2, "0")}T15:00:00.000Z`,
      due: { date: "2025-12-20" },
      dueAt: "2025-12-20T23:00:00.000Z",
      onTime: true,
      daysLate: 0,
      requestId: i < 3 ? "req-2" : null,
    }),
  ),
];

export const names: ReadonlyMap<string, string> = new Map([
  ["ada", "Ada Lovelace"],
  ["mgr", "Grace Hopper"],
]);

export const packetInput = (overrides: Partial<PacketInput> = {}): PacketInput => ({
  record: recordOf(yearItems),
  person: { name: "Ada Lovelace", title: "Staff Engineer", email: "ada@example.com" },
  names,
  generatedAt: "2026-03-01T08:00:00.000Z",
  ...overrides,
});

/** About `count` items spread over a year, mixed states and dues, some with long titles. */
export function largeInput(count = 500): PacketInput {
  const items = Array.from({ length: count }, (_, i) => {
    const month = (i % 12) + 1;
    const year = month >= 3 ? 2025 : 2026;
    const day = (i % 28) + 1;
    const finishedAt = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T10:00:00.000Z`;
    const kind = i % 5;
    return item({
      taskId: `t${i}`,
      title:
        i % 7 === 0
          ? `Task ${i}: ${"review the quarterly figures with finance and write up what changed ".repeat(3)}`
          : `Task ${i}: prepare the weekly update`,
      finishedAt,
      state: kind === 4 ? "dropped" : "done",
      dropReason: kind === 4 ? "Superseded by the new plan" : null,
      due: kind < 2 ? { date: finishedAt.slice(0, 10) } : null,
      dueAt: kind < 2 ? finishedAt : null,
      onTime: kind === 0 ? true : kind === 1 ? false : null,
      daysLate: kind === 0 ? 0 : kind === 1 ? 2 : null,
      slips: i % 11 === 0 ? 1 : 0,
    });
  });
  return packetInput({ record: recordOf(items) });
}
