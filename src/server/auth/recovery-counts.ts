import type { Kysely } from "kysely";
import { type RateLimit, secondsPastLimit, windowEnd } from "../../core/rate-windows";
import type { Database } from "../db/schema";
import { countInWindows } from "./window-counts";

/**
 * Counts one more request under `key` for `limit` (requests sent at once each see a different
 * count), and answers the seconds to wait when it went past the limit, or null.
 */
export async function countRequest(
  db: Kysely<Database>,
  key: string,
  limit: RateLimit,
  now: Date,
): Promise<number | null> {
  const [counted] = await countInWindows(db, [{ key, endsIfNew: windowEnd(limit, now) }], now);
  if (!counted) throw new Error(`Nothing was counted under ${key}.`);
  return secondsPastLimit(limit, counted.count, new Date(counted.resetAt), now);
}
