import { z } from "zod";
import { Id, Instant } from "./common";

export const AuditAction = z.enum([
  "organization.created",
  "organization.renamed",
  "organization.settings_changed",
  "person.role_changed",
  "person.manager_changed",
  "person.title_changed",
  "invitation.created",
  "invitation.revoked",
  "invitation.accepted",
  "token.created",
  "token.revoked",
  "person.password_changed",
  "person.password_reset",
  "webhook.created",
  "webhook.changed",
  "webhook.deleted",
  "webhook.resent",
]);
export type AuditAction = z.infer<typeof AuditAction>;

const AuditValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.record(z.string(), z.unknown()),
]);

export const AuditEvent = z
  .object({
    id: Id,
    action: AuditAction,
    /** Who did it. */
    actorId: Id,
    at: Instant,
    /** The person it was done to, when a person. */
    personId: Id.optional(),
    invitationId: Id.optional(),
    from: AuditValue.optional(),
    to: AuditValue.optional(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.strictObject({
  before: Instant.optional(),
  beforeId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
