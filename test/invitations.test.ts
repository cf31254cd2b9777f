import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultLimits } from "../src/core/limits";
import { type Answer, Client, cookieOf } from "./support/client";
import { dialects } from "./support/databases";
import { founder, goodPassword, invite, type Member, signUp, uniqueEmail } from "./support/factories";
import { baseUrl, useHarness } from "./support/harness";

interface Created {
  id: string;
  token: string;
  url: string;
  expiresAt: string;
}

interface Invitation {
  id: string;
  email: string;
  role: string;
  managerId: string | null;
  invitedById: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

type Problem = { status: number; errors?: { path: string }[] };

const day = 24 * 60 * 60 * 1000;

function expectProblem(answer: Answer<unknown>, status: number, path?: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status });
  if (path) expect((answer.body as Problem).errors?.map((error) => error.path)).toContain(path);
}

/** The text of a message as written to the outbox, with quoted-printable soft breaks and escapes undone. */
function decodedMessage(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

describe.each(dialects)("invitations on %s", (dialect) => {
  const h = useHarness(dialect);
  /** An organization whose owner and admin invite; no test changes them. */
  let owner: Member & { organizationId: string };
  let admin: Member;

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
    admin = await invite(h.app, owner, "Adam Admin", { role: "admin", managerId: owner.id });
  });

  const anonymous = () => new Client(h.app);
  const create = (body: Record<string, unknown>, as: Member = owner) =>
    as.client.post<Created>("/api/v1/invitations", body);
  async function created(body: Record<string, unknown> = {}, as: Member = owner) {
    const answer = await create({ email: uniqueEmail("invitee"), ...body }, as);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  }
  const preview = (token: string) => anonymous().get(`/api/v1/invitations/${token}`);
  const accept = (
    token: string,
    body: Record<string, unknown> = { name: "Nina New", password: goodPassword },
  ) => anonymous().post(`/api/v1/invitations/${token}/accept`, body);
  const listed = async (id: string) =>
    (await owner.client.get<{ items: Invitation[] }>("/api/v1/invitations")).body.items.find(
      (invitation) => invitation.id === id,
    );

  it("creates an invitation with 201 {id, token, url, expiresAt}: an absolute link under BASE_URL, for 7 days", async () => {
    const email = uniqueEmail("invitee");
    const answer = await create({ email });
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body).sort()).toEqual(["expiresAt", "id", "token", "url"]);
    const { token, url, expiresAt } = answer.body;
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(url.startsWith(`${baseUrl}/`)).toBe(true);
    expect(new URL(url).origin).toBe(baseUrl);
    expect(url).toContain(token);
    expect(expiresAt).toBe(new Date(h.clock.now().getTime() + 7 * day).toISOString());

    expect(await listed(answer.body.id)).toEqual({
      id: answer.body.id,
      email,
      role: "member",
      managerId: null,
      invitedById: owner.id,
      createdAt: h.clock.now().toISOString(),
      expiresAt,
      acceptedAt: null,
      revokedAt: null,
    });
  });

  it("lists invitations to owners and admins without any token", async () => {
    const invitation = await created({}, admin);
    const answer = await admin.client.get<{ items: Invitation[] }>("/api/v1/invitations");
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((item) => item.id)).toContain(invitation.id);
    expect(JSON.stringify(answer.body)).not.toContain(invitation.token);
  });

  it("writes the invitation e-mail, with its link, to the outbox when there is no SMTP server", async () => {
    const email = uniqueEmail("mailed");
    const invitation = await created({ email });
    const outbox = join(h.dataDir, "outbox");
    const messages = readdirSync(outbox)
      .filter((file) => file.endsWith(".eml"))
      .map((file) => decodedMessage(join(outbox, file)))
      .filter((text) => text.includes(invitation.url));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(new RegExp(`^To: ${email.replace(/[.+]/g, "\\$&")}`, "m"));
    expect(messages[0]).toContain("Olivia Owner's company");
  });

  it("shows what the link is for without a session", async () => {
    const email = uniqueEmail("invitee");
    const invitation = await created({ email });
    const answer = await preview(invitation.token);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      email,
      organizationName: "Olivia Owner's company",
      invitedByName: "Olivia Owner",
      expiresAt: invitation.expiresAt,
      hasAccount: false,
      canReplaceAccount: false,
    });
  });

  it("accepts with 201 and a session: the new person is in the organization with the role and manager given", async () => {
    const email = uniqueEmail("invitee");
    const invitation = await created({ email, role: "admin", managerId: admin.id });
    const answer = await accept(invitation.token, { name: "Nina New", password: goodPassword });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(String(answer.headers["set-cookie"])).toMatch(/docket\.session_token=/);
    expect(answer.body).toMatchObject({
      name: "Nina New",
      email,
      organizationId: owner.organizationId,
      role: "admin",
      managerId: admin.id,
    });

    const nina = new Client(h.app, { cookie: cookieOf(answer.headers) });
    expect((await nina.get("/api/v1/me")).body).toEqual(answer.body);
    const people = await owner.client.get<{ items: { id: string }[] }>("/api/v1/people");
    expect(people.body.items).toContainEqual(
      expect.objectContaining({ id: answer.body.id, role: "admin", managerId: admin.id }),
    );
    expect(await listed(invitation.id)).toMatchObject({ acceptedAt: h.clock.now().toISOString() });

    // The password chosen is the account's password.
    const signIn = await anonymous().post("/api/auth/sign-in/email", { email, password: goodPassword });
    expect(signIn.status).toBe(200);
  });

  it("works once: a second accept, or a preview after it, is 410", async () => {
    const invitation = await created();
    expect((await accept(invitation.token)).status).toBe(201);
    expectProblem(
      await accept(invitation.token, { name: "Nina Again", password: "another fine passphrase" }),
      410,
    );
    expectProblem(await preview(invitation.token), 410);
  });

  it("expires after 7 days: 410 for preview and accept", async () => {
    const invitation = await created();
    h.clock.advance(6 * day);
    expect((await preview(invitation.token)).status).toBe(200);
    h.clock.advance(2 * day);
    expectProblem(await preview(invitation.token), 410);
    expectProblem(await accept(invitation.token), 410);
    expect(await listed(invitation.id)).toMatchObject({ acceptedAt: null });
  });

  it("stops working once revoked: 410 for preview and accept", async () => {
    const invitation = await created();
    expect((await owner.client.delete(`/api/v1/invitations/${invitation.id}`)).status).toBe(204);
    expectProblem(await preview(invitation.token), 410);
    expectProblem(await accept(invitation.token), 410);
    expect(await listed(invitation.id)).toMatchObject({
      revokedAt: h.clock.now().toISOString(),
      acceptedAt: null,
    });
    // Revoking again is harmless; an accepted invitation cannot be revoked.
    expect((await owner.client.delete(`/api/v1/invitations/${invitation.id}`)).status).toBe(204);
    const used = await created();
    expect((await accept(used.token)).status).toBe(201);
    expectProblem(await owner.client.delete(`/api/v1/invitations/${used.id}`), 422);
  });

  it("answers 404 for an invitation that does not exist", async () => {
    const unknown = `inv_${"A".repeat(43)}`;
    expectProblem(await preview(unknown), 404);
    expectProblem(await accept(unknown), 404);
    expectProblem(await owner.client.delete("/api/v1/invitations/no-such-invitation"), 404);
  });

  it("replaces the older link when the same e-mail is invited again", async () => {
    const email = uniqueEmail("twice");
    const older = await created({ email });
    const newer = await created({ email: email.toUpperCase(), role: "admin" });
    expectProblem(await preview(older.token), 410);
    expectProblem(await accept(older.token), 410);
    expect(await listed(older.id)).toMatchObject({ revokedAt: expect.any(String) });
    expect((await preview(newer.token)).status).toBe(200);
    const accepted = await accept(newer.token);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ email, role: "admin" });
  });

  it("refuses to invite someone already in the organization with 422", async () => {
    expectProblem(await create({ email: admin.email }), 422, "email");
    expectProblem(await create({ email: ` ${admin.email.toUpperCase()} ` }), 422, "email");
    expectProblem(await create({ email: owner.email }), 422, "email");
  });

  it("refuses a manager outside the organization with 422, and a malformed e-mail with 400", async () => {
    const outsider = await founder(h.app, "Xena Outsider");
    expectProblem(await create({ email: uniqueEmail(), managerId: outsider.id }), 422, "managerId");
    expectProblem(await create({ email: uniqueEmail(), managerId: "no-such-person" }), 422, "managerId");
    expectProblem(await create({ email: "not an e-mail" }), 400, "email");
    expectProblem(await create({ email: uniqueEmail(), role: "emperor" }), 400, "role");
  });

  it("lets only an owner invite an owner", async () => {
    expectProblem(await create({ email: uniqueEmail(), role: "owner" }, admin), 403);
    const invitation = await created({ role: "owner" });
    expect((await accept(invitation.token)).body).toMatchObject({ role: "owner" });
  });

  it("refuses a weak password with 400 naming the field, and the link still works afterwards", async () => {
    const invitation = await created();
    expectProblem(await accept(invitation.token, { name: "Nina New", password: "short" }), 400, "password");
    expectProblem(
      await accept(invitation.token, { name: "Nina New", password: "1234567890" }),
      400,
      "password",
    );
    expectProblem(await accept(invitation.token, { name: "Nina New" }), 400, "password");
    expectProblem(await accept(invitation.token, { name: "", password: goodPassword }), 400, "name");
    expect((await preview(invitation.token)).status).toBe(200);
    expect((await accept(invitation.token)).status).toBe(201);
  });

  it("lets someone who signed up before being invited join with their account's password", async () => {
    const existing = await signUp(h.app, "Ed Existing");
    const invitation = await created({ email: existing.email, role: "admin", managerId: owner.id });
    expect((await preview(invitation.token)).body).toMatchObject({ hasAccount: true });

    const wrong = await accept(invitation.token, { name: "Ed Existing", password: "not the right password" });
    expectProblem(wrong, 422);
    expect(wrong.body).toMatchObject({ errors: [{ path: "password" }] });
    expect(await listed(invitation.id)).toMatchObject({ acceptedAt: null });
    expect((await existing.client.get("/api/v1/me")).body).toMatchObject({ organizationId: null });

    const right = await accept(invitation.token, { password: goodPassword });
    expect(right.status, JSON.stringify(right.body)).toBe(201);
    expect(right.body).toMatchObject({ id: existing.id, role: "admin", managerId: owner.id });
    expect(cookieOf(right.headers)).toMatch(/docket\.session_token=/);
    expect(await listed(invitation.id)).toMatchObject({ acceptedAt: expect.any(String) });
  });

  it("asks a newcomer for a name: without one nothing is created and the link stays usable", async () => {
    const invitation = await created();
    expect((await preview(invitation.token)).body).toMatchObject({ hasAccount: false });
    const nameless = await accept(invitation.token, { password: goodPassword });
    expectProblem(nameless, 400);
    expect(nameless.body).toMatchObject({ errors: [{ path: "name" }] });
    expect(await listed(invitation.id)).toMatchObject({ acceptedAt: null });
  });

  it("answers 409 when the e-mail's account already belongs to an organization, and leaves the link usable", async () => {
    const elsewhere = await founder(h.app, "Elsa Elsewhere");
    const invitation = await created({ email: elsewhere.email });
    expectProblem(await accept(invitation.token), 409);
    expect((await elsewhere.client.get("/api/v1/me")).body).toMatchObject({
      organizationId: elsewhere.organizationId,
    });
    expect(await listed(invitation.id)).toMatchObject({ acceptedAt: null });
  });

  it("lets exactly one of two simultaneous accepts of one link through", async () => {
    const email = uniqueEmail("racer");
    const invitation = await created({ email });
    const answers = await Promise.all([
      accept(invitation.token, { name: "Racer One", password: goodPassword }),
      accept(invitation.token, { name: "Racer Two", password: goodPassword }),
    ]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses[0]).toBe(201);
    expect([409, 410]).toContain(statuses[1]);
    const people = await h.ctx.db.selectFrom("person").select("id").where("email", "=", email).execute();
    expect(people).toHaveLength(1);
    const winner = answers.find((answer) => answer.status === 201);
    expect(people[0]?.id).toBe(winner?.body.id);
    expect(await listed(invitation.id)).toMatchObject({ acceptedAt: expect.any(String) });
  });
});

