import { z } from "zod";
import { Id, Instant } from "./common";

/** The kinds of mail the outbox lists; other mail (an account's own links) is not the organization's to read. */
export const OutboxKind = z.enum(["digest", "urgent", "invitation"]);
export type OutboxKind = z.infer<typeof OutboxKind>;

/** One message Docket sent or is sending for the organization: digests, urgent items, invitations. */
export const OutboxMessage = z
  .object({
    id: Id,
    kind: OutboxKind,
    to: z.string(),
    personId: Id.nullable(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    createdAt: Instant,
    /** pending: waiting for its time or being retried; sent: handed to SMTP or written to the outbox folder. */
    status: z.enum(["pending", "sent", "canceled"]),
    attempts: z.number().int(),
    nextAttemptAt: Instant.nullable(),
    lastError: z.string().nullable(),
    sentAt: Instant.nullable(),
  })
  .meta({ id: "OutboxMessage" });
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxList = z.object({
  items: z.array(OutboxMessage),
  /** Where mail goes: an SMTP server, or `.eml` files in the data directory. */
  delivery: z.enum(["smtp", "files"]),
});
export type OutboxList = z.infer<typeof OutboxList>;

export const OutboxQuery = z.strictObject({
  /** The next page: messages created before this instant (the last one's `createdAt`)… */
  before: Instant.optional(),
  /** …or at that instant with a smaller id (the last one's `id`). */
  beforeId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
