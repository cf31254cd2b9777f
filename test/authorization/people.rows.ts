import { expect } from "vitest";
import { Client } from "../support/client";
import { goodPassword, uniqueEmail } from "../support/factories";
import {
  clientOf,
  freshInvitation,
  freshSelf,
  freshSelfToken,
  idOf,
  ids,
  ok,
  personAsOwner,
  type Row,
  row,
  subjectActsAsSelf,
} from "./table";

export const rows: Row<unknown>[] = [
  row({
    route: "GET /me",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: () => null,
    call: (client) => client.get("/api/v1/me"),
    verify: (answer, _, relation, w) => {
      if (ok(answer)) expect(answer.body.id).toBe(idOf(w, relation));
    },
  }),
  row({
    route: "PATCH /me",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: () => null,
    call: (client) => client.patch("/api/v1/me", { digest: { times: ["08:30"], days: [1, 3, 5] } }),
    verify: (answer, _, relation, w) => {
      if (ok(answer))
        expect(answer.body).toMatchObject({ id: idOf(w, relation), digest: { times: ["08:30"] } });
    },
  }),
  row({
    route: "POST /organizations",
    // Everyone here already belongs to an organization.
    // biome-ignore format: the table reads best on one line
    expected: { self: 422, manager: 422, grand: 422, peer: 422, branch: 422, outsider: 422, anonymous: 401, admin: 422, owner: 422 },
    subject: () => `Second company ${uniqueEmail("org")}`,
    call: (client, name) => client.post("/api/v1/organizations", { name }),
    verify: async (_, name, relation, w) => {
      const created = await w.h.ctx.db
        .selectFrom("organization")
        .select("id")
        .where("name", "=", name)
        .execute();
      expect(created).toEqual([]);
      if (relation === "anonymous") return;
      const me = await clientOf(w, relation).get("/api/v1/me");
      const home = relation === "outsider" ? w.outsider.organizationId : w.owner.organizationId;
      expect(me.body).toMatchObject({ organizationId: home });
    },
  }),
  row({
    route: "GET /organizations/{id}",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.owner.organizationId,
    call: (client, id) => client.get(`/api/v1/organizations/${id}`),
    verify: (answer, id) => {
      if (ok(answer)) expect(answer.body.id).toBe(id);
    },
  }),
  row({
    route: "GET /people",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.self.id,
    call: (client) => client.get("/api/v1/people"),
    verify: (answer, selfId, relation) => {
      if (!ok(answer)) return;
      // The directory is one's own organization: the outsider gets theirs, without Sam Self in it.
      if (relation === "outsider") expect(ids(answer)).not.toContain(selfId);
      else expect(ids(answer)).toContain(selfId);
    },
  }),
  row({
    route: "GET /people/{id}",
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.self.id,
    call: (client, id) => client.get(`/api/v1/people/${id}`),
    verify: (answer, id) => {
      if (ok(answer)) expect(answer.body).toMatchObject({ id, name: "Sam Self" });
    },
  }),
  row({
    route: "PATCH /people/{id} (title)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.self.id,
    call: (client, id, relation) => client.patch(`/api/v1/people/${id}`, { title: `Set by ${relation}` }),
    verify: async (answer, id, relation, w) => {
      const title = (await personAsOwner(w, id)).title;
      expect(title).toBe(ok(answer) ? `Set by ${relation}` : null);
    },
    restore: async (id, w) => {
      expect((await w.owner.client.patch(`/api/v1/people/${id}`, { title: null })).status).toBe(200);
    },
  }),
  row({
    route: "PATCH /people/{id} (manager)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.self.id,
    call: (client, id, _, w) => client.patch(`/api/v1/people/${id}`, { managerId: w.grand.id }),
    verify: async (answer, id, _, w) => {
      const managerId = (await personAsOwner(w, id)).managerId;
      expect(managerId).toBe(ok(answer) ? w.grand.id : w.manager.id);
    },
    restore: async (id, w) => {
      const back = await w.owner.client.patch(`/api/v1/people/${id}`, { managerId: w.manager.id });
      expect(back.status).toBe(200);
    },
  }),
  row({
    route: "PATCH /people/{id} (role)",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 200, owner: 200 },
    subject: freshSelf,
    actor: subjectActsAsSelf,
    call: (client, fresh) => client.patch(`/api/v1/people/${fresh.id}`, { role: "admin" }),
    verify: async (answer, fresh, _, w) => {
      expect((await personAsOwner(w, fresh.id)).role).toBe(ok(answer) ? "admin" : "member");
    },
  }),
  row({
    route: "POST /invitations",
    // The outsider names Sam Self as manager: a person of another organization is no manager of theirs.
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 422, anonymous: 401, admin: 201, owner: 201 },
    subject: (w) => w.self.id,
    call: (client, selfId) =>
      client.post("/api/v1/invitations", { email: uniqueEmail("report"), managerId: selfId }),
    verify: (answer) => {
      if (ok(answer)) expect(answer.body.token).toEqual(expect.any(String));
    },
  }),
  row({
    route: "GET /invitations",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.openInvitation.id,
    call: (client) => client.get("/api/v1/invitations"),
    verify: (answer, invitationId, relation) => {
      if (!ok(answer)) return;
      if (relation === "outsider") expect(ids(answer)).not.toContain(invitationId);
      else expect(ids(answer)).toContain(invitationId);
    },
  }),
  row({
    route: "DELETE /invitations/{id}",
    // biome-ignore format: the table reads best on one line
    expected: { self: 403, manager: 403, grand: 403, peer: 403, branch: 403, outsider: 404, anonymous: 401, admin: 204, owner: 204 },
    subject: freshInvitation,
    call: (client, invitation) => client.delete(`/api/v1/invitations/${invitation.id}`),
    verify: async (answer, invitation, _, w) => {
      const preview = await w.anonymous.get(`/api/v1/invitations/${invitation.token}`);
      expect(preview.status).toBe(ok(answer) ? 410 : 200);
    },
  }),
  row({
    route: "GET /invitations/{token}",
    // Public: holding the link is what lets one see it.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 200, admin: 200, owner: 200 },
    subject: (w) => w.openInvitation.token,
    call: (client, token: string) => client.get(`/api/v1/invitations/${token}`),
    verify: (answer) => {
      expect(answer.body).toMatchObject({
        organizationName: "Olivia Owner's company",
        invitedByName: "Olivia Owner",
      });
    },
  }),
  row({
    route: "POST /invitations/{token}/accept",
    // Public: whoever holds the link may accept it, signed in or not.
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 201, peer: 201, branch: 201, outsider: 201, anonymous: 201, admin: 201, owner: 201 },
    subject: freshInvitation,
    call: (client, invitation) =>
      client.post(`/api/v1/invitations/${invitation.token}/accept`, {
        name: "Rita Report",
        password: goodPassword,
      }),
    verify: (answer, _, __, w) => {
      expect(answer.body).toMatchObject({
        name: "Rita Report",
        organizationId: w.owner.organizationId,
        role: "member",
        managerId: w.self.id,
      });
    },
  }),
  row({
    route: "POST /tokens",
    // biome-ignore format: the table reads best on one line
    expected: { self: 201, manager: 201, grand: 201, peer: 201, branch: 201, outsider: 201, anonymous: 401, admin: 201, owner: 201 },
    subject: () => null,
    call: (client) => client.post("/api/v1/tokens", { name: "script" }),
    verify: (answer) => {
      if (ok(answer)) expect(answer.body.token).toEqual(expect.any(String));
    },
  }),
  row({
    route: "GET /tokens",
    // Everyone gets their own list; only Sam Self's holds Sam's token.
    // biome-ignore format: the table reads best on one line
    expected: { self: 200, manager: 200, grand: 200, peer: 200, branch: 200, outsider: 200, anonymous: 401, admin: 200, owner: 200 },
    subject: (w) => w.selfToken.id,
    call: (client) => client.get("/api/v1/tokens"),
    verify: (answer, tokenId, relation) => {
      if (!ok(answer)) return;
      if (relation === "self") expect(ids(answer)).toContain(tokenId);
      else expect(ids(answer)).not.toContain(tokenId);
    },
  }),
  row({
    route: "DELETE /tokens/{id}",
    // Tokens are personal: anyone else's token id does not exist for you, admins and owners included.
    // biome-ignore format: the table reads best on one line
    expected: { self: 204, manager: 404, grand: 404, peer: 404, branch: 404, outsider: 404, anonymous: 401, admin: 404, owner: 404 },
    subject: freshSelfToken,
    call: (client, token) => client.delete(`/api/v1/tokens/${token.id}`),
    verify: async (answer, token, _, w) => {
      const withToken = await new Client(w.h.app, { token: token.token }).get("/api/v1/me");
      expect(withToken.status).toBe(ok(answer) ? 401 : 200);
    },
  }),
];
