import { randomUUID } from "node:crypto";
import { type QueryCreator, type RawBuilder, sql, type Transaction } from "kysely";
import type { WebhookEventType } from "../../contract/webhooks";
import { type PrecompiledInsert, precompiled, precompiledInsertFrom } from "../db/precompiled";
import type { Database } from "../db/schema";
import { bitOf } from "./event-types";

/**
 * Events are queued in the transaction of the change they tell of, one delivery row per endpoint
 * that takes them, by one `insert … select` over the organization's endpoints that are on: the rows
 * exist exactly when the change does, however many instances serve the organization. A change in an
 * organization without webhooks costs one probe of an index.
 */

/** The `webhook-id` of a new event: the same for every endpoint it goes to, and on every attempt. */
export const newMessageId = (): string => `msg_${randomUUID().replaceAll("-", "")}`;

/** An event as its deliveries are written from it. */
interface QueuedEvent extends Record<string, unknown> {
  message_id: string;
  organization_id: string;
  type: WebhookEventType;
  /** The type's bit (`event-types.ts`): the endpoints whose mask holds it take the event. */
  bit: number;
  at: string;
}

const deliveryColumns = [
  "endpoint_id",
  "id",
  "type",
  "payload",
  "status",
  "attempts",
  "next_attempt_at",
  "created_at",
] as const;

/** One delivery of `event` (its fields as parameter markers) for each endpoint that takes it. */
function deliveriesOf(
  db: QueryCreator<Database>,
  event: Record<string, unknown>,
  payload: RawBuilder<string>,
) {
  return db
    .selectFrom("webhook_endpoint as e")
    .select([
      "e.id as endpoint_id",
      sql<string>`${event.message_id}`.as("id"),
      sql<string>`${event.type}`.as("type"),
      payload.as("payload"),
      sql.lit("pending").as("status"),
      sql.lit(0).as("attempts"),
      sql<string>`${event.at}`.as("next_attempt_at"),
      sql<string>`${event.at}`.as("created_at"),
    ])
    .where("e.organization_id", "=", event.organization_id as string)
    .where("e.disabled_at", "is", null)
    .where(sql<boolean>`(e.event_mask & ${event.bit}) <> 0`);
}

function insertDeliveries(
  db: QueryCreator<Database>,
  events: Record<string, unknown>[],
  payloadOf: (event: Record<string, unknown>) => RawBuilder<string>,
) {
  const selects = events.map((event) => deliveriesOf(db, event, payloadOf(event)));
  const [first, ...rest] = selects;
  if (first === undefined) throw new Error("No event to queue");
  return db
    .insertInto("webhook_delivery")
    .columns(deliveryColumns)
    .expression(rest.reduce((all, next) => all.unionAll(next), first));
}

/**
 * A task's event, whose body is written in two parts around the task's position on its plate: the
 * position is counted in the statement itself (the task's own row left out, so it is the same
 * before and after the task is written), and only for endpoints that take the event.
 */
export interface TaskEventRow extends QueuedEvent {
  head: string;
  tail: string;
  task_id: string;
  owner_id: string;
  /** Its key on the plate; null when it has no place (position null). */
  rank: string | null;
}

const taskEventInsert = precompiledInsertFrom<"webhook_delivery", TaskEventRow>(
  "webhook_delivery",
  ["message_id", "organization_id", "type", "bit", "at", "head", "tail", "task_id", "owner_id", "rank"],
  (db, events) =>
    insertDeliveries(
      db,
      events,
      (event) => sql<string>`${event.head} || case when cast(${event.rank} as text) is null then 'null'
        else cast((select count(*) + 1 from task where owner_id = ${event.owner_id}
          and rank < ${event.rank} and id <> ${event.task_id}) as text) end || ${event.tail}`,
    ),
);

/** Whether an endpoint of the organization that is on takes events of the type with this bit. */
const anyEndpointTaking = precompiled<{ organizationId: string; bit: number }, { id: string }>((db, $) =>
  db
    .selectFrom("webhook_endpoint")
    .select("id")
    .where("organization_id", "=", $("organizationId"))
    .where("disabled_at", "is", null)
    .where(sql<boolean>`(event_mask & ${$("bit")}) <> 0`)
    .limit(sql.lit(1)),
);

/**
 * The deliveries of a task's event. On PostgreSQL they go along the task's own statement
 * (`tasks/write-store.ts`), so a write pays no round trip for them. Run on their own (on SQLite,
 * where a statement is no round trip), the organization's endpoints are probed first and the insert
 * runs only when one takes the event: an insert that writes nothing costs SQLite several times the probe.
 */
export const taskEventDeliveries: PrecompiledInsert<"webhook_delivery", TaskEventRow> = {
  ...taskEventInsert,
  async execute(trx, events) {
    const taken: TaskEventRow[] = [];
    for (const event of events) {
      const probe = { organizationId: event.organization_id, bit: event.bit };
      if ((await anyEndpointTaking.first(trx, probe)) !== undefined) taken.push(event);
    }
    await taskEventInsert.execute(trx, taken);
  },
};

/** The position's stand-in while a task's body is written; no text a person writes holds a NUL. */
const positionMark = "\u0000position";

/** A task event's body `{type, timestamp, data}`, split where the position goes. */
export function taskEventRow(
  type: WebhookEventType,
  at: string,
  data: { id: string; ownerId: string; position: unknown },
  where: { organizationId: string; rank: string | null },
): TaskEventRow {
  const body = JSON.stringify({ type, timestamp: at, data: { ...data, position: positionMark } });
  const [head = "", tail = ""] = body.split(JSON.stringify(positionMark));
  return {
    message_id: newMessageId(),
    organization_id: where.organizationId,
    type,
    bit: bitOf(type),
    at,
    head,
    tail,
    task_id: data.id,
    owner_id: data.ownerId,
    rank: where.rank,
  };
}

interface EventRow extends QueuedEvent {
  payload: string;
}

const eventDeliveries = precompiledInsertFrom<"webhook_delivery", EventRow>(
  "webhook_delivery",
  ["message_id", "organization_id", "type", "bit", "at", "payload"],
  (db, events) => insertDeliveries(db, events, (event) => sql<string>`${event.payload}`),
);

/** Whether any endpoint of the organization takes events of `type`: one probe of an index. */
export async function anyEndpointTakes(
  trx: Transaction<Database>,
  organizationId: string,
  type: WebhookEventType,
): Promise<boolean> {
  return (await anyEndpointTaking.first(trx, { organizationId, bit: bitOf(type) })) !== undefined;
}

/**
 * Queues an event of the organization in `trx`, for each endpoint that takes it. Its data (the
 * object as the API presents it) is read only when some endpoint takes the event.
 */
export async function queueEvent(
  trx: Transaction<Database>,
  event: OrganizationEvent,
  data: () => Promise<unknown>,
): Promise<void> {
  if (await anyEndpointTakes(trx, event.organizationId, event.type))
    await writeEvent(trx, event, await data());
}

export interface OrganizationEvent {
  organizationId: string;
  type: WebhookEventType;
  at: string;
}

/** Writes an event's deliveries, one for each endpoint of the organization that takes it (none: nothing). */
export async function writeEvent(
  trx: Transaction<Database>,
  event: OrganizationEvent,
  data: unknown,
): Promise<void> {
  await eventDeliveries.execute(trx, [
    {
      message_id: newMessageId(),
      organization_id: event.organizationId,
      type: event.type,
      bit: bitOf(event.type),
      at: event.at,
      payload: JSON.stringify({ type: event.type, timestamp: event.at, data }),
    },
  ]);
}
