import { beforeAll, describe, expect, it } from "vitest";
import { type Answer, Client } from "./support/client";
import { dialects } from "./support/databases";
import { type Member, signUp } from "./support/factories";
import { baseUrl, useHarness } from "./support/harness";

interface Created {
  id: string;
  name: string;
  token: string;
}

interface Listed {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

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

  async function newToken(name = "laptop") {
    const answer = await ada.client.post<Created>("/api/v1/tokens", { name });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  }
  const listed = async (id: string) =>
    (await ada.client.get<{ items: Listed[] }>("/api/v1/tokens")).body.items.find((token) => token.id === id);
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
    expect(created.body).toEqual({ id: expect.any(String), name: "CI runner", token: expect.any(String) });
    expect(created.body.token.length).toBeGreaterThanOrEqual(32);

    const list = await ada.client.get<{ items: Listed[] }>("/api/v1/tokens");
    expect(list.status).toBe(200);
    expect(list.body.items.find((token) => token.id === created.body.id)).toEqual({
      id: created.body.id,
      name: "CI runner",
      createdAt: h.clock.now().toISOString(),
      lastUsedAt: null,
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
    expect((await raw("POST", "/api/v1/tokens", { authorization }, write)).status).toBe(201);
    expect(
      (await raw("POST", "/api/v1/tokens", { authorization, origin: "http://evil.test" }, write)).status,
    ).toBe(201);
  });
});
