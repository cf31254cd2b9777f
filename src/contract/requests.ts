import { z } from "zod";
import { Id, Instant } from "./common";
import { Due, Load, TaskState } from "./tasks";
import { Notes, Reason, RequestTitle } from "./text";

const AssigneeIds = z
  .array(Id)
  .max(1000)
  .refine((ids) => new Set(ids).size === ids.length, { message: "each person once" });

/** Groups of people a request can name besides individuals, resolved when it is sent. */
export const AssigneeGroup = z.enum(["direct_reports", "everyone_below"]);
export type AssigneeGroup = z.infer<typeof AssigneeGroup>;

export const CreateRequest = z
  .strictObject({
    title: RequestTitle,
    notes: Notes.optional(),
    due: Due.nullable().optional(),
    assigneeIds: AssigneeIds.default([]),
    groups: z
      .array(AssigneeGroup)
      .max(2)
      .optional()
      .describe("Also everyone in these groups of mine: my direct reports, or everyone below me."),
  })
  .refine((body) => body.assigneeIds.length > 0 || (body.groups?.length ?? 0) > 0, {
    message: "name at least one person or group",
    path: ["assigneeIds"],
  });
export type CreateRequest = z.infer<typeof CreateRequest>;

export const RequestAssignee = z
  .object({
    personId: Id,
    taskId: Id,
    state: TaskState,
    completedAt: Instant.nullable(),
    droppedAt: Instant.nullable(),
    dropReason: z.string().nullable(),
  })
  .meta({ id: "RequestAssignee" });
export type RequestAssignee = z.infer<typeof RequestAssignee>;

export const RequestProgress = z
  .object({
    done: z.number().int(),
    dropped: z.number().int(),
    open: z.number().int().describe("Not finished yet, triage included."),
    total: z.number().int(),
  })
  .meta({ id: "RequestProgress" });

export const Request = z
  .object({
    id: Id,
    requesterId: Id,
    title: z.string(),
    notes: z.string(),
    due: Due.nullable(),
    createdAt: Instant,
    canceledAt: Instant.nullable(),
    cancelReason: z.string().nullable(),
    progress: RequestProgress,
    assignees: z.array(RequestAssignee).describe("Still open first, then done, then dropped."),
  })
  .meta({ id: "Request" });
export type Request = z.infer<typeof Request>;

export const CancelRequest = z.strictObject({ reason: Reason });
export type CancelRequest = z.infer<typeof CancelRequest>;

export const AddAssignees = z
  .strictObject({
    assigneeIds: AssigneeIds.default([]),
    groups: z.array(AssigneeGroup).max(2).optional(),
  })
  .refine((body) => body.assigneeIds.length > 0 || (body.groups?.length ?? 0) > 0, {
    message: "name at least one person or group",
    path: ["assigneeIds"],
  });
export type AddAssignees = z.infer<typeof AddAssignees>;

/** What sending a request to these people would cost them, shown before it is sent. */
export const AssigneePreviewQuery = z.strictObject({
  ids: z.string().max(40_000).optional().describe("Comma-separated person ids."),
  groups: z.string().max(100).optional().describe("Comma-separated: direct_reports, everyone_below."),
});

export const AssigneePreview = z
  .object({
    personId: Id,
    name: z.string(),
    timeZone: z.string(),
    load: Load.omit({ triage: true })
      .nullable()
      .describe(
        "What is on their plate now; null unless you may see their plate (you are in their management chain).",
      ),
    lands: z
      .enum(["plate", "triage"])
      .describe("Where the task would go: placed at the bottom, or in triage."),
  })
  .meta({ id: "AssigneePreview" });
export type AssigneePreview = z.infer<typeof AssigneePreview>;
