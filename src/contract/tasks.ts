import { z } from "zod";
import { Id, Instant, LocalDate } from "./common";
import { Notes, Reason, TaskTitle } from "./text";

/** When a task falls due: the end of a day in the owner's zone (floating), or a fixed instant. */
export const Due = z
  .union([z.strictObject({ date: LocalDate }), z.strictObject({ at: Instant })])
  .meta({ id: "Due" });
export type Due = z.infer<typeof Due>;

/** Where a task goes on its owner's plate; `before`/`after` name an open task of the same plate. */
export const Placement = z
  .union([z.enum(["top", "bottom"]), z.strictObject({ before: Id }), z.strictObject({ after: Id })])
  .meta({ id: "Placement" });
export type Placement = z.infer<typeof Placement>;

export const TaskState = z.enum(["triage", "open", "in_progress", "done", "dropped"]);
export type TaskState = z.infer<typeof TaskState>;

export const Task = z
  .object({
    id: Id,
    ownerId: Id,
    requesterId: Id,
    requestId: Id.nullable(),
    meetingId: Id.nullable().describe("The one-on-one meeting it was added from as an action item."),
    goalId: Id.nullable().describe("The goal it works towards."),
    title: z.string(),
    notes: z.string(),
    state: TaskState,
    position: z.number().int().min(1).nullable(),
    due: Due.nullable(),
    dueAt: Instant.nullable(),
    overdue: z.boolean(),
    urgent: z.boolean(),
    createdAt: Instant,
    startedAt: Instant.nullable(),
    completedAt: Instant.nullable(),
    droppedAt: Instant.nullable(),
    dropReason: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "Task" });
export type Task = z.infer<typeof Task>;

/** How much is on a plate: `open` counts open and in-progress tasks. */
export const Load = z
  .object({
    open: z.number().int(),
    dueThisWeek: z.number().int(),
    overdue: z.number().int(),
    triage: z.number().int(),
  })
  .meta({ id: "Load" });
export type Load = z.infer<typeof Load>;

export const PlateState = z.enum(["open", "triage", "done", "dropped", "all"]);
export type PlateState = z.infer<typeof PlateState>;

/** Where a page of a list starts: the `nextCursor` the page before it gave, as it was given. */
export const PageCursor = z
  .string()
  .min(1)
  .max(500)
  .regex(/^[A-Za-z0-9_-]+$/, "not a cursor this list gave")
  .describe("The next page: the `nextCursor` of the page before, as it was given.");

export const PlateQuery = z
  .strictObject({
    state: PlateState.default("open"),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(500)
      .optional()
      .describe(
        "At most this many triage, done or dropped tasks (default 100): triage oldest first, done and dropped newest first. Open tasks all come.",
      ),
    cursor: PageCursor.optional(),
    goalId: Id.optional().describe("Only the tasks that work towards this goal."),
  })
  .refine((query) => query.cursor === undefined || query.state === "triage", {
    message: "only triage is read a page at a time",
    path: ["cursor"],
  });
export type PlateQuery = z.infer<typeof PlateQuery>;

export const Plate = z
  .object({
    items: z.array(Task),
    load: Load,
    nextCursor: z
      .string()
      .optional()
      .describe("Triage only, when more tasks follow this page: pass it as `cursor` to read them."),
  })
  .meta({ id: "Plate" });
export type Plate = z.infer<typeof Plate>;

export const CreateTask = z.strictObject({
  title: TaskTitle,
  notes: Notes.optional(),
  due: Due.nullable().optional(),
  placement: Placement.optional().describe(
    "Where the task goes; default bottom, or top for urgent work. Ignored when the task lands in the owner's triage.",
  ),
  urgent: z.boolean().optional(),
  goalId: Id.nullable().optional().describe("A goal it works towards: one the plate's owner may see."),
});
export type CreateTask = z.infer<typeof CreateTask>;

/** The states a PATCH may ask for; `triage` is left through accept or decline. */
const SettableState = z.enum(["open", "in_progress", "done", "dropped"]);

export const UpdateTask = z
  .strictObject({
    version: z.number().int().min(1),
    title: TaskTitle.optional(),
    notes: Notes.optional(),
    due: Due.nullable().optional(),
    urgent: z.boolean().optional(),
    state: SettableState.optional(),
    dropReason: Reason.optional(),
    placement: Placement.optional().describe("Where a reopened task goes; default bottom."),
    goalId: Id.nullable().optional().describe("Join a goal the plate's owner may see; null leaves it."),
  })
  .refine((body) => body.state !== "dropped" || body.dropReason !== undefined, {
    message: "dropping a task needs a reason",
    path: ["dropReason"],
  })
  .refine((body) => body.dropReason === undefined || body.state === "dropped", {
    message: "a reason is only given when dropping",
    path: ["dropReason"],
  });
export type UpdateTask = z.infer<typeof UpdateTask>;

export const MoveTask = z.strictObject({
  placement: Placement,
  version: z.number().int().min(1).optional(),
});
export type MoveTask = z.infer<typeof MoveTask>;

export const AcceptTask = z.strictObject({
  placement: Placement,
  version: z.number().int().min(1).optional(),
});
export type AcceptTask = z.infer<typeof AcceptTask>;

export const DeclineTask = z.strictObject({
  reason: Reason,
  version: z.number().int().min(1).optional(),
});
export type DeclineTask = z.infer<typeof DeclineTask>;

export const HistoryKind = z.enum([
  "created",
  "accepted",
  "declined",
  "moved",
  "started",
  "stopped",
  "completed",
  "dropped",
  "reopened",
  "retitled",
  "notes_changed",
  "due_changed",
  "urgency_changed",
  "kept",
  "goal_changed",
]);
export type HistoryKind = z.infer<typeof HistoryKind>;

/** What a change went from or to: a state, a position, a title, a reason, a due, a flag. */
export const HistoryValue = z.union([z.string(), z.number(), z.boolean(), Due, z.null()]);
export type HistoryValue = z.infer<typeof HistoryValue>;

export const HistoryEntry = z
  .object({
    at: Instant,
    actorId: Id,
    kind: HistoryKind,
    from: HistoryValue.optional(),
    to: HistoryValue.optional(),
  })
  .meta({ id: "HistoryEntry" });
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const HistoryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(200).describe("At most this many entries."),
  cursor: PageCursor.optional(),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;

/** A task's history, oldest first, a page at a time. */
export const HistoryPage = z
  .object({
    items: z.array(HistoryEntry),
    nextCursor: z
      .string()
      .optional()
      .describe("When more entries follow this page: pass it as `cursor` to read them."),
  })
  .meta({ id: "HistoryPage" });
export type HistoryPage = z.infer<typeof HistoryPage>;

/** One direct report on a manager's team view: their load and the top of their plate. */
export const TeamMember = z
  .object({
    personId: Id,
    name: z.string(),
    title: z.string().nullable(),
    timeZone: z.string(),
    load: Load,
    top: z.array(Task),
    /** Urgent interruptions this person received in their current ISO week, from anyone. */
    interruptionsThisWeek: z.number().int(),
  })
  .meta({ id: "TeamMember" });
export type TeamMember = z.infer<typeof TeamMember>;

export const TeamQuery = z.strictObject({
  top: z.coerce.number().int().min(0).max(20).default(3),
});
