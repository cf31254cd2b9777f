import type { Transaction } from "kysely";
import { type Actor, authorize } from "../../core/access";
import { notFound } from "../../core/errors";
import type { AppContext } from "../context";
import type { Database } from "../db/schema";
import { type EndpointRow, findEndpoint } from "./store";

type Db = AppContext["db"] | Transaction<Database>;

/** An endpoint the caller may manage: 404 when there is none or it is another organization's, 403 for a member of its own. */
export async function managedEndpoint(db: Db, actor: Actor, id: string): Promise<EndpointRow> {
  const endpoint = await findEndpoint(db, id);
  if (!endpoint) throw notFound("Webhook");
  authorize(actor, { kind: "webhook.manage", organizationId: endpoint.organization_id });
  return endpoint;
}
