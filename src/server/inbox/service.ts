import type { InboxList, MarkRead } from "../../contract/inbox";
import type { Actor } from "../../core/access";
import type { AppContext } from "../context";
import type { PageStart } from "../db/pages";
import { presentInboxItem } from "./present";
import { listEntries, markRead, unreadCount } from "./store";

/** The caller's inbox, newest first, with their unread count. */
export async function getInbox(
  ctx: AppContext,
  actor: Actor,
  page: PageStart & { limit: number },
): Promise<InboxList> {
  const [rows, unread] = await Promise.all([
    listEntries(ctx.db, actor.id, page),
    unreadCount(ctx.db, actor.id),
  ]);
  const taskIds = [...new Set(rows.flatMap((row) => (row.task_id ? [row.task_id] : [])))];
  const owners =
    taskIds.length === 0
      ? new Map<string, string>()
      : new Map(
          (
            await ctx.db.selectFrom("task").select(["id", "owner_id"]).where("id", "in", taskIds).execute()
          ).map((task) => [task.id, task.owner_id]),
        );
  return {
    items: rows.map((row) => presentInboxItem(row, row.task_id ? owners.get(row.task_id) : undefined)),
    unread,
  };
}

export async function markInboxRead(ctx: AppContext, actor: Actor, input: MarkRead): Promise<void> {
  await markRead(ctx.db, actor.id, "all" in input ? "all" : input.ids, ctx.clock.now().toISOString());
}
