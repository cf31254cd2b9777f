import { describe, expect, it } from "vitest";
import { signInLimits } from "../src/core/sign-in-limits";
import { housekeeping } from "../src/server/jobs/housekeeping";
import type { Answer } from "./support/client";
import { dialects } from "./support/databases";
import { founder, goodPassword, signUp, uniqueEmail } from "./support/factories";
import { baseUrl, useHarness } from "./support/harness";

const attacker = "203.0.113.7";
const elsewhere = "198.51.100.20";
const minute = 60_000;
/** For tests that check a hundred passwords or more: each check is deliberately slow. */
const heavy = 120_000;

/** Addresses no other test uses, so that each test starts with clean counts. */
let lastOctet = 0;
const freshAddress = () => `192.0.2.${++lastOctet}`;

describe.each(dialects)("the sign-in limit on %s", (dialect) => {
  const h = useHarness(dialect);

  /** A POST from `address`, as a browser there would send it. */
  async function postFrom(address: string, url: string, payload: object): Promise<Answer> {
    const response = await h.app.inject({
      method: "POST",
      url,
      headers: { origin: baseUrl },
      payload,
      remoteAddress: address,
    });
    return {
      status: response.statusCode,
      body: response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {},
      headers: response.headers,
    };
  }
  const signInFrom = (address: string, email: string, password: string) =>
    postFrom(address, "/api/auth/sign-in/email", { email, password });

  const statusesOf = (answers: Answer[]) => answers.map((answer) => answer.status);
  const countOf = (answers: Answer[], status: number) =>
    statusesOf(answers).filter((s) => s === status).length;

  function expectLimited(answer: Answer) {
    expect(answer.status, JSON.stringify(answer.body)).toBe(429);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(answer.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(signInLimits.accountAtAddress.windowMs / 1000);
  }

  it("counts a parallel burst of wrong passwords before checking them: at most the limit get 401, the rest 429", async () => {
    const ada = await signUp(h.app);
    const address = freshAddress();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => signInFrom(address, ada.email, "wrong password, try again")),
    );
    expect(countOf(answers, 401)).toBe(signInLimits.accountAtAddress.max);
    expect(countOf(answers, 429)).toBe(40 - signInLimits.accountAtAddress.max);
    for (const answer of answers.filter((candidate) => candidate.status === 429)) expectLimited(answer);

    // Even the right password waits at that address until the window has passed.
    expectLimited(await signInFrom(address, ada.email, goodPassword));
    h.clock.advance(signInLimits.accountAtAddress.windowMs + minute);
    expect((await signInFrom(address, ada.email, goodPassword)).status).toBe(200);
  });

  it("limits guessing the current password through a borrowed session like a sign-in", async () => {
    const ada = await signUp(h.app);
    const address = freshAddress();
    const cookie = ada.client.credentials.cookie ?? "";
    const changeFrom = (currentPassword: string) =>
      h.app.inject({
        method: "POST",
        url: "/api/auth/change-password",
        headers: { origin: baseUrl, cookie },
        payload: { currentPassword, newPassword: "another long passphrase 42" },
        remoteAddress: address,
      });
    const answers = await Promise.all(Array.from({ length: 20 }, () => changeFrom("a guess at it")));
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 400)).toHaveLength(signInLimits.accountAtAddress.max);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20 - signInLimits.accountAtAddress.max);
    // The right password waits too, until the window has passed.
    expect((await changeFrom(goodPassword)).statusCode).toBe(429);
    h.clock.advance(signInLimits.accountAtAddress.windowMs + minute);
    const changed = await changeFrom(goodPassword);
    expect(changed.statusCode, changed.body).toBe(200);
  });

  it("lets the owner in from another address with the right password while an attacker is being limited", async () => {
    const ada = await signUp(h.app);
    const burst = await Promise.all(
      Array.from({ length: 40 }, () => signInFrom(attacker, ada.email, "guess after guess")),
    );
    expect(countOf(burst, 401)).toBeLessThanOrEqual(signInLimits.accountAtAddress.max);
    expectLimited(await signInFrom(attacker, ada.email, "one more guess"));

    const owner = await signInFrom(elsewhere, ada.email, goodPassword);
    expect(owner.status, JSON.stringify(owner.body)).toBe(200);
    // The attacker's refusals did not count against the account: it can take many more failures
    // from other addresses before its own cap applies.
    const rows = await h.ctx.db.selectFrom("sign_in_attempt").selectAll().execute();
    const account = rows.find((row) => row.key.startsWith("account:") && row.key.endsWith(ada.email));
    expect(account?.count).toBe(signInLimits.accountAtAddress.max);
    expectLimited(await signInFrom(attacker, ada.email, "and another"));
  });

  it(
    "stops guessing spread over many addresses at the account's own, higher cap",
    async () => {
      const ada = await signUp(h.app);
      const perAddress = signInLimits.accountAtAddress.max;
      const addresses = Math.ceil(signInLimits.account.max / perAddress);
      const answers: Answer[] = [];
      for (let a = 0; a < addresses; a++) {
        const address = freshAddress();
        answers.push(
          ...(await Promise.all(
            Array.from({ length: perAddress }, () => signInFrom(address, ada.email, "spread guess")),
          )),
        );
      }
      expect(countOf(answers, 401)).toBe(signInLimits.account.max);
      expectLimited(await signInFrom(freshAddress(), ada.email, "yet another address"));
      h.clock.advance(signInLimits.account.windowMs + minute);
      expect((await signInFrom(freshAddress(), ada.email, goodPassword)).status).toBe(200);
    },
    heavy,
  );

  it(
    "stops spraying many accounts from one address at the address limit",
    async () => {
      const address = freshAddress();
      const attempts = signInLimits.address.max + 20;
      const answers = await Promise.all(
        Array.from({ length: attempts }, () => signInFrom(address, uniqueEmail("sprayed"), "Password1!")),
      );
      expect(countOf(answers, 401)).toBe(signInLimits.address.max);
      expect(countOf(answers, 429)).toBe(20);
    },
    heavy,
  );

  it("forgives the account's failures at an address once the right password comes from there", async () => {
    const ada = await signUp(h.app);
    const address = freshAddress();
    const limit = signInLimits.accountAtAddress.max;
    for (let i = 0; i < limit - 1; i++) {
      expect((await signInFrom(address, ada.email, "almost")).status).toBe(401);
    }
    expect((await signInFrom(address, ada.email, goodPassword)).status).toBe(200);
    for (let i = 0; i < limit; i++) {
      expect((await signInFrom(address, ada.email, "a typo again")).status).toBe(401);
    }
    expectLimited(await signInFrom(address, ada.email, "a typo again"));
  });

  it(
    "never counts a successful sign-in: a whole office behind one address signs in together",
    async () => {
      const office = freshAddress();
      const people = signInLimits.address.max + 10;
      const emails: string[] = [];
      // Sign-ups never count either: all of them come from the office's address.
      for (let batch = 0; batch < people; batch += 30) {
        const signUps = await Promise.all(
          Array.from({ length: Math.min(30, people - batch) }, (_, i) => {
            const email = uniqueEmail(`colleague-${batch + i}`);
            emails.push(email);
            return postFrom(office, "/api/auth/sign-up/email", {
              name: `Colleague ${batch + i}`,
              email,
              password: goodPassword,
            });
          }),
        );
        expect(statusesOf(signUps)).toEqual(signUps.map(() => 200));
      }
      // Signing in at 09:00, twenty at a time.
      for (let batch = 0; batch < people; batch += 20) {
        const signIns = await Promise.all(
          emails.slice(batch, batch + 20).map((email) => signInFrom(office, email, goodPassword)),
        );
        expect(statusesOf(signIns)).toEqual(signIns.map(() => 200));
      }
    },
    heavy,
  );

  it("counts a parallel burst on an invitation's join-with-your-account path the same way", async () => {
    const owner = await founder(h.app);
    const existing = await signUp(h.app, "Ed Existing");
    const invitation = await owner.client.post<{ id: string; token: string }>("/api/v1/invitations", {
      email: existing.email,
    });
    expect(invitation.status).toBe(201);
    const address = freshAddress();
    const accept = (password: string) =>
      postFrom(address, `/api/v1/invitations/${invitation.body.token}/accept`, { password });

    const answers = await Promise.all(Array.from({ length: 40 }, () => accept("not the account's password")));
    expect(countOf(answers, 422)).toBe(signInLimits.accountAtAddress.max);
    expect(countOf(answers, 429)).toBe(40 - signInLimits.accountAtAddress.max);
    for (const answer of answers.filter((candidate) => candidate.status === 429)) expectLimited(answer);
    // The same account at the same address is limited on the sign-in page too.
    expectLimited(await signInFrom(address, existing.email, goodPassword));

    h.clock.advance(signInLimits.accountAtAddress.windowMs + minute);
    const joined = await accept(goodPassword);
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    expect(joined.body).toMatchObject({ id: existing.id, organizationId: owner.organizationId });
  });

  it("forgets counts whose window has passed at housekeeping", async () => {
    const ada = await signUp(h.app);
    const address = freshAddress();
    expect((await signInFrom(address, ada.email, "wrong")).status).toBe(401);
    const keysOf = async () =>
      (await h.ctx.db.selectFrom("sign_in_attempt").select("key").execute()).map((row) => row.key);
    expect((await keysOf()).filter((key) => key.includes(ada.email))).toHaveLength(2);

    await housekeeping(h.ctx);
    expect((await keysOf()).filter((key) => key.includes(ada.email))).toHaveLength(2);
    h.clock.advance(Math.max(...Object.values(signInLimits).map((limit) => limit.windowMs)) + minute);
    await housekeeping(h.ctx);
    expect((await keysOf()).filter((key) => key.includes(ada.email) || key.includes(address))).toEqual([]);
  });
});
