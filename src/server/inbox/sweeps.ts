import { sql } from "kysely";
import type { AppContext } from "../context";
import { addSweepEntry } from "./store";

const hourMs = 60 * 60_000;
/** "Due soon" means due within this long. */
export const dueSoonMs = 24 * hourMs;
/** A task that fell due longer ago than this while the server was down is not told of anymore. */
const overdueLookbackMs = 12 * hourMs;
const staleBatch = 1_000;

/**
 * Tells owners, once per task and due, that open work is due soon or has become overdue. Idempotent:
 * every instance may run it at once; each entry exists once per person and key.
 */
export async function sweepDues(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const tasks = await ctx.db
    .selectFrom("task")
    .select(["id", "owner_id", "requester_id", "title", "due_at"])
    .where("state", "in", ["open", "in_progress"])
    .where("due_at", ">", new Date(now.getTime() - overdueLookbackMs).toISOString())
    .where("due_at", "<=", new Date(now.getTime() + dueSoonMs).toISOString())
    .execute();
  let added = 0;
  const nowIso = now.toISOString();
  for (const task of tasks) {
    if (task.due_at === null) continue;
    const kind = task.due_at <= nowIso ? "task.overdue" : "task.due_soon";
    const written = await addSweepEntry(ctx.db, {
      person_id: task.owner_id,
      kind,
      task_id: task.id,
      actor_id: task.requester_id,
      at: nowIso,
      data: JSON.stringify({ title: task.title, to: task.due_at }),
      dedupeKey: `${kind}:${task.id}:${task.due_at}`,
    });
    if (written) added++;
  }
  return added;
}

/**
 * Asks "still needed?" of open tasks untouched for the organization's number of days: one entry for
 * the owner and one for the requester, once per untouched stretch (a task's version names it).
 */
export async function sweepStale(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const organizations = await ctx.db.selectFrom("organization").select(["id", "stale_after_days"]).execute();
  let added = 0;
  for (const organization of organizations) {
    const cutoff = new Date(
      now.getTime() - Number(organization.stale_after_days) * 24 * hourMs,
    ).toISOString();
    const seen = new Set<string>();
    for (;;) {
      const stale = await ctx.db
        .selectFrom("task as t")
        .select(["t.id", "t.owner_id", "t.requester_id", "t.title", "t.version", "t.updated_at"])
        .where("t.organization_id", "=", organization.id)
        .where("t.state", "in", ["open", "in_progress"])
        .where("t.updated_at", "<", cutoff)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("inbox_entry as e")
                .select("e.id")
                .whereRef("e.person_id", "=", "t.owner_id")
                .where(
                  "e.dedupe_key",
                  "=",
                  sql<string>`'task.stale:' || t.id || ':' || cast(t.version as text)`,
                ),
            ),
          ),
        )
        .limit(staleBatch)
        .execute();
      const fresh = stale.filter((task) => !seen.has(task.id));
      for (const task of fresh) {
        seen.add(task.id);
        const key = `task.stale:${task.id}:${task.version}`;
        const data = JSON.stringify({
          title: task.title,
          version: task.version,
          untouchedSince: task.updated_at,
        });
        const recipients =
          task.requester_id === task.owner_id ? [task.owner_id] : [task.owner_id, task.requester_id];
        for (const person of recipients) {
          const written = await addSweepEntry(ctx.db, {
            person_id: person,
            kind: "task.stale",
            task_id: task.id,
            actor_id: task.requester_id,
            at: now.toISOString(),
            data,
            dedupeKey: key,
          });
          if (written) added++;
        }
      }
      if (stale.length < staleBatch || fresh.length === 0) break;
    }
  }
  return added;
}
