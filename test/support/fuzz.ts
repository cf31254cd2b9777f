import { createHash } from "node:crypto";
import fc from "fast-check";
import { expect } from "vitest";
import type { Answer, Client } from "./client";
import { baseUrl, type Harness } from "./harness";

/**
 * Schema fuzzing of write routes: arbitraries that corrupt valid-looking bodies, path ids and raw
 * payloads, and a runner that checks each answer (never 5xx; 4xx is problem+json and writes nothing).
 *
 * Bodies are plain values turned into JSON text by `encode`, with two escapes for what JSON.stringify
 * cannot say: a string `"§name§"` becomes the raw text of `named[name]` or of the run's substitutions
 * (`1e400`, a 100,000-deep array, the task's current version…), and `⟦bad⟧` inside a string becomes
 * bytes that are not UTF-8.
 */

/** Every table a refused write must leave alone. */
const watchedTables = [
  "organization",
  "person",
  "invitation",
  "api_token",
  "task",
  "task_event",
  "request",
  "inbox_entry",
  "urgent_use",
  "outbound_mail",
] as const;

/** Row count and digest of every watched table. */
export async function snapshot(h: Harness): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of watchedTables) {
    const rows = await h.ctx.db
      .selectFrom(table as "task")
      .selectAll()
      .orderBy("id")
      .execute();
    const digest = createHash("sha256").update(JSON.stringify(rows)).digest("hex").slice(0, 16);
    result[table] = `${rows.length} rows, ${digest}`;
  }
  return result;
}

