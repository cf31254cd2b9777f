import { beforeAll, describe, expect, it } from "vitest";
import { dialects } from "./support/databases";
import { founder, invite, type Member } from "./support/factories";
import { goalOf, goalRows, goalsOf, goalTasksOf, progressOf, setGoal, teamUnder } from "./support/goals";
import { useHarness } from "./support/harness";
import {
  acceptTask,
  addTask,
  changeTask,
  expectProblem,
  historyOf,
  patchTask,
  plateOf,
  type Task,
  taskOf,
  titlesOf,
} from "./support/tasks";

describe.each(dialects)("goals and their tasks on %s", (dialect) => {
  const h = useHarness(dialect);
  let owner: Member & { organizationId: string };
  let outsider: Member & { organizationId: string };

  beforeAll(async () => {
    owner = await founder(h.app, "Olivia Owner");
    outsider = await founder(h.app, "Xena Outsider");
  });

  /** `teamUnder`'s people, and Rita reporting to Pat. */
  async function team() {
    const people = await teamUnder(h.app, owner);
    const rita = await invite(h.app, owner, "Rita Report", { managerId: people.pat.id });
    return { ...people, rita };
  }

  const inboxCount = async (person: Member) =>
    (await h.ctx.db.selectFrom("inbox_entry").select("id").where("person_id", "=", person.id).execute())
      .length;

  describe("progress", () => {
    it("counts done tasks out of all linked ones under completing, dropping, reopening and moving between goals", async () => {
      const { manny, sam } = await team();
      const first = await setGoal(sam, sam.id, { title: "First" });
      const second = await setGoal(manny, sam.id, { title: "Second" });
      let a = await addTask(sam, sam.id, { title: "A", goalId: first.id });
      let b = await addTask(manny, sam.id, { title: "B", goalId: first.id });
      let c = await addTask(sam, sam.id, { title: "C", goalId: first.id });
      await addTask(sam, sam.id, { title: "No goal" });
      const both = async () => [await progressOf(sam, first.id), await progressOf(manny, second.id)];
      expect(await both()).toEqual([
        { done: 0, total: 3 },
        { done: 0, total: 0 },
      ]);
      a = await changeTask(sam, a, { state: "done" });
      expect(await progressOf(sam, first.id)).toEqual({ done: 1, total: 3 });
      b = await changeTask(manny, b, { state: "dropped", dropReason: "Not needed" });
      expect(await progressOf(sam, first.id)).toEqual({ done: 1, total: 2 });
      b = await changeTask(sam, b, { state: "open" });
      expect(await progressOf(sam, first.id)).toEqual({ done: 1, total: 3 });
      a = await changeTask(sam, a, { state: "in_progress" });
      expect(await progressOf(sam, first.id)).toEqual({ done: 0, total: 3 });
      a = await changeTask(sam, a, { state: "done" });
      c = await changeTask(manny, c, { goalId: second.id });
      expect(await both()).toEqual([
        { done: 1, total: 2 },
        { done: 0, total: 1 },
      ]);
      a = await changeTask(sam, a, { goalId: second.id });
      expect(await both()).toEqual([
        { done: 0, total: 1 },
        { done: 1, total: 2 },
      ]);
      c = await changeTask(sam, c, { goalId: null });
      expect(c.goalId).toBeNull();
      expect(await both()).toEqual([
        { done: 0, total: 1 },
        { done: 1, total: 1 },
      ]);
      // The list reads the same progress as each goal.
      const listed = await goalsOf(manny, sam.id);
      expect(Object.fromEntries(listed.map((goal) => [goal.title, goal.progress]))).toEqual({
        First: { done: 0, total: 1 },
        Second: { done: 1, total: 1 },
      });
    });

    it("reads a list of goals in as many statements for many goals as for one", async () => {
      const { sam } = await team();
      const statements: string[] = [];
      const executor = h.ctx.db.getExecutor();
      const executeQuery = executor.executeQuery.bind(executor);
      executor.executeQuery = ((query: Parameters<typeof executeQuery>[0]) => {
        statements.push(query.sql);
        return executeQuery(query);
      }) as typeof executor.executeQuery;
      const countWhile = async (work: () => Promise<unknown>) => {
        statements.length = 0;
        await work();
        return statements.filter((sql) => /goal/.test(sql)).length;
      };
      try {
        const one = await setGoal(sam, sam.id, { title: "One" });
        await addTask(sam, sam.id, { goalId: one.id });
        const alone = await countWhile(() => goalsOf(sam, sam.id));
        for (const title of ["Two", "Three", "Four", "Five"]) {
          const goal = await setGoal(sam, sam.id, { title });
          await addTask(sam, sam.id, { goalId: goal.id });
        }
        const many = await countWhile(() => goalsOf(sam, sam.id));
        expect(many).toBe(alone);
        expect((await goalsOf(sam, sam.id)).map((goal) => goal.progress)).toEqual(
          Array.from({ length: 5 }, () => ({ done: 0, total: 1 })),
        );
      } finally {
        executor.executeQuery = executeQuery;
      }
    });
  });

  describe("a task joining a goal", () => {
    it("joins when added or changed by the owner or someone above them, recorded in history and in no inbox", async () => {
      const { manny, sam } = await team();
      const teamGoal = await setGoal(manny, manny.id, { title: "A calm quarter" });
      const samsGoal = await setGoal(sam, sam.id, { title: "Learn the codebase" });
      const added = await addTask(manny, sam.id, { title: "Read the docs", goalId: teamGoal.id });
      expect(added.goalId).toBe(teamGoal.id);
      expect(await taskOf(sam, added.id)).toMatchObject({ goalId: teamGoal.id });
      const samsBefore = await inboxCount(sam);
      const moved = await changeTask(manny, added, { goalId: samsGoal.id });
      expect(moved).toMatchObject({ goalId: samsGoal.id, version: added.version + 1 });
      const left = await changeTask(sam, moved, { goalId: null });
      expect(left).toMatchObject({ goalId: null, version: moved.version + 1 });
      // Sending the goal it already has changes nothing.
      expect(await changeTask(sam, left, { goalId: null })).toEqual(left);
      const history = await historyOf(sam, added.id);
      expect(history.filter((entry) => entry.kind === "goal_changed")).toEqual([
        {
          at: expect.any(String),
          actorId: manny.id,
          kind: "goal_changed",
          from: teamGoal.id,
          to: samsGoal.id,
        },
        { at: expect.any(String), actorId: sam.id, kind: "goal_changed", from: samsGoal.id, to: null },
      ]);
      // A goal change is calm: Sam hears of no change Manny made to the goal.
      expect(await inboxCount(sam)).toBe(samsBefore);
    });

    it("refuses a goal the caller cannot see exactly like one that does not exist: 422, nothing written", async () => {
      const { manny, sam, pat, bo } = await team();
      const task = await addTask(sam, sam.id, { title: "Mine" });
      const unseen = [
        (await setGoal(pat, pat.id)).id,
        (await setGoal(bo, bo.id)).id,
        (await setGoal(outsider, outsider.id)).id,
        "no-such-goal",
      ];
      await setGoal(manny, manny.id);
      const before = await goalRows(h);
      const answers = [];
      for (const goalId of unseen) {
        answers.push(await sam.client.post(`/api/v1/people/${sam.id}/tasks`, { title: "Joined", goalId }));
        answers.push(await patchTask(sam, task.id, { version: task.version, goalId }));
      }
      const problems = answers.map((answer) => expectProblem(answer, 422, "goalId"));
      for (const problem of problems) expect(problem).toEqual(problems[0]);
      expect(await goalRows(h)).toEqual(before);
    });

    it("refuses a task of another plate joined to a goal its owner cannot see: 422, nothing written", async () => {
      const { manny, sam, rita } = await team();
      // Manny sees Rita's goal (she reports to Pat, who reports to him); Sam does not.
      const ritasGoal = await setGoal(rita, rita.id, { title: "Rita's" });
      const samsTask = await addTask(manny, sam.id, { title: "For Sam" });
      const before = await goalRows(h);
      const answers = [
        await manny.client.post(`/api/v1/people/${sam.id}/tasks`, { title: "Joined", goalId: ritasGoal.id }),
        await patchTask(manny, samsTask.id, { version: samsTask.version, goalId: ritasGoal.id }),
      ];
      for (const answer of answers) {
        expect(expectProblem(answer, 422, "goalId").detail).toMatch(/goal its owner cannot see/);
      }
      expect(await goalRows(h)).toEqual(before);
      // On Rita's own plate it joins.
      expect((await addTask(manny, rita.id, { goalId: ritasGoal.id })).goalId).toBe(ritasGoal.id);
    });

    it("lets only who may manage the task change its goal: an asker outside the chain gets 403", async () => {
      const { manny, sam, pat } = await team();
      const teamGoal = await setGoal(manny, manny.id);
      const before = await goalRows(h);
      expectProblem(
        await pat.client.post(`/api/v1/people/${sam.id}/tasks`, { title: "Asked", goalId: teamGoal.id }),
        403,
      );
      expect(await goalRows(h)).toEqual(before);
      const asked = await addTask(pat, sam.id, { title: "Asked", goalId: null });
      expect(asked).toMatchObject({ state: "triage", goalId: null });
      const anotherGoal = await setGoal(manny, manny.id, { title: "Another" });
      expect((await changeTask(manny, asked, { goalId: teamGoal.id })).goalId).toBe(teamGoal.id);
      const accepted = (await acceptTask(sam, asked.id, { placement: "top" })).body as Task;
      expect(accepted).toMatchObject({ state: "open", goalId: teamGoal.id });
      const unchanged = await goalRows(h);
      for (const goalId of [null, anotherGoal.id]) {
        expectProblem(await patchTask(pat, asked.id, { version: accepted.version, goalId }), 403);
      }
      expect(await goalRows(h)).toEqual(unchanged);
      // The asker may still reword it, and sending its goal as it is changes nothing.
      expect(
        await changeTask(pat, accepted, { title: "Asked, reworded", goalId: teamGoal.id }),
      ).toMatchObject({
        title: "Asked, reworded",
        goalId: teamGoal.id,
      });
    });

    it("keeps version semantics: a stale version is 409 and the goal is not changed", async () => {
      const { sam } = await team();
      const goal = await setGoal(sam, sam.id);
      const task = await addTask(sam, sam.id);
      await changeTask(sam, task, { title: "Renamed" });
      const before = await goalRows(h);
      const problem = expectProblem(
        await patchTask(sam, task.id, { version: task.version, goalId: goal.id }),
        409,
      );
      expect(problem.current).toMatchObject({ title: "Renamed", goalId: null });
      expect(await goalRows(h)).toEqual(before);
    });
  });

  describe("reading tasks by goal", () => {
    it("filters every list of a plate by goal, open tasks keeping their places on the whole plate", async () => {
      const { manny, sam, pat } = await team();
      const goal = await setGoal(sam, sam.id);
      const other = await setGoal(sam, sam.id);
      await addTask(sam, sam.id, { title: "A", goalId: goal.id });
      await addTask(sam, sam.id, { title: "B", goalId: other.id });
      await addTask(sam, sam.id, { title: "C", goalId: goal.id });
      await addTask(sam, sam.id, { title: "D" });
      const done = await addTask(sam, sam.id, { title: "Done", goalId: goal.id });
      await changeTask(sam, done, { state: "done" });
      const finishedElsewhere = await addTask(sam, sam.id, { title: "Done elsewhere" });
      await changeTask(sam, finishedElsewhere, { state: "done" });
      const dropped = await addTask(sam, sam.id, { title: "Dropped", goalId: goal.id });
      h.clock.advance(60_000);
      await changeTask(sam, dropped, { state: "dropped", dropReason: "Moot" });
      const ask = await addTask(pat, sam.id, { title: "Asked" });
      await addTask(pat, sam.id, { title: "Asked, no goal" });
      await changeTask(manny, ask, { goalId: goal.id });

      const open = await plateOf(sam, sam.id, `goalId=${goal.id}`);
      expect(open.items.map((task) => [task.title, task.position])).toEqual([
        ["A", 1],
        ["C", 3],
      ]);
      expect(open.load).toEqual((await plateOf(sam, sam.id)).load);
      expect(titlesOf(await plateOf(manny, sam.id, `state=done&goalId=${goal.id}`))).toEqual(["Done"]);
      expect(titlesOf(await plateOf(sam, sam.id, `state=dropped&goalId=${goal.id}`))).toEqual(["Dropped"]);
      expect(titlesOf(await plateOf(sam, sam.id, `state=triage&goalId=${goal.id}`))).toEqual(["Asked"]);
      expect(titlesOf(await plateOf(sam, sam.id, `state=all&goalId=${goal.id}`))).toEqual([
        "A",
        "C",
        "Asked",
        "Dropped",
        "Done",
      ]);
      expect(titlesOf(await plateOf(sam, sam.id, `goalId=${other.id}`))).toEqual(["B"]);
      expect(titlesOf(await plateOf(sam, sam.id, "goalId=no-such-goal"))).toEqual([]);
      expectProblem(await sam.client.get(`/api/v1/people/${sam.id}/tasks?goalId=not%20an%20id`), 400);
    });

    it("lists a goal's tasks across plates as far as the reader may see them, counting the others", async () => {
      const { manny, sam, pat, bo } = await team();
      const goal = await setGoal(manny, manny.id, { title: "A calm quarter" });
      const step = () => h.clock.advance(60_000);
      const mannys = await addTask(manny, manny.id, { title: "Manny's", goalId: goal.id });
      step();
      await addTask(sam, sam.id, { title: "Sam's first" });
      const samsOpen = await addTask(sam, sam.id, { title: "Sam's open", goalId: goal.id });
      step();
      const samsDone = await changeTask(
        sam,
        await addTask(sam, sam.id, { title: "Sam's done", goalId: goal.id }),
        {
          state: "done",
        },
      );
      step();
      const patsOpen = await addTask(pat, pat.id, { title: "Pat's open", goalId: goal.id });
      step();
      const patsDropped = await changeTask(
        pat,
        await addTask(pat, pat.id, { title: "Pat's dropped", goalId: goal.id }),
        {
          state: "dropped",
          dropReason: "Moot",
        },
      );
      expect(samsOpen.position).toBe(2);

      const byManny = await goalTasksOf(manny, goal.id);
      expect(byManny.items.map((task) => task.title)).toEqual([
        "Pat's open",
        "Sam's open",
        "Manny's",
        "Sam's done",
        "Pat's dropped",
      ]);
      expect(byManny.hidden).toBe(0);
      expect(byManny.items.find((task) => task.id === samsOpen.id)).toEqual(await taskOf(sam, samsOpen.id));
      expect(byManny.items.find((task) => task.id === mannys.id)?.position).toBe(1);
      expect(await goalTasksOf(owner, goal.id)).toEqual(byManny);

      // Sam sees their own plate only; Manny's and Pat's unfinished tasks are counted, Pat's dropped one is not.
      expect(await goalTasksOf(sam, goal.id)).toEqual({
        items: [await taskOf(sam, samsOpen.id), samsDone],
        hidden: 2,
      });
      expect(await goalTasksOf(pat, goal.id)).toEqual({ items: [patsOpen, patsDropped], hidden: 3 });
      expect((await goalOf(sam, goal.id)).progress).toEqual({ done: 1, total: 4 });
      expectProblem(await bo.client.get(`/api/v1/goals/${goal.id}/tasks`), 404);
      expectProblem(await outsider.client.get(`/api/v1/goals/${goal.id}/tasks`), 404);
    });
  });
});
