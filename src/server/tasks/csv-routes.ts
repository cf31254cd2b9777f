import type { FastifyInstance } from "fastify";
import { IdParams, Problem, problemResponses } from "../../contract/common";
import { PlateQuery } from "../../contract/tasks";
import {
  ImportProblem,
  importMaxBytes,
  importMaxRows,
  TasksImport,
  TasksImportQuery,
} from "../../contract/tasks-import";
import { AppError } from "../../core/errors";
import type { AppContext } from "../context";
import { requireActor } from "../http/request-actor";
import { typed } from "../http/typed";
import { plateCsv } from "./csv-export";
import { importTasks } from "./csv-import";

const tags = ["Tasks"];

const notCsv = () =>
  new AppError("unsupported_media_type", "Send the file as the request body, with Content-Type: text/csv.");

/** A plate out as CSV, and a CSV file of tasks in. */
export function registerTaskCsvRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Declared without the zod type provider: the answer is a file, not JSON checked against a schema.
  app.get<{ Params: { id: string }; Querystring: PlateQuery }>(
    "/people/:id/tasks.csv",
    {
      schema: {
        tags,
        summary: "A person's plate as CSV, one task a row, header first",
        description:
          "The same tasks as `GET /people/{id}/tasks` with the same `state`, `limit` and `goalId`, seen by the same people (404 for others). RFC 4180 with CRLF, UTF-8 with a byte order mark. Columns: Position, Title, State, Due (`YYYY-MM-DD` for a date due, the instant in UTC for a fixed one), Notes, Requester, Requester email, Created, Finished, Drop reason, Id. A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return starts with `'`, so that spreadsheets do not run it; an import takes the quote off again.",
        params: IdParams,
        querystring: PlateQuery,
        response: problemResponses(400, 401, 404),
      },
    },
    async (request, reply) => {
      const csv = await plateCsv(ctx, requireActor(request), request.params.id, request.query);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${csv.filename}"`)
        .header("cache-control", "private, no-store")
        .send(csv.body);
    },
  );

  // Only this route reads CSV bodies, up to its own limit; any other body is a 415.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      "text/csv",
      { parseAs: "buffer", bodyLimit: importMaxBytes },
      (_request, body, done) => done(null, body),
    );
    scope.addContentTypeParser("*", (_request, _payload, done) => done(notCsv(), undefined));
    typed(scope).post(
      "/people/:id/tasks/import",
      {
        bodyLimit: importMaxBytes,
        schema: {
          tags,
          summary: "Import a CSV file of tasks onto a person's plate",
          description: `The body is the file (\`Content-Type: text/csv\`, UTF-8, at most 2 MB and ${importMaxRows.toLocaleString("en")} rows; 415 for another type, 413 past the size). Columns are recognised from the exports of Asana, Todoist, Trello, Jira and Linear and from Docket's own: a title column (Name, Title, Summary, Content, Card Name), a due (Due Date, Due, DATE: \`YYYY-MM-DD\`, an ISO instant with its zone, Jira's \`01/Mar/24 12:00 AM\`, \`15 Mar 2024\`), notes (Notes, Description, Card Description). Rows finished in the tool they came from (completed, resolved, canceled, archived) and Todoist's sections and notes are skipped, and said so. Every task goes to the bottom of the plate in file order, in one transaction. Any bad row (an empty or overlong title, control characters, a due that cannot be read or is not a day of the calendar) is a 422 listing the rows (\`row\` 1 is the first after the header) and nothing is added; so is a file that is not UTF-8, has no title column or too many rows. \`dryRun=true\` answers what would be added and skipped (200, or the same 422) and writes nothing. The owner and their management chain may import (403 for others in the organization).`,
          params: IdParams,
          querystring: TasksImportQuery,
          response: {
            200: TasksImport,
            201: TasksImport,
            ...problemResponses(400, 401, 403, 404, 413),
            415: Problem,
            422: ImportProblem,
          },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (!Buffer.isBuffer(request.body)) throw notCsv();
        const dryRun = request.query.dryRun === "true";
        const answer = await importTasks(ctx, actor, request.params.id, request.body, dryRun);
        return reply.code(dryRun ? 200 : 201).send(answer);
      },
    );
  });
}
