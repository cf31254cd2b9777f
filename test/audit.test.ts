import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member, uniqueEmail } from "./support/factories";
import { useHarness } from "./support/harness";

interface AuditItem {
  id: string;
  action: string;
  actorId: string;
  at: string;
  personId?: string;
  invitationId?: string;
  from?: unknown;
  to?: unknown;
}

describe.each(dialects)("audit log on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Audra Auditor");
  });

  const auditOf = async (who: Member, query = "?limit=200") => {
    const answer = await who.client.get<{ items: AuditItem[] }>(`/api/v1/audit${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.items;
  };

  it("records who changed roles, reporting lines, titles and invitations, and when", async () => {
    const lead = await invite(h.app, owner, "Lee Lead", { managerId: owner.id });
    const ivy = await invite(h.app, owner, "Ivy Invited", { managerId: owner.id });
    h.clock.advance(1_000);
    // A moment between changes: entries of one instant have no order among themselves.
    expect((await owner.client.patch(`/api/v1/people/${ivy.id}`, { role: "admin" })).status).toBe(200);
    h.clock.advance(1_000);
    expect((await owner.client.patch(`/api/v1/people/${ivy.id}`, { managerId: lead.id })).status).toBe(200);
    h.clock.advance(1_000);
    expect((await owner.client.patch(`/api/v1/people/${ivy.id}`, { title: "Analyst" })).status).toBe(200);
    h.clock.advance(1_000);
    const open = await owner.client.post<{ id: string }>("/api/v1/invitations", {
      email: uniqueEmail("later"),
    });
    h.clock.advance(1_000);
    expect((await owner.client.delete(`/api/v1/invitations/${open.body.id}`)).status).toBe(204);

    const items = await auditOf(owner);
    const about = (personId: string) => items.filter((item) => item.personId === personId);
    expect(about(ivy.id).map((item) => [item.action, item.from, item.to])).toEqual([
      ["person.title_changed", null, "Analyst"],
      ["person.manager_changed", owner.id, lead.id],
      ["person.role_changed", "member", "admin"],
      ["invitation.accepted", undefined, { role: "member" }],
    ]);
    for (const item of about(ivy.id).slice(0, 3)) expect(item.actorId).toBe(owner.id);
    expect(about(ivy.id)[3]?.actorId).toBe(ivy.id);
    const invitationEvents = items.filter((item) => item.invitationId === open.body.id);
    expect(invitationEvents.map((item) => item.action)).toEqual(["invitation.revoked", "invitation.created"]);
    expect(items.find((item) => item.action === "organization.created")).toMatchObject({ actorId: owner.id });
    // Newest first.
    const instants = items.map((item) => item.at);
    expect([...instants].sort().reverse()).toEqual(instants);
  });

  it("records changes to the organization's name and rules, with what they were", async () => {
    h.clock.advance(1_000);
    const changed = await owner.client.patch(`/api/v1/organizations/${owner.organizationId}`, {
      name: "Audited Inc",
      settings: { urgentPerWeek: 4 },
    });
    expect(changed.status).toBe(200);
    const latest = await auditOf(owner, "?limit=2");
    const renamed = latest.find((item) => item.action === "organization.renamed");
    const settings = latest.find((item) => item.action === "organization.settings_changed");
    expect(renamed).toMatchObject({ to: "Audited Inc" });
    expect(settings).toMatchObject({
      action: "organization.settings_changed",
      from: { urgentPerWeek: 2, staleAfterDays: 14 },
      to: { urgentPerWeek: 4, staleAfterDays: 14 },
    });
  });

  it("records nothing for a refused change", async () => {
    const a = await invite(h.app, owner, "Ada Above", { managerId: owner.id });
    const b = await invite(h.app, owner, "Ben Below", { managerId: a.id });
    const before = await auditOf(owner);
    const cycle = await owner.client.patch(`/api/v1/people/${a.id}`, { managerId: b.id });
    expect(cycle.status).toBe(422);
    const refused = await b.client.patch(`/api/v1/people/${a.id}`, { title: "Boss" });
    expect(refused.status).toBe(403);
    expect(await auditOf(owner)).toEqual(before);
  });

  it("is for owners and admins of that organization only", async () => {
    const member = await invite(h.app, owner, "Mo Member", { managerId: owner.id });
    const denied = await member.client.get("/api/v1/audit");
    expect(denied.status).toBe(403);
    expect(denied.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const other = await founder(h.app, "Otto Other");
    const theirs = await auditOf(other);
    expect(theirs.map((item) => item.action)).toEqual(["organization.created"]);
  });

  it("cannot be changed or deleted, even by the database's own user", async () => {
    const [latest] = await auditOf(owner, "?limit=1");
    await expect(
      sql`update audit_event set action = 'person.role_changed' where id = ${latest?.id}`.execute(h.ctx.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event where id = ${latest?.id}`.execute(h.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    expect((await auditOf(owner, "?limit=1"))[0]).toEqual(latest);
  });
});
