import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, type Member } from "./support/factories";
import {
  changeGoal,
  checkIn,
  checkInsOf,
  type Goal,
  goalOf,
  goalRows,
  goalsOf,
  patchGoal,
  postCheckIn,
  postGoal,
  setGoal,
  teamUnder,
} from "./support/goals";
import { useHarness } from "./support/harness";
import { expectProblem, instantPattern } from "./support/tasks";

describe.each(dialects)("goals on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };
  let outsider: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
    outsider = await founder(h.app, "Xena Outsider");
  });

  const team = () => teamUnder(h.app, owner);

  it("documents every goal route and its schemas in the OpenAPI document", async () => {
    const answer = await owner.client.get<{
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    }>("/api/openapi.json");
    expect(answer.status).toBe(200);
    const methods = (path: string) => Object.keys(answer.body.paths[path] ?? {}).sort();
    expect(methods("/api/v1/goals")).toEqual(["post"]);
    expect(methods("/api/v1/people/{id}/goals")).toEqual(["get"]);
    expect(methods("/api/v1/goals/{id}")).toEqual(["get", "patch"]);
    expect(methods("/api/v1/goals/{id}/check-ins")).toEqual(["get", "post"]);
    expect(methods("/api/v1/goals/{id}/tasks")).toEqual(["get"]);
    expect(Object.keys(answer.body.components.schemas)).toEqual(
      expect.arrayContaining(["Goal", "GoalList", "CheckIn", "CheckInPage", "GoalTasks", "GoalProgress"]),
    );
  });

  describe("setting a goal", () => {
    it("sets a goal for oneself: active, nothing done of nothing, no check-in yet, at version 1", async () => {
      const { sam } = await team();
      const goal = await setGoal(sam, sam.id, {
        title: "  Ship the new onboarding  ",
        description: "Every newcomer\r\nsigned up in a day",
        due: { date: "2030-06-30" },
      });
      expect(goal).toEqual({
        id: expect.any(String),
        ownerId: sam.id,
        title: "Ship the new onboarding",
        description: "Every newcomer\nsigned up in a day",
        due: { date: "2030-06-30" },
        state: "active",
        parentId: null,
        progress: { done: 0, total: 0 },
        latestCheckIn: null,
        createdAt: h.clock.now().toISOString(),
        version: 1,
      });
      expect(goal.createdAt).toMatch(instantPattern);
      expect(await goalOf(sam, goal.id)).toEqual(goal);
      expect(await goalsOf(sam, sam.id)).toEqual([goal]);
    });

    it("leaves description, due and parent empty when not given", async () => {
      const { sam } = await team();
      const goal = await setGoal(sam, sam.id, { title: "Learn the codebase" });
      expect(goal).toMatchObject({ description: "", due: null, parentId: null });
    });

    it("lets anyone above the owner set them a goal, and nobody below or beside", async () => {
      const { manny, sam, pat, bo } = await team();
      expect((await setGoal(manny, sam.id)).ownerId).toBe(sam.id);
      expect((await setGoal(owner, sam.id)).ownerId).toBe(sam.id);
      const before = await goalRows(h);
      // Sam sees Manny's goals but may not set them; Pat and Bo see none of Sam's.
      const refusals = [
        [await postGoal(sam, { ownerId: manny.id, title: "Up" }), 403],
        [await postGoal(pat, { ownerId: sam.id, title: "Beside" }), 404],
        [await postGoal(bo, { ownerId: sam.id, title: "Across" }), 404],
        [await postGoal(outsider, { ownerId: sam.id, title: "Elsewhere" }), 404],
        [await postGoal(sam, { ownerId: "no-such-person", title: "Nobody" }), 404],
      ] as const;
      for (const [answer, status] of refusals) expectProblem(answer, status);
      expect(await goalRows(h)).toEqual(before);
    });
  });

  describe("reading goals", () => {
    it("shows a manager's goals to their whole team, and a person's to them and their chain only", async () => {
      const { manny, sam, pat, lead, bo } = await team();
      const teamGoal = await setGoal(manny, manny.id, { title: "A calm quarter" });
      const samsGoal = await setGoal(sam, sam.id, { title: "Learn the codebase" });
      for (const reader of [manny, sam, pat, owner])
        expect(await goalOf(reader, teamGoal.id)).toEqual(teamGoal);
      for (const reader of [sam, manny, owner]) expect(await goalOf(reader, samsGoal.id)).toEqual(samsGoal);
      for (const reader of [pat, lead, bo, outsider]) {
        expectProblem(await reader.client.get(`/api/v1/goals/${samsGoal.id}`), 404);
        expectProblem(await reader.client.get(`/api/v1/people/${sam.id}/goals`), 404);
      }
      expectProblem(await bo.client.get(`/api/v1/goals/${teamGoal.id}`), 404);
      expectProblem(await sam.client.get("/api/v1/goals/no-such-goal"), 404);
      expectProblem(await sam.client.get("/api/v1/people/no-such-person/goals"), 404);
    });

    it("lists a person's goals active first, then newest first, or those of one state", async () => {
      const { sam } = await team();
      const first = await setGoal(sam, sam.id, { title: "First" });
      h.clock.advance(60_000);
      const second = await setGoal(sam, sam.id, { title: "Second" });
      h.clock.advance(60_000);
      const third = await setGoal(sam, sam.id, { title: "Third" });
      const achieved = await changeGoal(sam, third, { state: "achieved" });
      const dropped = await changeGoal(sam, first, { state: "dropped" });
      const titles = (goals: Goal[]) => goals.map((goal) => goal.title);
      expect(titles(await goalsOf(sam, sam.id))).toEqual(["Second", "Third", "First"]);
      expect(await goalsOf(sam, sam.id, "state=active")).toEqual([second]);
      expect(await goalsOf(sam, sam.id, "state=achieved")).toEqual([achieved]);
      expect(await goalsOf(sam, sam.id, "state=dropped")).toEqual([dropped]);
      expect(await goalsOf(sam, sam.id, "state=missed")).toEqual([]);
      expectProblem(
        await sam.client.get(`/api/v1/people/${sam.id}/goals?state=done`),
        400,
        "querystring.state",
      );
      expectProblem(await sam.client.get(`/api/v1/people/${sam.id}/goals?limit=3`), 400);
    });
  });

  describe("changing a goal", () => {
    it("changes wording, due date and state, each change a new version", async () => {
      const { manny, sam } = await team();
      const goal = await setGoal(sam, sam.id, { due: { date: "2030-06-30" } });
      const renamed = await changeGoal(sam, goal, { title: "Ship onboarding v2", description: "Two steps" });
      expect(renamed).toMatchObject({ title: "Ship onboarding v2", description: "Two steps", version: 2 });
      const redated = await changeGoal(manny, renamed, { due: null, state: "missed" });
      expect(redated).toMatchObject({ due: null, state: "missed", version: 3 });
      const revived = await changeGoal(owner, redated, { due: { date: "2030-09-30" }, state: "active" });
      expect(revived).toMatchObject({ due: { date: "2030-09-30" }, state: "active", version: 4 });
      expect(await goalOf(sam, goal.id)).toEqual(revived);
    });

    it("writes nothing for a change with nothing in it", async () => {
      const { sam } = await team();
      const goal = await setGoal(sam, sam.id, { title: "Same", due: { date: "2030-06-30" } });
      const before = await goalRows(h);
      h.clock.advance(1000);
      expect(
        await changeGoal(sam, goal, { title: "Same", due: { date: "2030-06-30" }, state: "active" }),
      ).toEqual(goal);
      expect(await goalRows(h)).toEqual(before);
    });

    it("answers a stale version with 409 and the goal as it is now, and writes nothing", async () => {
      const { manny, sam } = await team();
      const goal = await setGoal(sam, sam.id);
      const changed = await changeGoal(manny, goal, { title: "Manny's wording" });
      await checkIn(sam, goal.id, { note: "Halfway" });
      const before = await goalRows(h);
      const problem = expectProblem(
        await patchGoal(sam, goal.id, { version: goal.version, title: "Mine" }),
        409,
      );
      expect(problem.current).toEqual(await goalOf(sam, goal.id));
      expect(problem.current).toMatchObject({
        title: changed.title,
        version: 2,
        latestCheckIn: { note: "Halfway" },
      });
      expect(await goalRows(h)).toEqual(before);
    });

    it("lets only the owner and those above them change it: 403 below, 404 beside", async () => {
      const { manny, sam, pat, bo } = await team();
      const teamGoal = await setGoal(manny, manny.id);
      const samsGoal = await setGoal(sam, sam.id);
      const before = await goalRows(h);
      expectProblem(await patchGoal(sam, teamGoal.id, { version: 1, title: "Mine now" }), 403);
      expectProblem(await patchGoal(pat, teamGoal.id, { version: 1, state: "dropped" }), 403);
      expectProblem(await patchGoal(pat, samsGoal.id, { version: 1, title: "Beside" }), 404);
      expectProblem(await patchGoal(bo, samsGoal.id, { version: 1, title: "Across" }), 404);
      expectProblem(await patchGoal(outsider, samsGoal.id, { version: 1, title: "Elsewhere" }), 404);
      expectProblem(await patchGoal(sam, "no-such-goal", { version: 1, title: "Nothing" }), 404);
      expect(await goalRows(h)).toEqual(before);
    });
  });

  describe("check-ins", () => {
    it("are kept newest first, a page at a time, and the newest is the goal's latest", async () => {
      const { manny, sam, pat } = await team();
      const goal = await setGoal(manny, sam.id);
      const first = await checkIn(sam, goal.id, { status: "on_track", note: "Started" });
      h.clock.advance(60_000);
      const second = await checkIn(manny, goal.id, { status: "at_risk", note: "Blocked on\nthe API" });
      h.clock.advance(60_000);
      const third = await checkIn(sam, goal.id, { status: "off_track", note: "  Slipping  " });
      expect(third).toEqual({
        id: expect.any(String),
        goalId: goal.id,
        authorId: sam.id,
        status: "off_track",
        note: "Slipping",
        createdAt: h.clock.now().toISOString(),
      });
      expect(second.note).toBe("Blocked on\nthe API");
      const page = await checkInsOf(sam, goal.id, "limit=2");
      expect(page.items).toEqual([third, second]);
      expect(page.nextCursor).toEqual(expect.any(String));
      const rest = await checkInsOf(manny, goal.id, `limit=2&cursor=${page.nextCursor}`);
      expect(rest).toEqual({ items: [first] });
      expect(await checkInsOf(sam, goal.id)).toEqual({ items: [third, second, first] });
      expect((await goalOf(manny, goal.id)).latestCheckIn).toEqual(third);
      expect((await goalsOf(sam, sam.id))[0]?.latestCheckIn).toEqual(third);
      // Check-ins do not change the goal itself.
      expect((await goalOf(sam, goal.id)).version).toBe(1);
      expectProblem(await pat.client.get(`/api/v1/goals/${goal.id}/check-ins`), 404);
    });

    it("pages through check-ins made in the same instant without skipping or repeating one", async () => {
      const { sam } = await team();
      const goal = await setGoal(sam, sam.id);
      const made: string[] = [];
      for (const note of ["One", "Two", "Three", "Four", "Five"])
        made.push((await checkIn(sam, goal.id, { note })).id);
      const seen: string[] = [];
      let query = "limit=2";
      for (;;) {
        const page = await checkInsOf(sam, goal.id, query);
        seen.push(...page.items.map((item) => item.id));
        if (page.nextCursor === undefined) break;
        query = `limit=2&cursor=${page.nextCursor}`;
      }
      expect([...seen].sort()).toEqual([...made].sort());
      expect(seen).toEqual([...made].sort().reverse());
      expect((await goalOf(sam, goal.id)).latestCheckIn?.id).toBe(seen[0]);
    });

    it("are written by the owner and those above them only, and refused without a writing", async () => {
      const { manny, sam, pat } = await team();
      const teamGoal = await setGoal(manny, manny.id);
      const samsGoal = await setGoal(sam, sam.id);
      const before = await goalRows(h);
      expectProblem(await postCheckIn(sam, teamGoal.id, { status: "on_track", note: "From below" }), 403);
      expectProblem(await postCheckIn(pat, samsGoal.id, { status: "on_track", note: "Beside" }), 404);
      expectProblem(await postCheckIn(outsider, samsGoal.id, { status: "on_track", note: "Elsewhere" }), 404);
      expect(await goalRows(h)).toEqual(before);
    });
  });

  describe("bad input", () => {
    it("refuses empty, oversized or broken texts with 400 naming the field, and writes nothing", async () => {
      const { sam } = await team();
      const goal = await setGoal(sam, sam.id);
      const before = await goalRows(h);
      const creates: [Record<string, unknown>, string][] = [
        [{ title: "" }, "title"],
        [{ title: "   " }, "title"],
        [{ title: "x".repeat(201) }, "title"],
        [{ title: "Two\nlines" }, "title"],
        [{ title: "Bidi \u202e trick" }, "title"],
        [{ description: "x".repeat(5001) }, "description"],
        [{ description: "Bell \u0007" }, "description"],
        [{ due: { date: "2030-02-30" } }, "due.date"],
        [{ due: "2030-06-30" }, "due"],
        [{ due: { at: "2030-06-30T12:00:00Z" } }, "due.at"],
        [{ parentId: "has space" }, "parentId"],
        [{ state: "achieved" }, ""],
      ];
      for (const [body, path] of creates) {
        const answer = await postGoal(sam, { ownerId: sam.id, title: "Fine", ...body });
        if (path === "") expectProblem(answer, 400);
        else expectProblem(answer, 400, path);
      }
      expectProblem(await postGoal(sam, { title: "No owner" }), 400, "ownerId");
      const patches: [Record<string, unknown>, string][] = [
        [{ title: "" }, "title"],
        [{ title: "x".repeat(201) }, "title"],
        [{ description: "x".repeat(5001) }, "description"],
        [{ state: "finished" }, "state"],
        [{ version: 0 }, "version"],
        [{ version: "1" }, "version"],
        [{ ownerId: sam.id }, ""],
      ];
      for (const [body, path] of patches) {
        const answer = await patchGoal(sam, goal.id, { version: goal.version, ...body });
        if (path === "") expectProblem(answer, 400);
        else expectProblem(answer, 400, path);
      }
      expectProblem(await patchGoal(sam, goal.id, { title: "No version" }), 400, "version");
      const checkIns: [Record<string, unknown>, string][] = [
        [{ note: "" }, "note"],
        [{ note: "  \n " }, "note"],
        [{ note: "x".repeat(2001) }, "note"],
        [{ note: "Escape \u001b[31m" }, "note"],
        [{ status: "fine" }, "status"],
        [{ status: undefined }, "status"],
      ];
      for (const [body, path] of checkIns) {
        expectProblem(
          await postCheckIn(sam, goal.id, { status: "on_track", note: "Fine", ...body }),
          400,
          path,
        );
      }
      expectProblem(
        await sam.client.get(`/api/v1/goals/${goal.id}/check-ins?cursor=not-ours`),
        400,
        "cursor",
      );
      expectProblem(
        await sam.client.get(`/api/v1/goals/${goal.id}/check-ins?limit=201`),
        400,
        "querystring.limit",
      );
      expect(await goalRows(h)).toEqual(before);
    });

    it("accepts texts at their longest", async () => {
      const { sam } = await team();
      const goal = await setGoal(sam, sam.id, { title: "x".repeat(200), description: "y".repeat(5000) });
      expect(goal.title).toHaveLength(200);
      expect((await checkIn(sam, goal.id, { note: "z".repeat(2000) })).note).toHaveLength(2000);
    });
  });
});
