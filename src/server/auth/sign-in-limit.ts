import type { Kysely } from "kysely";
import type { Clock } from "../../core/clock";
import { AppError } from "../../core/errors";
import { type FailureLimit, secondsUntilAllowed, signInLimits } from "../../core/sign-in-limits";
import type { Database } from "../db/schema";
import { newId } from "../platform/ids";

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

/** Failed sign-ins, counted in the database so that every instance enforces the same limit. */
export class SignInLimiter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** Throws 429 when this account or address has failed too often lately. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const now = this.clock.now();
    const checks: [string, FailureLimit][] = [
      [accountKey(email), signInLimits.perAccount],
      [addressKey(address), signInLimits.perAddress],
    ];
    for (const [key, limit] of checks) {
      const wait = secondsUntilAllowed(await this.failuresSince(key, limit, now), limit, now);
      if (wait !== null) {
        throw new AppError("too_many_requests", `Too many failed sign-ins. Try again in ${wait} seconds.`, {
          retryAfterSeconds: wait,
        });
      }
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const at = this.clock.now().toISOString();
    await this.db
      .insertInto("sign_in_failure")
      .values([
        { id: newId(), key: accountKey(email), at },
        { id: newId(), key: addressKey(address), at },
      ])
      .execute();
  }

  /** A successful sign-in forgives the account's earlier failures. */
  async forgive(email: string): Promise<void> {
    await this.db.deleteFrom("sign_in_failure").where("key", "=", accountKey(email)).execute();
  }

  /** Forgets failures older than any window: housekeeping. */
  async prune(): Promise<void> {
    const longest = Math.max(signInLimits.perAccount.windowMs, signInLimits.perAddress.windowMs);
    const before = new Date(this.clock.now().getTime() - longest).toISOString();
    await this.db.deleteFrom("sign_in_failure").where("at", "<", before).execute();
  }

  private async failuresSince(key: string, limit: FailureLimit, now: Date): Promise<Date[]> {
    const since = new Date(now.getTime() - limit.windowMs).toISOString();
    const rows = await this.db
      .selectFrom("sign_in_failure")
      .select("at")
      .where("key", "=", key)
      .where("at", ">", since)
      .execute();
    return rows.map((row) => new Date(row.at));
  }
}
