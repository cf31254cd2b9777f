/**
 * Nudging a request: its requester reminds everyone who has not finished their task (done and
 * dropped have), at most once in 24 hours per request. A nudge that reminds nobody does not count.
 * It reaches people as an inbox entry, and so their next digest; never as a message of its own.
 */
import { AppError } from "./errors";
import type { Notice } from "./inbox-notices";
import { perDay, waitInWords } from "./limits";
import { secondsUntilAllowed } from "./rate-windows";
import { isFinished, type TaskState } from "./task-states";

/** One nudge per request in any 24 hours. */
export const nudgeLimit = perDay(1);

/** Seconds until the request may be nudged again after the nudge at `lastNudgedAt`, or null when it may now. */
export function secondsUntilNudge(lastNudgedAt: string | null, now: Date): number | null {
  return secondsUntilAllowed(lastNudgedAt === null ? [] : [new Date(lastNudgedAt)], nudgeLimit, now);
}

/** 429: the request was nudged less than a day ago. */
export function nudgedTooSoon(seconds: number): AppError {
  return new AppError(
    "too_many_requests",
    `You reminded them less than a day ago; a request can be nudged once a day. Nobody was reminded: try again in ${waitInWords(seconds)}.`,
    { retryAfterSeconds: seconds },
  );
}

/** The facts of a nudge that decide who is reminded. */
export interface NudgeFacts {
  requestId: string;
  requesterId: string;
  /** What the requester adds; blank for none. */
  note: string;
  /** Each assignee's task of the request. */
  tasks: readonly { id: string; ownerId: string; title: string; state: TaskState }[];
}

/**
 * An inbox entry for each assignee who has not finished, about their own task, with the note.
 * Never the requester, should they have asked themselves. Each person's unread nudges of one request
 * coalesce.
 */
export function nudgeNotices(facts: NudgeFacts): Notice[] {
  const note = facts.note.trim();
  return facts.tasks
    .filter((task) => !isFinished(task.state) && task.ownerId !== facts.requesterId)
    .map((task) => ({
      personId: task.ownerId,
      kind: "request.nudged",
      taskId: task.id,
      requestId: facts.requestId,
      coalesceKey: `nudged:${facts.requestId}`,
      data: note === "" ? { title: task.title } : { title: task.title, to: note },
    }));
}
