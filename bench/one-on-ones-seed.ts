/**
 * One-on-ones in the bench organization, written straight into the database in the shape Docket's
 * write paths leave them: each manager meets their first two reports, weekly or every other week,
 * with three held meetings (talking points discussed, shared notes, the manager's private note, the
 * action items done since) and the upcoming one (two points carried from the last meeting, three
 * new ones, two open action items). Each manager and each report met has an active goal with a
 * check-in (the report's action items work towards it), and each report received two pieces of
 * feedback since the last meeting. Each manager gets a personal access token to read them with.
 *
 * Meetings are placed around the real time of seeding, since the server reads them on its real clock.
 */
import { generateKeyBetween } from "fractional-indexing";
import { type Insertable, type Kysely, sql } from "kysely";
import { Temporal } from "temporal-polyfill";
import { endsAt, occurrenceAt, seriesAnchor } from "../src/core/meeting-cadence";
import { type DialectName, flagValue } from "../src/server/db/dialect";
import type {
  ApiTokenTable,
  Database,
  FeedbackTable,
  GoalCheckInTable,
  GoalTable,
  MeetingTable,
  OneOnOneTable,
  PrivateNoteTable,
  TalkingPointTable,
  TaskEventTable,
  TaskTable,
} from "../src/server/db/schema";
import { digestSecret, newSecret } from "../src/server/platform/ids";
import { historyRows } from "../src/server/tasks/history";
import { feedbackSince, goalRows } from "./goals-feedback-seed";
import { openPerPlate, organizationId, personId, zoneOf } from "./seed";

/** Reports each manager meets. */
export const reportsMet = 2;
const heldMeetings = 3;
const hourMs = 3_600_000;

/** An upcoming meeting of the set, the token of the manager who reads it, and the report they meet. */
export interface BenchMeeting {
  meetingId: string;
  managerToken: string;
  reportId: string;
}

export interface Rows {
  tokens: Insertable<ApiTokenTable>[];
  series: Insertable<OneOnOneTable>[];
  meetings: Insertable<MeetingTable>[];
  points: Insertable<TalkingPointTable>[];
  notes: Insertable<PrivateNoteTable>[];
  tasks: Insertable<TaskTable>[];
  events: Insertable<TaskEventTable>[];
  goals: Insertable<GoalTable>[];
  checkIns: Insertable<GoalCheckInTable>[];
  feedback: Insertable<FeedbackTable>[];
}

export async function seedOneOnOnes(
  db: Kysely<Database>,
  dialect: DialectName,
  size: number,
  now: Date,
): Promise<BenchMeeting[]> {
  const rows: Rows = {
    tokens: [],
    series: [],
    meetings: [],
    points: [],
    notes: [],
    tasks: [],
    events: [],
    goals: [],
    checkIns: [],
    feedback: [],
  };
  const upcoming: BenchMeeting[] = [];
  // Action items go to the bottom of their owner's plate, after its seeded open tasks.
  const bottom = plateBottom();
  for (let manager = 0; 8 * manager + 1 < size; manager++) {
    const token = newSecret("dkt");
    rows.tokens.push({
      id: `bench-token-${manager}`,
      person_id: personId(manager),
      name: "bench",
      token_hash: digestSecret(token),
      created_at: now.toISOString(),
      last_used_at: null,
      expires_at: null,
    });
    goalRows(rows, personId(manager), `bench-team-goal-${manager}`, now);
    for (let report = 8 * manager + 1; report <= 8 * manager + reportsMet && report < size; report++) {
      const meetingId = seriesRows(rows, dialect, bottom, manager, report, now);
      upcoming.push({ meetingId, managerToken: token, reportId: personId(report) });
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const batch of chunks(rows.tokens, 500)) await trx.insertInto("api_token").values(batch).execute();
    for (const batch of chunks(rows.series, 500)) await trx.insertInto("one_on_one").values(batch).execute();
    for (const batch of chunks(rows.meetings, 500)) await trx.insertInto("meeting").values(batch).execute();
    for (const batch of chunks(rows.points, 500))
      await trx.insertInto("talking_point").values(batch).execute();
    for (const batch of chunks(rows.notes, 500)) await trx.insertInto("private_note").values(batch).execute();
    for (const batch of chunks(rows.tasks, 500)) await trx.insertInto("task").values(batch).execute();
    for (const batch of chunks(rows.events, 1_000))
      await trx.insertInto("task_event").values(batch).execute();
    for (const batch of chunks(rows.goals, 500)) await trx.insertInto("goal").values(batch).execute();
    for (const batch of chunks(rows.checkIns, 500))
      await trx.insertInto("goal_check_in").values(batch).execute();
    for (const batch of chunks(rows.feedback, 500)) await trx.insertInto("feedback").values(batch).execute();
  });
  // As after the organization's seed: the planner's statistics describe what is there now.
  for (const table of [
    "api_token",
    "one_on_one",
    "meeting",
    "talking_point",
    "private_note",
    "task",
    "goal",
    "goal_check_in",
    "feedback",
  ]) {
    await sql`analyze ${sql.table(table)}`.execute(db);
  }
  return upcoming;
}

