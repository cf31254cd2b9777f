import type { InjectOptions } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, type Member } from "./support/factories";
import { baseUrl, useHarness } from "./support/harness";

interface Raw {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
  body: Record<string, unknown>;
}

const kib = 1024;

/** What an answer must never show: a stack trace, or where the server's files are. */
function expectNoInternals(answer: Raw) {
  expect(answer.text).not.toMatch(/\n\s+at\s|node_modules|\.[cm]?[jt]s:\d+|"stack"/);
}

function expectProblem(answer: Raw, status: number) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  expectNoInternals(answer);
}

function expectSecurityHeaders(answer: Raw) {
  expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  expect(String(answer.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
}

describe.each(dialects)("API plumbing on %s", (dialect) => {
  const h = useHarness(dialect);
  /** Signed in, in an organization; no test changes them. */
  let ada: Member & { organizationId: string };

  beforeAll(async () => {
    ada = await founder(h.app, "Ada Lovelace");
  });

  /** A request exactly as given, signed in as Ada from the page's origin unless `anonymous`. */
  async function send(options: InjectOptions & { anonymous?: boolean }): Promise<Raw> {
    const { anonymous, headers, ...rest } = options;
    const identity = anonymous ? {} : { cookie: ada.client.credentials.cookie ?? "", origin: baseUrl };
    const response = await h.app.inject({ ...rest, headers: { ...identity, ...headers } });
    const type = String(response.headers["content-type"] ?? "");
    return {
      status: response.statusCode,
      headers: response.headers,
      text: response.body,
      body: type.includes("json") && response.body ? response.json() : {},
    };
  }
  const json = { "content-type": "application/json" };

  it("reports health and the database in use", async () => {
    const answer = await send({ method: "GET", url: "/api/health", anonymous: true });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: "ok", database: dialect });
    expectSecurityHeaders(answer);
  });

  it("serves an OpenAPI 3 document of the whole API, with its schemas", async () => {
    const answer = await send({ method: "GET", url: "/api/openapi.json", anonymous: true });
    expect(answer.status).toBe(200);
    const document = answer.body as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/v1/me",
        "/api/v1/organizations",
        "/api/v1/organizations/{id}",
        "/api/v1/people",
        "/api/v1/people/{id}",
        "/api/v1/invitations",
        "/api/v1/invitations/{id}",
        "/api/v1/invitations/{token}",
        "/api/v1/invitations/{token}/accept",
        "/api/v1/tokens",
        "/api/v1/tokens/{id}",
      ]),
    );
    expect(Object.keys(document.paths["/api/v1/people/{id}"] ?? {})).toEqual(
      expect.arrayContaining(["get", "patch"]),
    );
    expect(Object.keys(document.paths["/api/v1/me"] ?? {})).toEqual(expect.arrayContaining(["get", "patch"]));
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(["Me", "Person", "Organization", "Invitation", "ApiToken", "Problem"]),
    );
    expect(Object.keys(document.components.securitySchemes)).toEqual(
      expect.arrayContaining(["session", "bearer"]),
    );
  });

  it("serves human-readable API docs as HTML", async () => {
    const answer = await send({ method: "GET", url: "/api/docs", anonymous: true });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toMatch(/^text\/html/);
    expect(answer.text).toMatch(/<html/i);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["content-security-policy"]).toEqual(expect.any(String));
  });

  it.each([
    ["GET", "/api/nope", false],
    ["GET", "/api", true],
    ["GET", "/api/v1/nope", false],
    ["GET", "/api/v1/nope", true],
    ["POST", "/api/v1/people/x/y/z", false],
    ["DELETE", "/api/v1/me", false],
  ] as const)("answers %s %s (anonymous: %s) with 404 problem+json", async (method, url, anonymous) => {
    const answer = await send({ method, url, anonymous });
    expectProblem(answer, 404);
    expectSecurityHeaders(answer);
  });

  it.each([
    ["cut short", '{"name":'],
    ["not JSON at all", "name=laptop"],
    ["single quotes", "{'name': 'laptop'}"],
    ["a trailing comma", '{"name": "laptop",}'],
    ["empty", ""],
  ])("answers a malformed JSON body (%s) with 400 problem+json", async (_, payload) => {
    const answer = await send({ method: "POST", url: "/api/v1/tokens", headers: json, payload });
    expectProblem(answer, 400);
    expectSecurityHeaders(answer);
  });

  it("refuses a body trying to poison prototypes with 400", async () => {
    const payload = '{"name": "laptop", "__proto__": {"admin": true}}';
    expectProblem(await send({ method: "POST", url: "/api/v1/tokens", headers: json, payload }), 400);
  });

  it("answers wrong types with 400 and every faulty field in errors[]", async () => {
    const answer = await send({
      method: "PATCH",
      url: "/api/v1/me",
      headers: json,
      payload: JSON.stringify({ name: 42, workingHours: "nine to five", away: [] }),
    });
    expectProblem(answer, 400);
    const errors = answer.body.errors as { path: string; message: string }[];
    expect(errors.map((error) => error.path)).toEqual(
      expect.arrayContaining(["name", "workingHours", "away"]),
    );
    for (const error of errors) expect(error.message).toEqual(expect.any(String));
    for (const payload of ["null", "[]", '"laptop"', "42"]) {
      expectProblem(await send({ method: "POST", url: "/api/v1/tokens", headers: json, payload }), 400);
    }
  });

  it("refuses a body over 256 KiB with 413, and lets one under it reach validation", async () => {
    const big = JSON.stringify({ name: "x".repeat(300 * kib) });
    for (const url of ["/api/v1/tokens", "/api/v1/organizations", "/api/auth/sign-in/email"]) {
      const answer = await send({ method: "POST", url, headers: json, payload: big });
      expectProblem(answer, 413);
      expectSecurityHeaders(answer);
    }
    const smaller = JSON.stringify({ name: "x".repeat(200 * kib) });
    expectProblem(
      await send({ method: "POST", url: "/api/v1/tokens", headers: json, payload: smaller }),
      400,
    );
  });

  it.each([
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/xml",
  ])("answers a %s body on a JSON route with 415", async (type) => {
    const before = await send({ method: "GET", url: "/api/v1/tokens" });
    const answer = await send({
      method: "POST",
      url: "/api/v1/tokens",
      headers: { "content-type": type },
      payload: '{"name": "laptop"}',
    });
    expectProblem(answer, 415);
    expectSecurityHeaders(answer);
    expect((await send({ method: "GET", url: "/api/v1/tokens" })).body).toEqual(before.body);
  });

  it.each([
    ["a path", "..%2Fx"],
    ["200 characters", "a".repeat(200)],
    ["a space", "a%20b"],
    ["a NUL", "ab%00cd"],
    ["broken percent-encoding", "%E0%A4%A"],
  ])("answers an id with %s with 400 problem+json", async (_, id) => {
    for (const [method, url] of [
      ["GET", `/api/v1/people/${id}`],
      ["PATCH", `/api/v1/people/${id}`],
      ["GET", `/api/v1/organizations/${id}`],
      ["DELETE", `/api/v1/tokens/${id}`],
      ["DELETE", `/api/v1/invitations/${id}`],
    ] as const) {
      const answer = await send({
        method,
        url,
        ...(method === "PATCH" ? { headers: json, payload: JSON.stringify({ title: "T" }) } : {}),
      });
      expectProblem(answer, 400);
      expectSecurityHeaders(answer);
    }
  });

  it("answers a well-formed id of nothing with 404 problem+json", async () => {
    const id = "0b7a4a8e-2d1c-4d9e-9b1f-000000000000";
    for (const [method, url] of [
      ["GET", `/api/v1/people/${id}`],
      ["GET", `/api/v1/organizations/${id}`],
      ["DELETE", `/api/v1/tokens/${id}`],
      ["DELETE", `/api/v1/invitations/${id}`],
      ["GET", `/api/v1/invitations/inv_${"A".repeat(43)}`],
    ] as const) {
      expectProblem(await send({ method, url }), 404);
    }
  });

  it("refuses text with a NUL character with 400 on every database, storing nothing", async () => {
    const before = await send({ method: "GET", url: "/api/v1/me" });
    const tokensBefore = await send({ method: "GET", url: "/api/v1/tokens" });
    for (const [method, url, body, path] of [
      ["PATCH", "/api/v1/me", { name: "Ada\u0000Lovelace" }, "name"],
      ["PATCH", "/api/v1/me", { digest: { times: ["09:00\u0000"], days: [1] } }, "digest.times.0"],
      ["PATCH", `/api/v1/people/${ada.id}`, { title: "Chief\u0000" }, "title"],
      ["POST", "/api/v1/tokens", { name: "laptop\u0000" }, "name"],
      [
        "POST",
        "/api/auth/sign-up/email",
        { name: "N\u0000ul", email: "nul@example.com", password: "a decent passphrase" },
        "name",
      ],
    ] as const) {
      const answer = await send({ method, url, headers: json, payload: JSON.stringify(body) });
      expectProblem(answer, 400);
      expect(answer.body.errors).toEqual([{ path, message: expect.any(String) }]);
    }
    expect((await send({ method: "GET", url: "/api/v1/me" })).body).toEqual(before.body);
    expect((await send({ method: "GET", url: "/api/v1/tokens" })).body).toEqual(tokensBefore.body);
    const nul = await h.ctx.db
      .selectFrom("person")
      .select("id")
      .where("email", "=", "nul@example.com")
      .execute();
    expect(nul).toEqual([]);
  });

  it("sends its security headers on answers of every kind", async () => {
    const answers = [
      await send({ method: "GET", url: "/api/v1/me" }),
      await send({ method: "GET", url: "/api/v1/me", anonymous: true }),
      await send({ method: "GET", url: "/api/openapi.json", anonymous: true }),
      await send({
        method: "POST",
        url: "/api/v1/tokens",
        headers: { ...json, origin: "http://evil.test" },
        payload: "{}",
      }),
      await send({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: json,
        payload: JSON.stringify({ email: "nobody@example.com", password: "wrong password" }),
        anonymous: true,
      }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 401, 200, 403, 401]);
    for (const answer of answers) {
      expectSecurityHeaders(answer);
      expectNoInternals(answer);
    }
  });
});
