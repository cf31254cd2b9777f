import { expect } from "vitest";
import { uniqueEmail } from "../support/factories";
import { checkIn, type Goal, goalOf, setGoal } from "../support/goals";
import { addTask, type Task, taskOf } from "../support/tasks";
import {
  acceptedPeerAsk,
  current,
  freshTask,
  idOf,
  ids,
  ok,
  onPlate,
  type Relation,
  type Row,
  row,
  type World,
} from "./table";

/**
 * Goals are seen up and down the chain: Sam Self's goal by Sam and everyone above them; the goal of
 * Sam's manager also by the manager's team (Sam and Pat Peer), who read it but may not change it.
 */
const readsSams: Relation[] = ["self", "manager", "grand", "owner"];
const readsMannys: Relation[] = ["self", "peer", "manager", "grand", "owner"];

/**
 * Made once per table run and never changed (rows that change a goal or its tasks make their own):
 * a goal of Sam's and one of Sam's manager's, each with a check-in, the manager's with a task on each plate.
 */
const shared = new WeakMap<World, Promise<{ sams: Goal; mannys: Goal; samsTask: Task; mannysTask: Task }>>();
function goals(w: World) {
  let made = shared.get(w);
  if (!made) {
    made = (async () => {
      const sams = await setGoal(w.self, w.self.id, { title: "Sam's goal" });
      const mannys = await setGoal(w.manager, w.manager.id, { title: "The team's goal" });
      await checkIn(w.self, sams.id, { note: "Sam on Sam's goal" });
      await checkIn(w.manager, mannys.id, { note: "Manny on the team's goal" });
      const samsTask = await addTask(w.self, w.self.id, { title: "Sam towards the team", goalId: mannys.id });
      const mannysTask = await addTask(w.manager, w.manager.id, {
        title: "Manny towards the team",
        goalId: mannys.id,
      });
      return {
        sams: await goalOf(w.self, sams.id),
        mannys: await goalOf(w.manager, mannys.id),
        samsTask,
        mannysTask,
      };
    })();
    shared.set(w, made);
  }
  return made;
}

const samsGoal = async (w: World) => (await goals(w)).sams;
const mannysGoal = async (w: World) => (await goals(w)).mannys;
const freshSamsGoal = (w: World) => setGoal(w.self, w.self.id, { title: `Sam's ${uniqueEmail("goal")}` });
const freshMannysGoal = (w: World) =>
  setGoal(w.manager, w.manager.id, { title: `Manny's ${uniqueEmail("goal")}` });
const storedGoals = (w: World, title: string) =>
  w.h.ctx.db.selectFrom("goal").select(["owner_id"]).where("title", "=", title).execute();
const checkInsStored = (w: World, goalId: string) =>
  w.h.ctx.db.selectFrom("goal_check_in").select(["author_id"]).where("goal_id", "=", goalId).execute();

/** Expected answers: `allowed` for those relations, 401 anonymous, `otherwise` for the rest. */
function expecting(allowed: Relation[], status: number, others: Partial<Record<Relation, number>> = {}) {
  const expected = {} as Record<Relation, number>;
  for (const relation of [
    "self",
    "manager",
    "grand",
    "peer",
    "branch",
    "outsider",
    "admin",
    "owner",
  ] as const)
    expected[relation] = allowed.includes(relation) ? status : (others[relation] ?? 404);
  expected.anonymous = 401;
  return expected;
}

const readRows = (
  which: "Sam's" | "Sam's manager's",
  goal: (w: World) => Promise<Goal>,
  readers: Relation[],
) => [
  row({
    route: `GET /people/{id}/goals (${which})`,
    expected: expecting(readers, 200),
    subject: goal,
    call: (client, subject) => client.get(`/api/v1/people/${subject.ownerId}/goals`),
    verify: (answer, subject) => {
      if (ok(answer)) expect(ids(answer)).toContain(subject.id);
    },
  }),
  row({
    route: `GET /goals/{id} (${which})`,
    expected: expecting(readers, 200),
    subject: goal,
    call: (client, subject) => client.get(`/api/v1/goals/${subject.id}`),
    verify: (answer, subject) => {
      if (ok(answer)) expect(answer.body).toEqual(subject);
    },
  }),
  row({
    route: `GET /goals/{id}/check-ins (${which})`,
    expected: expecting(readers, 200),
    subject: goal,
    call: (client, subject) => client.get(`/api/v1/goals/${subject.id}/check-ins`),
    verify: (answer, subject) => {
      if (ok(answer)) expect(answer.body.items).toEqual([subject.latestCheckIn]);
    },
  }),
];

const writeRows = (
  which: "Sam's" | "Sam's manager's",
  fresh: (w: World) => Promise<Goal>,
  writers: Relation[],
) => {
  // Those who read the goal but may not change it are told so; everyone else learns nothing of it.
  const forbidden = Object.fromEntries(
    (which === "Sam's" ? [] : readsMannys.filter((relation) => !writers.includes(relation))).map(
      (relation) => [relation, 403],
    ),
  );
  return [
    row({
      route: `PATCH /goals/{id} (${which})`,
      expected: expecting(writers, 200, forbidden),
      subject: fresh,
      call: (client, subject, relation) =>
        client.patch(`/api/v1/goals/${subject.id}`, { version: subject.version, title: `By ${relation}` }),
      verify: async (answer, subject, relation, w) => {
        const now = await goalOf(w.owner, subject.id);
        expect(now.title).toBe(ok(answer) ? `By ${relation}` : subject.title);
        expect(now.version).toBe(ok(answer) ? subject.version + 1 : subject.version);
      },
    }),
    row({
      route: `POST /goals/{id}/check-ins (${which})`,
      expected: expecting(writers, 201, forbidden),
      subject: fresh,
      call: (client, subject) =>
        client.post(`/api/v1/goals/${subject.id}/check-ins`, { status: "at_risk", note: "How it stands" }),
      verify: async (answer, subject, relation, w) => {
        const stored = await checkInsStored(w, subject.id);
        expect(stored).toEqual(ok(answer) ? [{ author_id: idOf(w, relation) }] : []);
      },
    }),
  ];
};

