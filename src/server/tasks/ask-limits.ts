import type { Transaction } from "kysely";
import { AppError } from "../../core/errors";
import { perDay, waitInWords } from "../../core/limits";
import { secondsUntilAllowed } from "../../core/rate-windows";
import type { AppContext } from "../context";
import type { Database } from "../db/schema";
import { triageAskTimes } from "./store";

/**
 * Within the transaction of an ask that lands in `owner`'s triage: 429 once its requester has put the
 * day's limit of asks in that person's triage, or in everyone's together (`core/limits.ts`); each of
 * a request's asks counts. The owner's plate lock is held, so asks of one person arriving together
 * are counted one after another; the count across everyone is exact on SQLite, and on PostgreSQL
 * may pass its limit by the few asks to different people that are written at the same moment.
 */
export async function assertMayAsk(
  ctx: AppContext,
  trx: Transaction<Database>,
  requesterId: string,
  owner: { id: string; name: string },
  at: string,
): Promise<void> {
  const now = new Date(at);
  const { asksPerPersonPerDay, asksPerDay } = ctx.config.limits;
  const checks = [
    {
      ownerId: owner.id,
      limit: perDay(asksPerPersonPerDay),
      why: (max: number, wait: string) =>
        `You have asked ${owner.name} for ${max} things in the last day, the most one person may put in another's triage. Nothing was sent: try again in ${wait}, or ask their manager to add it to their plate.`,
    },
    {
      ownerId: undefined,
      limit: perDay(asksPerDay),
      why: (max: number, wait: string) =>
        `You have put ${max} asks in other people's triage in the last day, the most one person may. Nothing was sent: try again in ${wait}.`,
    },
  ];
  for (const { ownerId, limit, why } of checks) {
    const since = new Date(now.getTime() - limit.windowMs).toISOString();
    const times = await triageAskTimes(trx, { requesterId, ownerId, since, limit: limit.max });
    const wait = secondsUntilAllowed(times, limit, now);
    if (wait === null) continue;
    throw new AppError("too_many_requests", why(limit.max, waitInWords(wait)), { retryAfterSeconds: wait });
  }
}
