import { z } from "zod";
import { Id, Instant } from "./common";
import { TokenName } from "./text";

/** The longest a token may be made to last; one made without a lifetime lasts until revoked. */
export const tokenLifetimeDays = { max: 365 } as const;

const lifetimeProblem = `expiresInDays must be a whole number of days from 1 to ${tokenLifetimeDays.max}`;

export const CreateToken = z.strictObject({
  name: TokenName,
  expiresInDays: z
    .number(lifetimeProblem)
    .int(lifetimeProblem)
    .min(1, lifetimeProblem)
    .max(tokenLifetimeDays.max, lifetimeProblem)
    .optional()
    .meta({
      description: `Days until the token stops working (1 to ${tokenLifetimeDays.max}), counted from now. Absent: it works until revoked.`,
    }),
});
export type CreateToken = z.infer<typeof CreateToken>;

/** When a token stops working (then it answers 401 like a revoked one); null: until revoked. */
const ExpiresAt = Instant.nullable().meta({
  description: "When the token stops working; null when it works until revoked.",
});

export const ApiToken = z
  .object({
    id: Id,
    name: z.string(),
    createdAt: Instant,
    lastUsedAt: Instant.nullable(),
    expiresAt: ExpiresAt,
  })
  .meta({ id: "ApiToken" });
export type ApiToken = z.infer<typeof ApiToken>;

/** Returned once, at creation: the secret is never shown again. */
export const CreatedToken = z
  .object({ id: Id, name: z.string(), token: z.string(), expiresAt: ExpiresAt })
  .meta({ id: "CreatedToken" });
