import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { Id, IsoWeekday, LocalDate, LocalTime, Role } from "./common";
import { PersonName } from "./text";

/** An IANA time zone name; accepted in any letter case and answered in its canonical spelling. */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .transform((zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (canonical === null) {
      ctx.addIssue({ code: "custom", message: `unknown IANA time zone "${zone}"` });
      return z.NEVER;
    }
    return canonical;
  });

function canonicalTimeZone(zone: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return null;
  try {
    // Temporal fixes the letter case and keeps the name given; Intl's resolvedOptions() would answer
    // ICU's legacy spelling on some runtimes ("Asia/Kathmandu" → "Asia/Katmandu", "Europe/Kyiv" → "Europe/Kiev").
    return new Temporal.ZonedDateTime(0n, zone).timeZoneId;
  } catch {
    return null;
  }
}

const weekdays = z
  .array(IsoWeekday)
  .max(7)
  .refine((days) => new Set(days).size === days.length, { message: "weekdays must not repeat" });

export const WorkingHours = z
  .strictObject({
    days: weekdays,
    start: LocalTime,
    end: LocalTime,
  })
  .refine((hours) => hours.start < hours.end, {
    message: "working hours must end after they start, on the same day",
    path: ["end"],
  })
  .meta({ id: "WorkingHours" });
export type WorkingHours = z.infer<typeof WorkingHours>;

export const DigestSchedule = z
  .strictObject({
    times: z
      .array(LocalTime)
      .max(6)
      .refine((times) => new Set(times).size === times.length, { message: "digest times must not repeat" }),
    days: weekdays,
  })
  .meta({ id: "DigestSchedule" });
export type DigestSchedule = z.infer<typeof DigestSchedule>;

export const Away = z
  .strictObject({ from: LocalDate, until: LocalDate })
  .refine((away) => away.from <= away.until, {
    message: "away must end on or after it starts",
    path: ["until"],
  })
  .meta({ id: "Away" });
export type Away = z.infer<typeof Away>;

export const Me = z
  .object({
    id: Id,
    name: z.string(),
    email: z.string(),
    organizationId: Id.nullable(),
    role: Role.nullable(),
    managerId: Id.nullable(),
    title: z.string().nullable(),
    timeZone: z.string(),
    workingHours: WorkingHours,
    digest: DigestSchedule,
    away: Away.nullable(),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof Me>;

export const UpdateMe = z.strictObject({
  name: PersonName.optional(),
  timeZone: TimeZone.optional(),
  workingHours: WorkingHours.optional(),
  digest: DigestSchedule.optional(),
  away: Away.nullable().optional(),
});
export type UpdateMe = z.infer<typeof UpdateMe>;
