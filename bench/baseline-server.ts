/**
 * The baseline: bare Fastify routes that each run one prepared SELECT of the same rows as a Docket
 * endpoint (a plate; a person's finished tasks in a period) from the same database (SQLite file or
 * PostgreSQL), with no authentication, authorization, validation or response schema. Whatever the
 * real endpoint costs beyond this is Docket's own overhead.
 */
import Database from "better-sqlite3";
import Fastify from "fastify";
import pg from "pg";
import { presentedColumns } from "../src/server/tasks/store";

const [url, port] = [process.env.BENCH_DB ?? "", Number(process.env.PORT ?? 0)];
// The same rows and columns the plate endpoint reads.
const plateSql = `select ${presentedColumns.join(", ")} from task where owner_id = $1 and rank is not null order by rank`;
// The same rows and columns a record reads: the person's tasks that became done or dropped in [start, end).
const finishedSql = `select id, title, state, requester_id, request_id, created_at, completed_at, dropped_at, drop_reason, due_date, due_at
  from task where owner_id = $1 and state in ('done', 'dropped')
  and coalesce(completed_at, dropped_at) >= $2 and coalesce(completed_at, dropped_at) < $3`;

type Reader = (...values: string[]) => Promise<unknown[]> | unknown[];

async function readers(): Promise<{ plate: Reader; finished: Reader }> {
  if (url.startsWith("postgres")) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const reader =
      (name: string, text: string): Reader =>
      async (...values) =>
        (await pool.query({ name, text, values })).rows;
    return { plate: reader("plate", plateSql), finished: reader("finished", finishedSql) };
  }
  const database = new Database(url, { readonly: true });
  database.pragma("journal_mode = WAL");
  const reader = (text: string): Reader => {
    const statement = database.prepare(text.replace(/\$\d/g, "?"));
    return (...values) => statement.all(...values);
  };
  return { plate: reader(plateSql), finished: reader(finishedSql) };
}

const read = await readers();
const app = Fastify();
app.get<{ Params: { id: string } }>("/baseline/people/:id/tasks", async (request) => ({
  items: await read.plate(request.params.id),
}));
app.get<{ Params: { id: string }; Querystring: { start: string; end: string } }>(
  "/baseline/people/:id/finished",
  async (request) => ({
    items: await read.finished(request.params.id, request.query.start, request.query.end),
  }),
);
await app.listen({ port, host: "127.0.0.1" });
