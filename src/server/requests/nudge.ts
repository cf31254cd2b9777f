import type { Nudge, Nudged } from "../../contract/comments";
import type { Actor } from "../../core/access";
import { nudgedTooSoon, nudgeNotices, secondsUntilNudge } from "../../core/nudges";
import type { AppContext } from "../context";
import { lockRequest } from "../db/dialect";
import { addNotices } from "../inbox/store";
import { loadRequest } from "./load";
import { markNudged } from "./store";

/**
 * Its requester reminds everyone who has not finished a request's task: an inbox entry each, which
 * their next digest carries; nothing is mailed. At most once in 24 hours per request (429 with
 * `Retry-After`), measured by the clock; a nudge that reminds nobody, or is refused, does not count.
 */
export async function nudgeRequest(ctx: AppContext, actor: Actor, id: string, input: Nudge): Promise<Nudged> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await lockRequest(trx, ctx.dialect, id);
    const { row, tasks } = await loadRequest(trx, actor, id, "request.nudge");
    const wait = secondsUntilNudge(row.last_nudged_at, now);
    if (wait !== null) throw nudgedTooSoon(wait);
    const notices = nudgeNotices({
      requestId: row.id,
      requesterId: row.requester_id,
      note: input.note ?? "",
      tasks: tasks.map((task) => ({
        id: task.id,
        ownerId: task.owner_id,
        title: row.title,
        state: task.state,
      })),
    });
    if (notices.length === 0) return { nudged: [] };
    await markNudged(trx, row.id, at);
    await addNotices(trx, notices, actor.id, at);
    return { nudged: notices.map((notice) => notice.personId) };
  });
}
