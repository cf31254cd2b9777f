import type { Kysely } from "kysely";
import type { Database } from "../db/schema";

/** A key to count one more under, and when its window ends if this one starts it. */
export interface WindowKey {
  key: string;
  endsIfNew: Date;
}

/** A key's count once this one was added, and when its window ends. */
export interface WindowCount {
  key: string;
  count: number;
  resetAt: string;
}

/**
 * Adds one to every key's count in one statement, on both databases: a key whose fixed window has
 * ended starts a new one. Concurrent counts on a key wait for each other's row, so each sees a
 * different count. Rows live in `sign_in_attempt` (sign-in attempts and recovery mails alike), where
 * housekeeping forgets them once their window has ended. Answers in the order of `keys`.
 */
export async function countInWindows(
  db: Kysely<Database>,
  keys: readonly WindowKey[],
  now: Date,
): Promise<WindowCount[]> {
  const rows = await db
    .insertInto("sign_in_attempt")
    .values(keys.map(({ key, endsIfNew }) => ({ key, count: 1, reset_at: endsIfNew.toISOString() })))
    .onConflict((conflict) =>
      conflict.column("key").doUpdateSet((eb) => {
        const ended = eb("sign_in_attempt.reset_at", "<=", now.toISOString());
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
    .returning(["key", "count", "reset_at"])
    .execute();
  return keys.map(({ key }) => {
    const row = rows.find((candidate) => candidate.key === key);
    if (!row) throw new Error(`Nothing was counted under ${key}.`);
    return { key, count: Number(row.count), resetAt: row.reset_at };
  });
}
