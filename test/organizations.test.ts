import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "./support/client";
import { dialects } from "./support/databases";
import { founder, invite, type Member, signUp } from "./support/factories";
import { useHarness } from "./support/harness";

interface Organization {
  id: string;
  name: string;
  createdAt: string;
}

type Problem = { status: number; errors?: { path: string }[] };

describe.each(dialects)("organizations on %s", (dialect) => {
  const h = useHarness(dialect);
  /** An organization with a member, read by several tests and changed by none. */
  let owner: Member & { organizationId: string };
  let colleague: Member;
  /** In no organization; the refused attempts below leave them so (each test checks before and after). */
  let loner: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
    colleague = await invite(h.app, owner, "Colin Colleague");
    loner = await signUp(h.app, "Lou Loner");
  });

  const organizationsNamed = (name: string) =>
    h.ctx.db.selectFrom("organization").select("id").where("name", "=", name).execute();

  it("creates an organization with 201, and its creator becomes its owner", async () => {
    const ada = await signUp(h.app, "Ada Founder");
    const created = await ada.client.post<Organization>("/api/v1/organizations", {
      name: "  Analytical Engines  ",
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: "Analytical Engines",
      createdAt: h.clock.now().toISOString(),
      settings: { urgentPerWeek: 2, staleAfterDays: 14 },
    });

    const me = await ada.client.get("/api/v1/me");
    expect(me.body).toMatchObject({ organizationId: created.body.id, role: "owner", managerId: null });
    const people = await ada.client.get<{ items: { id: string; role: string }[] }>("/api/v1/people");
    expect(people.body.items).toEqual([expect.objectContaining({ id: ada.id, role: "owner" })]);
    expect((await ada.client.get(`/api/v1/organizations/${created.body.id}`)).body).toEqual(created.body);
  });

  it("refuses a second organization to someone already in one with 422, creating nothing", async () => {
    const ada = await signUp(h.app, "Ada Founder");
    const first = await ada.client.post<Organization>("/api/v1/organizations", { name: "First of Ada" });
    expect(first.status).toBe(201);
    const second = await ada.client.post<Problem>("/api/v1/organizations", { name: "Second of Ada" });
    expect(second.status).toBe(422);
    expect(second.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(await organizationsNamed("Second of Ada")).toEqual([]);
    expect((await ada.client.get("/api/v1/me")).body).toMatchObject({
      organizationId: first.body.id,
      role: "owner",
    });
  });

  it("refuses an invited member their own organization too", async () => {
    const answer = await colleague.client.post("/api/v1/organizations", { name: "Colin's breakaway" });
    expect(answer.status).toBe(422);
    expect(await organizationsNamed("Colin's breakaway")).toEqual([]);
    expect((await colleague.client.get("/api/v1/me")).body).toMatchObject({
      organizationId: owner.organizationId,
      role: "member",
    });
  });

  it("creates exactly one organization when the same person asks twice at once", async () => {
    const ada = await signUp(h.app, "Ada Founder");
    const name = `Twice ${ada.id}`;
    const answers = await Promise.all([
      ada.client.post("/api/v1/organizations", { name }),
      ada.client.post("/api/v1/organizations", { name }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422]);
    expect(await organizationsNamed(name)).toHaveLength(1);
  });

  it("shows the organization to its members", async () => {
    for (const member of [owner, colleague]) {
      const answer = await member.client.get<Organization>(`/api/v1/organizations/${owner.organizationId}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        id: owner.organizationId,
        name: "Olivia Owner's company",
        createdAt: expect.any(String),
        settings: { urgentPerWeek: 2, staleAfterDays: 14 },
      });
    }
  });

  it("answers 404 to everyone else, as for an organization that does not exist", async () => {
    const outsider = await founder(h.app, "Xena Outsider");
    const path = `/api/v1/organizations/${owner.organizationId}`;
    const hidden = [await outsider.client.get(path), await loner.client.get(path)];
    const missing = await owner.client.get("/api/v1/organizations/no-such-organization");
    for (const answer of [...hidden, missing]) {
      expect(answer.status).toBe(404);
      expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
    // Nothing in the answer tells a hidden organization from a missing one.
    expect(hidden.map((answer) => answer.body.detail)).toEqual([missing.body.detail, missing.body.detail]);
    expect((await new Client(h.app).get(path)).status).toBe(401);
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["too long", "x".repeat(121)],
    ["not a string", 42],
    ["missing", undefined],
  ])("refuses a %s name with 400 naming the field, creating nothing", async (_, name) => {
    const organizations = async () =>
      (await h.ctx.db.selectFrom("organization").select("id").execute()).length;
    const before = { me: (await loner.client.get("/api/v1/me")).body, organizations: await organizations() };
    const answer = await loner.client.post<Problem>(
      "/api/v1/organizations",
      name === undefined ? {} : { name },
    );
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(answer.body.errors?.map((error) => error.path)).toContain("name");
    const after = { me: (await loner.client.get("/api/v1/me")).body, organizations: await organizations() };
    expect(after).toEqual(before);
  });

  it("accepts a name of exactly 120 characters", async () => {
    const ada = await signUp(h.app, "Ada Founder");
    const answer = await ada.client.post<Organization>("/api/v1/organizations", { name: "y".repeat(120) });
    expect(answer.status).toBe(201);
    expect(answer.body.name).toHaveLength(120);
  });
});
