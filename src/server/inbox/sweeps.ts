import { sql } from "kysely";
import type { AppContext } from "../context";
import { addSweepEntries, type SweepEntry } from "./store";

const hourMs = 60 * 60_000;
/** "Due soon" means due within this long. */
export const dueSoonMs = 24 * hourMs;
/** A task that fell due longer ago than this while the server was down is not told of anymore. */
const overdueLookbackMs = 12 * hourMs;
/** Tasks per statement: two entries each, well within both databases' parameter limits. */
const staleBatch = 500;
const sweepBatch = 500;

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
  const nowIso = now.toISOString();
  const candidates = tasks.flatMap((task) => {
    if (task.due_at === null) return [];
    const kind = task.due_at <= nowIso ? ("task.overdue" as const) : ("task.due_soon" as const);
    return [{ task, kind, key: `${kind}:${task.id}:${task.due_at}` }];
  });
  let added = 0;
  for (let start = 0; start < candidates.length; start += sweepBatch) {
    const batch = candidates.slice(start, start + sweepBatch);
    // Most were told of in an earlier run: look them up once rather than trying each insert.
    const told = new Set(
      (
        await ctx.db
          .selectFrom("inbox_entry")
          .select("dedupe_key")
          .where(
            "person_id",
            "in",
            batch.map(({ task }) => task.owner_id),
          )
          .where(
            "dedupe_key",
            "in",
            batch.map(({ key }) => key),
          )
          .execute()
      ).map((row) => row.dedupe_key),
    );
    added += await addSweepEntries(
      ctx.db,
      batch
        .filter(({ key }) => !told.has(key))
        .map(({ task, kind, key }) => ({
          person_id: task.owner_id,
          kind,
          task_id: task.id,
          actor_id: task.requester_id,
          at: nowIso,
          data: JSON.stringify({ title: task.title, to: task.due_at }),
          dedupeKey: key,
        })),
    );
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
      const entries: SweepEntry[] = [];
      for (const task of fresh) {
        seen.add(task.id);
        const data = JSON.stringify({
          title: task.title,
          version: task.version,
          untouchedSince: task.updated_at,
        });
        const recipients =
          task.requester_id === task.owner_id ? [task.owner_id] : [task.owner_id, task.requester_id];
        for (const person of recipients) {
          entries.push({
            person_id: person,
            kind: "task.stale",
            task_id: task.id,
            actor_id: task.requester_id,
            at: now.toISOString(),
            data,
            dedupeKey: `task.stale:${task.id}:${task.version}`,
          });
        }
      }
      added += await addSweepEntries(ctx.db, entries);
      if (stale.length < staleBatch || fresh.length === 0) break;
    }
  }
  return added;
}
