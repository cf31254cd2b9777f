import { sql, type Transaction } from "kysely";
import { afterFailure } from "../../core/webhook-retries";
import type { AppContext } from "../context";
import { skippingLocked } from "../db/dialect";
import type { Database } from "../db/schema";
import { disableFailingEndpoint } from "./disable";
import { type AttemptOutcome, sendSigned } from "./send";

/** How long a sender holds the deliveries it took; past that another sender may take them. */
const leaseMs = 5 * 60_000;
/** Deliveries sent at once. */
const concurrency = 16;
/** Deliveries leased at a time: at `concurrency` and a 10 s timeout, a batch is sent well within its lease. */
const defaultBatch = 100;

export interface WebhookRunReport {
  delivered: number;
  failed: number;
}

interface Leased {
  endpoint_id: string;
  id: string;
  payload: string;
  attempts: number;
  lease_until: string | null;
}

interface Target {
  id: string;
  organization_id: string;
  url: string;
  secret: string;
  description: string;
  created_by: string | null;
  disabled_at: string | null;
}

/**
 * Sends what is due, batch after batch, until nothing due is left. Each batch is leased first
 * (on PostgreSQL, rows another instance is leasing are passed over), so two instances never send one
 * delivery at once, and each attempt is recorded against the lease it was made under.
 */
export async function deliverWebhooks(
  ctx: AppContext,
  options: { batch?: number } = {},
): Promise<WebhookRunReport> {
  const report: WebhookRunReport = { delivered: 0, failed: 0 };
  for (;;) {
    const leased = await leaseDue(ctx, options.batch ?? defaultBatch);
    if (leased.length === 0) return report;
    const targets = await targetsOf(ctx, [...new Set(leased.map((delivery) => delivery.endpoint_id))]);
    let next = 0;
    const worker = async () => {
      while (next < leased.length) {
        const delivery = leased[next++] as Leased;
        const delivered = await sendOne(ctx, delivery, targets.get(delivery.endpoint_id));
        if (delivered === true) report.delivered++;
        if (delivered === false) report.failed++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, leased.length) }, worker));
  }
}

async function leaseDue(ctx: AppContext, batch: number): Promise<Leased[]> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  return ctx.db
    .updateTable("webhook_delivery")
    .set((eb) => ({ lease_until: leaseUntil, attempts: eb("attempts", "+", 1) }))
    .where((eb) =>
      eb(
        eb.refTuple("endpoint_id", "id"),
        "in",
        skippingLocked(
          eb
            .selectFrom("webhook_delivery as due")
            .select(["due.endpoint_id", "due.id"])
            .where("due.status", "=", "pending")
            .where("due.next_attempt_at", "<=", nowIso)
            .where((w) => w.or([w("due.lease_until", "is", null), w("due.lease_until", "<", nowIso)]))
            .orderBy("due.next_attempt_at")
            .limit(batch),
          ctx.dialect,
        ).$asTuple("endpoint_id", "id"),
      ),
    )
    .returning(["endpoint_id", "id", "payload", "attempts", "lease_until"])
    .execute();
}

async function targetsOf(ctx: AppContext, ids: string[]): Promise<Map<string, Target>> {
  const rows = await ctx.db
    .selectFrom("webhook_endpoint")
    .select(["id", "organization_id", "url", "secret", "description", "created_by", "disabled_at"])
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Sends one delivery and records the attempt: whether it was delivered, or null when no attempt was made. */
async function sendOne(
  ctx: AppContext,
  delivery: Leased,
  target: Target | undefined,
): Promise<boolean | null> {
  // Deleted since it was leased: its deliveries went with it.
  if (target === undefined) return null;
  const now = ctx.clock.now();
  if (target.disabled_at !== null) {
    // Queued as it was turned off: it fails unsent.
    await held(ctx.db, delivery).set({ status: "failed", lease_until: null }).execute();
    return null;
  }
  const outcome = await sendSigned(ctx.webhooks, target, delivery, now);
  await ctx.db.transaction().execute(async (trx) => {
    if (outcome.delivered) await recordDelivered(trx, delivery, outcome, now);
    else await recordFailed(trx, delivery, target, outcome, now);
  });
  if (!outcome.delivered) {
    ctx.log.info(
      { webhookId: target.id, deliveryId: delivery.id, attempts: delivery.attempts, status: outcome.status },
      "webhook: attempt failed, will retry unless given up",
    );
  }
  return outcome.delivered;
}

/** The update of a delivery still held under the lease it was sent under (another sender may have taken it since). */
function held(db: AppContext["db"] | Transaction<Database>, delivery: Leased) {
  return db
    .updateTable("webhook_delivery")
    .where("endpoint_id", "=", delivery.endpoint_id)
    .where("id", "=", delivery.id)
    .where("lease_until", "=", delivery.lease_until);
}

async function insertAttempt(
  trx: Transaction<Database>,
  delivery: Leased,
  outcome: AttemptOutcome,
  at: string,
): Promise<void> {
  await trx
    .insertInto("webhook_attempt")
    .values({
      endpoint_id: delivery.endpoint_id,
      delivery_id: delivery.id,
      at,
      status: outcome.status,
      error: outcome.error,
      duration_ms: outcome.durationMs,
    })
    .execute();
}

async function recordDelivered(
  trx: Transaction<Database>,
  delivery: Leased,
  outcome: AttemptOutcome,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const kept = await held(trx, delivery)
    .set({ status: "delivered", delivered_at: at, lease_until: null })
    .returning("id")
    .executeTakeFirst();
  if (!kept) return;
  await insertAttempt(trx, delivery, outcome, at);
  await trx
    .updateTable("webhook_endpoint")
    .set({ failing_since: null })
    .where("id", "=", delivery.endpoint_id)
    .where("failing_since", "is not", null)
    .execute();
}

async function recordFailed(
  trx: Transaction<Database>,
  delivery: Leased,
  target: Target,
  outcome: AttemptOutcome,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  // Its run of failures starts with the first failure since it last answered; the row stays locked
  // until commit, so one failure at a time finds whether 24 hours have passed.
  const endpoint = await trx
    .updateTable("webhook_endpoint")
    .set({ failing_since: sql<string>`coalesce(failing_since, ${at})` })
    .where("id", "=", delivery.endpoint_id)
    .returning(["failing_since", "disabled_at"])
    .executeTakeFirst();
  if (!endpoint) return;
  const next = afterFailure({
    attempts: delivery.attempts,
    failingSince: new Date(endpoint.failing_since ?? at),
    now,
    endpointDisabled: endpoint.disabled_at !== null,
  });
  const kept = await held(trx, delivery)
    .set({
      lease_until: null,
      ...(next.nextAttemptAt === null
        ? { status: "failed" as const }
        : { next_attempt_at: next.nextAttemptAt.toISOString() }),
    })
    .returning("id")
    .executeTakeFirst();
  if (kept) await insertAttempt(trx, delivery, outcome, at);
  if (next.disableEndpoint) await disableFailingEndpoint(trx, target, at);
}
