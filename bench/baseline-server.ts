/**
 * The baseline: a bare Fastify route that runs one prepared SELECT of the same person row from the
 * same SQLite file, with no authentication, authorization, validation or serialization schema.
 * Whatever the real endpoint costs beyond this is Docket's own overhead.
 */
import Database from "better-sqlite3";
import Fastify from "fastify";

const [file, port] = [process.env.BENCH_DB ?? "", Number(process.env.PORT ?? 0)];
const database = new Database(file, { readonly: true });
database.pragma("journal_mode = WAL");
const person = database.prepare(
  "select id, name, email, organization_id, role, manager_id, title, time_zone, working_hours, digest, away_from, away_until from person where id = ?",
);

const app = Fastify();
app.get<{ Params: { id: string } }>("/baseline/people/:id", (request) => person.get(request.params.id));
await app.listen({ port, host: "127.0.0.1" });
