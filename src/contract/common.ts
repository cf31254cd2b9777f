import { z } from "zod";

/** Opaque identifier of any entity. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "not a valid id");

/** An instant, ISO 8601 in UTC with a trailing `Z`. */
export const Instant = z.iso.datetime({ offset: false });

/** A calendar date with no zone, `YYYY-MM-DD`. */
export const LocalDate = z.iso.date();

/** A local time of day, `HH:MM` (24-hour clock). */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (24-hour clock)");

/** An ISO weekday, 1 = Monday … 7 = Sunday. */
export const IsoWeekday = z.number().int().min(1).max(7);

export const Role = z.enum(["owner", "admin", "member"]);
export type Role = z.infer<typeof Role>;

export const ValidationIssue = z.object({ path: z.string(), message: z.string() });

/** RFC 9457 problem details, as every error of the API is answered. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().optional(),
    errors: z.array(ValidationIssue).optional(),
    current: z.unknown().optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof Problem>;

export const IdParams = z.object({ id: Id });

/** Wraps any list answer as `{items: [...]}`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/** Problem answers documented on every route; the status codes each route can give are listed per route. */
export const problemResponses = (...statuses: (400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429)[]) =>
  Object.fromEntries(statuses.map((status) => [status, Problem])) as Record<number, typeof Problem>;
