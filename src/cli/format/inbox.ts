import type { InboxItem, InboxKind, InboxList } from "../../contract/inbox";
import { fitTable } from "./columns";
import { describeWhen } from "./dates";
import type { Paint } from "./style";

/** What an entry's actor did, in a word or two (about the task the title names). */
const happened: Record<InboxKind, string> = {
  "task.added": "added",
  "task.asked": "asked you",
  "task.moved": "moved",
  "task.redated": "changed the due",
  "task.edited": "edited",
  "task.urgent": "marked urgent",
  "task.completed": "completed",
  "task.dropped": "dropped",
  "task.accepted": "accepted",
  "task.declined": "declined",
  "task.due_soon": "due soon",
  "task.overdue": "overdue",
  "task.stale": "still needed?",
  "request.progress": "request moved on",
  "feedback.received": "gave you feedback",
  "feedback.requested": "asks for feedback",
  "feedback.answered": "answered",
  "webhook.disabled": "webhook turned off",
  "task.commented": "commented",
  "comment.mentioned": "mentioned you",
  "request.nudged": "reminds you",
};

/** Entries about time passing (and a webhook failing for a day) name no one who acted. */
const byNobody = new Set<InboxKind>(["task.due_soon", "task.overdue", "task.stale", "webhook.disabled"]);

function what(item: InboxItem): string {
  return item.count > 1 ? `${happened[item.kind]} ×${item.count}` : happened[item.kind];
}

/** The inbox as a person reads it: unread marked, when (in their zone), who, what, which task. */
export function inboxLines(
  inbox: InboxList,
  nameOf: (id: string) => string,
  zone: string,
  now: Date,
  width: number,
  paint: Paint,
): string[] {
  const header = `${paint(["bold"], "Inbox")}: ${inbox.unread} unread`;
  if (inbox.items.length === 0) return [header, "Nothing new."];
  const rows = inbox.items.map((item) => {
    const unread = item.readAt === null;
    return [
      { text: unread ? "•" : "", style: ["cyan", "bold"] as const },
      { text: describeWhen(item.at, now, zone), style: ["dim"] as const },
      { text: byNobody.has(item.kind) ? "" : nameOf(item.actorId) },
      { text: what(item), style: unread ? (["bold"] as const) : [] },
      { text: item.title },
    ];
  });
  return [header, ...fitTable(rows, [{}, {}, {}, {}, { flex: true }], width, paint)];
}
