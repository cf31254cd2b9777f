/**
 * Talking points of a one-on-one. They belong to the pair (the series), and each is shown on one
 * meeting at a time: both people add points to an upcoming meeting, order them (fractional ranks,
 * as on a plate: `ranks.ts`) and tick them as discussed. When a meeting is marked held or skipped,
 * every point on it not yet discussed moves to the series' next upcoming meeting, once, with
 * `carriedFrom` and a count of how many times it has been carried; discussed points stay where they
 * were discussed. Moving a meeting changes only its time, never its points.
 *
 * The points of a held or skipped meeting are its record: nothing is added, reordered or ticked
 * there (422, "add it to the next meeting"). A point added to a finished meeting would never be
 * carried on, so it would be lost; an upcoming meeting whose time has passed still takes points,
 * as it may be going on right now.
 *
 * The text's length and blankness are checked here; that it holds no control characters other than
 * line breaks and tabs is the contract's rule for lines of text (`contract/text.ts`).
 */
import { AppError, notFound, ruleViolated } from "./errors";
import { compareRanks, type Placement, rankFor } from "./ranks";

export type MeetingState = "upcoming" | "held" | "skipped";
export type FinishedState = Exclude<MeetingState, "upcoming">;

/** A meeting of a series, as far as its talking points are concerned. */
export interface MeetingSlot {
  id: string;
  /** ISO 8601 instant. */
  scheduledAt: string;
  state: MeetingState;
}

export interface TalkingPoint {
  id: string;
  /** The meeting it is shown on now. */
  meetingId: string;
  authorId: string;
  text: string;
  discussed: boolean;
  /** The meeting it was last carried from; null if it was never carried. */
  carriedFrom: string | null;
  timesCarried: number;
  /** Its place in its meeting's order (fractional-indexing key, byte order). */
  rank: string;
  createdAt: string;
}

/** The longest talking point, in UTF-16 code units (what a browser's `maxLength` counts), after trimming. */
export const talkingPointTextLimit = 2000;

/** The text of a talking point as stored: trimmed, not blank, at most the limit (400 otherwise). */
export function checkedTalkingPointText(text: string): string {
  const trimmed = text.trim();
  const problem =
    trimmed.length === 0
      ? "a talking point needs some text"
      : trimmed.length > talkingPointTextLimit
        ? `a talking point must be at most ${talkingPointTextLimit} characters`
        : null;
  if (problem === null) return trimmed;
  throw new AppError("validation_failed", problem, { errors: [{ path: "text", message: problem }] });
}

/** A meeting's points in their order. */
export function pointsInOrder(points: readonly TalkingPoint[]): TalkingPoint[] {
  return [...points].sort((a, b) => compareRanks(a.rank, b.rank));
}

/** A new point of `meeting` (upcoming), at the end of its order. `points` may hold other meetings' too. */
export function addTalkingPoint(
  meeting: MeetingSlot,
  points: readonly TalkingPoint[],
  fields: { id: string; authorId: string; text: string; createdAt: string },
): TalkingPoint {
  const text = checkedTalkingPointText(fields.text);
  return {
    ...fields,
    text,
    meetingId: meeting.id,
    discussed: false,
    carriedFrom: null,
    timesCarried: 0,
    rank: rankForPoint(meeting, points, "bottom"),
  };
}

/**
 * The rank that puts a point at `placement` among the points of `meeting` (upcoming). `moving` is
 * the point being moved, when it is already on the meeting. `points` may hold other meetings' too;
 * a point to place or to place next to that is not on this meeting is a 422.
 */
export function rankForPoint(
  meeting: MeetingSlot,
  points: readonly TalkingPoint[],
  placement: Placement,
  moving?: string,
): string {
  assertOpenForPoints(meeting);
  const onMeeting = pointsInOrder(points.filter((point) => point.meetingId === meeting.id));
  if (moving !== undefined && !onMeeting.some((point) => point.id === moving)) {
    throw ruleViolated("This talking point is not on this meeting.", [
      { path: "id", message: "not a talking point of this meeting" },
    ]);
  }
  if (typeof placement === "object") {
    const referenceId = "before" in placement ? placement.before : placement.after;
    if (referenceId === moving || !onMeeting.some((point) => point.id === referenceId)) {
      throw ruleViolated("The talking point to place next to is not another point of this meeting.", [
        { path: "placement", message: "not another talking point of this meeting" },
      ]);
    }
  }
  return rankFor(placement, onMeeting, moving);
}

