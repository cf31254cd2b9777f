import type { AppContext } from "../context";

/** How long a finished delivery (delivered, or failed for good) stays in its endpoint's log. */
export const deliveryLogDays = 30;
/** Deliveries forgotten per statement, and statements per run: housekeeping stays short however much piled up. */
const perStatement = 1000;
const statementsPerRun = 50;

/** Forgets finished deliveries older than `deliveryLogDays`, with their attempts. What is still pending is never dropped. */
export async function pruneDeliveries(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - deliveryLogDays * 86_400_000).toISOString();
  let forgotten = 0;
  for (let statement = 0; statement < statementsPerRun; statement++) {
    const result = await ctx.db
      .deleteFrom("webhook_delivery")
      .where((eb) =>
        eb(
          eb.refTuple("endpoint_id", "id"),
          "in",
          eb
            .selectFrom("webhook_delivery as old")
            .select(["old.endpoint_id", "old.id"])
            .where("old.status", "<>", "pending")
            .where("old.created_at", "<", before)
            .orderBy("old.created_at")
            .limit(perStatement)
            .$asTuple("endpoint_id", "id"),
        ),
      )
      .executeTakeFirst();
    const deleted = Number(result.numDeletedRows);
    forgotten += deleted;
    if (deleted < perStatement) break;
  }
  return forgotten;
}