const named: Record<string, string> = {
  deep: `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
  deepObject: `${'{"a":'.repeat(40_000)}1${"}".repeat(40_000)}`,
};
const badBytes = [Buffer.from([0xff]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc0, 0xaf])];

/** The JSON bytes of `body`, markers replaced (see the top of this file). */
export function encode(body: unknown, subs: Record<string, string> = {}): Buffer {
  const text = (JSON.stringify(body) ?? "null").replace(
    /"§([^§"\\]*)§"/g,
    (_, name: string) => subs[name] ?? named[name] ?? name,
  );
  const parts = text.split("⟦bad⟧").map((part) => Buffer.from(part));
  return Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [badBytes[i % 3] as Buffer, part])));
}

/** Writes raw JSON text where a value goes. */
export const raw = (text: string) => `§${text}§`;

const oddPieces = [
  "\u0000",
  "\ud800",
  "x\udfff",
  "\u202eevil\u202c",
  "\u200f\u200b\ufeff",
  "\uffff",
  "e\u0301\u0301\u0301",
  "👩‍👩‍👧‍👦",
  "🏳️‍🌈",
  "שלום עולם",
  "مرحبا",
  "𝕿𝖊𝖘𝖙",
  "⟦bad⟧",
  "'; drop table task; --",
  "%s%n%x",
  "{{constructor}}",
  "<script>alert(1)</script>",
  '\\"',
  "\r\n\t",
  "İß",
];

/** Unicode of every kind, including what the server must refuse (NUL) or repair (lone surrogates, bad bytes). */
export const weirdText = fc
  .array(fc.oneof(fc.constantFrom(...oddPieces), fc.string({ unit: "binary", maxLength: 6 })), {
    minLength: 1,
    maxLength: 6,
  })
  .map((pieces) => pieces.join(""));

/** Text a person might type, in any script, emoji and right-to-left marks included. */
export const text = (maxLength = 40) =>
  fc.oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength }),
    fc.constantFrom("Quarterly report", "Ça va ✓", "日本語のタスク", "עברית \u202b", "🚀 launch 🚀", "x"),
  );

/** Strings past every limit: fields (200, 500, 20,000) and the whole body (256 KB). */
export const hugeText = fc
  .tuple(fc.constantFrom(121, 201, 501, 20_001, 100_000, 300_000), fc.constantFrom("x", "é", "👍", " "))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

const oddNumbers = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    0.5,
    1.5,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    1e308,
    Number.MAX_SAFE_INTEGER,
    Number.NaN,
  ),
  fc.double(),
  fc.integer(),
  fc
    .constantFrom("1e400", "-1e400", "1e-400", "123456789012345678901234567890", "2147483648", "1.0")
    .map(raw),
);

const nested = fc.tuple(fc.integer({ min: 1, max: 200 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
});

/** Any value where a field should be: wrong types, null, odd numbers, unicode, huge strings, deep nesting. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, "", " ", "null", "true", "[]", "{}", "0"),
  oddNumbers,
  weirdText,
  hugeText,
  fc.jsonValue({ maxDepth: 3 }),
  nested,
  fc.constantFrom(raw("deep"), raw("deepObject")),
);

const extraKeys = fc.oneof(
  fc.constantFrom("id", "organizationId", "ownerId", "role", "admin", "position", "createdAt", "constructor"),
  fc.constantFrom("__proto__", "prototype", "password", "token", "version"),
  fc.string({ minLength: 1, maxLength: 20 }),
);

type Body = Record<string, unknown>;

/** `valid` bodies, and the same with a field corrupted or missing, an unknown field added, or no object at all. */
export function fuzzBody(valid: fc.Arbitrary<Body>, keys: readonly string[]): fc.Arbitrary<unknown> {
  const key = fc.constantFrom(...keys);
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 4, arbitrary: fc.tuple(valid, key, junk).map(([body, k, value]) => ({ ...body, [k]: value })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, key)
        .map(([body, k]) => Object.fromEntries(Object.entries(body).filter(([name]) => name !== k))),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(valid, extraKeys, fc.oneof(fc.jsonValue({ maxDepth: 2 }), junk))
        .map(([body, k, value]) => ({ ...body, [k]: value })),
    },
    { weight: 1, arbitrary: junk },
  );
}

const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** One path segment, percent-encoded; a lone surrogate becomes its (invalid) UTF-8 bytes. */
export const segment = (id: string) =>
  encodeURIComponent(id.replace(lone, "\u0001")).replace(/%01/g, "%ED%A0%80");

/**
 * Path ids: `mine` (weighted up, so valid calls happen; `@name` is resolved when sent), `foreign` ones
 * of another organization, well-formed ids of nothing, and malformed ones (too long, odd characters,
 * broken percent-encoding).
 */
export function pathId(mine: readonly string[], foreign: readonly string[] = []): fc.Arbitrary<string> {
  const choices: fc.WeightedArbitrary<string>[] = [
    { weight: 5, arbitrary: fc.constantFrom(...mine) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{65,300}$/) },
    { weight: 1, arbitrary: fc.oneof(weirdText, fc.string({ unit: "binary", minLength: 1 })).map(segment) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("%", "%ZZ", "%C3%28", "%00", "a%2Fb", "..", "%20", "x".repeat(257)),
    },
  ];
  if (foreign.length > 0) choices.push({ weight: 2, arbitrary: fc.constantFrom(...foreign) });
  return fc.oneof(...choices);
}

/** Ids where a body names one: like `pathId`, unencoded. */
export function bodyId(mine: readonly string[], foreign: readonly string[] = []): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...mine) },
    { weight: 1, arbitrary: fc.constantFrom(...(foreign.length > 0 ? foreign : mine)) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) },
    { weight: 1, arbitrary: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{65,100}$/), weirdText) },
  );
}

const localDate = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString());

/** `{date}`, `{at}`, null, and dates no calendar or database has. */
export const due = fc.oneof(
  { weight: 4, arbitrary: localDate.map((instant) => ({ date: instant.slice(0, 10) })) },
  { weight: 4, arbitrary: localDate.map((at) => ({ at })) },
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { date: "0000-01-01" },
      { date: "9999-12-31" },
      { date: "2024-02-30" },
      { at: "+275760-09-13T00:00:00.000Z" },
      { at: "2030-01-01T00:00:00+01:00" },
    ),
  },
);

/** A placement on the plate, naming `ids` (and others') tasks. */
export const placement = (ids: readonly string[], foreign: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("top", "bottom") },
    { weight: 2, arbitrary: bodyId(ids, foreign).map((before) => ({ before })) },
    { weight: 2, arbitrary: bodyId(ids, foreign).map((after) => ({ after })) },
  );

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const minutes = fc.integer({ min: 0, max: 1439 });
const weekdays = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 });
const day = fc.oneof(
  { weight: 4, arbitrary: localDate.map((instant) => instant.slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom("0000-01-01", "0001-01-01", "2024-02-29", "9999-12-31") },
);

export const meKeys = ["name", "timeZone", "workingHours", "digest", "away"];

/** A valid-looking `PATCH /me` body: any subset of name, zone, working hours, digest and away. */
export const meBody = fc.record(
  {
    name: text(60),
    timeZone: fc.constantFrom("Europe/Paris", "asia/kolkata", "UTC", "America/St_Johns", "Mars/Base"),
    workingHours: fc
      .tuple(weekdays, minutes, minutes)
      .map(([days, a, b]) => ({ days, start: hhmm(Math.min(a, b)), end: hhmm(Math.max(a, b)) })),
    digest: fc.record({
      times: fc.uniqueArray(minutes, { maxLength: 6 }).map((list) => list.map(hhmm)),
      days: weekdays,
    }),
    away: fc.option(fc.tuple(day, day).map(([a, b]) => ({ from: a < b ? a : b, until: a < b ? b : a }))),
  },
  { requiredKeys: [] },
);

/** Bodies that are not what the route parses: bad JSON, poisoned prototypes, deep nesting, oversize, wrong types. */
export const rawBodies = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('{"title":"A task","name":"Ann"}', '{"version":1,"title":"x"}', '{"ids":["a"]}'),
      fc.nat(),
    )
    .map(([json, cut]) => ({ type: "application/json", body: json.slice(0, cut % json.length) })),
  fc
    .tuple(fc.constantFrom('{"title":', '{"name":', "[", '{"ids":[', ""), fc.string({ unit: "binary" }))
    .map(([start, rest]) => ({ type: "application/json", body: `${start}${rest},,` })),
  fc
    .constantFrom(
      '{"__proto__":{"admin":true}}',
      '{"title":"x","constructor":{"prototype":{"admin":true}}}',
      `{"title":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
      `{"name":"${"x".repeat(300_000)}"}`,
      `{"title":"ok","padding":[${"0,".repeat(140_000)}0]}`,
      '{"title":"\\ud800"}\u0000',
    )
    .map((body) => ({ type: "application/json", body })),
  fc
    .tuple(
      fc.constantFrom(
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "application/octet-stream",
        "text/json",
        "",
      ),
      fc.constantFrom('{"title":"A task"}', "title=A+task", "<title>A task</title>", "--x\r\n\r\n--x--"),
    )
    .map(([type, body]) => ({ type, body })),
);

