/**
 * Who hears of a change to a task, and as what. A change concerns the task's owner when someone
 * else made it, and its requester when the owner's side moved it along. The one who acted never
 * hears of their own change. Related changes carry the same coalescing key, so that re-ranking
 * thirty items, or one request's people finishing one by one, stays one entry.
 */

export type InboxKind =
  | "task.added"
  | "task.asked"
  | "task.moved"
  | "task.redated"
  | "task.edited"
  | "task.urgent"
  | "task.completed"
  | "task.dropped"
  | "task.accepted"
  | "task.declined"
  | "task.due_soon"
  | "task.overdue"
  | "task.stale"
  | "request.progress"
  | "feedback.received"
  | "feedback.requested"
  | "feedback.answered"
  | "webhook.disabled"
  | "task.commented"
  | "comment.mentioned"
  | "request.nudged";

/** The facts of one task change that decide who hears of it. */
export interface TaskChangeFacts {
  taskId: string;
  title: string;
  ownerId: string;
  requesterId: string;
  requestId: string | null;
  actorId: string;
  /** One import's tasks share it: their owner hears of them as one entry, not one per row. */
  batchId?: string | null;
  /** History kinds as recorded, with their values. */
  changes: readonly { kind: string; from?: unknown; to?: unknown }[];
}

/** What the sentence about an entry needs; kept as JSON beside it. */
export interface NoticeData {
  title: string;
  /** A position on the plate, "triage", a due, a reason: whatever the change went from. */
  from?: unknown;
  to?: unknown;
  /** Whom a feedback request is about. */
  aboutId?: string;
}

export interface Notice {
  personId: string;
  kind: InboxKind;
  taskId: string | null;
  requestId: string | null;
  /** The feedback it tells of, when it tells of feedback. */
  feedbackId?: string | null;
  /** The feedback request it tells of, when it tells of one. */
  feedbackRequestId?: string | null;
  /** Later notices with the same key join the earlier one while it is unread and in no digest. */
  coalesceKey: string | null;
  data: NoticeData;
}

export function noticesFor(facts: TaskChangeFacts): Notice[] {
  const notices: Notice[] = [];
  const ownerHears = facts.actorId !== facts.ownerId;
  const requesterHears = facts.requesterId !== facts.ownerId && facts.requesterId !== facts.actorId;
  const notice = (
    personId: string,
    kind: InboxKind,
    coalesceKey: string | null,
    data: Omit<NoticeData, "title"> = {},
  ) => {
    notices.push({
      personId,
      kind,
      taskId: facts.taskId,
      requestId: facts.requestId,
      coalesceKey,
      data: { title: facts.title, ...data },
    });
  };
  const toRequester = (kind: InboxKind, data: Omit<NoticeData, "title"> = {}) => {
    if (!requesterHears) return;
    if (facts.requestId !== null) {
      // A request's requester hears how the request is going, one entry per request.
      notice(facts.requesterId, "request.progress", `request:${facts.requestId}`, { to: kind });
    } else {
      notice(facts.requesterId, kind, null, data);
    }
  };

  for (const change of facts.changes) {
    switch (change.kind) {
      case "created":
        if (ownerHears) {
          const asked = change.to === "triage";
          const batch = !asked && facts.batchId ? `added:${facts.batchId}` : null;
          notice(facts.ownerId, asked ? "task.asked" : "task.added", batch, { to: change.to });
        }
        break;
      case "accepted":
        if (ownerHears) notice(facts.ownerId, "task.added", null, { to: change.to });
        toRequester("task.accepted", { to: change.to });
        break;
      case "declined":
        toRequester("task.declined", { to: change.to });
        break;
      case "moved":
        if (ownerHears) {
          notice(facts.ownerId, "task.moved", `moved:${facts.actorId}`, { from: change.from, to: change.to });
        }
        break;
      case "due_changed":
        if (ownerHears) {
          notice(facts.ownerId, "task.redated", `redated:${facts.taskId}`, {
            from: change.from,
            to: change.to,
          });
        } else if (requesterHears) {
          notice(facts.requesterId, "task.redated", `redated:${facts.taskId}`, {
            from: change.from,
            to: change.to,
          });
        }
        break;
      case "retitled":
      case "notes_changed":
        if (ownerHears) notice(facts.ownerId, "task.edited", `edited:${facts.taskId}`);
        break;
      case "urgency_changed":
        if (ownerHears && change.to === true) notice(facts.ownerId, "task.urgent", null);
        break;
      case "completed":
        if (ownerHears) notice(facts.ownerId, "task.completed", null);
        toRequester("task.completed");
        break;
      case "dropped":
        if (ownerHears) notice(facts.ownerId, "task.dropped", null, { to: change.to });
        toRequester("task.dropped", { to: change.to });
        break;
    }
  }
  return notices;
}

/**
 * Joins a later notice's data into an entry's: the change now runs from where it first started to
 * where it ended up.
 */
export function coalescedData(earlier: NoticeData, later: NoticeData): NoticeData {
  return { ...later, from: "from" in earlier ? earlier.from : later.from };
}
