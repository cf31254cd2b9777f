import { expect } from "vitest";
import { uniqueEmail } from "../support/factories";
import { ids, ok, type Row, row, type World } from "./table";

/**
 * An organization's webhooks are its owners' and admins' (the outsider owns another organization):
 * members of Sam's organization get 403, everyone outside it 404.
 */

/** A public address of an endpoint no delivery is ever sent to here (no job runs in the table). */
const anAddress = () => `https://93.184.216.34/docket/${uniqueEmail("hook").replace("@", "-")}`;

/** An endpoint of Sam's organization, made by its owner, that takes task.created. */
async function samsOrganizationEndpoint(w: World): Promise<{ id: string }> {
  const answer = await w.owner.client.post<{ id: string }>("/api/v1/webhooks", {
    url: anAddress(),
    events: ["task.created"],
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

const forget = async (w: World, id: string) => {
  await w.h.ctx.db.deleteFrom("webhook_endpoint").where("id", "=", id).execute();
};

const exists = async (w: World, id: string) =>
  (await w.h.ctx.db.selectFrom("webhook_endpoint").select("id").where("id", "=", id).execute()).length === 1;

export const rows: Row<unknown>[] = [
  row({
    route: "POST /webhooks",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 201, anonymous: 401, admin: 201, owner: 201 },
    subject: () => anAddress(),
    call: (client, url) => client.post("/api/v1/webhooks", { url, events: ["task.created"] }),
    verify: async (answer, url, relation, w) => {
      const made = await w.h.ctx.db
        .selectFrom("webhook_endpoint")
        .select("organization_id")
        .where("url", "=", url)
        .execute();
      if (!ok(answer)) return expect(made).toEqual([]);
      expect(answer.body).toMatchObject({ url, secret: expect.stringMatching(/^whsec_/) });
      const organization = relation === "outsider" ? w.outsider.organizationId : w.owner.organizationId;
      expect(made).toEqual([{ organization_id: organization }]);
    },
    restore: async (url, w) => {
      await w.h.ctx.db.deleteFrom("webhook_endpoint").where("url", "=", url).execute();
    },
  }),
  row({
    route: "GET /webhooks",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: samsOrganizationEndpoint,
    call: (client) => client.get("/api/v1/webhooks"),
    verify: (answer, endpoint, relation) => {
      if (!ok(answer)) return;
      expect(ids(answer).includes(endpoint.id)).toBe(relation !== "outsider");
      expect(JSON.stringify(answer.body)).not.toContain("whsec_");
    },
    restore: (endpoint, w) => forget(w, endpoint.id),
  }),
  row({
    route: "PATCH /webhooks/{id}",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: samsOrganizationEndpoint,
    call: (client, endpoint) => client.patch(`/api/v1/webhooks/${endpoint.id}`, { description: "Changed" }),
    verify: async (answer, endpoint, _, w) => {
      const stored = await w.h.ctx.db
        .selectFrom("webhook_endpoint")
        .select("description")
        .where("id", "=", endpoint.id)
        .executeTakeFirst();
      expect(stored?.description).toBe(ok(answer) ? "Changed" : "");
    },
    restore: (endpoint, w) => forget(w, endpoint.id),
  }),
  row({
    route: "DELETE /webhooks/{id}",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 204, owner: 204 },
    subject: samsOrganizationEndpoint,
    call: (client, endpoint) => client.delete(`/api/v1/webhooks/${endpoint.id}`),
    verify: async (answer, endpoint, _, w) => {
      expect(await exists(w, endpoint.id)).toBe(!ok(answer));
    },
    restore: (endpoint, w) => forget(w, endpoint.id),
  }),
  row({
    route: "GET /webhooks/{id}/deliveries",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: samsOrganizationEndpoint,
    call: (client, endpoint) => client.get(`/api/v1/webhooks/${endpoint.id}/deliveries`),
    verify: (answer) => {
      if (ok(answer)) expect(answer.body).toMatchObject({ items: expect.any(Array) });
    },
    restore: (endpoint, w) => forget(w, endpoint.id),
  }),
  row({
    route: "POST /webhooks/{id}/deliveries/{deliveryId}/retry",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 202, owner: 202 },
    subject: async (w) => {
      const endpoint = await samsOrganizationEndpoint(w);
      // Sam adds a task: one delivery for the endpoint, waiting to be sent.
      const added = await w.self.client.post(`/api/v1/people/${w.self.id}/tasks`, { title: "For the hook" });
      expect(added.status).toBe(201);
      const delivery = await w.h.ctx.db
        .selectFrom("webhook_delivery")
        .select("id")
        .where("endpoint_id", "=", endpoint.id)
        .executeTakeFirstOrThrow();
      await w.h.ctx.db
        .updateTable("webhook_delivery")
        .set({ status: "failed" })
        .where("endpoint_id", "=", endpoint.id)
        .execute();
      return { endpointId: endpoint.id, deliveryId: delivery.id };
    },
    call: (client, { endpointId, deliveryId }) =>
      client.post(`/api/v1/webhooks/${endpointId}/deliveries/${deliveryId}/retry`),
    verify: async (answer, { endpointId }, _, w) => {
      const stored = await w.h.ctx.db
        .selectFrom("webhook_delivery")
        .select("status")
        .where("endpoint_id", "=", endpointId)
        .executeTakeFirst();
      expect(stored?.status).toBe(ok(answer) ? "pending" : "failed");
    },
    restore: ({ endpointId }, w) => forget(w, endpointId),
  }),
];
