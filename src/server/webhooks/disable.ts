import type { Transaction } from "kysely";
import type { Database } from "../db/schema";
import { inboxEntryInsert, type NewInboxEntry } from "../inbox/store";
import { newId } from "../platform/ids";
import { originOf } from "./present";
import { type EndpointRow, failPendingDeliveries } from "./store";

/**
 * Turns off an endpoint that has failed for 24 hours, once (only the write that finds it on does
 * it): what waits to be sent to it fails, except what is being sent right now, which fails when its
 * attempt is recorded. Whoever made it is told through their inbox (and so their digest), or, when
 * they have left the organization, its owners.
 */
export async function disableFailingEndpoint(
  trx: Transaction<Database>,
  endpoint: Pick<EndpointRow, "id" | "organization_id" | "url" | "description" | "created_by">,
  at: string,
): Promise<void> {
  const turnedOff = await trx
    .updateTable("webhook_endpoint")
    .set({ disabled_at: at, disabled_reason: "failing", updated_at: at })
    .where("id", "=", endpoint.id)
    .where("disabled_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  if (!turnedOff) return;
  await failPendingDeliveries(trx, endpoint.id, at);
  const told = await peopleToTell(trx, endpoint);
  const data = JSON.stringify({
    title: endpoint.description || originOf(endpoint.url),
    webhookId: endpoint.id,
  });
  await inboxEntryInsert.execute(
    trx,
    told.map(
      (personId): NewInboxEntry => ({
        id: newId(),
        person_id: personId,
        kind: "webhook.disabled",
        task_id: null,
        request_id: null,
        feedback_id: null,
        feedback_request_id: null,
        // Nobody turned it off: the entry stands in its reader's name.
        actor_id: personId,
        created_at: at,
        at,
        count: 1,
        data,
        coalesce_key: null,
        dedupe_key: null,
      }),
    ),
  );
}

/** The endpoint's maker while they are an owner or admin of its organization; else its owners. */
async function peopleToTell(
  trx: Transaction<Database>,
  endpoint: Pick<EndpointRow, "organization_id" | "created_by">,
): Promise<string[]> {
  const people = await trx
    .selectFrom("person")
    .select(["id", "role"])
    .where("organization_id", "=", endpoint.organization_id)
    .where((eb) =>
      eb.or([eb("role", "=", "owner"), ...(endpoint.created_by ? [eb("id", "=", endpoint.created_by)] : [])]),
    )
    .orderBy("id")
    .execute();
  const maker = people.find((person) => person.id === endpoint.created_by && person.role !== "member");
  return maker ? [maker.id] : people.filter((person) => person.role === "owner").map((person) => person.id);
}
