import type { Transaction } from "kysely";
import { isoWeekAround } from "../../core/due-dates";
import { ruleViolated } from "../../core/errors";
import { reachableAt } from "../../core/schedule";
import { urgentMail } from "../../core/urgent-mail";
import type { AppContext } from "../context";
import type { Database } from "../db/schema";
import { awayPeriodOf } from "../digests/store";
import { enqueueMail } from "../mail/outbound";
import { findPerson } from "../people/store";
import { newId } from "../platform/ids";
import { positionOf, type TaskRow } from "../tasks/store";

const lastInstant = new Date("9999-12-31T23:59:59.999Z");

/**
 * One use of the urgent lane: `requesterId` marked `task` urgent for its owner. Within the write's
 * transaction, under the owner's plate lock: counts the requester's uses on this owner in the owner's
 * current ISO week against the organization's limit (422 past it), records the use, and queues the
 * e-mail for the owner's next working moment. Answers the queued mail's id.
 */
export async function spendUrgentLane(
  ctx: AppContext,
  trx: Transaction<Database>,
  task: TaskRow,
  requesterId: string,
  at: string,
): Promise<string> {
  const [owner, requester, organization] = await Promise.all([
    findPerson(trx, task.owner_id),
    findPerson(trx, requesterId),
    trx
      .selectFrom("organization")
      .select("urgent_per_week")
      .where("id", "=", task.organization_id)
      .executeTakeFirstOrThrow(),
  ]);
  if (!owner || !requester) throw new Error("urgent lane: owner or requester vanished mid-transaction");
  const now = new Date(at);
  const week = isoWeekAround(now, owner.time_zone).start;
  const limit = Number(organization.urgent_per_week);
  const used = await usesThisWeek(trx, owner.id, week, requester.id);
  if (used >= limit) {
    const detail =
      limit === 0
        ? "Urgent items are turned off in your organization. Leave it unmarked: it will be in their next digest."
        : `You have already sent ${owner.name} ${limit} urgent ${limit === 1 ? "item" : "items"} this week, the limit in your organization. Leave it unmarked: it will be in their next digest.`;
    throw ruleViolated(detail, [{ path: "urgent", message: `urgent limit of ${limit} a week reached` }]);
  }
  const position = await positionOf(trx, task);
  const mail = urgentMail({
    ownerName: owner.name,
    requesterName: requester.name,
    title: task.title,
    notes: task.notes,
    position,
    dueAt: task.due_at,
    dueDate: task.due_date,
    timeZone: owner.time_zone,
    now: at,
    used: used + 1,
    limit,
    link: `${ctx.config.baseUrl}/${task.state === "triage" ? "triage" : "plate"}`,
  });
  const reachable = reachableAt(JSON.parse(owner.working_hours), awayPeriodOf(owner), owner.time_zone, now);
  // Away "until 9999-12-31" puts the next working moment past the last instant an ISO string (and
  // PostgreSQL) can hold: the mail then waits for that last instant.
  const sendAt = reachable.getTime() > lastInstant.getTime() ? lastInstant : reachable;
  const mailId = await enqueueMail(
    trx,
    {
      organizationId: task.organization_id,
      personId: owner.id,
      kind: "urgent",
      taskId: task.id,
      to: owner.email,
      ...mail,
      notBefore: sendAt.toISOString(),
    },
    at,
  );
  await trx
    .insertInto("urgent_use")
    .values({
      id: newId(),
      organization_id: task.organization_id,
      requester_id: requester.id,
      owner_id: owner.id,
      task_id: task.id,
      week,
      at,
      mail_id: mailId,
    })
    .execute();
  return mailId;
}

async function usesThisWeek(
  trx: Transaction<Database>,
  ownerId: string,
  week: string,
  requesterId: string,
): Promise<number> {
  const row = await trx
    .selectFrom("urgent_use")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("owner_id", "=", ownerId)
    .where("week", "=", week)
    .where("requester_id", "=", requesterId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
