import type { Request } from "../../contract";

/** Whom a nudge would remind: everyone asked who has not finished (done and dropped have), but the requester. */
export function peopleToRemind(request: Pick<Request, "assignees" | "canceledAt" | "requesterId">): string[] {
  if (request.canceledAt !== null) return [];
  return request.assignees
    .filter((assignee) => assignee.state !== "done" && assignee.state !== "dropped")
    .filter((assignee) => assignee.personId !== request.requesterId)
    .map((assignee) => assignee.personId);
}

/** "Remind 1 person", "Remind 3 people". */
export function remindLabel(count: number): string {
  return count === 1 ? "Remind 1 person" : `Remind ${count} people`;
}

/** What the requester hears once a nudge went out: whom it reached, and when they will see it. */
export function remindedSentence(names: readonly string[]): string {
  if (names.length === 0) return "Everyone has finished: nobody was left to remind.";
  return `Reminded ${names.join(", ")} (they will see it in their next digest)`;
}

const DAY_MS = 86_400_000;

/** The calendar date of an instant in a zone, as a day number, so that two dates subtract. */
function dayNumber(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((each) => each.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day")) / DAY_MS;
}

/**
 * When a refused nudge may be sent, in words, from the `Retry-After` seconds the server answered:
 * "You can remind them again tomorrow at 09:14", in the reader's zone. The minute is rounded up, so
 * that at the time named it is always possible.
 */
export function remindAgainSentence(retryAfterSeconds: number, now: number, timeZone: string): string {
  const minute = 60_000;
  const at = Math.ceil((now + Math.max(0, retryAfterSeconds) * 1000) / minute) * minute;
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  const days = dayNumber(at, timeZone) - dayNumber(now, timeZone);
  let day: string;
  if (days <= 0) day = "today";
  else if (days === 1) day = "tomorrow";
  else if (days < 7) day = `on ${new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long" }).format(at)}`;
  else day = `on ${new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "long" }).format(at)}`;
  return `You can remind them again ${day} at ${time}`;
}
