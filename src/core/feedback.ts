/**
 * Feedback and feedback requests: what feedback may be about, how a request is answered, how many
 * requests one person may send, and who hears of either (through the inbox, never a message of its
 * own). Who may give and read them is `access.ts`.
 */
import { AppError, type FieldIssue, notFound, ruleViolated } from "./errors";
import type { Notice } from "./inbox-notices";
import { perDay, waitInWords } from "./limits";
import { type RateLimit, secondsUntilAllowed } from "./rate-windows";

export type FeedbackVisibility = "private" | "with_manager";

/** Feedback requests one person may send in any 24 hours. */
export const feedbackRequestLimit: RateLimit = perDay(20);

/** Feedback goes to someone else: to oneself is a 422. */
export function assertNotToSelf(giverId: string, toId: string): void {
  if (giverId === toId) {
    throw ruleViolated("Feedback goes to someone else, not to yourself.", [
      { path: "toId", message: "is you" },
    ]);
  }
}

/** The one answer for a `taskId` that does not fit, whether or not the task exists. */
export const taskDoesNotFit = () =>
  ruleViolated("Feedback can be about a task you can see that they own or asked for.", [
    { path: "taskId", message: "not a task of theirs you can see" },
  ]);

/** The one answer for a `requestId` that does not fit, whether or not the request exists. */
export const requestDoesNotFit = () =>
  ruleViolated(
    "Feedback can be about a request you can see that they sent or were asked in, or answer a feedback request you were asked.",
    [{ path: "requestId", message: "not a request of theirs you can see" }],
  );

/** Feedback about a task is for the person who owns it or asked for it. */
export function taskConcerns(task: { ownerId: string; requesterId: string }, personId: string): boolean {
  return task.ownerId === personId || task.requesterId === personId;
}

/** Feedback about a team request is for the person who sent it or one of those asked. */
export function teamRequestConcerns(
  request: { requesterId: string; assigneeIds: readonly string[] },
  personId: string,
): boolean {
  return request.requesterId === personId || request.assigneeIds.includes(personId);
}

/** A feedback request as answering it sees it. */
export interface AnsweredRequest {
  aboutId: string;
  askedBy: string;
  /** The giver's own ask: null when they were not asked; `answeredAt` once they answered. */
  ask: { answeredAt: string | null } | null;
}

/**
 * Checks feedback that answers a feedback request: only someone asked answers (404 to anyone else,
 * who learns nothing of it), once (409), to the person it is about (422), and `with_manager` when
 * someone other than that person asked for it, since the one who asked reads the answers (422).
 */
export function assertMayAnswer(
  request: AnsweredRequest,
  answer: { toId: string; visibility: FeedbackVisibility },
): void {
  if (request.ask === null) throw notFound("Feedback request");
  if (answer.toId !== request.aboutId) {
    throw ruleViolated("An answer goes to the person the feedback request is about.", [
      { path: "toId", message: "not the person this request is about" },
    ]);
  }
  if (answer.visibility === "private" && request.askedBy !== request.aboutId) {
    throw ruleViolated(
      "Their manager asked for this feedback and reads the answers, so it cannot be private: send it with_manager.",
      [{ path: "visibility", message: "an answer to a manager's request is with_manager" }],
    );
  }
  if (request.ask.answeredAt !== null) throw answeredAlready();
}

export const answeredAlready = () =>
  new AppError(
    "already_exists",
    "You have answered this feedback request already: each person answers once.",
  );

/**
 * What is wrong with the people a feedback request asks, as field issues (none: it may go): each
 * once, not the person it is about, and not the one asking.
 */
export function askIssues(request: {
  askerId: string;
  aboutId: string;
  fromIds: readonly string[];
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of request.fromIds) {
    if (seen.has(id)) twice.add(id);
    seen.add(id);
  }
  if (twice.size > 0)
    issues.push({ path: "fromIds", message: `asked more than once: ${[...twice].join(", ")}` });
  if (seen.has(request.aboutId)) {
    issues.push({ path: "fromIds", message: "the person it is about cannot be asked about themselves" });
  }
  if (request.askerId !== request.aboutId && seen.has(request.askerId)) {
    issues.push({ path: "fromIds", message: "ask others: your own view you can give directly" });
  }
  return issues;
}

/**
 * 429 once `times` (the instants of the asker's feedback requests, any order) hold the day's limit,
 * with how long until the next may go.
 */
export function assertUnderRequestLimit(times: readonly Date[], now: Date): void {
  const wait = secondsUntilAllowed(times, feedbackRequestLimit, now);
  if (wait === null) return;
  throw new AppError(
    "too_many_requests",
    `You have sent ${feedbackRequestLimit.max} feedback requests in the last day, the most one person may. Nothing was sent: try again in ${waitInWords(wait)}.`,
    { retryAfterSeconds: wait },
  );
}

/** Feedback as the notices about it need it. */
export interface GivenFeedback {
  feedbackId: string;
  toId: string;
  taskId: string | null;
  requestId: string | null;
  /** The title of the task or request it is about; empty when about neither. */
  title: string;
  /** The feedback request it answers. */
  answers: { requestId: string; askedBy: string } | null;
}

/**
 * Who hears of feedback: its receiver (the entry names the feedback, never its text), and, for an
 * answer to a request someone else sent (a manager about a report), that person, told only that it
 * was answered.
 */
export function feedbackNotices(feedback: GivenFeedback): Notice[] {
  const notices: Notice[] = [
    {
      personId: feedback.toId,
      kind: "feedback.received",
      taskId: feedback.taskId,
      requestId: feedback.requestId,
      feedbackId: feedback.feedbackId,
      feedbackRequestId: feedback.answers?.requestId ?? null,
      coalesceKey: null,
      data: { title: feedback.title },
    },
  ];
  const { answers } = feedback;
  if (answers !== null && answers.askedBy !== feedback.toId) {
    notices.push({
      personId: answers.askedBy,
      kind: "feedback.answered",
      taskId: null,
      requestId: null,
      feedbackId: feedback.feedbackId,
      feedbackRequestId: answers.requestId,
      coalesceKey: null,
      data: { title: "", aboutId: feedback.toId },
    });
  }
  return notices;
}

/** Everyone a feedback request asks hears of it, with whom it is about. */
export function feedbackRequestNotices(request: {
  requestId: string;
  aboutId: string;
  askedIds: readonly string[];
}): Notice[] {
  return request.askedIds.map((personId) => ({
    personId,
    kind: "feedback.requested",
    taskId: null,
    requestId: null,
    feedbackRequestId: request.requestId,
    coalesceKey: null,
    data: { title: "", aboutId: request.aboutId },
  }));
}
