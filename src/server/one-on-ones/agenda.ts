import type { Kysely, Transaction } from "kysely";
import type { PlateAgenda } from "../../contract/one-on-ones";
import { type Actor, decide } from "../../core/access";
import { agendaWindow, openAgenda } from "../../core/meeting-agenda";
import type { AppContext } from "../context";
import type { Database } from "../db/schema";
import { presentTask } from "../tasks/present";
import { finishedBetween, finishedBetweenLimit, plateHeader, plateTasks } from "../tasks/store";
import { cadenceSeriesOf } from "./series-shape";
import { type MeetingRow, previousHeldAt, type SeriesRow } from "./store";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * `fromThePlate` of a meeting for `actor`: for each participant whose plate the actor may see (as
 * the plate itself decides: its owner and their management chain), what was finished in the
 * meeting's window, what is overdue, what falls due before the next meeting, and the triage count.
 * Read from the plates each time; nothing of it is stored with the meeting.
 */
export async function fromThePlate(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  series: SeriesRow,
  meeting: MeetingRow,
): Promise<PlateAgenda[]> {
  const now = ctx.clock.now();
  const heldBefore = await previousHeldAt(db, series.id, meeting.scheduled_at);
  const window = agendaWindow(
    { scheduledAt: meeting.scheduled_at, state: meeting.state },
    cadenceSeriesOf(series),
    heldBefore,
    now,
  );
  const participants = [series.first_person_id, series.second_person_id];
  const agendas = await Promise.all(
    participants.map(async (personId): Promise<PlateAgenda | null> => {
      const upcoming = window.dueUntil !== null;
      const [header, open, done, dropped] = await Promise.all([
        plateHeader(db, personId),
        upcoming ? plateTasks(db, personId) : [],
        finishedBetween(db, personId, "done", window),
        finishedBetween(db, personId, "dropped", window),
      ]);
      if (!header) return null;
      const plate = { ownerId: personId, organizationId: header.owner.organizationId, chain: header.chain };
      if (decide(actor, { kind: "plate.read", plate }) !== "allow") return null;
      const positioned = open.map((row, index) => presentTask(row, index + 1, now));
      const ahead =
        window.dueUntil === null
          ? { overdue: [], dueBeforeNext: [] }
          : openAgenda(positioned, now, window.dueUntil, finishedBetweenLimit);
      return {
        personId,
        completedSince: done.map((row) => presentTask(row, null, now)),
        droppedSince: dropped.map((row) => presentTask(row, null, now)),
        ...ahead,
        triage: upcoming ? header.triage : 0,
      };
    }),
  );
  return agendas.filter((agenda) => agenda !== null);
}
