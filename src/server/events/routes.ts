import type { FastifyInstance } from "fastify";
import { problemResponses } from "../../contract/common";
import type { AppContext } from "../context";
import { identify, requireActor } from "../http/request-actor";
import { eventData, type LiveEvent } from "./bus";
import { StreamSlots } from "./stream-slots";

/**
 * `GET /api/v1/events`: a server-sent event stream of the changes the caller may see. Each event
 * says what changed (`task.changed` with the task and its owner); live views re-read what they show.
 */
export function registerEventRoutes(app: FastifyInstance, ctx: AppContext): void {
  const open = new Set<() => void>();
  const slots = new StreamSlots(() => ({
    perPerson: ctx.config.limits.liveStreamsPerPerson,
    perInstance: ctx.config.limits.liveStreamsPerInstance,
  }));
  app.addHook("preClose", async () => {
    for (const end of open) end();
  });

  app.get(
    "/events",
    {
      schema: {
        tags: ["Live updates"],
        summary: "A text/event-stream of changes visible to me",
        description:
          "Each message has `event: task.changed` and `data: {taskId, ownerId, at}`, or, to the two people of a one-on-one, `event: meeting.changed` and `data: {meetingId, seriesId, at}`. A comment line arrives every 20 s; the stream ends when the session or token behind it does. At most 20 streams per person are open at once on one server, and a server holds a bounded number in all (`LIVE_STREAMS_PER_INSTANCE`): beyond either, 429 with `Retry-After`.",
        produces: ["text/event-stream"],
        response: problemResponses(401, 429),
      },
    },
    (request, reply) => {
      const actor = requireActor(request);
      const release = slots.take(actor.id);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        "x-accel-buffering": "no",
        "x-content-type-options": "nosniff",
      });
      raw.write("retry: 2000\n: connected\n\n");
      const forward = (event: LiveEvent) => {
        if (!event.audience.includes(actor.id)) return;
        raw.write(`event: ${event.kind}\ndata: ${JSON.stringify(eventData(event))}\n\n`);
      };
      const unsubscribe = ctx.events.subscribe(forward);
      // Each heartbeat also asks again who is calling: a stream ends with the session or token behind it.
      const heartbeat = setInterval(async () => {
        const still = await identify(ctx, request).then(
          () => request.actor?.id === actor.id,
          () => false,
        );
        if (still) raw.write(": heartbeat\n\n");
        else end();
      }, ctx.config.liveHeartbeatMs);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        release();
        open.delete(end);
        if (!raw.writableEnded) raw.end();
      };
      open.add(end);
      request.raw.on("close", end);
    },
  );
}