/** What one generated call is: who calls (a name of the caller table, or nobody), where, with what body. */
export interface Call {
  as: string | null;
  path: string;
  body?: unknown;
}

export interface RouteFuzz {
  method: "POST" | "PATCH" | "DELETE";
  seed: number;
  runs?: number;
  calls: fc.Arbitrary<Call>;
  /** Calls tried before the generated ones: the edges of the schema that matter to this route. */
  examples?: Call[];
  /** Puts back what earlier routes' fuzzing may have changed and this route depends on. */
  setup?: () => Promise<void>;
  /** Raw substitutions for this call's body (see `encode`), e.g. the task's current version. */
  subs?: (path: string) => Promise<Record<string, string>>;
  /** Refreshes fixtures a successful call used up (a triage task accepted, an invitation withdrawn). */
  after?: (path: string) => Promise<void>;
}

/**
 * The calls of one route: valid ones (so some are accepted), ones with a corrupted body, and ones
 * from other callers (`as[1..]`) or with other path ids (foreign, unknown, malformed; see `pathId`).
 * `{id}` in `path` is replaced by `ids`; a route without a body schema gets junk bodies now and then.
 */
export function calls(plan: {
  as: readonly string[] | readonly [null];
  path: string;
  ids?: readonly string[];
  others?: readonly string[];
  body?: fc.Arbitrary<Body>;
  keys?: readonly string[];
}): fc.Arbitrary<Call> {
  const at = (id: string) => plan.path.replace("{id}", id);
  const ids = plan.ids ?? [""];
  const goodPath = fc.constantFrom(...ids).map(at);
  const anyPath = plan.ids ? pathId(plan.ids, plan.others).map(at) : goodPath;
  const valid: fc.Arbitrary<unknown> = plan.body ?? fc.constant(undefined);
  const fuzzed = plan.body
    ? fuzzBody(plan.body, plan.keys ?? [])
    : fc.option(fc.oneof(junk, fc.constant({})), { nil: undefined });
  const main = fc.constant(plan.as[0] ?? null);
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ as: main, path: goodPath, body: valid }) },
    { weight: 4, arbitrary: fc.record({ as: main, path: goodPath, body: fuzzed }) },
    {
      weight: 3,
      arbitrary: fc.record({ as: fc.constantFrom(...plan.as), path: anyPath, body: fc.oneof(valid, fuzzed) }),
    },
  );
}

