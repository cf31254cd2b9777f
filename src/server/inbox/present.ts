import type { InboxItem, InboxKind } from "../../contract/inbox";
import type { InboxKind as CoreInboxKind } from "../../core/inbox-notices";
import type { InboxEntryRow } from "./store";

// The contract's kinds and the domain's are one list: this fails to compile when they part.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsAgree: Same<InboxKind, CoreInboxKind> = true;
void kindsAgree;

export function presentInboxItem(row: InboxEntryRow, ownerId: string | undefined): InboxItem {
  const data = JSON.parse(row.data) as {
    title: string;
    from?: InboxItem["from"];
    to?: InboxItem["to"];
    aboutId?: string;
    webhookId?: string;
  };
  return {
    id: row.id,
    kind: row.kind as InboxKind,
    ...(row.task_id ? { taskId: row.task_id } : {}),
    ...(row.request_id ? { requestId: row.request_id } : {}),
    actorId: row.actor_id,
    at: row.at,
    readAt: row.read_at,
    count: Number(row.count),
    title: data.title,
    ...(data.from !== undefined ? { from: data.from } : {}),
    ...(data.to !== undefined ? { to: data.to } : {}),
    ...(ownerId ? { ownerId } : {}),
    ...(row.feedback_id ? { feedbackId: row.feedback_id } : {}),
    ...(row.feedback_request_id ? { feedbackRequestId: row.feedback_request_id } : {}),
    ...(data.aboutId !== undefined ? { aboutId: data.aboutId } : {}),
    ...(data.webhookId !== undefined ? { webhookId: data.webhookId } : {}),
  };
}