export const rows: Row<unknown>[] = [
  row({
    route: "POST /goals (for Sam)",
    expected: expecting(readsSams, 201),
    subject: () => `Goal ${uniqueEmail("goal")}`,
    call: (client, title, _, w) => client.post("/api/v1/goals", { ownerId: w.self.id, title }),
    verify: async (answer, title, _, w) => {
      expect(await storedGoals(w, title)).toEqual(ok(answer) ? [{ owner_id: w.self.id }] : []);
    },
  }),
  row({
    route: "POST /goals (for Sam's manager)",
    // Sam and Pat see their manager's goals but may not set them.
    expected: expecting(["manager", "grand", "owner"], 201, { self: 403, peer: 403 }),
    subject: () => `Goal ${uniqueEmail("goal")}`,
    call: (client, title, _, w) => client.post("/api/v1/goals", { ownerId: w.manager.id, title }),
    verify: async (answer, title, _, w) => {
      expect(await storedGoals(w, title)).toEqual(ok(answer) ? [{ owner_id: w.manager.id }] : []);
    },
  }),
  ...readRows("Sam's", samsGoal, readsSams),
  ...readRows("Sam's manager's", mannysGoal, readsMannys),
  ...writeRows("Sam's", freshSamsGoal, readsSams),
  ...writeRows("Sam's manager's", freshMannysGoal, ["manager", "grand", "owner"]),
  row({
    route: "GET /goals/{id}/tasks (Sam's manager's)",
    // Each reader is shown the tasks on the plates they may see; the others are counted.
    expected: expecting(readsMannys, 200),
    subject: goals,
    call: (client, subject) => client.get(`/api/v1/goals/${subject.mannys.id}/tasks`),
    verify: (answer, subject, relation) => {
      if (!ok(answer)) return;
      const listed = {
        self: [subject.samsTask.id],
        peer: [],
        manager: [subject.mannysTask.id, subject.samsTask.id],
        grand: [subject.mannysTask.id, subject.samsTask.id],
        owner: [subject.mannysTask.id, subject.samsTask.id],
      }[relation as "self"];
      expect(ids(answer).sort()).toEqual([...listed].sort());
      expect(answer.body.hidden).toBe(2 - listed.length);
    },
  }),
  row({
    route: "GET /goals/{id}/tasks (Sam's)",
    expected: expecting(readsSams, 200),
    subject: samsGoal,
    call: (client, subject) => client.get(`/api/v1/goals/${subject.id}/tasks`),
    verify: (answer) => {
      if (ok(answer)) expect(answer.body).toEqual({ items: [], hidden: 0 });
    },
  }),
  row({
    route: "GET /people/{id}/tasks?goalId= (Sam's plate, the team's goal)",
    expected: expecting(onPlate, 200),
    subject: goals,
    call: (client, subject, _, w) =>
      client.get(`/api/v1/people/${w.self.id}/tasks?goalId=${subject.mannys.id}`),
    verify: (answer, subject) => {
      if (ok(answer)) expect(ids(answer)).toEqual([subject.samsTask.id]);
    },
  }),
  row({
    route: "POST /people/{id}/tasks goalId (Sam's goal)",
    // Anyone in the organization may ask Sam, but only Sam and their chain join a task to a goal.
    expected: expecting(onPlate, 201, { peer: 403, branch: 403, admin: 403 }),
    subject: async (w) => ({ goal: await freshSamsGoal(w), title: `Joined ${uniqueEmail("task")}` }),
    call: (client, subject, _, w) =>
      client.post(`/api/v1/people/${w.self.id}/tasks`, { title: subject.title, goalId: subject.goal.id }),
    verify: async (answer, subject, _, w) => {
      const stored = await w.h.ctx.db
        .selectFrom("task")
        .select("goal_id")
        .where("title", "=", subject.title)
        .execute();
      expect(stored).toEqual(ok(answer) ? [{ goal_id: subject.goal.id }] : []);
    },
  }),
  row({
    route: "PATCH /tasks/{id} goalId (Sam's task, Sam's goal)",
    expected: expecting(onPlate, 200),
    subject: async (w) => ({ goal: await freshSamsGoal(w), task: await freshTask(w) }),
    call: (client, subject) =>
      client.patch(`/api/v1/tasks/${subject.task.id}`, {
        version: subject.task.version,
        goalId: subject.goal.id,
      }),
    verify: async (answer, subject, _, w) => {
      expect((await current(w, subject.task)).goalId).toBe(ok(answer) ? subject.goal.id : null);
    },
  }),
  row({
    route: "PATCH /tasks/{id} goalId (Pat's ask, the team's goal)",
    // Pat asked for it and may edit it, but may not change the goal it works towards.
    expected: expecting(onPlate, 200, { peer: 403 }),
    subject: async (w) => ({ goal: await freshMannysGoal(w), task: await acceptedPeerAsk(w) }),
    call: (client, subject) =>
      client.patch(`/api/v1/tasks/${subject.task.id}`, {
        version: subject.task.version,
        goalId: subject.goal.id,
      }),
    verify: async (answer, subject, _, w) => {
      expect((await taskOf(w.self, subject.task.id)).goalId).toBe(ok(answer) ? subject.goal.id : null);
    },
  }),
];
