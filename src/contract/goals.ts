import { z } from "zod";
import { Id, Instant, LocalDate } from "./common";
import { PageCursor, Task } from "./tasks";
import { CheckInNote, GoalDescription, GoalTitle } from "./text";

export const GoalState = z.enum(["active", "achieved", "missed", "dropped"]);
export type GoalState = z.infer<typeof GoalState>;

export const CheckInStatus = z.enum(["on_track", "at_risk", "off_track"]);
export type CheckInStatus = z.infer<typeof CheckInStatus>;

/** A goal falls due on a local date of its owner's calendar. */
export const GoalDue = z.strictObject({ date: LocalDate }).meta({ id: "GoalDue" });
export type GoalDue = z.infer<typeof GoalDue>;

export const CheckIn = z
  .object({
    id: Id,
    goalId: Id,
    authorId: Id,
    status: CheckInStatus,
    note: z.string(),
    createdAt: Instant,
  })
  .meta({ id: "CheckIn" });
export type CheckIn = z.infer<typeof CheckIn>;

export const GoalProgress = z
  .object({
    done: z.number().int().min(0),
    total: z.number().int().min(0).describe("Its tasks, done or not; dropped tasks count in neither."),
  })
  .meta({ id: "GoalProgress" });
export type GoalProgress = z.infer<typeof GoalProgress>;

export const Goal = z
  .object({
    id: Id,
    ownerId: Id,
    title: z.string(),
    description: z.string(),
    due: GoalDue.nullable(),
    state: GoalState,
    parentId: Id.nullable().describe("The goal it supports."),
    progress: GoalProgress,
    latestCheckIn: CheckIn.nullable(),
    createdAt: Instant,
    version: z.number().int(),
  })
  .meta({ id: "Goal" });
export type Goal = z.infer<typeof Goal>;

export const CreateGoal = z.strictObject({
  ownerId: Id,
  title: GoalTitle,
  description: GoalDescription.optional(),
  due: GoalDue.nullable().optional(),
  parentId: Id.nullable().optional().describe("A goal it supports: one you can see, of your organization."),
});
export type CreateGoal = z.infer<typeof CreateGoal>;

export const UpdateGoal = z.strictObject({
  version: z.number().int().min(1),
  title: GoalTitle.optional(),
  description: GoalDescription.optional(),
  due: GoalDue.nullable().optional(),
  state: GoalState.optional(),
  parentId: Id.nullable()
    .optional()
    .describe("A goal it supports, never itself or one below it; null: it supports none."),
});
export type UpdateGoal = z.infer<typeof UpdateGoal>;

export const CreateCheckIn = z.strictObject({ status: CheckInStatus, note: CheckInNote });
export type CreateCheckIn = z.infer<typeof CreateCheckIn>;

export const GoalsQuery = z.strictObject({
  state: z
    .enum(["active", "achieved", "missed", "dropped", "all"])
    .default("all")
    .describe("Only goals in this state; default all, active first."),
});
export type GoalsQuery = z.infer<typeof GoalsQuery>;

/** The most goals a person's list answers. */
export const goalListLimit = 200;

export const GoalList = z
  .object({
    items: z.array(Goal).describe(`At most ${goalListLimit} goals: active ones first, then newest first.`),
  })
  .meta({ id: "GoalList" });
export type GoalList = z.infer<typeof GoalList>;

export const CheckInsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("At most this many check-ins."),
  cursor: PageCursor.optional(),
});
export type CheckInsQuery = z.infer<typeof CheckInsQuery>;

export const CheckInPage = z
  .object({
    items: z.array(CheckIn).describe("Newest first."),
    nextCursor: z
      .string()
      .optional()
      .describe("When older check-ins follow this page: pass it as `cursor` to read them."),
  })
  .meta({ id: "CheckInPage" });
export type CheckInPage = z.infer<typeof CheckInPage>;

/** The most tasks a goal's task list answers. */
export const goalTasksLimit = 500;

/** A goal's tasks across plates, as far as the reader may see them. */
export const GoalTasks = z
  .object({
    items: z
      .array(Task)
      .describe(
        `At most ${goalTasksLimit} tasks, on the plates the reader may see: open, in progress and triage first, then done, then dropped, each newest first.`,
      ),
    hidden: z
      .number()
      .int()
      .min(0)
      .describe(
        "Tasks of the goal on plates the reader may not see: counted in progress, not listed (dropped ones count in neither).",
      ),
  })
  .meta({ id: "GoalTasks" });
export type GoalTasks = z.infer<typeof GoalTasks>;
