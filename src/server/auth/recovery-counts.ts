import type { Kysely } from "kysely";
import { type CountLimit, secondsToWait, windowEnd } from "../../core/account-recovery";
import type { Database } from "../db/schema";

/**
 * Counts one more request under `key` for `limit`, in one statement (requests sent at once each see
 * a different count), and answers the seconds to wait when it went past the limit, or null.
 *
 * The counts live beside the sign-in attempts, one row per key with the end of its fixed window, so
 * that every instance sees them and housekeeping forgets them once their window has ended.
 */
export async function countRequest(
  db: Kysely<Database>,
  key: string,
  limit: CountLimit,
  now: Date,
): Promise<number | null> {
  const at = now.toISOString();
  const row = await db
    .insertInto("sign_in_attempt")
    .values({ key, count: 1, reset_at: windowEnd(limit, now).toISOString() })
    .onConflict((conflict) =>
      conflict.column("key").doUpdateSet((eb) => {
        const ended = eb("sign_in_attempt.reset_at", "<=", at);
        return {
          count: eb
            .case()
            .when(ended)
            .then(1)
            .else(eb("sign_in_attempt.count", "+", 1))
            .end(),
          reset_at: eb
            .case()
            .when(ended)
            .then(eb.ref("excluded.reset_at"))
            .else(eb.ref("sign_in_attempt.reset_at"))
            .end(),
        };
      }),
    )
    .returning(["count", "reset_at"])
    .executeTakeFirstOrThrow();
  return secondsToWait(limit, Number(row.count), new Date(row.reset_at), now);
}