/** The next free key at the bottom of a seeded plate, per owner. */
function plateBottom(): (ownerId: string) => string {
  let last: string | null = null;
  for (let index = 0; index < openPerPlate; index++) last = generateKeyBetween(last, null);
  const taken = new Map<string, string>();
  return (ownerId) => {
    const rank = generateKeyBetween(taken.get(ownerId) ?? last, null);
    taken.set(ownerId, rank);
    return rank;
  };
}

/** One series of `manager` with `report`, its meetings and what was written on them; answers its upcoming meeting. */
function seriesRows(
  rows: Rows,
  dialect: DialectName,
  bottom: (ownerId: string) => string,
  managerIndex: number,
  reportIndex: number,
  now: Date,
): string {
  const manager = personId(managerIndex);
  const report = personId(reportIndex);
  const id = `bench-series-${reportIndex}`;
  // The report's action items work towards the report's goal.
  const reportGoal = `bench-goal-${reportIndex}`;
  const cadence = {
    everyWeeks: 1 + (reportIndex % 2),
    weekday: 1 + (reportIndex % 5),
    time: "10:00",
    minutes: 30,
  };
  const timeZone = zoneOf(managerIndex);
  // The upcoming meeting is the first after now; the held ones are the cadence's slots before it.
  const next = Temporal.PlainDate.from(seriesAnchor(cadence, timeZone, now));
  const anchor = next.subtract({ days: heldMeetings * cadence.everyWeeks * 7 }).toString();
  const pair = [manager, report].sort() as [string, string];
  const series = {
    id,
    organization_id: organizationId,
    first_person_id: pair[0],
    second_person_id: pair[1],
    organizer_id: manager,
    every_weeks: cadence.everyWeeks,
    weekday: cadence.weekday,
    local_time: cadence.time,
    minutes: cadence.minutes,
    time_zone: timeZone,
    anchor_date: anchor,
  };
  const slots = Array.from({ length: heldMeetings + 1 }, (_, index) =>
    occurrenceAt({ cadence, timeZone, anchor }, index),
  );
  const createdAt = new Date((slots[0] as Date).getTime() - 24 * hourMs).toISOString();
  rows.series.push({ ...series, created_at: createdAt, ended_at: null });

  const flag = (value: boolean) => flagValue(dialect, value);
  const meetingIds = slots.map((_, index) => `${id}-m${index}`);
  const ends = slots.map((slot) => endsAt(slot, cadence.minutes).toISOString());
  slots.forEach((slot, index) => {
    const at = slot.toISOString();
    const held = index < heldMeetings;
    const end = ends[index] as string;
    // Each meeting after the first was created when the one before it was marked held.
    const created = index === 0 ? createdAt : (ends[index - 1] as string);
    rows.meetings.push({
      id: meetingIds[index] as string,
      series_id: id,
      slot_at: at,
      scheduled_at: at,
      state: held ? "held" : "upcoming",
      shared_notes: held
        ? `## Decisions\n\n- Keep the **release** on track\n- Review the hiring plan next time\n\nMeeting ${index + 1} of Person ${reportIndex}.`
        : "",
      created_at: created,
      updated_at: held ? end : created,
      finished_at: held ? end : null,
      version: held ? 3 : 1,
    });
    if (held) {
      rows.notes.push({
        meeting_id: meetingIds[index] as string,
        author_id: manager,
        text: `Person ${reportIndex} seems ready for more scope.`,
        updated_at: end,
      });
    }
  });

  // Each held meeting discussed three points; the last one left two for the upcoming meeting.
  let rank: string | null = null;
  const point = (meetingIndex: number, pointIndex: number, extra: Partial<Insertable<TalkingPointTable>>) => {
    rank = generateKeyBetween(rank, null);
    const created = new Date(
      (slots[meetingIndex] as Date).getTime() - (48 - pointIndex) * hourMs,
    ).toISOString();
    rows.points.push({
      id: `${id}-m${meetingIndex}-p${pointIndex}`,
      series_id: id,
      meeting_id: meetingIds[meetingIndex] as string,
      author_id: pointIndex % 2 === 0 ? report : manager,
      text: `Point ${pointIndex + 1}: how the quarter's work is going`,
      discussed: flag(false),
      carried_from: null,
      times_carried: 0,
      rank,
      created_at: created,
      updated_at: created,
      ...extra,
    });
  };
  for (let meeting = 0; meeting < heldMeetings; meeting++) {
    rank = null;
    for (let index = 0; index < 3; index++) point(meeting, index, { discussed: flag(true) });
  }
  rank = null;
  const lastHeld = meetingIds[heldMeetings - 1] as string;
  const lastEnd = ends[heldMeetings - 1] as string;
  for (let index = 3; index < 5; index++) {
    point(heldMeetings - 1, index, {
      meeting_id: meetingIds[heldMeetings] as string,
      carried_from: lastHeld,
      times_carried: 1,
      updated_at: lastEnd,
    });
  }
  for (let index = 5; index < 8; index++) point(heldMeetings, index, {});

  // Action items: each held meeting's are done by the next one (the last one's since it, one dropped);
  // the upcoming meeting has one open on each plate, the report's due before the meeting after it.
  const finishedSince = new Date((Date.parse(lastEnd) + now.getTime()) / 2).toISOString();
  for (let meeting = 0; meeting < heldMeetings; meeting++) {
    const end = ends[meeting] as string;
    const finished =
      meeting === heldMeetings - 1 ? finishedSince : (slots[meeting + 1] as Date).toISOString();
    const items: [string, "done" | "dropped"][] =
      meeting === heldMeetings - 1
        ? [
            [report, "done"],
            [report, "done"],
            [report, "done"],
            [manager, "done"],
            [manager, "dropped"],
          ]
        : [
            [report, "done"],
            [manager, "done"],
          ];
    items.forEach(([owner, state], index) => {
      actionItem(rows, dialect, {
        id: `${meetingIds[meeting]}-a${index}`,
        meetingId: meetingIds[meeting] as string,
        ownerId: owner,
        authorId: manager,
        createdAt: end,
        state,
        finishedAt: finished,
        rank: null,
        dueAt: null,
        goalId: owner === report ? reportGoal : null,
      });
    });
  }
  goalRows(rows, report, reportGoal, now);
  feedbackSince(
    rows,
    { id, manager, report, colleague: personId(reportIndex + 2) },
    `${lastHeld}-a0`,
    finishedSince,
  );
  const upcomingAt = (slots[heldMeetings] as Date).getTime();
  [report, manager].forEach((owner, index) => {
    actionItem(rows, dialect, {
      id: `${meetingIds[heldMeetings]}-a${index}`,
      meetingId: meetingIds[heldMeetings] as string,
      ownerId: owner,
      authorId: manager,
      createdAt: finishedSince,
      state: "open",
      finishedAt: null,
      rank: bottom(owner),
      dueAt: owner === report ? new Date(upcomingAt + 3 * 24 * hourMs).toISOString() : null,
      goalId: owner === report ? reportGoal : null,
    });
  });
  return meetingIds[heldMeetings] as string;
}

