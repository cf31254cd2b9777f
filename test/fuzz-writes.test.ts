import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { goodPassword } from "./support/factories";
import {
  bodyId,
  type Call,
  calls,
  due,
  expectSafe,
  fuzzRoute,
  meBody,
  meKeys,
  placement,
  type RouteFuzz,
  raw,
  rawBodies,
  send,
  text,
} from "./support/fuzz";
import { buildWorld, ok } from "./support/fuzz-world";
import { useHarness } from "./support/harness";

/**
 * Every write route under /api/v1, fuzzed from its schema (wrong types, nulls, huge strings, unicode,
 * odd numbers, deep nesting, unknown fields; unknown, malformed and foreign ids; other callers):
 * never a 5xx, every 4xx is problem+json, and a refused write leaves the database as it was. Each
 * route has its own seed, printed with any failure; some of its generated calls must be accepted.
 */

const routes = [
  "PATCH /me",
  "POST /organizations",
  "PATCH /organizations/{id}",
  "PATCH /people/{id}",
  "POST /invitations",
  "DELETE /invitations/{id}",
  "POST /invitations/{token}/accept",
  "POST /tokens",
  "DELETE /tokens/{id}",
  "POST /people/{id}/tasks",
  "PATCH /tasks/{id}",
  "POST /tasks/{id}/move",
  "POST /tasks/{id}/accept",
  "POST /tasks/{id}/decline",
  "POST /requests",
  "POST /requests/{id}/cancel",
  "POST /requests/{id}/assignees",
  "POST /inbox/read",
] as const;
type Route = (typeof routes)[number];

const role = fc.constantFrom("owner", "admin", "member");
const groups = fc.subarray(["direct_reports", "everyone_below"]);
const version = raw("version");
const taskKeys = ["title", "notes", "due", "placement", "urgent"];
const manyIds = (n: number) => Array.from({ length: n }, (_, i) => `nobody-${i}`);

