import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { IdParams, listOf, problemResponses } from "../../contract/common";
import {
  CreateActionItem,
  CreateSeries,
  CreateTalkingPoint,
  Meeting,
  MeetingPage,
  MeetingsQuery,
  PrivateNote,
  PutPrivateNote,
  Series,
  TalkingPoint,
  UpdateMeeting,
  UpdateSeries,
  UpdateTalkingPoint,
} from "../../contract/one-on-ones";
import { Task } from "../../contract/tasks";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { addActionItem } from "./action-items";
import { changeMeeting } from "./meeting-write";
import { getPrivateNote, putPrivateNote } from "./private-notes";
import { getMeeting, getSeries, listMeetings, listSeries } from "./read";
import { changeSeries, createSeries } from "./series-write";
import { addPoint, changePoint, removePoint } from "./talking-points-write";

const tags = ["One-on-ones"];
const onlyThePair = "Only its two people see it; anyone else, owners and admins included, gets 404.";

export function registerOneOnOneRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);

  api.post(
    "/one-on-ones",
    {
      schema: {
        tags,
        summary: "Set up a one-on-one with another person of my organization",
        description:
          "The cadence's time is local to `timeZone` (default mine) and stays so across DST. The first meeting is created at once; a pair has one going series (409).",
        body: CreateSeries,
        response: { 201: Series, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createSeries(ctx, requireActor(request), request.body)),
  );

  api.get(
    "/one-on-ones",
    {
      schema: {
        tags,
        summary: "My one-on-ones: going ones first, each with its next meeting",
        response: { 200: listOf(Series), ...problemResponses(401, 403) },
      },
    },
    async (request) => ({ items: await listSeries(ctx, requireActor(request)) }),
  );

  api.get(
    "/one-on-ones/:id",
    {
      schema: {
        tags,
        summary: "One of my one-on-ones",
        description: onlyThePair,
        params: IdParams,
        response: { 200: Series, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => getSeries(ctx, requireActor(request), request.params.id),
  );

  api.patch(
    "/one-on-ones/:id",
    {
      schema: {
        tags,
        summary: "Change a one-on-one's cadence or zone from now on, or end it",
        description:
          "Held, skipped and moved meetings stay as they are. Ending keeps every meeting with something written on it.",
        params: IdParams,
        body: UpdateSeries,
        response: { 200: Series, ...problemResponses(400, 401, 404, 422) },
      },
    },
    (request) => changeSeries(ctx, requireActor(request), request.params.id, request.body),
  );

  api.get(
    "/one-on-ones/:id/meetings",
    {
      schema: {
        tags,
        summary: "A one-on-one's meetings: upcoming soonest first, or past (held or skipped) latest first",
        params: IdParams,
        querystring: MeetingsQuery,
        response: { 200: MeetingPage, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => listMeetings(ctx, requireActor(request), request.params.id, request.query),
  );

  api.get(
    "/meetings/:id",
    {
      schema: {
        tags,
        summary: "A meeting: its talking points, shared notes, action items and what the plate says",
        description: onlyThePair,
        params: IdParams,
        response: { 200: Meeting, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => getMeeting(ctx, requireActor(request), request.params.id),
  );

  api.patch(
    "/meetings/:id",
    {
      schema: {
        tags,
        summary: "Move a meeting, write its shared notes, or mark it held or skipped",
        description:
          "Checked against `version` (409 with the meeting as it is now). Marking an upcoming meeting held or skipped carries every point not discussed to the next meeting, once.",
        params: IdParams,
        body: UpdateMeeting,
        response: { 200: Meeting, ...problemResponses(400, 401, 404, 409, 422) },
      },
    },
    (request) => changeMeeting(ctx, requireActor(request), request.params.id, request.body),
  );

  api.post(
    "/meetings/:id/talking-points",
    {
      schema: {
        tags,
        summary: "Add a talking point to an upcoming meeting",
        params: IdParams,
        body: CreateTalkingPoint,
        response: { 201: TalkingPoint, ...problemResponses(400, 401, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addPoint(ctx, requireActor(request), request.params.id, request.body)),
  );

  api.patch(
    "/talking-points/:id",
    {
      schema: {
        tags,
        summary: "Tick, order or reword a talking point",
        description: "Either person may tick or order it; only its author may reword it (403).",
        params: IdParams,
        body: UpdateTalkingPoint,
        response: { 200: TalkingPoint, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    (request) => changePoint(ctx, requireActor(request), request.params.id, request.body),
  );

  api.delete(
    "/talking-points/:id",
    {
      schema: {
        tags,
        summary: "Delete a talking point of an upcoming meeting (its author)",
        params: IdParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      await removePoint(ctx, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.get(
    "/meetings/:id/private-note",
    {
      schema: {
        tags,
        summary: "My private note on a meeting",
        description: "Read by its author alone; 404 until written.",
        params: IdParams,
        response: { 200: PrivateNote, ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const note = await getPrivateNote(ctx, requireActor(request), request.params.id);
      return reply.header("cache-control", "private, no-store").send(note);
    },
  );

  api.put(
    "/meetings/:id/private-note",
    {
      schema: {
        tags,
        summary: "Write my private note on a meeting",
        description:
          "Nobody else reads it: not the other person, not an owner or admin, not any export or e-mail.",
        params: IdParams,
        body: PutPrivateNote,
        response: { 200: PrivateNote, ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const note = await putPrivateNote(ctx, requireActor(request), request.params.id, request.body.text);
      return reply.header("cache-control", "private, no-store").send(note);
    },
  );

  api.post(
    "/meetings/:id/action-items",
    {
      schema: {
        tags,
        summary: "Add an action item: a task on its owner's plate, from this meeting",
        description:
          "Added through the normal add: placed when I may place on that plate, in the owner's triage otherwise (within the daily asks, 429 past them).",
        params: IdParams,
        body: CreateActionItem,
        response: { 201: Task, ...problemResponses(400, 401, 403, 404, 422, 429) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addActionItem(ctx, requireActor(request), request.params.id, request.body)),
  );
}
