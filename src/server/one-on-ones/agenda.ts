import type { Kysely, Transaction } from "kysely";
import type { PlateAgenda } from "../../contract/one-on-ones";
import { type Actor, decide } from "../../core/access";
import { agendaWindow, openAgenda } from "../../core/meeting-agenda";
import type { AppContext } from "../context";
import type { Database } from "../db/schema";
import {
  dueOnPlatesOfPair,
  finishedBetween,
  finishedBetweenLimit,
  plateHeadersOfPair,
} from "../tasks/pair-reads";
import { presentTask } from "../tasks/present";
import { cadenceSeriesOf } from "./series-shape";
import type { MeetingRead } from "./store";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * `fromThePlate` of a meeting for `actor`: for each participant whose plate the actor may see (as
 * the plate itself decides: its owner and their management chain), what was finished in the
 * meeting's window, what is overdue, what falls due before the next meeting, and the triage count.
 * Read from the plates each time; nothing of it is stored with the meeting. Both people's headers
 * are one query, and so is their open work, of which only what is due by then is read.
 */
export async function fromThePlate(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  { series, meeting, heldBefore }: MeetingRead,
): Promise<PlateAgenda[]> {
  const now = ctx.clock.now();
  const window = agendaWindow(
    { scheduledAt: meeting.scheduled_at, state: meeting.state },
    cadenceSeriesOf(series),
    heldBefore,
    now,
  );
  const { dueUntil } = window;
  // Open work matters when it is overdue now or falls due by `dueUntil`.
  const dueBy =
    dueUntil === null ? null : new Date(Math.max(now.getTime(), Date.parse(dueUntil))).toISOString();
  const pair = [series.first_person_id, series.second_person_id] as const;
  const finishedOn = async (personId: string) => {
    const [done, dropped] = await Promise.all([
      finishedBetween(db, personId, "done", window),
      finishedBetween(db, personId, "dropped", window),
    ]);
    return { personId, done, dropped };
  };
  const [headers, due, finished] = await Promise.all([
    plateHeadersOfPair(db, pair),
    dueBy === null ? [] : dueOnPlatesOfPair(db, pair, dueBy),
    Promise.all(pair.map(finishedOn)),
  ]);
  const agendas = finished.map(({ personId, done, dropped }): PlateAgenda | null => {
    const header = headers.get(personId);
    if (!header) return null;
    const plate = { ownerId: personId, organizationId: header.owner.organizationId, chain: header.chain };
    if (decide(actor, { kind: "plate.read", plate }) !== "allow") return null;
    const positioned = due
      .filter((row) => row.owner_id === personId)
      .map((row) => presentTask(row, row.position, now));
    return {
      personId,
      completedSince: done.map((row) => presentTask(row, null, now)),
      droppedSince: dropped.map((row) => presentTask(row, null, now)),
      ...(dueUntil === null
        ? { overdue: [], dueBeforeNext: [] }
        : openAgenda(positioned, now, dueUntil, finishedBetweenLimit)),
      triage: dueUntil === null ? 0 : header.triage,
    };
  });
  return agendas.filter((agenda) => agenda !== null);
}
