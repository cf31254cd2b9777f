import { describe, expect, it } from "vitest";
import { tokenRules } from "../src/core/personal-tokens";
import { housekeeping } from "../src/server/jobs/housekeeping";
import { type Answer, Client } from "./support/client";
import { dialects } from "./support/databases";
import { signUp } from "./support/factories";
import { useHarness } from "./support/harness";

/**
 * Tokens that expire, in a file of their own: its clock moves by months and its housekeeping forgets
 * every session made at the start, which other files' people would miss.
 */

interface Created {
  id: string;
  token: string;
  expiresAt: string | null;
}

const day = 24 * 60 * 60_000;

describe.each(dialects)("personal access tokens that expire on %s", (dialect) => {
  const h = useHarness(dialect);

  const bearer = (token: string) => new Client(h.app, { token });
  const tokenRow = (id: string) =>
    h.ctx.db.selectFrom("api_token").select(["id", "expires_at"]).where("id", "=", id).executeTakeFirst();

  function expectUnauthenticated(answer: Answer<{ detail?: string }>, detail: RegExp) {
    expect(answer.status, JSON.stringify(answer.body)).toBe(401);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(answer.body.detail).toMatch(detail);
  }

  it("works until its expiry, then answers 401 like a revoked one; it stays listed for a while, then is forgotten", async () => {
    const ada = await signUp(h.app);
    const created = await ada.client.post<Created>("/api/v1/tokens", { name: "a month", expiresInDays: 30 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const expiresAt = new Date(h.clock.now().getTime() + 30 * day).toISOString();
    expect(created.body).toMatchObject({ expiresAt });
    const { id, token } = created.body;

    h.clock.advance(30 * day - 1000);
    expect((await bearer(token).get("/api/v1/me")).status).toBe(200);
    h.clock.advance(1000);
    expectUnauthenticated(await bearer(token).get("/api/v1/me"), /expired/);
    expect((await ada.client.get<{ items: { id: string }[] }>("/api/v1/tokens")).body.items).toEqual([
      expect.objectContaining({ id, expiresAt }),
    ]);

    await housekeeping(h.ctx);
    expect(await tokenRow(id)).toBeDefined();
    h.clock.advance(tokenRules.keptAfterExpiryDays * day + 1000);
    await housekeeping(h.ctx);
    expect(await tokenRow(id)).toBeUndefined();
    expectUnauthenticated(await bearer(token).get("/api/v1/me"), /revoked or mistyped/);
  });

  it("never expires a token made without a lifetime", async () => {
    const bo = await signUp(h.app, "Bo Forever");
    const created = await bo.client.post<Created>("/api/v1/tokens", { name: "forever" });
    expect(created.body.expiresAt).toBeNull();
    h.clock.advance(5 * 365 * day);
    await housekeeping(h.ctx);
    expect((await bearer(created.body.token).get("/api/v1/me")).status).toBe(200);
    expect(await tokenRow(created.body.id)).toEqual({ id: created.body.id, expires_at: null });
  });
});
