import { beforeAll, describe, expect, it } from "vitest";
import { tokenRules } from "../src/core/personal-tokens";
import { type Answer, Client } from "./support/client";
import { dialects } from "./support/databases";
import { founder, type Member, signUp } from "./support/factories";
import { baseUrl, useHarness } from "./support/harness";

interface Created {
  id: string;
  name: string;
  token: string;
  expiresAt: string | null;
}

interface Listed {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

interface AuditItem {
  action: string;
  actorId: string;
  at: string;
  personId?: string;
  from?: unknown;
  to?: unknown;
}

const day = 24 * 60 * 60_000;

function expectUnauthenticated(answer: Answer) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(401);
  expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
}

describe.each(dialects)("personal access tokens on %s", (dialect) => {
  const h = useHarness(dialect);
  /** Each test creates and revokes only its own tokens of this account. */
  let ada: Member;

  beforeAll(async () => {
    ada = await signUp(h.app, "Ada Lovelace");
  });

  async function newToken(name = "laptop", who: Member = ada, expiresInDays?: number) {
    const answer = await who.client.post<Created>("/api/v1/tokens", { name, expiresInDays });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  }
  const listOf = async (who: Member) =>
    (await who.client.get<{ items: Listed[] }>("/api/v1/tokens")).body.items;
  const listed = async (id: string, who: Member = ada) =>
    (await listOf(who)).find((token) => token.id === id);
  const bearer = (token: string) => new Client(h.app, { token });
  /** A request exactly as given: no cookie, Origin or Authorization unless named. */
  const raw = async (
    method: "GET" | "POST" | "PATCH",
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => {
    const response = await h.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    return {
      status: response.statusCode,
      body: response.json() as Record<string, unknown>,
      headers: response.headers,
    };
  };

  it("creates a token with 201 {id, name, token}, shown this once: the list never holds the secret", async () => {
    const created = await ada.client.post<Created>("/api/v1/tokens", { name: "  CI runner  " });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: "CI runner",
      token: expect.any(String),
      expiresAt: null,
    });
    expect(created.body.token.length).toBeGreaterThanOrEqual(32);

    const list = await ada.client.get<{ items: Listed[] }>("/api/v1/tokens");
    expect(list.status).toBe(200);
    expect(list.body.items.find((token) => token.id === created.body.id)).toEqual({
      id: created.body.id,
      name: "CI runner",
      createdAt: h.clock.now().toISOString(),
      lastUsedAt: null,
      expiresAt: null,
    });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
  });

  it("refuses a token without a name with 400", async () => {
    for (const body of [{}, { name: "" }, { name: "x".repeat(81) }, { name: "ok", scope: "all" }]) {
      const answer = await ada.client.post<{ errors: { path: string }[] }>("/api/v1/tokens", body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.errors.length).toBeGreaterThan(0);
    }
  });

  it("authenticates as its owner with Authorization: Bearer, and records when it was last used", async () => {
    const { id, token } = await newToken();
    expect((await listed(id))?.lastUsedAt).toBeNull();
    h.clock.advance(5 * 60_000);
    const me = await bearer(token).get("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: ada.id, email: ada.email });
    expect((await listed(id))?.lastUsedAt).toBe(h.clock.now().toISOString());
  });

  it("stops working once revoked", async () => {
    const { id, token } = await newToken();
    expect((await bearer(token).get("/api/v1/me")).status).toBe(200);
    const revoked = await ada.client.delete(`/api/v1/tokens/${id}`);
    expect(revoked.status).toBe(204);
    expectUnauthenticated(await bearer(token).get("/api/v1/me"));
    expect(await listed(id)).toBeUndefined();
    expect((await ada.client.delete(`/api/v1/tokens/${id}`)).status).toBe(404);
  });

  it("lets a token revoke tokens, itself included", async () => {
    const { id, token } = await newToken();
    expect((await bearer(token).delete(`/api/v1/tokens/${id}`)).status).toBe(204);
    expectUnauthenticated(await bearer(token).get("/api/v1/me"));
  });

  it.each([
    ["a made-up token", "Bearer dkt_not-a-real-token"],
    ["an empty bearer", "Bearer "],
    ["a bearer with two parts", "Bearer one two"],
    ["another scheme", "Basic YWRhOnNlY3JldA=="],
    ["no scheme", "just-some-text"],
  ])("answers %s with 401, even beside a valid session cookie", async (_, authorization) => {
    const cookie = ada.client.credentials.cookie ?? "";
    expectUnauthenticated(await raw("GET", "/api/v1/me", { authorization }));
    expectUnauthenticated(await raw("GET", "/api/v1/me", { authorization, cookie }));
  });

  it("keeps only a digest of the secret in the database", async () => {
    const { id, token } = await newToken();
    const rows = await h.ctx.db.selectFrom("api_token").selectAll().execute();
    const row = rows.find((candidate) => candidate.id === id);
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const secret = token.slice(token.indexOf("_") + 1);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it("needs the page's Origin on cookie-authenticated writes, and no Origin on bearer writes", async () => {
    const cookie = ada.client.credentials.cookie ?? "";
    const write = { name: "origin check" };
    const noOrigin = await raw("POST", "/api/v1/tokens", { cookie }, write);
    expect(noOrigin.status).toBe(403);
    expect(noOrigin.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect((await raw("POST", "/api/v1/tokens", { cookie, origin: "http://evil.test" }, write)).status).toBe(
      403,
    );
    expect((await raw("PATCH", "/api/v1/me", { cookie, origin: "null" }, { name: "Hacked" })).status).toBe(
      403,
    );
    expect((await ada.client.get("/api/v1/me")).body.name).toBe("Ada Lovelace");
    expect((await raw("POST", "/api/v1/tokens", { cookie, origin: baseUrl }, write)).status).toBe(201);
    // Reads need no Origin.
    expect((await raw("GET", "/api/v1/me", { cookie })).status).toBe(200);

    const { token } = await newToken();
    const authorization = `Bearer ${token}`;
    const rename = { name: "Ada Lovelace" };
    expect((await raw("PATCH", "/api/v1/me", { authorization }, rename)).status).toBe(200);
    expect(
      (await raw("PATCH", "/api/v1/me", { authorization, origin: "http://evil.test" }, rename)).status,
    ).toBe(200);
  });

  it.each([
    ["no days", 0],
    ["negative days", -1],
    ["more than a year", 366],
    ["part of a day", 1.5],
    ["days as text", "30"],
    ["an expiry of null", null],
  ])("refuses %s with 400 on expiresInDays, and makes nothing", async (_, expiresInDays) => {
    const before = await listOf(ada);
    const answer = await ada.client.post<{ errors: { path: string }[] }>("/api/v1/tokens", {
      name: "bad expiry",
      expiresInDays,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body.errors.map((error) => error.path)).toContain("expiresInDays");
    expect(await listOf(ada)).toEqual(before);
  });

  it("cannot create tokens with a token (403: that needs signing in), but can list and revoke them", async () => {
    const { id, token } = await newToken("script");
    const idsOf = async () => (await listOf(ada)).map((item) => item.id);
    const before = await idsOf();
    const answer = await bearer(token).post<{ detail: string }>("/api/v1/tokens", { name: "escalation" });
    expect(answer.status, JSON.stringify(answer.body)).toBe(403);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(answer.body.detail).toMatch(/signed in/);
    expect(await idsOf()).toEqual(before);

    const list = await bearer(token).get<{ items: Listed[] }>("/api/v1/tokens");
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.id)).toContain(id);
    expect((await bearer(token).delete(`/api/v1/tokens/${id}`)).status).toBe(204);
  });

  it(`caps the tokens that work at ${tokenRules.maxLivePerPerson} per person: 422 beyond, until one expires or is revoked`, async () => {
    const bo = await signUp(h.app, "Bo Busy");
    const made: Created[] = [];
    made.push(await newToken("short-lived", bo, 1));
    for (let i = 1; i < tokenRules.maxLivePerPerson; i++) made.push(await newToken(`token ${i}`, bo));
    const refused = await bo.client.post<{ detail: string }>("/api/v1/tokens", { name: "one too many" });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(refused.body.detail).toMatch(/revoke one/);
    expect(await listOf(bo)).toHaveLength(tokenRules.maxLivePerPerson);

    // An expired token makes room, though it stays listed.
    h.clock.advance(day);
    await newToken("after the expiry", bo);
    expect((await bo.client.post("/api/v1/tokens", { name: "again too many" })).status).toBe(422);
    // So does a revoked one.
    expect((await bo.client.delete(`/api/v1/tokens/${made[1]?.id}`)).status).toBe(204);
    await newToken("after the revocation", bo);
    expect(await listOf(bo)).toHaveLength(tokenRules.maxLivePerPerson + 1);
  });

  it("holds the cap when many tokens are asked for at once", async () => {
    const cy = await signUp(h.app, "Cy Concurrent");
    const answers = await Promise.all(
      Array.from({ length: tokenRules.maxLivePerPerson + 5 }, (_, i) =>
        cy.client.post("/api/v1/tokens", { name: `parallel ${i}` }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(tokenRules.maxLivePerPerson);
    expect(statuses.filter((status) => status === 422)).toHaveLength(5);
    expect(await listOf(cy)).toHaveLength(tokenRules.maxLivePerPerson);
  });

  it("writes token creation and revocation to the organization's audit log, and nothing for a refused one", async () => {
    const owner = await founder(h.app, "Olga Owner");
    const auditOf = async () =>
      (await owner.client.get<{ items: AuditItem[] }>("/api/v1/audit?limit=200")).body.items.filter((item) =>
        item.action.startsWith("token."),
      );
    const { id, token, expiresAt } = await newToken("deploy bot", owner, 90);
    expect(await auditOf()).toEqual([
      {
        id: expect.any(String),
        action: "token.created",
        actorId: owner.id,
        personId: owner.id,
        at: h.clock.now().toISOString(),
        to: { id, name: "deploy bot", expiresAt },
      },
    ]);
    expect(JSON.stringify(await auditOf())).not.toContain(token);

    expect((await bearer(token).post("/api/v1/tokens", { name: "refused" })).status).toBe(403);
    expect(await auditOf()).toHaveLength(1);

    h.clock.advance(60_000);
    expect((await bearer(token).delete(`/api/v1/tokens/${id}`)).status).toBe(204);
    const [revoked] = await auditOf();
    expect(revoked).toEqual({
      id: expect.any(String),
      action: "token.revoked",
      actorId: owner.id,
      personId: owner.id,
      at: h.clock.now().toISOString(),
      from: { id, name: "deploy bot" },
    });
  });

  it("documents the expiry and the limits in the OpenAPI document", async () => {
    const answer = await new Client(h.app).get<{
      paths: Record<string, { post?: { description?: string; requestBody?: unknown } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>("/api/openapi.json");
    expect(answer.status).toBe(200);
    const create = answer.body.paths["/api/v1/tokens"]?.post;
    expect(create?.description).toMatch(/expiresInDays/);
    expect(create?.description).toMatch(/403/);
    expect(create?.description).toMatch(new RegExp(`${tokenRules.maxLivePerPerson} tokens`));
    expect(JSON.stringify(create?.requestBody)).toMatch(
      /"expiresInDays":\{[^}]*"description":"Days until the token stops working/,
    );
    expect(answer.body.components.schemas.ApiToken?.properties).toHaveProperty("expiresAt");
    expect(answer.body.components.schemas.CreatedToken?.properties).toHaveProperty("expiresAt");
  });
});