/** `point` (of `meeting`, upcoming) ticked as discussed, or unticked. */
export function tickTalkingPoint(
  meeting: MeetingSlot,
  point: TalkingPoint,
  discussed: boolean,
): TalkingPoint {
  assertOpenForPoints(meeting);
  if (point.meetingId !== meeting.id) {
    throw ruleViolated("This talking point is not on this meeting.", [
      { path: "id", message: "not a talking point of this meeting" },
    ]);
  }
  return { ...point, discussed };
}

/** `point` (of `meeting`, upcoming) reworded: the text checked as a new point's would be. */
export function rewordTalkingPoint(meeting: MeetingSlot, point: TalkingPoint, text: string): TalkingPoint {
  assertOpenForPoints(meeting);
  return { ...tickTalkingPoint(meeting, point, point.discussed), text: checkedTalkingPointText(text) };
}

/** A point of a held or skipped meeting is its record: it is not reworded, reordered, ticked or deleted (422). */
export function assertOpenForPoints(meeting: MeetingSlot): void {
  if (meeting.state === "upcoming") return;
  throw ruleViolated(
    `This meeting was ${meeting.state}: its talking points are its record. Add it to the next meeting.`,
    [{ path: "meetingId", message: `the meeting was ${meeting.state}` }],
  );
}

/** A point moving on: where to, and what it says about its carrying. */
export interface CarriedPoint {
  pointId: string;
  meetingId: string;
  carriedFrom: string;
  timesCarried: number;
  rank: string;
}

export interface Finish {
  meetingId: string;
  state: FinishedState;
  /** The meeting the points went to; null when none moved. */
  carriedTo: string | null;
  carried: CarriedPoint[];
  /** Undiscussed points that stay on the finished meeting: no upcoming meeting comes after it, or the series has ended. */
  kept: string[];
}

/**
 * What marking `meetingId` as `state` does to the talking points. `meetings` are the series'
 * meetings and `points` its points, both as they stand before the marking.
 *
 * Only a meeting marked for the first time (it was upcoming) carries: its undiscussed points go to
 * the first upcoming meeting scheduled after it (ties in time broken by id), ahead of that meeting's
 * own points and in their order. Carried points come first because they are the oldest business of
 * the pair and were already passed over once for time; put at the end again, the same points would
 * be the ones that run out of time again. A meeting marked again (held after skipped, or twice)
 * carries nothing. With no upcoming meeting after it, or once the series has ended, the undiscussed
 * points stay where they are (`kept`): nothing is lost, nothing is carried. A series that goes on
 * must therefore have its next meeting before one is marked.
 */
export function finishMeeting(
  meetings: readonly MeetingSlot[],
  points: readonly TalkingPoint[],
  meetingId: string,
  state: FinishedState,
  options: { seriesEnded?: boolean } = {},
): Finish {
  const finished = meetings.find((meeting) => meeting.id === meetingId);
  if (!finished) throw notFound("The meeting");
  const nothing: Finish = { meetingId, state, carriedTo: null, carried: [], kept: [] };
  if (finished.state !== "upcoming") return nothing;
  const leaving = pointsInOrder(points.filter((point) => point.meetingId === meetingId && !point.discussed));
  if (leaving.length === 0) return nothing;
  const next = options.seriesEnded ? undefined : nextUpcomingAfter(meetings, finished);
  if (!next) return { ...nothing, kept: leaving.map((point) => point.id) };

  const order: { id: string; rank: string }[] = pointsInOrder(
    points.filter((point) => point.meetingId === next.id),
  );
  const carried: CarriedPoint[] = [];
  let previous: string | undefined;
  for (const point of leaving) {
    const rank = rankFor(previous === undefined ? "top" : { after: previous }, order);
    order.splice(order.findIndex((other) => other.id === previous) + 1, 0, { id: point.id, rank });
    previous = point.id;
    carried.push({
      pointId: point.id,
      meetingId: next.id,
      carriedFrom: meetingId,
      timesCarried: point.timesCarried + 1,
      rank,
    });
  }
  return { ...nothing, carriedTo: next.id, carried };
}

/** The first upcoming meeting after `meeting` in scheduled order (ties in time broken by id). */
function nextUpcomingAfter(meetings: readonly MeetingSlot[], meeting: MeetingSlot): MeetingSlot | undefined {
  let next: MeetingSlot | undefined;
  for (const candidate of meetings) {
    if (candidate.state !== "upcoming" || compareMeetings(candidate, meeting) <= 0) continue;
    if (next === undefined || compareMeetings(candidate, next) < 0) next = candidate;
  }
  return next;
}

function compareMeetings(a: MeetingSlot, b: MeetingSlot): number {
  const byTime = Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt);
  if (byTime !== 0) return byTime;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}
