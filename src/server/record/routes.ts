import type { FastifyInstance } from "fastify";
import { IdParams, listOf, problemResponses } from "../../contract/common";
import { PacketQuery, Record, RecordQuery, TeamRecordEntry } from "../../contract/record";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { PdfRenderer } from "./pdf-renderer";
import { getPacket, getRecord, getTeamRecord } from "./service";

const tags = ["Record"];

const fairness =
  "Dates are local to the person's zone, both inclusive (default: the last 365 days to today); a period of 5 years or more, or `from` after `to`, is a 400. " +
  "A completed task is on time when it finished by the due in force at that moment: changing the due afterwards changes nothing. " +
  "`slips` counts how often the due moved later (or was taken away) before the task finished. A dropped task is never late.";

export function registerRecordRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const pdf = new PdfRenderer();
  app.addHook("onClose", () => pdf.close());

  api.get(
    "/people/:id/record",
    {
      schema: {
        tags,
        summary: "A person's track record: what they finished and dropped in a period, judged fairly",
        description: `Visible to the person and their management chain. ${fairness}`,
        params: IdParams,
        querystring: RecordQuery,
        response: { 200: Record, ...problemResponses(400, 401, 404) },
      },
    },
    (request) => getRecord(ctx, requireActor(request), request.params.id, request.query),
  );

  // Declared without the zod type provider: the answer is a file, not JSON checked against a schema.
  app.get<{ Params: { id: string }; Querystring: PacketQuery }>(
    "/people/:id/record/packet",
    {
      schema: {
        tags,
        summary: "The review packet of a person's record: Markdown, PDF or CSV",
        description:
          "The summary, then every month of the period with equal space, each finished and dropped item with its dates, requester, on-time mark and reason. " +
          `The CSV is one row per item, header first, UTF-8 with a byte order mark. ${fairness}`,
        params: IdParams,
        querystring: PacketQuery,
        response: problemResponses(400, 401, 404),
      },
    },
    async (request, reply) => {
      const packet = await getPacket(ctx, requireActor(request), request.params.id, request.query, pdf);
      return reply
        .header("content-type", packet.contentType)
        .header("content-disposition", `attachment; filename="${packet.filename}"`)
        .header("cache-control", "private, no-store")
        .send(packet.body);
    },
  );

  api.get(
    "/people/:id/team/record",
    {
      schema: {
        tags,
        summary: "Each direct report's record summary for their current quarter, to today",
        description:
          "Each report's quarter is counted in their own zone. Visible to the manager and their chain.",
        params: IdParams,
        response: { 200: listOf(TeamRecordEntry), ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => ({ items: await getTeamRecord(ctx, requireActor(request), request.params.id) }),
  );
}
