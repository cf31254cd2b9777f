import type { Kysely } from "kysely";
import type { Clock } from "../../core/clock";
import { AppError } from "../../core/errors";
import {
  type AttemptKey,
  type AttemptOutcome,
  type AttemptScope,
  afterAttempt,
  attemptKeys,
  scopeWindowEnd,
  secondsToWait,
} from "../../core/sign-in-limits";
import type { Database } from "../db/schema";
import { countInWindows } from "./window-counts";

/** One key's row as this attempt left it: which window it was counted in. */
interface Counted extends AttemptKey {
  count: number;
  resetAt: string;
}

/**
 * Sign-in attempts, counted in the database so that every instance enforces the same limits
 * (`core/sign-in-limits.ts`). An attempt is counted under all its keys in one statement before its
 * password is checked, so attempts sent at once cannot all slip under a limit together.
 */
export class SignInLimiter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks a password as one counted attempt of `email` from `address`: 429 (and nothing counted)
   * when the attempt goes past a limit; otherwise runs `check` and keeps, takes back or forgives
   * counts by its outcome (`outcomeOf` its result; an error means the password was not checked).
   */
  async attempt<T>(
    email: string,
    address: string,
    check: () => Promise<T>,
    outcomeOf: (result: T) => AttemptOutcome,
  ): Promise<T> {
    const counted = await this.count(attemptKeys(email, address));
    const now = this.clock.now();
    const wait = secondsToWait(
      counted.map((row) => ({ scope: row.scope, count: row.count, resetAt: new Date(row.resetAt) })),
      now,
    );
    if (wait !== null) {
      await this.settle(counted, "unchecked");
      throw new AppError("too_many_requests", `Too many failed sign-ins. Try again in ${wait} seconds.`, {
        retryAfterSeconds: wait,
      });
    }
    let outcome: AttemptOutcome = "unchecked";
    try {
      const result = await check();
      outcome = outcomeOf(result);
      return result;
    } finally {
      await this.settle(counted, outcome);
    }
  }

  /** Forgets counts whose window has ended: housekeeping. */
  async prune(): Promise<void> {
    await this.db
      .deleteFrom("sign_in_attempt")
      .where("reset_at", "<=", this.clock.now().toISOString())
      .execute();
  }

  /**
   * Adds one to every key's count, in one statement: a key whose window has ended starts a new one.
   * Concurrent attempts on a key wait for each other's row, so each sees a different count.
   */
  private async count(keys: AttemptKey[]): Promise<Counted[]> {
    const now = this.clock.now();
    const counts = await countInWindows(
      this.db,
      keys.map(({ scope, key }) => ({ key, endsIfNew: scopeWindowEnd(scope, now) })),
      now,
    );
    return keys.map((key, index) => {
      const counted = counts[index];
      if (!counted) throw new Error(`The sign-in attempt under ${key.scope} was not counted.`);
      return { ...key, count: counted.count, resetAt: counted.resetAt };
    });
  }

  /**
   * Takes the attempt back from, or forgives, the keys its outcome says. One key at a time, in the
   * order they were counted, and only in the window it was counted in.
   */
  private async settle(counted: Counted[], outcome: AttemptOutcome): Promise<void> {
    const { forgive, takeBack } = afterAttempt(outcome);
    const inScope = (scopes: AttemptScope[]) => counted.filter((row) => scopes.includes(row.scope));
    for (const row of inScope(forgive)) {
      await this.db.deleteFrom("sign_in_attempt").where("key", "=", row.key).execute();
    }
    for (const row of inScope(takeBack)) {
      await this.db
        .updateTable("sign_in_attempt")
        .set((eb) => ({ count: eb("count", "-", 1) }))
        .where("key", "=", row.key)
        .where("reset_at", "=", row.resetAt)
        .where("count", ">", 0)
        .execute();
    }
  }
}
