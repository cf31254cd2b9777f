import type { InboxItem } from "../../contract/inbox";
import type { FeedbackSearch } from "../feedback/feedbackSearch";
import type { PlateTab } from "../plate/plateSearch";

/** The list of the plate that shows the task, and for a comment or a reminder, the task whose drawer opens. */
type PlateTabSearch = { tab?: Exclude<PlateTab, "open">; task?: string };

/** Where an inbox entry leads: a plate (at the list that shows the task), a request, the Feedback page, or a webhook's deliveries. */
export type InboxTarget =
  | { to: "/plate"; search: PlateTabSearch }
  | { to: "/people/$id/plate"; params: { id: string }; search: PlateTabSearch }
  | { to: "/requests/$id"; params: { id: string } }
  | { to: "/feedback"; search: FeedbackSearch }
  | { to: "/webhooks"; search: { deliveries: string } };

/** The list of the Feedback page an entry about feedback is found on. */
const FEEDBACK_TABS: Partial<Record<InboxItem["kind"], FeedbackSearch>> = {
  "feedback.received": {},
  "feedback.requested": { tab: "asked" },
  "feedback.answered": { tab: "sent" },
};

/** Entries whose task opens in its drawer: what was said about it, or a reminder of it. */
const OPENS_THE_TASK: ReadonlySet<InboxItem["kind"]> = new Set([
  "task.commented",
  "comment.mentioned",
  "request.nudged",
]);

/** The list of a plate where the task now shows, with the task's drawer open for a comment or a reminder. */
function tabFor(item: InboxItem): PlateTabSearch {
  if (OPENS_THE_TASK.has(item.kind) && item.taskId) return { task: item.taskId };
  const { kind } = item;
  if (kind === "task.asked") return { tab: "triage" };
  if (kind === "task.completed") return { tab: "done" };
  if (kind === "task.dropped" || kind === "task.declined") return { tab: "dropped" };
  return {};
}

/**
 * Where clicking an entry goes: the Feedback page for feedback and its requests, the deliveries of a
 * webhook turned off, my own plate, the owner's plate when I may see it (I manage them) (for a
 * comment, a mention or a reminder, with the task's drawer open),
 * the request the task belongs to, or nowhere (`null`) when the task sits on a plate hidden from me.
 */
export function inboxTarget(
  item: InboxItem,
  meId: string,
  canSeePlateOf: (ownerId: string) => boolean,
): InboxTarget | null {
  const feedback = FEEDBACK_TABS[item.kind];
  if (feedback) return { to: "/feedback", search: feedback };
  if (item.kind === "webhook.disabled")
    return item.webhookId ? { to: "/webhooks", search: { deliveries: item.webhookId } } : null;
  const request = item.requestId ? { to: "/requests/$id" as const, params: { id: item.requestId } } : null;
  if (item.kind === "request.progress" && request) return request;
  if (!item.ownerId) return request;
  if (item.ownerId === meId) return { to: "/plate", search: tabFor(item) };
  if (canSeePlateOf(item.ownerId)) {
    return { to: "/people/$id/plate", params: { id: item.ownerId }, search: tabFor(item) };
  }
  return request;
}
