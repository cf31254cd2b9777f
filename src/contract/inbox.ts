import { z } from "zod";
import { Id, Instant } from "./common";
import { HistoryValue } from "./tasks";

export const InboxKind = z.enum([
  "task.added",
  "task.asked",
  "task.moved",
  "task.redated",
  "task.edited",
  "task.urgent",
  "task.completed",
  "task.dropped",
  "task.accepted",
  "task.declined",
  "task.due_soon",
  "task.overdue",
  "task.stale",
  "request.progress",
  "feedback.received",
  "feedback.requested",
  "feedback.answered",
  "webhook.disabled",
  "task.commented",
  "comment.mentioned",
  "request.nudged",
]);
export type InboxKind = z.infer<typeof InboxKind>;

export const InboxItem = z
  .object({
    id: Id,
    kind: InboxKind,
    taskId: Id.optional(),
    requestId: Id.optional(),
    /** Who made the change; for due soon, overdue and still needed?, who asked for the task. */
    actorId: Id,
    /** When it last changed: related changes coalesce into one entry. */
    at: Instant,
    readAt: Instant.nullable(),
    /** How many changes the entry stands for (thirty moves by one person are one entry, count 30). */
    count: z.number().int().min(1),
    /** The task's title when it changed; for feedback, the title of the task or request it is about (else empty). */
    title: z.string(),
    /** What the change went from and to: positions, "triage", dues, reasons; `request.nudged`: `to` is the requester's note, when they wrote one. */
    from: HistoryValue.optional(),
    to: HistoryValue.optional(),
    /** The task's owner, when the entry is about a task. */
    ownerId: Id.optional(),
    /** `feedback.received`: the feedback (read it at `GET /feedback/{id}`); `feedback.answered`: the answer. */
    feedbackId: Id.optional(),
    /** `feedback.requested` and `feedback.answered`, and feedback that answers a request: the feedback request. */
    feedbackRequestId: Id.optional(),
    /** `feedback.requested` and `feedback.answered`: the person the feedback request is about. */
    aboutId: Id.optional(),
    /** `webhook.disabled`: the endpoint turned off after failing for 24 hours (its description or origin is the title). */
    webhookId: Id.optional(),
  })
  .meta({ id: "InboxItem" });
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxList = z.object({
  items: z.array(InboxItem),
  /** Unread entries in the whole inbox, not only in this page. */
  unread: z.number().int().min(0),
});
export type InboxList = z.infer<typeof InboxList>;

export const InboxQuery = z.strictObject({
  /** The next page: entries older than this instant (the last one's `at`)… */
  before: Instant.optional(),
  /** …or as old, with a smaller id (the last one's `id`), so entries of one instant are never skipped. */
  beforeId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const MarkRead = z.union([
  z.strictObject({ ids: z.array(Id).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkRead = z.infer<typeof MarkRead>;

export const DigestPreview = z
  .object({
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    /** False when nothing is new: no digest would be e-mailed now. */
    wouldSend: z.boolean(),
  })
  .meta({ id: "DigestPreview" });
export type DigestPreview = z.infer<typeof DigestPreview>;
