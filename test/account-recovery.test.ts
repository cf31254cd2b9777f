import { beforeAll, describe, expect, it } from "vitest";
import { recoveryLimits, resetAnswerFloorMs, resetLinkLifetimeMs } from "../src/core/account-recovery";
import { deliverMail } from "../src/server/mail/outbound";
import { type Answer, Client, cookieOf } from "./support/client";
import { dialects } from "./support/databases";
import { founder, goodPassword, invite, type Member, signIn, signUp, uniqueEmail } from "./support/factories";
import { baseUrl, useHarness } from "./support/harness";
import { decoded, subjectOf, useSmtpSink } from "./support/smtp";

const newPassword = "an entirely fresh passphrase";
const resetSubject = "Choose a new Docket password";
const verifySubject = "Confirm your e-mail address for Docket";

type Problem = { status: number; detail: string; errors?: { path: string }[] };

function expectProblem(answer: Answer<unknown>, status: number) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
}

describe.each(dialects)("account recovery on %s", (dialect) => {
  const smtp = useSmtpSink();
  const h = useHarness(dialect, { smtpUrl: () => smtp.url });
  let owner: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
  });

  let addresses = 0;
  /** Each test asks from addresses of its own, so one test's requests never count against another's. */
  const newAddress = () => `198.51.100.${++addresses}`;

  async function forgot(email: string, from: string) {
    const started = performance.now();
    const response = await h.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      headers: { origin: baseUrl },
      payload: { email },
      remoteAddress: from,
    });
    return {
      status: response.statusCode,
      body: response.json() as Record<string, unknown>,
      headers: response.headers,
      ms: performance.now() - started,
    };
  }

  /** What the mail queue holds for `to` of `kind`, oldest first. */
  const queued = (to: string, kind: "password_reset" | "email_verification") =>
    h.ctx.db
      .selectFrom("outbound_mail")
      .select(["id", "status", "organization_id"])
      .where("to_address", "=", to)
      .where("kind", "=", kind)
      .orderBy("created_at")
      .orderBy("id")
      .execute();

  /** Sends what is queued over SMTP, and answers the token of the last link of that subject `to` received. */
  async function mailedToken(to: string, subject: string): Promise<string> {
    await deliverMail(h.ctx);
    const mail = smtp
      .to(to)
      .filter((message) => subjectOf(message.data) === subject)
      .at(-1);
    expect(mail, `a mail "${subject}" to ${to}`).toBeDefined();
    const text = decoded(mail?.data ?? "");
    const page = subject === resetSubject ? "reset-password" : "verify-email";
    const link = new RegExp(`^${baseUrl}/${page}#token=([A-Za-z0-9._~%-]+)$`, "m").exec(text);
    expect(link, text).not.toBeNull();
    return decodeURIComponent(link?.[1] ?? "");
  }

  const resetPassword = (token: string, password: string) =>
    new Client(h.app).post<Problem>("/api/auth/reset-password", { token, newPassword: password });

  const signInWith = (email: string, password: string) =>
    new Client(h.app).post("/api/auth/sign-in/email", { email, password });

  const auditOf = async (action: string, personId: string) => {
    const audit = await owner.client.get<{
      items: { action: string; actorId: string; personId?: string; to?: unknown }[];
    }>("/api/v1/audit");
    expect(audit.status).toBe(200);
    return audit.body.items.filter((event) => event.action === action && event.personId === personId);
  };

  it("mails a single-use link that sets a new password, ends every session and is audited", async () => {
    const member = await invite(h.app, owner, "Mona Member");
    const otherSession = await signIn(h.app, member.email);
    const from = newAddress();

    const asked = await forgot(member.email, from);
    expect(asked.status).toBe(200);
    const [mail] = await queued(member.email, "password_reset");
    expect(mail).toMatchObject({ status: "pending", organization_id: null });
    const token = await mailedToken(member.email, resetSubject);
    expect((await queued(member.email, "password_reset"))[0]?.status).toBe("sent");

    const reset = await resetPassword(token, newPassword);
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);

    expect((await member.client.get("/api/v1/me")).status).toBe(401);
    expect((await otherSession.get("/api/v1/me")).status).toBe(401);
    expect((await signInWith(member.email, goodPassword)).status).toBe(401);
    expect((await signInWith(member.email, newPassword)).status).toBe(200);

    const again = await resetPassword(token, "yet another decent passphrase");
    expectProblem(again, 410);
    expect(again.body.detail).toMatch(/used already/);
    expect((await signInWith(member.email, newPassword)).status).toBe(200);

    expect(await auditOf("person.password_reset", member.id)).toEqual([
      expect.objectContaining({ actorId: member.id, personId: member.id }),
    ]);
  });

  it("refuses an expired link by Docket's clock, and leaves the password as it was", async () => {
    const member = await invite(h.app, owner, "Eli Expired");
    expect((await forgot(member.email, newAddress())).status).toBe(200);
    const token = await mailedToken(member.email, resetSubject);

    h.clock.advance(resetLinkLifetimeMs);
    const late = await resetPassword(token, newPassword);
    expectProblem(late, 410);
    expect(late.body.detail).toMatch(/expired/);
    expect((await signInWith(member.email, goodPassword)).status).toBe(200);
    expect((await signInWith(member.email, newPassword)).status).toBe(401);
  });

  it("refuses a weak new password without using up the link", async () => {
    const member = await invite(h.app, owner, "Wes Weak");
    expect((await forgot(member.email, newAddress())).status).toBe(200);
    const token = await mailedToken(member.email, resetSubject);

    const weak = await resetPassword(token, "1234567890");
    expectProblem(weak, 400);
    expect(weak.body.errors?.map((error) => error.path)).toContain("password");
    expect((await resetPassword(token, newPassword)).status).toBe(200);
    expect((await signInWith(member.email, newPassword)).status).toBe(200);
  });

  it("answers an unknown address exactly as a known one, no sooner, and mails nobody", async () => {
    const member = await invite(h.app, owner, "Kim Known");
    const unknown = uniqueEmail("nobody");
    const from = newAddress();
    const known = await forgot(member.email, from);
    const stranger = await forgot(unknown, from);

    expect(stranger.status).toBe(known.status);
    expect(stranger.body).toEqual(known.body);
    expect(stranger.headers["content-type"]).toBe(known.headers["content-type"]);
    expect(known.ms).toBeGreaterThanOrEqual(resetAnswerFloorMs - 1);
    expect(stranger.ms).toBeGreaterThanOrEqual(resetAnswerFloorMs - 1);

    expect(await queued(unknown, "password_reset")).toEqual([]);
    await deliverMail(h.ctx);
    expect(smtp.to(unknown)).toEqual([]);
    expect(await queued(member.email, "password_reset")).toHaveLength(1);
  });

  it("mails one person only so many links an hour, with the same answer past the limit", async () => {
    const member = await invite(h.app, owner, "Bo Bombed");
    const answers = [];
    for (let i = 0; i < recoveryLimits.mailsPerPerson.max + 2; i++) {
      // From a new address each time: the limit is the person's, wherever the requests come from.
      answers.push(await forgot(member.email, newAddress()));
    }
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(answers[0]?.body);
    }
    expect(await queued(member.email, "password_reset")).toHaveLength(recoveryLimits.mailsPerPerson.max);
    // Only links that were mailed can be used: the others were never kept.
    const links = await h.ctx.db
      .selectFrom("verification")
      .select("value")
      .where("value", "=", member.id)
      .execute();
    expect(links).toHaveLength(recoveryLimits.mailsPerPerson.max);

    h.clock.advance(recoveryLimits.mailsPerPerson.windowMs);
    expect((await forgot(member.email, newAddress())).status).toBe(200);
    expect(await queued(member.email, "password_reset")).toHaveLength(recoveryLimits.mailsPerPerson.max + 1);
  });

  it("refuses one address past its limit with 429, known e-mail or not", async () => {
    const from = newAddress();
    const { max } = recoveryLimits.resetRequestsPerAddress;
    const answers = await Promise.all(
      Array.from({ length: max + 5 }, (_, i) => forgot(uniqueEmail(`spray-${i}`), from)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(max);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    const refused = answers.find((answer) => answer.status === 429);
    expect(Number(refused?.headers["retry-after"])).toBeGreaterThan(0);
    expect(refused?.headers["content-type"]).toMatch(/^application\/problem\+json/);

    const member = await invite(h.app, owner, "Al Address");
    expect((await forgot(member.email, from)).status).toBe(429);
    expect((await forgot(member.email, newAddress())).status).toBe(200);
  });

  it("offers no route that carries the token in its path", async () => {
    const member = await invite(h.app, owner, "Pat Path");
    expect((await forgot(member.email, newAddress())).status).toBe(200);
    const token = await mailedToken(member.email, resetSubject);
    const callback = await new Client(h.app).get(`/api/auth/reset-password/${token}?callbackURL=/`);
    expectProblem(callback, 404);
    expect((await resetPassword(token, newPassword)).status).toBe(200);
  });

  it("ends the other sessions on a password change whatever the client asks, and audits it", async () => {
    const member = await invite(h.app, owner, "Cy Changer");
    const otherSession = await signIn(h.app, member.email);
    const changed = await member.client.post("/api/auth/change-password", {
      currentPassword: goodPassword,
      newPassword,
      revokeOtherSessions: false,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);

    expect((await otherSession.get("/api/v1/me")).status).toBe(401);
    const continued = new Client(h.app, { cookie: cookieOf(changed.headers) });
    expect((await continued.get("/api/v1/me")).status).toBe(200);
    expect((await signInWith(member.email, newPassword)).status).toBe(200);
    expect(await auditOf("person.password_changed", member.id)).toEqual([
      expect.objectContaining({ actorId: member.id, personId: member.id }),
    ]);

    const wrong = await continued.post("/api/auth/change-password", {
      currentPassword: "not the password at all",
      newPassword: "one more decent passphrase",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: "currentPassword", message: expect.any(String) }]);
    const weak = await continued.post("/api/auth/change-password", {
      currentPassword: newPassword,
      newPassword: "short",
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([{ path: "newPassword", message: expect.any(String) }]);
    expect(await auditOf("person.password_changed", member.id)).toHaveLength(1);
  });

  it("verifies an address by the link mailed at sign-up, and sends it again only to someone signed in", async () => {
    const person = await signUp(h.app, "Vera Verified");
    const verified = async () =>
      (
        await h.ctx.db
          .selectFrom("person")
          .select("email_verified")
          .where("id", "=", person.id)
          .executeTakeFirst()
      )?.email_verified;
    expect(Boolean(await verified())).toBe(false);
    expect(await queued(person.email, "email_verification")).toHaveLength(1);

    const anonymous = await new Client(h.app).post("/api/auth/send-verification-email", {
      email: person.email,
    });
    expectProblem(anonymous, 401);
    expect(await queued(person.email, "email_verification")).toHaveLength(1);
    const resent = await person.client.post("/api/auth/send-verification-email", { email: person.email });
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(await queued(person.email, "email_verification")).toHaveLength(2);

    const token = await mailedToken(person.email, verifySubject);
    const confirmed = await new Client(h.app).get(
      `/api/auth/verify-email?token=${encodeURIComponent(token)}`,
    );
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(Boolean(await verified())).toBe(true);

    const forged = await new Client(h.app).get(
      `/api/auth/verify-email?token=${encodeURIComponent(`${token}x`)}`,
    );
    expectProblem(forged, 401);
  });

  it("lets the owner of an address join by invitation although someone else signed up with it first", async () => {
    const email = uniqueEmail("alice");
    const squatter = await signUp(h.app, "Mallory Squatter", email);
    const squatterToken = await squatter.client.post<{ token: string }>("/api/v1/tokens", { name: "mine" });
    expect(squatterToken.status, JSON.stringify(squatterToken.body)).toBe(201);
    expect(await queued(email, "email_verification")).toEqual([
      expect.objectContaining({ status: "pending" }),
    ]);

    const invitation = await owner.client.post<{ id: string; token: string }>("/api/v1/invitations", {
      email,
    });
    expect(invitation.status).toBe(201);
    const preview = await new Client(h.app).get(`/api/v1/invitations/${invitation.body.token}`);
    expect(preview.body).toMatchObject({ hasAccount: true, canReplaceAccount: true });

    const accept = (body: Record<string, unknown>) =>
      new Client(h.app).post<{ id: string; organizationId: string }>(
        `/api/v1/invitations/${invitation.body.token}/accept`,
        body,
      );
    // Without asking to replace it, the account is joined only with its password, as before.
    expectProblem(await accept({ name: "Alice Owner", password: newPassword }), 422);

    const accepted = await accept({ name: "Alice Owner", password: newPassword, replaceAccount: true });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body.id).not.toBe(squatter.id);
    expect(accepted.body.organizationId).toBe(owner.organizationId);
    const alice = new Client(h.app, { cookie: cookieOf(accepted.headers) });
    expect((await alice.get("/api/v1/me")).body).toMatchObject({ name: "Alice Owner", email });

    // Nothing of the squatter's works any more, and nothing of Alice's is theirs.
    expect((await squatter.client.get("/api/v1/me")).status).toBe(401);
    expect((await new Client(h.app, { token: squatterToken.body.token }).get("/api/v1/me")).status).toBe(401);
    expect((await signInWith(email, goodPassword)).status).toBe(401);
    expect((await signInWith(email, newPassword)).status).toBe(200);
    const people = await h.ctx.db
      .selectFrom("person")
      .select(["id", "email_verified"])
      .where("email", "=", email)
      .execute();
    expect(people).toHaveLength(1);
    expect(people[0]?.id).toBe(accepted.body.id);
    expect(Boolean(people[0]?.email_verified)).toBe(true);
    expect(await queued(email, "email_verification")).toEqual([
      expect.objectContaining({ status: "canceled" }),
    ]);
  });

  it("never replaces an account whose address was verified, nor one in an organization", async () => {
    const bob = await signUp(h.app, "Bob Verified");
    const token = await mailedToken(bob.email, verifySubject);
    expect(
      (await new Client(h.app).get(`/api/auth/verify-email?token=${encodeURIComponent(token)}`)).status,
    ).toBe(200);
    const invitation = await owner.client.post<{ id: string; token: string }>("/api/v1/invitations", {
      email: bob.email,
    });
    const preview = await new Client(h.app).get(`/api/v1/invitations/${invitation.body.token}`);
    expect(preview.body).toMatchObject({ hasAccount: true, canReplaceAccount: false });
    const replace = await new Client(h.app).post(`/api/v1/invitations/${invitation.body.token}/accept`, {
      name: "Not Bob",
      password: newPassword,
      replaceAccount: true,
    });
    expectProblem(replace, 409);
    expect((await bob.client.get("/api/v1/me")).body).toMatchObject({ id: bob.id, organizationId: null });

    const elsewhere = await founder(h.app, "Elsa Elsewhere");
    const other = await owner.client.post<{ token: string }>("/api/v1/invitations", {
      email: elsewhere.email,
    });
    const intoOrganization = await new Client(h.app).post(`/api/v1/invitations/${other.body.token}/accept`, {
      name: "Not Elsa",
      password: newPassword,
      replaceAccount: true,
    });
    expectProblem(intoOrganization, 409);
    expect((await elsewhere.client.get("/api/v1/me")).body).toMatchObject({
      organizationId: elsewhere.organizationId,
    });
  });

  it("verifies the address of someone who joins with their own account's password", async () => {
    const early = await signUp(h.app, "Erin Early");
    const invitation = await owner.client.post<{ token: string }>("/api/v1/invitations", {
      email: early.email,
    });
    const joined = await new Client(h.app).post(`/api/v1/invitations/${invitation.body.token}/accept`, {
      password: goodPassword,
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    const row = await h.ctx.db
      .selectFrom("person")
      .select("email_verified")
      .where("id", "=", early.id)
      .executeTakeFirst();
    expect(Boolean(row?.email_verified)).toBe(true);
  });

  it("verifies an unverified address by a reset, revoking the tokens made before it", async () => {
    const unverified = await signUp(h.app, "Uma Unverified");
    const before = await unverified.client.post<{ token: string }>("/api/v1/tokens", { name: "before" });
    expect(before.status).toBe(201);
    const member = await invite(h.app, owner, "Vic Verified");
    const kept = await member.client.post<{ token: string }>("/api/v1/tokens", { name: "kept" });
    expect(kept.status).toBe(201);

    for (const person of [unverified, member]) {
      expect((await forgot(person.email, newAddress())).status).toBe(200);
      expect((await resetPassword(await mailedToken(person.email, resetSubject), newPassword)).status).toBe(
        200,
      );
    }

    expect((await new Client(h.app, { token: before.body.token }).get("/api/v1/me")).status).toBe(401);
    expect((await new Client(h.app, { token: kept.body.token }).get("/api/v1/me")).status).toBe(200);
    const row = await h.ctx.db
      .selectFrom("person")
      .select("email_verified")
      .where("id", "=", unverified.id)
      .executeTakeFirst();
    expect(Boolean(row?.email_verified)).toBe(true);
  });
});
