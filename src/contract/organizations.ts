import { z } from "zod";
import { Id, Instant } from "./common";

export const Organization = z
  .object({ id: Id, name: z.string(), createdAt: Instant })
  .meta({ id: "Organization" });
export type Organization = z.infer<typeof Organization>;

export const CreateOrganization = z.strictObject({
  name: z.string().trim().min(1, "name is required").max(120),
});
export type CreateOrganization = z.infer<typeof CreateOrganization>;
