import { z } from "zod";
import { Id, Instant } from "./common";

export const CreateToken = z.strictObject({ name: z.string().trim().min(1, "name is required").max(80) });

export const ApiToken = z
  .object({ id: Id, name: z.string(), createdAt: Instant, lastUsedAt: Instant.nullable() })
  .meta({ id: "ApiToken" });
export type ApiToken = z.infer<typeof ApiToken>;

/** Returned once, at creation: the secret is never shown again. */
export const CreatedToken = z
  .object({ id: Id, name: z.string(), token: z.string() })
  .meta({ id: "CreatedToken" });
