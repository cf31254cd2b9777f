import type { FastifyInstance } from "fastify";
import { IdParams, listOf, problemResponses } from "../../contract/common";
import {
  AcceptTask,
  CreateTask,
  DeclineTask,
  HistoryPage,
  HistoryQuery,
  MoveTask,
  Plate,
  PlateQuery,
  Task,
  TeamMember,
  TeamQuery,
  UpdateTask,
} from "../../contract/tasks";
import type { AppContext } from "../context";
import { revalidationOf, sendRevalidated, unchanged } from "../http/entity-tags";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { createTask } from "./create";
import { registerTaskCsvRoutes } from "./csv-routes";
import { acceptTask, declineTask, moveTask } from "./place";
import { getPlate, getTask, getTaskHistory } from "./read";
import { getTeam } from "./team";
import { updateTask } from "./update";

const tags = ["Tasks"];

export function registerTaskRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  registerTaskCsvRoutes(app, ctx);

  api.get(
    "/people/:id/tasks",
    {
      schema: {
        tags,
        summary: "A person's plate: open tasks in priority order (or another state), and its load",
        description:
          "Visible to the person and their management chain. `all` lists open tasks in order, then triage, then finished ones, newest first. Triage comes a page at a time (`limit`, `cursor`, and `nextCursor` when more follow). With `goalId`, every list holds only that goal's tasks (open ones keep their positions on the whole plate); the load is the whole plate's. Answered with an `ETag`: sent back in `If-None-Match`, it gets 304 with no body while the plate shows the same (no change to its tasks, none fallen due, the owner's week not ended).",
        params: IdParams,
        querystring: PlateQuery,
        response: { 200: Plate, 304: unchanged, ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) =>
      sendRevalidated(
        reply,
        await getPlate(ctx, requireActor(request), request.params.id, request.query, revalidationOf(request)),
      ),
  );

  api.post(
    "/people/:id/tasks",
    {
      schema: {
        tags,
        summary: "Add work to a person's plate",
        description:
          "The owner and their management chain place it (default bottom, or top when urgent). Anyone else in the organization puts it in the owner's triage: at most 20 asks a day into one person's triage, 200 into everyone's (429 with `Retry-After` beyond). Only the owner and their management chain give it a `goalId` (403 for others), a goal both they and the owner may see (422 otherwise).",
        params: IdParams,
        body: CreateTask,
        response: { 201: Task, ...problemResponses(400, 401, 403, 404, 422, 429) },
      },
    },
    async (request, reply) => {
      const task = await createTask(ctx, requireActor(request), request.params.id, request.body);
      return reply.code(201).send(task);
    },
  );

  api.get(
    "/people/:id/team",
    {
      schema: {
        tags,
        summary: "A manager's direct reports, each with their load and the top of their plate",
        description:
          "Answered with an `ETag`: sent back in `If-None-Match`, it gets 304 with no body while the view shows the same.",
        params: IdParams,
        querystring: TeamQuery,
        response: { 200: listOf(TeamMember), 304: unchanged, ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const read = await getTeam(
        ctx,
        requireActor(request),
        request.params.id,
        request.query.top,
        revalidationOf(request),
      );
      return sendRevalidated(reply, "body" in read ? { body: { items: read.body }, tag: read.tag } : read);
    },
  );

  api.get(
    "/tasks/:id",
    {
      schema: {
        tags,
        summary: "One task",
        params: IdParams,
        response: { 200: Task, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => getTask(ctx, requireActor(request), request.params.id),
  );

  api.patch(
    "/tasks/:id",
    {
      schema: {
        tags,
        summary: "Change a task's wording, due date, urgency, state or goal",
        description:
          "A stale `version` gets 409 with the current task. Dropping needs `dropReason`. Reopening puts the task at the bottom unless `placement` says otherwise. Only the owner and their management chain change its `goalId` (403 for others), to a goal both they and the owner may see (422 otherwise); `null` leaves the goal.",
        params: IdParams,
        body: UpdateTask,
        response: { 200: Task, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    (request) => updateTask(ctx, requireActor(request), request.params.id, request.body),
  );

  api.post(
    "/tasks/:id/move",
    {
      schema: {
        tags,
        summary: "Reposition an open task on its plate",
        params: IdParams,
        body: MoveTask,
        response: { 200: Task, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    (request) => moveTask(ctx, requireActor(request), request.params.id, request.body),
  );

  api.post(
    "/tasks/:id/accept",
    {
      schema: {
        tags,
        summary: "Accept a triage task onto the plate at a placement",
        params: IdParams,
        body: AcceptTask,
        response: { 200: Task, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    (request) => acceptTask(ctx, requireActor(request), request.params.id, request.body),
  );

  api.post(
    "/tasks/:id/decline",
    {
      schema: {
        tags,
        summary: "Decline a triage task with a reason (it becomes dropped)",
        params: IdParams,
        body: DeclineTask,
        response: { 200: Task, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    (request) => declineTask(ctx, requireActor(request), request.params.id, request.body),
  );

  api.get(
    "/tasks/:id/history",
    {
      schema: {
        tags,
        summary: "Every change of a task, oldest first",
        description:
          "A page at a time (200 entries unless `limit` says otherwise; `nextCursor` when more follow). `created`: `to` is the position it was placed at, or `triage`. `moved`, `accepted`, `reopened`: positions. State changes carry the state they left in `from`; `dropped` and `declined` carry the reason in `to`.",
        params: IdParams,
        querystring: HistoryQuery,
        response: { 200: HistoryPage, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => getTaskHistory(ctx, requireActor(request), request.params.id, request.query),
  );
}
