/**
 * The baseline: a bare Fastify route that runs one prepared SELECT of the same plate rows from the
 * same database (SQLite file or PostgreSQL), with no authentication, authorization, validation or
 * response schema. Whatever the real endpoint costs beyond this is Docket's own overhead.
 */
import Database from "better-sqlite3";
import Fastify from "fastify";
import pg from "pg";
import { presentedColumns } from "../src/server/tasks/store";

const [url, port] = [process.env.BENCH_DB ?? "", Number(process.env.PORT ?? 0)];
// The same rows and columns the plate endpoint reads.
const plateSql = `select ${presentedColumns.join(", ")} from task where owner_id = $1 and rank is not null order by rank`;

async function plateReader(): Promise<(ownerId: string) => Promise<unknown[]> | unknown[]> {
  if (url.startsWith("postgres")) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return async (ownerId) => (await pool.query({ name: "plate", text: plateSql, values: [ownerId] })).rows;
  }
  const database = new Database(url, { readonly: true });
  database.pragma("journal_mode = WAL");
  const plate = database.prepare(plateSql.replace("$1", "?"));
  return (ownerId) => plate.all(ownerId);
}

const readPlate = await plateReader();
const app = Fastify();
app.get<{ Params: { id: string } }>("/baseline/people/:id/tasks", async (request) => ({
  items: await readPlate(request.params.id),
}));
await app.listen({ port, host: "127.0.0.1" });
