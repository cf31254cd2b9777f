import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from "kysely";
import { attemptsListed } from "../../contract/webhooks";
import { olderThan, type PageStart } from "../db/pages";
import type { Database, WebhookAttemptTable, WebhookDeliveryTable, WebhookEndpointTable } from "../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

export type EndpointRow = Selectable<WebhookEndpointTable>;
export type DeliveryRow = Selectable<WebhookDeliveryTable>;
export type AttemptRow = Selectable<WebhookAttemptTable> & { attempt_count: number | string };

export async function insertEndpoint(db: Db, row: Insertable<WebhookEndpointTable>): Promise<EndpointRow> {
  return db.insertInto("webhook_endpoint").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findEndpoint(db: Db, id: string): Promise<EndpointRow | undefined> {
  return db.selectFrom("webhook_endpoint").selectAll().where("id", "=", id).executeTakeFirst();
}

/** An organization's endpoints, oldest first (there are at most `webhooksPerOrganization`). */
export async function endpointsOf(db: Db, organizationId: string): Promise<EndpointRow[]> {
  return db
    .selectFrom("webhook_endpoint")
    .selectAll()
    .where("organization_id", "=", organizationId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function countEndpoints(db: Db, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom("webhook_endpoint")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("organization_id", "=", organizationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateEndpoint(
  db: Db,
  id: string,
  changes: Partial<Omit<Insertable<WebhookEndpointTable>, "id" | "organization_id" | "secret">>,
): Promise<EndpointRow> {
  return db
    .updateTable("webhook_endpoint")
    .set(changes)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes an endpoint; its deliveries and their attempts go with it. */
export async function deleteEndpoint(db: Db, id: string): Promise<void> {
  await db.deleteFrom("webhook_endpoint").where("id", "=", id).execute();
}

/**
 * Every delivery of the endpoint still waiting to be sent fails: nothing of it is sent any more.
 * What is being sent at `at` (leased) fails when its attempt is recorded, unless that attempt delivers it.
 */
export async function failPendingDeliveries(db: Db, endpointId: string, at: string): Promise<void> {
  await db
    .updateTable("webhook_delivery")
    .set({ status: "failed" })
    .where("endpoint_id", "=", endpointId)
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", at)]))
    .execute();
}

/** A page of an endpoint's deliveries, newest first, one longer than `limit` (see `pageOf`). */
export async function deliveriesPage(
  db: Db,
  endpointId: string,
  page: PageStart & { limit: number },
): Promise<DeliveryRow[]> {
  let query = db
    .selectFrom("webhook_delivery")
    .selectAll()
    .where("endpoint_id", "=", endpointId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit + 1);
  const after = olderThan("created_at", page);
  if (after) query = query.where(after);
  return query.execute();
}

/** Of each of these deliveries, the latest `attemptsListed` attempts (newest first), each with the count of them all. */
export async function latestAttempts(
  db: Db,
  endpointId: string,
  deliveryIds: readonly string[],
): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom("webhook_attempt")
        .selectAll()
        .select([
          sql<number>`row_number() over (partition by delivery_id order by id desc)`.as("place"),
          sql<number | string>`count(*) over (partition by delivery_id)`.as("attempt_count"),
        ])
        .where("endpoint_id", "=", endpointId)
        .where("delivery_id", "in", deliveryIds)
        .as("ranked"),
    )
    .selectAll()
    .where("place", "<=", attemptsListed)
    .orderBy("delivery_id")
    .orderBy("id", "desc")
    .execute();
  return rows.map(({ place: _place, ...row }) => row);
}

export async function findDelivery(db: Db, endpointId: string, id: string): Promise<DeliveryRow | undefined> {
  return db
    .selectFrom("webhook_delivery")
    .selectAll()
    .where("endpoint_id", "=", endpointId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Sends a delivery again now, with the same `webhook-id`: a fresh run of tries, its attempts kept. */
export async function sendAgain(db: Db, endpointId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable("webhook_delivery")
    .set({ status: "pending", attempts: 0, next_attempt_at: at, delivered_at: null })
    .where("endpoint_id", "=", endpointId)
    .where("id", "=", id)
    .execute();
}
