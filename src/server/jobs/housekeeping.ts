import type { AppContext } from "../context";

/** Forgets what has expired: sessions, verification codes, old sign-in failures. Idempotent, so any instance may run it. */
export async function housekeeping(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.db.deleteFrom("session").where("expires_at", "<", now).execute();
  await ctx.db.deleteFrom("verification").where("expires_at", "<", now).execute();
  await ctx.signInLimiter.prune();
}