function actionItem(
  rows: Rows,
  dialect: DialectName,
  item: {
    id: string;
    meetingId: string;
    ownerId: string;
    authorId: string;
    createdAt: string;
    state: "open" | "done" | "dropped";
    finishedAt: string | null;
    rank: string | null;
    dueAt: string | null;
    goalId: string | null;
  },
): void {
  const dropped = item.state === "dropped";
  rows.tasks.push({
    id: item.id,
    organization_id: organizationId,
    owner_id: item.ownerId,
    requester_id: item.authorId,
    request_id: null,
    meeting_id: item.meetingId,
    goal_id: item.goalId,
    title: `Follow up on point ${item.id.slice(-2)}`,
    notes: "",
    state: item.state,
    rank: item.rank,
    due_date: null,
    due_at: item.dueAt,
    urgent: flagValue(dialect, false),
    created_at: item.createdAt,
    updated_at: item.finishedAt ?? item.createdAt,
    started_at: null,
    completed_at: item.state === "done" ? item.finishedAt : null,
    dropped_at: dropped ? item.finishedAt : null,
    drop_reason: dropped ? "No longer needed" : null,
    version: item.state === "open" ? 1 : 2,
  });
  rows.events.push(...historyRows(item.id, item.authorId, item.createdAt, [{ kind: "created", to: 21 }]));
  if (item.finishedAt !== null && item.state !== "open") {
    rows.events.push(
      ...historyRows(item.id, dropped ? item.authorId : item.ownerId, item.finishedAt, [
        dropped
          ? { kind: "dropped", from: "open", to: "No longer needed" }
          : { kind: "completed", from: "open" },
      ]),
    );
  }
}

function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += size) out.push(values.slice(start, start + size));
  return out;
}
