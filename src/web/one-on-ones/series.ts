import type { Person, Series } from "../../contract";
import { isAbove } from "../people/reportingChain";

/** The other person of a series, seen by one of its two. */
export function otherParticipant(series: Pick<Series, "participantIds">, meId: string): string {
  const [first, second] = series.participantIds;
  return first === meId ? second : first;
}

/** The series with `personId` that still goes on, if I have one. */
export function goingSeriesWith(
  series: readonly Series[],
  meId: string,
  personId: string,
): Series | undefined {
  return series.find(
    (one) =>
      one.endedAt === null && one.participantIds.includes(meId) && otherParticipant(one, meId) === personId,
  );
}

/** Going series first (soonest next meeting first), then ended ones (latest ended first). */
export function splitSeries(series: readonly Series[]): { going: Series[]; ended: Series[] } {
  const nextAt = (one: Series) => (one.nextMeeting ? Date.parse(one.nextMeeting.scheduledAt) : Infinity);
  const going = series.filter((one) => one.endedAt === null).sort((a, b) => nextAt(a) - nextAt(b));
  const ended = series
    .filter((one) => one.endedAt !== null)
    .sort((a, b) => Date.parse(b.endedAt ?? "") - Date.parse(a.endedAt ?? ""));
  return { going, ended };
}

/** Whether I may place work on someone's plate: my own, or a plate below me in the reporting lines. */
export function mayPlaceOn(
  people: readonly Pick<Person, "id" | "managerId">[],
  meId: string,
  ownerId: string,
): boolean {
  return ownerId === meId || isAbove(people, meId, ownerId);
}

/** Where a form shows the server's field errors of a series: `cadence.time` goes to the time field. */
export function seriesFieldFor(path: string): string | null {
  const field = path.startsWith("cadence.") ? path.slice("cadence.".length) : path;
  return ["withId", "everyWeeks", "weekday", "time", "minutes", "timeZone", "firstDate"].includes(field)
    ? field
    : null;
}
