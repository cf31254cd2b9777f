import { z } from "zod";
import { Id, Instant, LocalDate } from "./common";
import { Feedback } from "./feedback";
import { Goal } from "./goals";
import { Due } from "./tasks";

/** A period of local dates in the person's zone, both inclusive; default: the last 365 days up to today. */
export const RecordQuery = z.strictObject({
  from: LocalDate.optional().describe("First day of the period, in the person's zone."),
  to: LocalDate.optional().describe(
    "Last day of the period (inclusive), in the person's zone; default today.",
  ),
});
export type RecordQuery = z.infer<typeof RecordQuery>;

export const PacketFormat = z.enum(["md", "pdf", "csv"]);
export type PacketFormat = z.infer<typeof PacketFormat>;

export const PacketQuery = RecordQuery.extend({
  format: PacketFormat.default("pdf").describe("Markdown, PDF or CSV (one row per item)."),
});
export type PacketQuery = z.infer<typeof PacketQuery>;

/** One task that became done or dropped in the period, judged against the due in force when it finished. */
export const RecordItem = z
  .object({
    taskId: Id,
    title: z.string(),
    state: z.enum(["done", "dropped"]),
    requesterId: Id,
    requestId: Id.nullable(),
    goalId: Id.nullable(),
    createdAt: Instant,
    finishedAt: Instant,
    /** The due in force at the moment the task finished (later changes do not count). */
    due: Due.nullable(),
    dueAt: Instant.nullable(),
    onTime: z.boolean().nullable(),
    daysLate: z.number().int().min(0).nullable(),
    slips: z.number().int().min(0),
    dropReason: z.string().nullable(),
  })
  .meta({ id: "RecordItem" });
export type RecordItem = z.infer<typeof RecordItem>;

export const RecordSummary = z
  .object({
    completed: z.number().int(),
    completedOnTime: z.number().int(),
    completedLate: z.number().int(),
    completedWithoutDue: z.number().int(),
    /** completedOnTime / (completedOnTime + completedLate); null when nothing with a due was completed. */
    onTimeRate: z.number().min(0).max(1).nullable(),
    dropped: z.number().int(),
    /** Finished items whose due moved later at least once before they finished. */
    slipped: z.number().int(),
    /** Tasks of team requests that reached the person in the period. */
    requestsReceived: z.number().int(),
    /** Tasks of team requests the person completed in the period. */
    requestsCompleted: z.number().int(),
    /** Median days from creation to completion of the completed items, to a tenth; null when none. */
    medianDaysToComplete: z.number().min(0).nullable(),
  })
  .meta({ id: "RecordSummary" });
export type RecordSummary = z.infer<typeof RecordSummary>;

export const RecordWeek = z
  .object({
    /** The Monday of the ISO week, in the person's zone. */
    weekStart: LocalDate,
    completed: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    /** Completed without a due: `completed - onTime - late`. */
    withoutDue: z.number().int(),
    dropped: z.number().int(),
  })
  .meta({ id: "RecordWeek" });
export type RecordWeek = z.infer<typeof RecordWeek>;

export const Record = z
  .object({
    personId: Id,
    timeZone: z.string(),
    from: LocalDate,
    to: LocalDate,
    summary: RecordSummary,
    weeks: z.array(RecordWeek),
    items: z.array(RecordItem),
    goals: z
      .array(Goal)
      .describe(
        "The person's goals the reader may read that were set by the end of the period and not closed before it began: active first, at most 200.",
      ),
    feedback: z
      .array(Feedback)
      .describe(
        "Feedback the person received in the period that the reader may read: `private` feedback only when the reader is the person. Newest first, at most 500.",
      ),
    oneOnOnesHeld: z.number().int().min(0).describe("One-on-ones of the person held in the period."),
  })
  .meta({ id: "Record" });
export type Record = z.infer<typeof Record>;

/** One direct report's record summary for their current quarter (to today), in their zone. */
export const TeamRecordEntry = z
  .object({
    personId: Id,
    from: LocalDate,
    to: LocalDate,
    summary: RecordSummary,
  })
  .meta({ id: "TeamRecordEntry" });
export type TeamRecordEntry = z.infer<typeof TeamRecordEntry>;
