import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context";
import { skippingLocked } from "../db/dialect";
import type { Database, OutboundMailTable } from "../db/schema";
import { newId } from "../platform/ids";

type Db = Kysely<Database> | Transaction<Database>;

export interface QueuedMail {
  organizationId: string | null;
  personId: string | null;
  kind: OutboundMailTable["kind"];
  taskId?: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Not sent before this instant. */
  notBefore: string;
}

/**
 * Queues a message in the transaction that decided to send it: if that commits, the message will be
 * sent; if it rolls back, it never existed. Answers the message's id.
 */
export async function enqueueMail(db: Db, mail: QueuedMail, now: string): Promise<string> {
  const id = newId();
  await db
    .insertInto("outbound_mail")
    .values({
      id,
      organization_id: mail.organizationId,
      person_id: mail.personId,
      kind: mail.kind,
      task_id: mail.taskId ?? null,
      to_address: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      created_at: now,
      status: "pending",
      next_attempt_at: mail.notBefore,
    })
    .execute();
  return id;
}

/** How long a sender holds the messages it took; past that another sender may take them. */
const leaseMs = 5 * 60_000;
/** Messages sent at once. */
const concurrency = 16;

/** The wait before the next try after `attempts` failed ones: 30 s, doubling, at most 30 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

/**
 * Sends what is due, batch after batch, until nothing due is left: each batch is leased first, so
 * two instances never send one message at once. A message the server refuses is retried with
 * backoff, never dropped. `ids` limits the run to those messages (sent right after they are queued).
 */
export async function deliverMail(
  ctx: AppContext,
  options: { ids?: string[]; batch?: number } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (;;) {
    const leased = await leaseDue(ctx, options.batch ?? 200, options.ids);
    if (leased.length === 0) return report;
    let next = 0;
    const worker = async () => {
      while (next < leased.length) {
        const mail = leased[next++] as (typeof leased)[number];
        if (await sendOne(ctx, mail)) report.sent++;
        else report.failed++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, leased.length) }, worker));
    if (options.ids || report.failed > 0) return report;
  }
}

async function leaseDue(ctx: AppContext, limit: number, ids?: string[]) {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  return ctx.db
    .updateTable("outbound_mail")
    .set((eb) => ({ lease_until: leaseUntil, attempts: eb("attempts", "+", 1) }))
    .where("id", "in", (eb) => {
      let due = eb
        .selectFrom("outbound_mail")
        .select("id")
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", nowIso)
        .where((w) => w.or([w("lease_until", "is", null), w("lease_until", "<", nowIso)]));
      if (ids) due = due.where("id", "in", ids.length > 0 ? ids : [""]);
      return skippingLocked(due.orderBy("next_attempt_at").limit(limit), ctx.dialect);
    })
    .returning(["id", "to_address", "subject", "text", "html", "attempts", "lease_until", "kind", "task_id"])
    .execute();
}

async function sendOne(
  ctx: AppContext,
  mail: {
    id: string;
    to_address: string;
    subject: string;
    text: string;
    html: string;
    attempts: number;
    lease_until: string | null;
    kind: string;
    task_id: string | null;
  },
): Promise<boolean> {
  const held = (query: ReturnType<typeof ctx.db.updateTable<"outbound_mail">>) =>
    query.where("id", "=", mail.id).where("lease_until", "=", mail.lease_until);
  if (mail.kind === "urgent" && mail.task_id !== null && !(await stillUrgent(ctx, mail.task_id))) {
    // Finished, dropped or no longer urgent while it waited for working hours: no interruption needed.
    await held(ctx.db.updateTable("outbound_mail")).set({ status: "canceled", lease_until: null }).execute();
    return true;
  }
  try {
    await ctx.mailer.send({
      id: mail.id,
      to: mail.to_address,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  } catch (error) {
    const now = ctx.clock.now();
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.warn(
      { err: error, mailId: mail.id, attempts: mail.attempts },
      "mail: sending failed, will retry",
    );
    await held(ctx.db.updateTable("outbound_mail"))
      .set({
        lease_until: null,
        last_error: message.slice(0, 500),
        next_attempt_at: new Date(now.getTime() + retryDelayMs(mail.attempts)).toISOString(),
      })
      .execute();
    return false;
  }
  await held(ctx.db.updateTable("outbound_mail"))
    .set({ status: "sent", sent_at: ctx.clock.now().toISOString(), lease_until: null, last_error: null })
    .execute();
  return true;
}

async function stillUrgent(ctx: AppContext, taskId: string): Promise<boolean> {
  const task = await ctx.db
    .selectFrom("task")
    .select(["state", "urgent"])
    .where("id", "=", taskId)
    .executeTakeFirst();
  return task !== undefined && Boolean(task.urgent) && ["triage", "open", "in_progress"].includes(task.state);
}
