/**
 * Comments on a task: whom a comment may mention, and who hears of it. Whoever may read a task may
 * be mentioned in its comments; the author never hears of their own comment. Those mentioned hear
 * of it as a mention; the task's owner and requester and everyone who commented before (while they
 * may still read the task) hear that it was commented on. One author's comments on one task
 * coalesce into one entry while it is unread.
 */
import { type Actor, decide, type TaskSubject } from "./access";
import { AppError } from "./errors";
import type { Notice } from "./inbox-notices";

/** The facts of one new comment that decide who hears of it. */
export interface CommentFacts {
  taskId: string;
  /** The task's title now. */
  title: string;
  task: TaskSubject;
  /** The request the task belongs to, if any. */
  requestId: string | null;
  authorId: string;
  /** The people mentioned, each of whom may read the task. */
  mentionIds: readonly string[];
  /** Everyone who commented on the task before, as access sees them now. */
  earlierCommenters: readonly Actor[];
}

/** The ids mentioned, each once, in the order first named. */
export function distinctMentions(ids: readonly string[] | undefined): string[] {
  return [...new Set(ids ?? [])];
}

/** Of the people mentioned (as access sees them), those who may not read the task. */
export function mentionsWhoCannotSee<P extends Actor>(task: TaskSubject, people: readonly P[]): P[] {
  return people.filter((person) => decide(person, { kind: "task.read", task }) !== "allow");
}

/**
 * 422 for mentions of people who may not read the task, named (they are of the caller's
 * organization), or of ids that are no one there; `index` is the place in `mentionIds` as sent.
 */
export function mentionsRefused(refused: readonly { index: number; name: string | null }[]): AppError {
  const named = refused.flatMap((one) => (one.name === null ? [] : [one.name]));
  const unknown = refused.length - named.length;
  const sentences = [
    ...named.map((name) => `${name} cannot see this task.`),
    ...(unknown > 0 ? ["Someone you mentioned is not a person of your organization."] : []),
  ];
  return new AppError("rule_violated", `${sentences.join(" ")} Nothing was posted.`, {
    errors: refused.map((one) => ({
      path: `mentionIds.${one.index}`,
      message: one.name === null ? "not a person of your organization" : `${one.name} cannot see this task`,
    })),
  });
}

/** Who hears of a new comment, and as what (never its author). */
export function commentNotices(facts: CommentFacts): Notice[] {
  const mentioned = new Set(facts.mentionIds.filter((id) => id !== facts.authorId));
  const stillReading = facts.earlierCommenters
    .filter((person) => decide(person, { kind: "task.read", task: facts.task }) === "allow")
    .map((person) => person.id);
  const commented = new Set(
    [facts.task.ownerId, facts.task.requesterId, ...stillReading].filter(
      (id) => id !== facts.authorId && !mentioned.has(id),
    ),
  );
  const notice = (personId: string, kind: "task.commented" | "comment.mentioned"): Notice => ({
    personId,
    kind,
    taskId: facts.taskId,
    requestId: facts.requestId,
    coalesceKey: `${kind === "comment.mentioned" ? "mentioned" : "commented"}:${facts.taskId}:${facts.authorId}`,
    data: { title: facts.title },
  });
  return [
    ...[...mentioned].map((id) => notice(id, "comment.mentioned")),
    ...[...commented].map((id) => notice(id, "task.commented")),
  ];
}
