import { forgetExpiredBefore } from "../../core/personal-tokens";
import type { AppContext } from "../context";
import { deleteTokensExpiredBefore } from "../tokens/store";
import { pruneDeliveries } from "../webhooks/prune";

/**
 * Forgets what has expired: sessions, verification codes, sign-in counts, long-expired tokens,
 * webhook deliveries finished 30 days ago. Idempotent, so any instance may run it.
 */
export async function housekeeping(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.db.deleteFrom("session").where("expires_at", "<", now).execute();
  await ctx.db.deleteFrom("verification").where("expires_at", "<", now).execute();
  await ctx.signInLimiter.prune();
  await deleteTokensExpiredBefore(ctx.db, forgetExpiredBefore(ctx.clock.now()).toISOString());
  await pruneDeliveries(ctx);
}
