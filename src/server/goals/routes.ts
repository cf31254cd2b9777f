import type { FastifyInstance } from "fastify";
import { IdParams, problemResponses } from "../../contract/common";
import {
  CheckIn,
  CheckInPage,
  CheckInsQuery,
  CreateCheckIn,
  CreateGoal,
  Goal,
  GoalList,
  GoalsQuery,
  GoalTasks,
  goalTasksLimit,
  UpdateGoal,
} from "../../contract/goals";
import { maxGoalLevels } from "../../core/goals";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { addCheckIn } from "./check-ins";
import { createGoal } from "./create";
import { getGoal, listCheckIns, listGoals, listGoalTasks } from "./read";
import { updateGoal } from "./update";

const tags = ["Goals"];

const visibility =
  "A goal is visible to its owner, everyone above the owner and everyone below the owner (a manager's goals are their team's to see); others get 404.";

export function registerGoalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);

  api.post(
    "/goals",
    {
      schema: {
        tags,
        summary: "Set a goal for a person: yourself, or someone below you",
        description: `By the owner or their management chain (403 for those who only see the owner's goals). \`parentId\` must be a goal you can see (422 otherwise), and a line of goals supporting one another is at most ${maxGoalLevels} goals long (422 beyond).`,
        body: CreateGoal,
        response: { 201: Goal, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createGoal(ctx, requireActor(request), request.body)),
  );

  api.get(
    "/people/:id/goals",
    {
      schema: {
        tags,
        summary: "A person's goals, each with its progress and latest check-in",
        description: `${visibility} 404 when you may see none of this person's goals.`,
        params: IdParams,
        querystring: GoalsQuery,
        response: { 200: GoalList, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => listGoals(ctx, requireActor(request), request.params.id, request.query),
  );

  api.get(
    "/goals/:id",
    {
      schema: {
        tags,
        summary: "One goal, with its progress counted from its tasks and its latest check-in",
        description: visibility,
        params: IdParams,
        response: { 200: Goal, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => getGoal(ctx, requireActor(request), request.params.id),
  );

  api.patch(
    "/goals/:id",
    {
      schema: {
        tags,
        summary: "Change a goal's wording, due date, state or parent",
        description: `By the owner or their management chain. A stale \`version\` gets 409 with the current goal. A parent must be a goal you can see, never the goal itself or one below it, and a line of goals is at most ${maxGoalLevels} long, counting the goals below this one (422 otherwise).`,
        params: IdParams,
        body: UpdateGoal,
        response: { 200: Goal, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    (request) => updateGoal(ctx, requireActor(request), request.params.id, request.body),
  );

  api.post(
    "/goals/:id/check-ins",
    {
      schema: {
        tags,
        summary: "Say how a goal stands: on track, at risk or off track, with a note",
        description: "By the owner or their management chain.",
        params: IdParams,
        body: CreateCheckIn,
        response: { 201: CheckIn, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addCheckIn(ctx, requireActor(request), request.params.id, request.body)),
  );

  api.get(
    "/goals/:id/check-ins",
    {
      schema: {
        tags,
        summary: "A goal's check-ins, newest first",
        description: `${visibility} A page at a time (\`limit\`, \`cursor\`, and \`nextCursor\` when older ones follow).`,
        params: IdParams,
        querystring: CheckInsQuery,
        response: { 200: CheckInPage, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => listCheckIns(ctx, requireActor(request), request.params.id, request.query),
  );

  api.get(
    "/goals/:id/tasks",
    {
      schema: {
        tags,
        summary: "A goal's tasks across plates, as far as you may see them",
        description: `${visibility} Tasks on plates you may see are listed (at most ${goalTasksLimit}); the others are only counted in \`hidden\`.`,
        params: IdParams,
        response: { 200: GoalTasks, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => listGoalTasks(ctx, requireActor(request), request.params.id),
  );
}
