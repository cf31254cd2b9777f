import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { Client, cookieOf } from "./client";

export const goodPassword = "a perfectly decent passphrase";

export const uniqueEmail = (who = "person") => `${who}-${randomUUID().slice(0, 8)}@example.com`;

export interface Member {
  id: string;
  name: string;
  email: string;
  client: Client;
}

/** Signs up a new account through better-auth's route and returns it signed in. */
export async function signUp(
  app: FastifyInstance,
  name = "Ada Lovelace",
  email = uniqueEmail(),
): Promise<Member> {
  const answer = await new Client(app).post<{ user: { id: string } }>("/api/auth/sign-up/email", {
    name,
    email,
    password: goodPassword,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return {
    id: answer.body.user.id,
    name,
    email,
    client: new Client(app, { cookie: cookieOf(answer.headers) }),
  };
}

/** A new account that founds a new organization, as its owner. */
export async function founder(
  app: FastifyInstance,
  name = "Olivia Owner",
): Promise<Member & { organizationId: string }> {
  const owner = await signUp(app, name, uniqueEmail("owner"));
  const organization = await owner.client.post<{ id: string }>("/api/v1/organizations", {
    name: `${name}'s company`,
  });
  expect(organization.status).toBe(201);
  return { ...owner, organizationId: organization.body.id };
}

/** Invites someone (as `inviter`, an owner or admin) and accepts the link as them. */
export async function invite(
  app: FastifyInstance,
  inviter: Member,
  name: string,
  options: { role?: "owner" | "admin" | "member"; managerId?: string | null } = {},
): Promise<Member> {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "-"));
  const invitation = await inviter.client.post<{ token: string }>("/api/v1/invitations", {
    email,
    ...options,
  });
  expect(invitation.status, JSON.stringify(invitation.body)).toBe(201);
  const accepted = await new Client(app).post<{ id: string }>(
    `/api/v1/invitations/${invitation.body.token}/accept`,
    {
      name,
      password: goodPassword,
    },
  );
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  return {
    id: accepted.body.id,
    name,
    email,
    client: new Client(app, { cookie: cookieOf(accepted.headers) }),
  };
}

/**
 * The organization every authorization table is written against:
 *
 *   owner ─┬─ grand (manager's manager) ── manager ─┬─ self
 *          │                                       └─ peer
 *          └─ branchLead ── branch (other branch)
 *   outsider: owner of another organization
 */
export async function standardOrganization(app: FastifyInstance) {
  const owner = await founder(app, "Olivia Owner");
  const admin = await invite(app, owner, "Adam Admin", { role: "admin", managerId: owner.id });
  const grand = await invite(app, owner, "Grace Grand", { managerId: owner.id });
  const manager = await invite(app, owner, "Manny Manager", { managerId: grand.id });
  const self = await invite(app, owner, "Sam Self", { managerId: manager.id });
  const peer = await invite(app, owner, "Pat Peer", { managerId: manager.id });
  const branchLead = await invite(app, owner, "Bea Branchlead", { managerId: owner.id });
  const branch = await invite(app, owner, "Bo Branch", { managerId: branchLead.id });
  const outsider = await founder(app, "Xena Outsider");
  return {
    owner,
    admin,
    grand,
    manager,
    self,
    peer,
    branchLead,
    branch,
    outsider,
    anonymous: new Client(app),
  };
}

/** Signs `email` in again through better-auth's route: a second, separate session. */
export async function signIn(app: FastifyInstance, email: string): Promise<Client> {
  const answer = await new Client(app).post("/api/auth/sign-in/email", { email, password: goodPassword });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return new Client(app, { cookie: cookieOf(answer.headers) });
}
