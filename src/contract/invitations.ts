import { z } from "zod";
import { Id, Instant, Role } from "./common";
import { PersonName } from "./text";

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email("not a valid e-mail address"));

export const CreateInvitation = z.strictObject({
  email: Email,
  role: Role.optional(),
  managerId: Id.nullable().optional(),
});
export type CreateInvitation = z.infer<typeof CreateInvitation>;

/** What the inviter sees once, to copy: the link carries the token. */
export const CreatedInvitation = z
  .object({ id: Id, token: z.string(), url: z.string(), expiresAt: Instant })
  .meta({ id: "CreatedInvitation" });

/** A pending invitation as listed to admins (no token: it was shown once). */
export const Invitation = z
  .object({
    id: Id,
    email: z.string(),
    role: Role,
    managerId: Id.nullable(),
    invitedById: Id,
    createdAt: Instant,
    expiresAt: Instant,
    acceptedAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: "Invitation" });
export type Invitation = z.infer<typeof Invitation>;

/** What anyone holding the link may learn before accepting. */
export const InvitationPreview = z
  .object({
    email: z.string(),
    organizationName: z.string(),
    invitedByName: z.string(),
    expiresAt: Instant,
    /** The e-mail already has an account (in no organization): accept with its password, no name needed. */
    hasAccount: z.boolean(),
    /**
     * That account's e-mail was never verified: accepting with `replaceAccount: true` and a name makes a
     * new account in its place (the invitation went to that address), instead of joining with its password.
     */
    canReplaceAccount: z.boolean(),
  })
  .meta({ id: "InvitationPreview" });

export const InvitationTokenParams = z.object({ token: z.string().min(16).max(128) });

export const AcceptInvitation = z.strictObject({
  /** Required for a new account; ignored when joining with the account the e-mail already has. */
  name: PersonName.optional(),
  password: z.string().max(128),
  /** Make a new account in place of the e-mail's unverified one (the preview's `canReplaceAccount`). */
  replaceAccount: z.boolean().optional(),
});
export type AcceptInvitation = z.infer<typeof AcceptInvitation>;
