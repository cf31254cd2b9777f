import { describe, expect, it } from "vitest";
import { Client, cookieOf } from "./support/client";
import { dialects } from "./support/databases";
import { goodPassword, signUp, uniqueEmail } from "./support/factories";
import { useHarness } from "./support/harness";

describe.each(dialects)("accounts on %s", (dialect) => {
  const h = useHarness(dialect);

  it("signs up with a session cookie that is HttpOnly and SameSite", async () => {
    const answer = await new Client(h.app).post("/api/auth/sign-up/email", {
      name: "Ada",
      email: uniqueEmail(),
      password: goodPassword,
    });
    expect(answer.status).toBe(200);
    const setCookie = String(answer.headers["set-cookie"]);
    expect(setCookie).toMatch(/docket\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it("signs in with the right password, and refuses the wrong one with 401 problem+json", async () => {
    const ada = await signUp(h.app);
    const wrong = await new Client(h.app).post("/api/auth/sign-in/email", {
      email: ada.email,
      password: "not the password",
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers["content-type"]).toMatch(/application\/problem\+json/);
    const right = await new Client(h.app).post("/api/auth/sign-in/email", {
      email: ada.email,
      password: goodPassword,
    });
    expect(right.status).toBe(200);
    const me = await new Client(h.app, { cookie: cookieOf(right.headers) }).get("/api/v1/me");
    expect(me.body).toMatchObject({ id: ada.id, email: ada.email, organizationId: null, role: null });
  });

  it("signs out: the old cookie no longer works", async () => {
    const ada = await signUp(h.app);
    expect((await ada.client.get("/api/v1/me")).status).toBe(200);
    expect((await ada.client.post("/api/auth/sign-out", {})).status).toBe(200);
    expect((await ada.client.get("/api/v1/me")).status).toBe(401);
  });

  it("refuses a session cookie whose signature was tampered with", async () => {
    const ada = await signUp(h.app);
    const cookie = ada.client.credentials.cookie ?? "";
    const tampered = cookie.replace(
      /session_token=([^.;]+)/,
      // Change the token's last character to another one, whatever it was.
      (_, token: string) => `session_token=${token.slice(0, -1)}${token.endsWith("x") ? "y" : "x"}`,
    );
    expect(tampered).not.toBe(cookie);
    expect((await new Client(h.app, { cookie: tampered }).get("/api/v1/me")).status).toBe(401);
  });

  it("refreshes a session once a day through better-auth, and keeps it working", async () => {
    const ada = await signUp(h.app);
    const before = await h.ctx.db
      .selectFrom("session")
      .select(["id", "expires_at"])
      .where("person_id", "=", ada.id)
      .executeTakeFirstOrThrow();
    // Pretend the session was last refreshed two days ago.
    const aged = new Date(Date.parse(before.expires_at) - 2 * 24 * 3600_000).toISOString();
    await h.ctx.db.updateTable("session").set({ expires_at: aged }).where("id", "=", before.id).execute();
    expect((await ada.client.get("/api/v1/me")).status).toBe(200);
    const after = await h.ctx.db
      .selectFrom("session")
      .select("expires_at")
      .where("id", "=", before.id)
      .executeTakeFirstOrThrow();
    expect(Date.parse(after.expires_at)).toBeGreaterThan(Date.parse(aged));
  });

  it("refuses weak passwords at sign-up, naming the field", async () => {
    const email = uniqueEmail();
    for (const password of ["short", "1234567890", email]) {
      const answer = await new Client(h.app).post<{ errors: { path: string }[] }>("/api/auth/sign-up/email", {
        name: "Weak",
        email,
        password,
      });
      expect(answer.status, password).toBe(400);
      expect(answer.body.errors[0]?.path).toBe("password");
    }
  });

  it("refuses a second account with the same e-mail", async () => {
    const ada = await signUp(h.app);
    const again = await new Client(h.app).post("/api/auth/sign-up/email", {
      name: "Ada again",
      email: ada.email,
      password: goodPassword,
    });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ errors: [{ path: "email" }] });
  });

  it("limits failed sign-ins per account with 429 and Retry-After, and lets them in again later", async () => {
    const ada = await signUp(h.app);
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await new Client(h.app).post("/api/auth/sign-in/email", {
        email: ada.email,
        password: "wrong password",
      });
      expect(answer.status).toBe(401);
    }
    const blocked = await new Client(h.app).post("/api/auth/sign-in/email", {
      email: ada.email,
      password: goodPassword,
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    h.clock.advance(16 * 60_000);
    const later = await new Client(h.app).post("/api/auth/sign-in/email", {
      email: ada.email,
      password: goodPassword,
    });
    expect(later.status).toBe(200);
  });

  it("lets a whole office behind one address sign up together", async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        new Client(h.app).post("/api/auth/sign-up/email", {
          name: `Colleague ${i}`,
          email: uniqueEmail(),
          password: goodPassword,
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
  });
});
