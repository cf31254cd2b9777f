import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { CalendarFeed, CalendarFeedAddress, CalendarFeedParams } from "../../contract/calendar";
import { problemResponses } from "../../contract/common";
import { feedBounds, minutesBeforeDue } from "../../core/calendar-feed";
import type { AppContext } from "../context";
import { requireActor, requireSession } from "../http/request-actor";
import { typed } from "../http/typed";
import { createFeed, feedCalendar, feedStatus, stopFeed } from "./service";

const tags = ["Calendar feed"];

const contents = [
  `Each open or in-progress task of mine with a due (the ${feedBounds.maxTasks} soonest): a date due all day on that date, an instant due as a ${minutesBeforeDue}-minute event ending at it.`,
  `My one-on-ones from ${feedBounds.daysBehind} days back to ${feedBounds.weeksAhead} weeks ahead, at their times and length; skipped ones are left out.`,
  "UIDs stay the same while an item lives, and SEQUENCE grows when it changes. Calendars are asked to read it again every hour.",
].join(" ");

export function registerCalendarRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);

  api.post(
    "/me/calendar",
    {
      schema: {
        tags,
        summary: "Make my calendar address (shown once; a new one replaces the old)",
        description: [
          "The address works without signing in: it is its own credential, so only a digest of its secret is kept and it cannot be shown again.",
          "Making a new one stops the one before at once. Needs a signed-in session: a request made with a token gets 403.",
          contents,
        ].join(" "),
        response: { 201: CalendarFeedAddress, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createFeed(ctx, requireSession(request, "Making a calendar address"))),
  );

  api.get(
    "/me/calendar",
    {
      schema: {
        tags,
        summary: "Whether I have a calendar address, and since when (never the address)",
        response: { 200: CalendarFeed, ...problemResponses(401) },
      },
    },
    (request) => feedStatus(ctx, requireActor(request)),
  );

  api.delete(
    "/me/calendar",
    {
      schema: {
        tags,
        summary: "Stop my calendar feed: its address answers 404 from now on",
        description: "Stopping a feed that is not there is fine (204).",
        response: { 204: z.null(), ...problemResponses(401) },
      },
    },
    async (request, reply) => {
      await stopFeed(ctx, requireActor(request));
      return reply.code(204).send(null);
    },
  );

  // Declared without the zod type provider: the answer is a calendar, not JSON checked against a schema.
  app.get<{ Params: CalendarFeedParams }>(
    "/feeds/:secret.ics",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "A calendar feed (RFC 5545; no sign-in: the address is the credential)",
        description: `${contents} An address that was replaced, stopped or never made is 404, all alike.`,
        params: CalendarFeedParams,
        response: problemResponses(404),
      },
    },
    async (request, reply) => {
      const calendar = await feedCalendar(ctx, request.params.secret);
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("content-disposition", 'inline; filename="docket.ics"')
        .header("cache-control", "private, no-cache")
        .send(calendar);
    },
  );
}