describe.each(dialects)("invitations per inviter per day on %s", (dialect) => {
  // The limit as it is in production.
  const h = useHarness(dialect, { limits: { invitationsPerDay: defaultLimits.invitationsPerDay } });
  const limit = defaultLimits.invitationsPerDay;

  const stored = async (inviterId: string) => {
    const [invitations, mail] = await Promise.all([
      h.ctx.db.selectFrom("invitation").select("email").where("invited_by_id", "=", inviterId).execute(),
      h.ctx.db
        .selectFrom("outbound_mail")
        .innerJoin("invitation", "invitation.email", "outbound_mail.to_address")
        .select("outbound_mail.id")
        .where("invitation.invited_by_id", "=", inviterId)
        .where("outbound_mail.kind", "=", "invitation")
        .execute(),
    ]);
    return { invitations: invitations.length, mail: mail.length };
  };

  it("lets a burst sent at once through up to the limit, and answers 429 with Retry-After beyond, writing nothing", async () => {
    h.clock.set("2031-03-03T09:00:00.000Z");
    const owner = await founder(h.app, "Ivy Inviter");
    const admin = await invite(h.app, owner, "Adam Admin", { role: "admin", managerId: owner.id });
    h.clock.advance(60 * 60_000);
    const answers = await Promise.all(
      Array.from({ length: limit + 10 }, () =>
        owner.client.post<Problem & { detail: string }>("/api/v1/invitations", {
          email: uniqueEmail("burst"),
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    // The admin's invitation came out of the owner's limit too: it was the owner who sent it.
    expect(statuses.filter((status) => status === 201)).toHaveLength(limit - 1);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(11);
    for (const answer of refused) {
      expectProblem(answer, 429);
      // The admin's invitation, made an hour earlier, leaves the day first.
      expect(answer.headers["retry-after"]).toBe(String(23 * 60 * 60));
      expect(answer.body.detail).toBe(
        `You have sent ${limit} invitations in the last day, the most one person may. Try again in 23 hours.`,
      );
    }
    expect(await stored(owner.id)).toEqual({ invitations: limit, mail: limit });

    // Someone else's invitations are their own to count.
    expect((await admin.client.post("/api/v1/invitations", { email: uniqueEmail("other") })).status).toBe(
      201,
    );
    // A day after the first, one place is free again; the next is not.
    h.clock.advance(23 * 60 * 60_000);
    expect((await owner.client.post("/api/v1/invitations", { email: uniqueEmail("next") })).status).toBe(201);
    expectProblem(await owner.client.post("/api/v1/invitations", { email: uniqueEmail("again") }), 429);
    expect(await stored(owner.id)).toEqual({ invitations: limit + 1, mail: limit + 1 });
  });
});
