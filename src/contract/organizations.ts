import { z } from "zod";
import { Id, Instant } from "./common";
import { OrganizationName } from "./text";

/** The organization's rules for interruptions. */
export const OrganizationSettings = z
  .strictObject({
    /** Urgent items one requester may send one person per week (in that person's zone). */
    urgentPerWeek: z.number().int().min(0).max(50),
    /** Open tasks untouched this many days are asked about: still needed? */
    staleAfterDays: z.number().int().min(1).max(365),
  })
  .meta({ id: "OrganizationSettings" });
export type OrganizationSettings = z.infer<typeof OrganizationSettings>;

export const Organization = z
  .object({ id: Id, name: z.string(), createdAt: Instant, settings: OrganizationSettings })
  .meta({ id: "Organization" });
export type Organization = z.infer<typeof Organization>;

export const CreateOrganization = z.strictObject({
  name: OrganizationName,
});
export type CreateOrganization = z.infer<typeof CreateOrganization>;

export const UpdateOrganization = z.strictObject({
  name: OrganizationName.optional(),
  settings: OrganizationSettings.partial().optional(),
});
export type UpdateOrganization = z.infer<typeof UpdateOrganization>;