export interface FuzzWorld {
  callers: Record<string, Client | null>;
  /** What `@name` in a path stands for now. */
  live: Record<string, string>;
}

/** Runs `fuzz` and checks every answer; gives back how often each status was answered. */
export async function fuzzRoute(h: Harness, world: FuzzWorld, fuzz: RouteFuzz): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  const property = fc.asyncProperty(fuzz.calls, async (call) => {
    const path = call.path.replace(/@(\w+)/g, (_, name: string) => world.live[name] ?? name);
    const caller = call.as === null ? null : world.callers[call.as];
    const subs = (await fuzz.subs?.(path)) ?? {};
    const label = `${fuzz.method} ${path} as ${call.as} (seed ${fuzz.seed})`;
    const answer = await expectSafe(h, label, () =>
      send(h, caller ?? null, fuzz.method, path, call.body, subs),
    );
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    if (answer.status < 300) await fuzz.after?.(path);
  });
  await fuzz.setup?.();
  const examples = (fuzz.examples ?? []).map((call): [Call] => [call]);
  await fc.assert(property, { seed: fuzz.seed, numRuns: fuzz.runs ?? 40, examples });
  return statuses;
}

/** Sends `body` (a value, encoded; or bytes as they are) as `caller`, the way a browser would. */
export async function send(
  h: Harness,
  caller: Client | null,
  method: string,
  path: string,
  body?: unknown,
  subs: Record<string, string> = {},
  contentType = "application/json",
): Promise<Answer<unknown>> {
  const headers: Record<string, string> = { origin: baseUrl };
  if (caller?.credentials.cookie) headers.cookie = caller.credentials.cookie;
  if (caller?.credentials.token) headers.authorization = `Bearer ${caller.credentials.token}`;
  if (body !== undefined && contentType) headers["content-type"] = contentType;
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : encode(body, subs);
  const response = await h.app.inject({
    method: method as "POST",
    url: path,
    headers,
    ...(payload ? { payload } : {}),
  });
  const type = String(response.headers["content-type"] ?? "");
  let parsed: unknown = response.body;
  if (type.includes("json") && response.body) {
    try {
      parsed = JSON.parse(response.body);
    } catch {
      // Left as text: the checks below say the answer was not what it claims.
    }
  }
  return { status: response.statusCode, headers: response.headers, body: parsed };
}

/**
 * Sends one call and checks the answer: never 5xx; a 4xx is problem+json with {type, title, status,
 * detail} and leaves every watched table as it was.
 */
export async function expectSafe(
  h: Harness,
  label: string,
  call: () => Promise<Answer<unknown>>,
): Promise<Answer<unknown>> {
  const before = await snapshot(h);
  const answer = await call();
  const where = `${label} → ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 400)}`;
  expect(answer.status, where).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(answer.headers["content-type"], where).toMatch(/^application\/problem\+json/);
    expect(answer.body, where).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status: answer.status,
      detail: expect.any(String),
    });
    expect(await snapshot(h), `${where}: a refused write changed the database`).toEqual(before);
  }
  return answer;
}