describe.each(dialects)("write routes fuzzed from their schemas, on %s", (dialect) => {
  const h = useHarness(dialect);
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let plan: Record<Route, RouteFuzz>;
  let rawTargets: [method: string, path: string, as: string | null][];

  beforeAll(async () => {
    w = await buildWorld(h);
    const { owner, sam, pat, ivan, al, loner, xavier } = w.people;
    const { open, done } = w.tasks;
    const org = owner.organizationId;
    const people = [sam.id, pat.id, ivan.id, al.id];
    const foreignPeople = w.foreign.people;
    const ours = placement(open, [w.foreign.task, w.tasks.pat]);
    const assigneeIds = fc.oneof(
      { weight: 3, arbitrary: fc.uniqueArray(fc.constantFrom(...people), { minLength: 1 }) },
      { weight: 1, arbitrary: fc.array(bodyId(people, foreignPeople), { minLength: 1, maxLength: 4 }) },
    );
    const managerId = fc.oneof(bodyId([owner.id, pat.id, sam.id], foreignPeople), fc.constant(null));
    const taskBody = fc.record(
      { title: text(60), notes: text(200), due, placement: ours, urgent: fc.boolean() },
      { requiredKeys: ["title"] },
    );
    // The current version of the task in the path, where a body says `version`.
    const taskVersion = async (path: string) => {
      const id = path.split("/")[4] ?? "";
      const row = await h.ctx.db.selectFrom("task").select("version").where("id", "=", id).executeTakeFirst();
      return { version: String(row?.version ?? 1) };
    };
    // Earlier routes may have turned the urgent lane off: the urgent examples need it open.
    const urgentLaneOpen = async () => {
      await ok(owner.client.patch(`/api/v1/organizations/${org}`, { settings: { urgentPerWeek: 50 } }));
    };
    const on = (as: string, path: string, body: unknown): Call => ({ as, path, body });

    plan = {
      "PATCH /me": {
        method: "PATCH",
        seed: 1001,
        examples: [
          on("sam", "/api/v1/me", {
            timeZone: "Pacific/Kiritimati",
            workingHours: { days: [], start: "00:00", end: "23:59" },
            digest: {
              times: ["00:00", "06:00", "12:00", "18:00", "23:58", "23:59"],
              days: [1, 2, 3, 4, 5, 6, 7],
            },
            away: { from: "0000-01-01", until: "9999-12-31" },
          }),
          on("sam", "/api/v1/me", { timeZone: "UTC", away: null }),
        ],
        calls: calls({ as: ["sam"], path: "/api/v1/me", body: meBody, keys: meKeys }),
      },
      "POST /organizations": {
        method: "POST",
        seed: 1002,
        calls: calls({
          as: ["loner", "sam"],
          path: "/api/v1/organizations",
          body: fc.record({ name: text(60) }),
          keys: ["name"],
        }),
        after: w.refresh.loner,
      },
      "PATCH /organizations/{id}": {
        method: "PATCH",
        seed: 1003,
        calls: calls({
          as: ["owner", "sam"],
          path: "/api/v1/organizations/{id}",
          ids: [org],
          others: [w.foreign.organization],
          body: fc.record(
            {
              name: text(60),
              settings: fc.record(
                { urgentPerWeek: fc.nat({ max: 50 }), staleAfterDays: fc.integer({ min: 1, max: 365 }) },
                { requiredKeys: [] },
              ),
            },
            { requiredKeys: [] },
          ),
          keys: ["name", "settings"],
        }),
      },
      "PATCH /people/{id}": {
        method: "PATCH",
        seed: 1004,
        calls: calls({
          as: ["owner", "sam"],
          path: "/api/v1/people/{id}",
          ids: [sam.id, pat.id],
          others: foreignPeople,
          body: fc.record({ managerId, role, title: fc.option(text(60)) }, { requiredKeys: [] }),
          keys: ["managerId", "role", "title"],
        }),
      },
      "POST /invitations": {
        method: "POST",
        seed: 1005,
        calls: calls({
          as: ["owner", "sam"],
          path: "/api/v1/invitations",
          body: fc.record(
            {
              email: fc.oneof(
                {
                  weight: 4,
                  arbitrary: fc.stringMatching(/^[a-z0-9]{1,20}$/).map((name) => `${name}@example.com`),
                },
                { weight: 1, arbitrary: fc.emailAddress() },
                { weight: 1, arbitrary: fc.constantFrom(sam.email, xavier.email, loner.email.toUpperCase()) },
              ),
              role,
              managerId,
            },
            { requiredKeys: ["email"] },
          ),
          keys: ["email", "role", "managerId"],
        }),
      },
      "DELETE /invitations/{id}": {
        method: "DELETE",
        seed: 1006,
        calls: calls({
          as: ["owner", "sam"],
          path: "/api/v1/invitations/{id}",
          ids: ["@invitation"],
          others: [w.spent.invitation.id, w.foreign.invitation],
        }),
        after: w.refresh.invitation,
      },
      "POST /invitations/{token}/accept": {
        method: "POST",
        seed: 1007,
        calls: calls({
          as: [null],
          path: "/api/v1/invitations/{id}/accept",
          ids: ["@inviteToken"],
          others: [w.spent.invitation.token],
          body: fc.record({
            name: text(60),
            password: fc.oneof(
              fc.constant(goodPassword),
              fc.string({ unit: "grapheme", minLength: 8, maxLength: 60 }),
            ),
          }),
          keys: ["name", "password"],
        }),
        after: w.refresh.invitation,
      },
      "POST /tokens": {
        method: "POST",
        seed: 1008,
        calls: calls({
          as: ["sam"],
          path: "/api/v1/tokens",
          body: fc.record({ name: text(80) }),
          keys: ["name"],
        }),
      },
      "DELETE /tokens/{id}": {
        method: "DELETE",
        seed: 1009,
        calls: calls({
          as: ["sam"],
          path: "/api/v1/tokens/{id}",
          ids: ["@token"],
          others: [w.spent.ownerToken, w.foreign.token],
        }),
        after: w.refresh.token,
      },
      "POST /people/{id}/tasks": {
        method: "POST",
        seed: 1010,
        setup: urgentLaneOpen,
        examples: [
          on("owner", `/api/v1/people/${al.id}/tasks`, { title: "Needed now", urgent: true }),
          on("owner", `/api/v1/people/${sam.id}/tasks`, {
            title: "x".repeat(200),
            due: { date: "9999-12-30" },
          }),
          on("owner", `/api/v1/people/${sam.id}/tasks`, {
            title: "Late",
            due: { at: "9999-12-31T23:59:59.999Z" },
          }),
        ],
        calls: calls({
          as: ["owner", "ivan"],
          path: "/api/v1/people/{id}/tasks",
          ids: [sam.id, pat.id, al.id],
          others: foreignPeople,
          body: taskBody,
          keys: taskKeys,
        }),
      },
      "PATCH /tasks/{id}": {
        method: "PATCH",
        seed: 1011,
        subs: taskVersion,
        setup: urgentLaneOpen,
        examples: [on("owner", `/api/v1/tasks/${w.tasks.al}`, { version, urgent: true })],
        calls: calls({
          as: ["sam", "pat"],
          path: "/api/v1/tasks/{id}",
          ids: [...open, done],
          others: [w.foreign.task, w.tasks.pat],
          body: fc.oneof(
            fc.record({
              version: fc.constant(version),
              title: text(60),
              notes: text(200),
              due,
              urgent: fc.boolean(),
            }),
            fc.record({
              version: fc.constant(version),
              state: fc.constantFrom("open", "in_progress", "done"),
              placement: ours,
            }),
            fc.record({ version: fc.constant(version), state: fc.constant("dropped"), dropReason: text(60) }),
          ),
          keys: ["version", "state", "dropReason", ...taskKeys],
        }),
      },
      "POST /tasks/{id}/move": {
        method: "POST",
        seed: 1012,
        subs: taskVersion,
        calls: calls({
          as: ["sam", "pat"],
          path: "/api/v1/tasks/{id}/move",
          ids: open,
          others: [w.foreign.task, done],
          body: fc.record(
            { placement: ours, version: fc.constant(version) },
            { requiredKeys: ["placement"] },
          ),
          keys: ["placement", "version"],
        }),
      },
      "POST /tasks/{id}/accept": {
        method: "POST",
        seed: 1013,
        subs: taskVersion,
        calls: calls({
          as: ["sam", "pat"],
          path: "/api/v1/tasks/{id}/accept",
          ids: ["@triage"],
          others: [w.foreign.task, open[0] as string],
          body: fc.record(
            { placement: ours, version: fc.constant(version) },
            { requiredKeys: ["placement"] },
          ),
          keys: ["placement", "version"],
        }),
        after: w.refresh.triage,
      },
      "POST /tasks/{id}/decline": {
        method: "POST",
        seed: 1014,
        subs: taskVersion,
        calls: calls({
          as: ["sam", "pat"],
          path: "/api/v1/tasks/{id}/decline",
          ids: ["@triage"],
          others: [w.foreign.task, open[0] as string],
          body: fc.record({ reason: text(60), version: fc.constant(version) }, { requiredKeys: ["reason"] }),
          keys: ["reason", "version"],
        }),
        after: w.refresh.triage,
      },
      "POST /requests": {
        method: "POST",
        seed: 1015,
        examples: [on("owner", "/api/v1/requests", { title: "Everyone?", assigneeIds: manyIds(1000) })],
        calls: calls({
          as: ["owner", "sam"],
          path: "/api/v1/requests",
          body: fc.record(
            { title: text(60), notes: text(100), due, assigneeIds, groups },
            { requiredKeys: ["title", "assigneeIds"] },
          ),
          keys: ["title", "notes", "due", "assigneeIds", "groups"],
        }),
      },
      "POST /requests/{id}/cancel": {
        method: "POST",
        seed: 1016,
        calls: calls({
          as: ["owner", "sam"],
          path: "/api/v1/requests/{id}/cancel",
          ids: ["@request"],
          others: [w.spent.request, w.foreign.request],
          body: fc.record({ reason: text(60) }),
          keys: ["reason"],
        }),
        after: w.refresh.request,
      },
      "POST /requests/{id}/assignees": {
        method: "POST",
        seed: 1017,
        calls: calls({
          as: ["owner", "sam"],
          path: "/api/v1/requests/{id}/assignees",
          ids: ["@request"],
          others: [w.spent.request, w.foreign.request],
          body: fc.record({ assigneeIds, groups }, { requiredKeys: ["assigneeIds"] }),
          keys: ["assigneeIds", "groups"],
        }),
      },
      "POST /inbox/read": {
        method: "POST",
        seed: 1018,
        examples: [
          on("sam", "/api/v1/inbox/read", { ids: manyIds(500) }),
          on("sam", "/api/v1/inbox/read", { ids: manyIds(501) }),
        ],
        calls: calls({
          as: ["sam"],
          path: "/api/v1/inbox/read",
          body: fc.oneof(
            fc.record({ ids: fc.array(bodyId(w.inbox.sam, w.inbox.others), { minLength: 1, maxLength: 5 }) }),
            fc.constant({ all: true }),
          ),
          keys: ["ids", "all"],
        }),
      },
    };
    rawTargets = [
      ["PATCH", "/api/v1/me", "sam"],
      ["PATCH", `/api/v1/organizations/${org}`, "owner"],
      ["POST", `/api/v1/people/${sam.id}/tasks`, "owner"],
      ["PATCH", `/api/v1/tasks/${open[0]}`, "sam"],
      ["POST", "/api/v1/requests", "owner"],
      ["POST", "/api/v1/tokens", "sam"],
      ["POST", "/api/v1/inbox/read", "sam"],
      ["POST", "/api/v1/invitations/@inviteToken/accept", null],
    ];
  });

  it.each(routes)(
    "%s: never 5xx, problem+json and nothing written when refused",
    async (route) => {
      const fuzz = plan[route];
      const statuses = await fuzzRoute(h, w.world, fuzz);
      const seen = JSON.stringify(Object.fromEntries(statuses));
      const accepted = [...statuses].filter(([status]) => status < 300).reduce((sum, [, n]) => sum + n, 0);
      expect(accepted, `${route} (seed ${fuzz.seed}) accepted nothing: ${seen}`).toBeGreaterThan(0);
    },
    60_000,
  );

  it("refuses malformed JSON, wrong content types and oversize bodies with 4xx problem+json", async () => {
    const seed = 1019;
    const target = fc.nat({ max: rawTargets.length - 1 });
    await fc.assert(
      fc.asyncProperty(target, rawBodies, async (which, { type, body }) => {
        const [method, template, as] = rawTargets[which] as (typeof rawTargets)[number];
        const path = template.replace("@inviteToken", w.world.live.inviteToken ?? "");
        const caller = as === null ? null : (w.world.callers[as] ?? null);
        const label = `${method} ${path} ${type || "(no content type)"} ${body.slice(0, 80)} (seed ${seed})`;
        const answer = await expectSafe(h, label, () =>
          send(h, caller, method, path, Buffer.from(body), {}, type),
        );
        expect(answer.status, label).toBeGreaterThanOrEqual(400);
      }),
      { seed, numRuns: 60 },
    );
  }, 60_000);
});
