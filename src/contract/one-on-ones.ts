import { z } from "zod";
import { Id, Instant, IsoWeekday, LocalDate, LocalTime } from "./common";
import { Feedback } from "./feedback";
import { Goal } from "./goals";
import { TimeZone } from "./me";
import { CreateTask, PageCursor, Placement, Task } from "./tasks";
import { MeetingNotes, TalkingPointText } from "./text";

/** When a series meets: every 1–4 weeks, on an ISO weekday, at a local time of the series' zone, for a length. */
export const Cadence = z
  .strictObject({
    everyWeeks: z.number().int().min(1).max(4),
    weekday: IsoWeekday,
    time: LocalTime,
    minutes: z.number().int().min(15).max(120),
  })
  .meta({ id: "Cadence" });
export type Cadence = z.infer<typeof Cadence>;

export const MeetingState = z.enum(["upcoming", "held", "skipped"]);
export type MeetingState = z.infer<typeof MeetingState>;

export const TalkingPoint = z
  .object({
    id: Id,
    authorId: Id,
    text: z.string(),
    discussed: z.boolean(),
    carriedFrom: Id.nullable().describe("The meeting it was last carried from, when it was carried."),
    timesCarried: z.number().int().min(0).describe("How many meetings it has been carried past."),
    createdAt: Instant,
  })
  .meta({ id: "TalkingPoint" });
export type TalkingPoint = z.infer<typeof TalkingPoint>;

/** What a participant's plate says for a meeting, computed when read. */
export const PlateAgenda = z
  .object({
    personId: Id,
    completedSince: z.array(Task),
    droppedSince: z.array(Task),
    overdue: z.array(Task),
    dueBeforeNext: z.array(Task),
    triage: z.number().int().min(0),
  })
  .meta({ id: "PlateAgenda" });
export type PlateAgenda = z.infer<typeof PlateAgenda>;

/** A participant's active goals, with progress and latest check-in, as a meeting's agenda shows them. */
export const ParticipantGoals = z
  .object({ personId: Id, goals: z.array(Goal).describe("At most 50.") })
  .meta({ id: "ParticipantGoals" });
export type ParticipantGoals = z.infer<typeof ParticipantGoals>;

export const Meeting = z
  .object({
    id: Id,
    seriesId: Id,
    scheduledAt: Instant,
    endsAt: Instant,
    state: MeetingState,
    talkingPoints: z.array(TalkingPoint).describe("In the order the pair gave them."),
    sharedNotes: z.string(),
    actionItems: z.array(Task).describe("Tasks added from this meeting, with their state now."),
    fromThePlate: z
      .array(PlateAgenda)
      .describe(
        "For each participant whose plate the caller may see. On a held or skipped meeting, what was finished up to it; overdue and due lists only on upcoming meetings.",
      ),
    goals: z
      .array(ParticipantGoals)
      .describe("For each participant whose goals the caller may see: their active goals, newest first."),
    feedbackSince: z
      .array(Feedback)
      .describe(
        "Feedback either participant received since the previous held meeting (up to this one's end once finished) that the caller may read: newest first, at most 50.",
      ),
    version: z.number().int(),
  })
  .meta({ id: "Meeting" });
export type Meeting = z.infer<typeof Meeting>;

export const Series = z
  .object({
    id: Id,
    participantIds: z.tuple([Id, Id]),
    organizerId: Id,
    cadence: Cadence,
    timeZone: z.string(),
    createdAt: Instant,
    endedAt: Instant.nullable(),
    nextMeeting: Meeting.nullable().describe("The next upcoming meeting; null once the series has ended."),
  })
  .meta({ id: "Series" });
export type Series = z.infer<typeof Series>;

export const CreateSeries = z.strictObject({
  withId: Id,
  cadence: Cadence,
  timeZone: TimeZone.optional().describe("The zone the cadence's time is in; default the caller's."),
  firstDate: LocalDate.optional().describe(
    "The first meeting is on the cadence's weekday on or after this date (never in the past).",
  ),
});
export type CreateSeries = z.infer<typeof CreateSeries>;

export const UpdateSeries = z
  .strictObject({
    cadence: Cadence.optional(),
    timeZone: TimeZone.optional(),
    ended: z.literal(true).optional().describe("Ends the series; its past meetings stay readable."),
  })
  .refine((body) => body.ended === undefined || (body.cadence === undefined && body.timeZone === undefined), {
    message: "end a series, or change its cadence, not both",
    path: ["ended"],
  });
export type UpdateSeries = z.infer<typeof UpdateSeries>;

export const MeetingsQuery = z.strictObject({
  when: z.enum(["upcoming", "past"]).default("upcoming"),
  limit: z.coerce.number().int().min(1).max(50).default(20).describe("At most this many meetings."),
  cursor: PageCursor.optional(),
});
export type MeetingsQuery = z.infer<typeof MeetingsQuery>;

/** A page of a series' meetings. */
export const MeetingPage = z
  .object({
    items: z.array(Meeting),
    nextCursor: z
      .string()
      .optional()
      .describe("When more meetings follow this page: pass it as `cursor` to read them."),
  })
  .meta({ id: "MeetingPage" });
export type MeetingPage = z.infer<typeof MeetingPage>;

export const UpdateMeeting = z.strictObject({
  version: z.number().int().min(1),
  scheduledAt: Instant.optional().describe("Moves this meeting alone; the series keeps its cadence."),
  state: z
    .enum(["held", "skipped"])
    .optional()
    .describe("Marking an upcoming meeting carries its points not discussed to the next meeting."),
  sharedNotes: MeetingNotes.optional(),
});
export type UpdateMeeting = z.infer<typeof UpdateMeeting>;

export const CreateTalkingPoint = z.strictObject({ text: TalkingPointText });
export type CreateTalkingPoint = z.infer<typeof CreateTalkingPoint>;

export const UpdateTalkingPoint = z
  .strictObject({
    text: TalkingPointText.optional().describe("Only its author may reword it."),
    discussed: z.boolean().optional(),
    placement: Placement.optional().describe(
      "Where it goes among the meeting's points; `before`/`after` name another point of it.",
    ),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "say what to change", path: [] });
export type UpdateTalkingPoint = z.infer<typeof UpdateTalkingPoint>;

export const PutPrivateNote = z.strictObject({ text: MeetingNotes });
export type PutPrivateNote = z.infer<typeof PutPrivateNote>;

export const PrivateNote = z.object({ text: z.string(), updatedAt: Instant }).meta({ id: "PrivateNote" });
export type PrivateNote = z.infer<typeof PrivateNote>;

export const CreateActionItem = CreateTask.pick({ title: true, due: true, placement: true }).extend({
  ownerId: Id,
});
export type CreateActionItem = z.infer<typeof CreateActionItem>;
