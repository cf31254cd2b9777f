import type { Kysely, Transaction } from "kysely";
import type { PlateAgenda } from "../../contract/one-on-ones";
import { type Actor, decide, type PlateSubject } from "../../core/access";
import { type AgendaWindow, agendaWindow, openAgenda } from "../../core/meeting-agenda";
import type { Database } from "../db/schema";
import { finishedBetweenLimit, type MeetingTasks, plateHeadersOfPair } from "../tasks/pair-reads";
import { presentTask } from "../tasks/present";
import type { PlateHeader } from "../tasks/store";
import { cadenceSeriesOf } from "./series-shape";
import type { MeetingRead } from "./store";

type Db = Kysely<Database> | Transaction<Database>;

/** A plate in a meeting's agenda that its reader may see, with its triage count. */
export interface VisiblePlate {
  personId: string;
  triage: number;
}

/** Both participants' plate headers (who sits above each, and their triage counts), in one query. */
export async function headersOfPair(db: Db, { series }: MeetingRead): Promise<Map<string, PlateHeader>> {
  return plateHeadersOfPair(db, [series.first_person_id, series.second_person_id]);
}

/** A participant's plate, as access sees it. */
export const plateOf = (personId: string, header: PlateHeader): PlateSubject => ({
  ownerId: personId,
  organizationId: header.owner.organizationId,
  chain: header.chain,
});

/**
 * The participants whose plates `actor` may see, as the plate itself decides (its owner and their
 * management chain), in the series' order: the agenda reads the tasks of these and no others.
 */
export function visiblePlates(actor: Actor, headers: ReadonlyMap<string, PlateHeader>): VisiblePlate[] {
  const visible: VisiblePlate[] = [];
  for (const [personId, header] of headers) {
    if (decide(actor, { kind: "plate.read", plate: plateOf(personId, header) }) === "allow") {
      visible.push({ personId, triage: header.triage });
    }
  }
  return visible;
}

/** What an agenda reads of the plates: the window of finished work, and open work due by `dueBy`. */
export interface AgendaScope {
  window: AgendaWindow;
  /** Open work matters when it is overdue now or falls due by then; null on a finished meeting. */
  dueBy: string | null;
}

export function agendaScope({ series, meeting, heldBefore }: MeetingRead, now: Date): AgendaScope {
  const window = agendaWindow(
    { scheduledAt: meeting.scheduled_at, state: meeting.state },
    cadenceSeriesOf(series),
    heldBefore,
    now,
  );
  const { dueUntil } = window;
  const dueBy =
    dueUntil === null ? null : new Date(Math.max(now.getTime(), Date.parse(dueUntil))).toISOString();
  return { window, dueBy };
}

/**
 * `fromThePlate` of a meeting: for each visible plate, what was finished in the meeting's window,
 * what is overdue, what falls due before the next meeting, and the triage count. Composed from what
 * was read from the plates just now; nothing of it is stored with the meeting.
 */
export function fromThePlate(
  plates: readonly VisiblePlate[],
  { window }: AgendaScope,
  tasks: MeetingTasks,
  now: Date,
): PlateAgenda[] {
  const { dueUntil } = window;
  return plates.map(({ personId, triage }): PlateAgenda => {
    const finished = tasks.finished.get(personId) ?? { done: [], dropped: [] };
    const positioned = tasks.due
      .filter((row) => row.owner_id === personId)
      .map((row) => presentTask(row, row.position, now));
    return {
      personId,
      completedSince: finished.done.map((row) => presentTask(row, null, now)),
      droppedSince: finished.dropped.map((row) => presentTask(row, null, now)),
      ...(dueUntil === null
        ? { overdue: [], dueBeforeNext: [] }
        : openAgenda(positioned, now, dueUntil, finishedBetweenLimit)),
      triage: dueUntil === null ? 0 : triage,
    };
  });
}
