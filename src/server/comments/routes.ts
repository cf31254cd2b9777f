import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { Comment, CommentList, CommentsQuery, CreateComment, UpdateComment } from "../../contract/comments";
import { IdParams, problemResponses } from "../../contract/common";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { editComment, removeComment } from "./change";
import { postComment } from "./post";
import { listComments } from "./read";

const tags = ["Comments"];

export function registerCommentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);

  api.get(
    "/tasks/:id/comments",
    {
      schema: {
        tags,
        summary: "A task's comments, oldest first",
        description:
          "Whoever may read the task reads its comments, a page at a time (`limit`, `cursor`, and `nextCursor` when newer ones follow).",
        params: IdParams,
        querystring: CommentsQuery,
        response: { 200: CommentList, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => listComments(ctx, requireActor(request), request.params.id, request.query),
  );

  api.post(
    "/tasks/:id/comments",
    {
      schema: {
        tags,
        summary: "Comment on a task",
        description:
          "Whoever may read the task comments on it, in Markdown. Everyone in `mentionIds` must be able to read the task (422 naming who cannot, and nothing is posted). Those mentioned, the task's owner and requester and earlier commenters hear of it through their inbox and digest, never a message of its own.",
        params: IdParams,
        body: CreateComment,
        response: { 201: Comment, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await postComment(ctx, requireActor(request), request.params.id, request.body)),
  );

  api.patch(
    "/comments/:id",
    {
      schema: {
        tags,
        summary: "Reword a comment: its author only",
        description: "403 for others who see the task; `editedAt` says when it was last reworded.",
        params: IdParams,
        body: UpdateComment,
        response: { 200: Comment, ...problemResponses(400, 401, 403, 404) },
      },
    },
    (request) => editComment(ctx, requireActor(request), request.params.id, request.body),
  );

  api.delete(
    "/comments/:id",
    {
      schema: {
        tags,
        summary: "Delete a comment: its author only",
        description: "The comment is removed outright. 403 for others who see the task.",
        params: IdParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeComment(ctx, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
