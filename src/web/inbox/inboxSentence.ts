import type { Due, HistoryValue } from "../../contract";
import type { InboxItem } from "../../contract/inbox";

/** What a sentence needs besides the entry: who reads it, names, and how dues read on this page. */
export interface SentenceContext {
  meId: string;
  /** A person's name by id, "Someone" when they are not in the directory. */
  nameOf: (personId: string) => string;
  formatDue: (due: Due) => string;
  /** The organization's "still needed?" threshold, when known. */
  staleAfterDays?: number | null;
}

const quoted = (title: string) => `“${title}”`;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

const isDue = (value: HistoryValue | undefined): value is Due =>
  typeof value === "object" && value !== null && ("date" in value || "at" in value);

const position = (value: HistoryValue | undefined) => (typeof value === "number" ? `#${value}` : null);

const reason = (value: HistoryValue | undefined) =>
  typeof value === "string" && value.trim() ? `: ${value.trim()}` : "";

/** What a request's latest update did to the task, in a few words. */
const PROGRESS_VERBS: Record<string, string> = {
  "task.accepted": "accepted it",
  "task.declined": "declined it",
  "task.completed": "completed it",
  "task.dropped": "dropped it",
  "task.redated": "changed its due date",
};

/**
 * One inbox entry as a plain sentence, "Manny Manager put “Ship it” on your plate at #2". Entries
 * about a task on someone else's plate are about what the reader asked of them.
 */
export function inboxSentence(item: InboxItem, ctx: SentenceContext): string {
  const actor = ctx.nameOf(item.actorId);
  const title = quoted(item.title);
  const mine = item.ownerId === undefined || item.ownerId === ctx.meId;
  const owner = item.ownerId ? ctx.nameOf(item.ownerId) : "";
  const plate = mine ? "your plate" : `${owner}'s plate`;
  const { from, to } = item;

  switch (item.kind) {
    case "task.added": {
      const at = position(to);
      // The tasks of one import are one entry: how many, and the last of them.
      if (item.count > 1)
        return `${actor} put ${plural(item.count, "task")} on ${plate}, the last ${title}${at ? ` at ${at}` : ""}`;
      return `${actor} put ${title} on ${plate}${at ? ` at ${at}` : ""}`;
    }
    case "task.asked":
      return mine
        ? `${actor} asked you for ${title}; it waits in your triage`
        : `${actor} asked ${owner} for ${title}; it waits in their triage`;
    case "task.moved": {
      if (item.count > 1) {
        const now = position(to);
        return `${actor} reordered ${plate} (${plural(item.count, "move")})${now ? `; ${title} is now at ${now}` : ""}`;
      }
      const [was, now] = [position(from), position(to)];
      return was && now
        ? `${actor} moved ${title} from ${was} to ${now}`
        : `${actor} moved ${title} on ${plate}`;
    }
    case "task.redated":
      return `${actor} ${redated(title, from, to, ctx.formatDue)}${mine ? "" : ", which you asked for"}`;
    case "task.edited":
      return `${actor} edited ${title}${item.count > 1 ? ` (${plural(item.count, "change")})` : ""}`;
    case "task.urgent":
      return `${actor} marked ${title} urgent`;
    case "task.completed":
      return mine ? `${actor} completed ${title}` : `${actor} completed ${title}, which you asked for`;
    case "task.dropped":
      return mine
        ? `${actor} dropped ${title} from your plate${reason(to)}`
        : `${actor} dropped ${title}, which you asked for${reason(to)}`;
    case "task.accepted": {
      const at = position(to);
      const where = item.ownerId && item.actorId !== item.ownerId ? `onto ${plate}` : "onto their plate";
      return `${actor} accepted ${title} ${where}${at ? ` at ${at}` : ""}`;
    }
    case "task.declined":
      return `${actor} declined ${title}${reason(to)}`;
    case "task.due_soon":
      return `${title}${whose(item, ctx, mine, owner)} is due soon`;
    case "task.overdue":
      return `${title}${whose(item, ctx, mine, owner)} is overdue`;
    case "task.stale": {
      const days = ctx.staleAfterDays ? `for ${plural(ctx.staleAfterDays, "day")}` : "for a while";
      return mine
        ? `Still needed? Nobody has touched ${title} ${days}`
        : `Still needed? ${owner} has not touched ${title}, which you asked for, ${days}`;
    }
    case "feedback.received":
      if (item.title) return `${actor} gave you feedback about ${title}`;
      return item.feedbackRequestId
        ? `${actor} answered your request for feedback`
        : `${actor} gave you feedback`;
    case "feedback.requested":
      return `${actor} asked for your feedback${aboutWhom(item, ctx)}`;
    case "feedback.answered":
      return `${actor} answered your request for feedback${aboutWhom(item, ctx)}`;
    case "webhook.disabled":
      return `The webhook to ${title} was turned off after failing for 24 hours`;
    case "task.commented":
      return item.count > 1
        ? `${actor} left ${plural(item.count, "comment")} on ${title}`
        : `${actor} commented on ${title}`;
    case "comment.mentioned":
      return `${actor} mentioned you in ${item.count > 1 ? plural(item.count, "comment") : "a comment"} on ${title}`;
    case "request.nudged":
      return `${actor} reminds you of ${title}${item.count > 1 ? ` (${plural(item.count, "reminder")})` : ""}${reason(to)}`;
    case "request.progress": {
      const verb = typeof to === "string" ? PROGRESS_VERBS[to] : undefined;
      const latest = `${actor} ${verb ?? "updated it"}`;
      return item.count > 1
        ? `Your request ${title} moved on: ${plural(item.count, "update")}, the latest: ${latest}`
        : `Your request ${title} moved on: ${latest}`;
    }
  }
}

/** Whom a request for feedback is about, from its reader's side. */
function aboutWhom(item: InboxItem, ctx: SentenceContext): string {
  if (!item.aboutId) return "";
  if (item.kind === "feedback.requested") {
    if (item.aboutId === item.actorId) return " on their work";
    if (item.aboutId === ctx.meId) return " on your own work";
  } else if (item.aboutId === ctx.meId) {
    return " on your work";
  }
  return ` about ${ctx.nameOf(item.aboutId)}`;
}

/** For due soon and overdue: who asked for it (on my plate), or whom I asked. */
function whose(item: InboxItem, ctx: SentenceContext, mine: boolean, owner: string): string {
  if (!mine) return `, which you asked of ${owner},`;
  return item.actorId === ctx.meId ? "" : `, asked by ${ctx.nameOf(item.actorId)},`;
}

function redated(
  title: string,
  from: HistoryValue | undefined,
  to: HistoryValue | undefined,
  formatDue: (due: Due) => string,
): string {
  if (isDue(from) && isDue(to))
    return `moved the due date of ${title} from ${formatDue(from)} to ${formatDue(to)}`;
  if (isDue(to)) return `set the due date of ${title} to ${formatDue(to)}`;
  return isDue(from)
    ? `removed the due date of ${title} (was ${formatDue(from)})`
    : `removed the due date of ${title}`;
}
