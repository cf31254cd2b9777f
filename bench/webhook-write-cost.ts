/**
 * What queuing webhook events costs the task write path: the statement a PATCH of a task runs
 * (`updateTask` with its history), timed without an event (A), with its event in an organization
 * that has no endpoints (B: the one probe of `webhook_endpoint_enabled`), and with one endpoint that
 * takes the event (C: a delivery row written too). Rounds alternate A, B, C on one seeded database, each
 * write its own transaction; the figures are the median round's microseconds per write.
 *
 * `tsx bench/webhook-write-cost.ts` (BENCH_ONLY=sqlite|postgres for one dialect, WRITES per round,
 * ROUNDS per variant). Run it with nothing else busy on the machine.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Kysely } from "kysely";
import { openDatabase } from "../src/server/db/connect";
import type { DialectName } from "../src/server/db/dialect";
import { flagValue } from "../src/server/db/dialect";
import { migrateToLatest } from "../src/server/db/migrate";
import type { Database } from "../src/server/db/schema";
import type { TaskRow } from "../src/server/tasks/store";
import { updateTask } from "../src/server/tasks/write-store";
import { maskOf } from "../src/server/webhooks/event-types";
import { taskEvent } from "../src/server/webhooks/task-event";
import { benchDatabase, onEachDialect } from "./databases";

const writes = Number(process.env.WRITES ?? 2000);
const rounds = Number(process.env.ROUNDS ?? 7);
const tasksPerPlate = 100;
const at = "2030-01-07T09:00:00.000Z";

type Variant = "A: no event" | "B: event, no endpoint" | "C: event, one endpoint";

async function seed(db: Kysely<Database>, dialect: DialectName, organizationId: string): Promise<TaskRow[]> {
  const ownerId = `${organizationId}-owner`;
  await db
    .insertInto("organization")
    .values({ id: organizationId, name: organizationId, created_at: at })
    .execute();
  await db
    .insertInto("person")
    .values({
      id: ownerId,
      name: "Owner",
      email: `${ownerId}@bench.test`,
      email_verified: flagValue(dialect, true),
      image: null,
      created_at: at,
      updated_at: at,
      organization_id: organizationId,
      role: "owner",
      manager_id: null,
      title: null,
      away_from: null,
      away_until: null,
    })
    .execute();
  const rows = Array.from({ length: tasksPerPlate }, (_, index) => ({
    id: `${organizationId}-task-${index}`,
    organization_id: organizationId,
    owner_id: ownerId,
    requester_id: ownerId,
    request_id: null,
    title: `Task ${index}`,
    state: "open" as const,
    rank: `a${String(index).padStart(4, "0")}`,
    due_date: null,
    due_at: null,
    urgent: flagValue(dialect, false),
    created_at: at,
    updated_at: at,
  }));
  return db.insertInto("task").values(rows).returningAll().execute();
}

async function round(
  db: Kysely<Database>,
  dialect: DialectName,
  tasks: TaskRow[],
  withEvent: boolean,
  offset: number,
): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < writes; index++) {
    const task = tasks[index % tasks.length] as TaskRow;
    const title = `Task ${offset + index}`;
    await db.transaction().execute(async (trx) => {
      const changes = [{ kind: "retitled" as const, from: task.title, to: title }];
      await updateTask(
        trx,
        task.id,
        { title, updated_at: at },
        {
          dialect,
          history: [
            {
              task_id: task.id,
              actor_id: task.owner_id,
              at,
              kind: "retitled",
              from_value: null,
              to_value: null,
            },
          ],
          entries: [],
          webhooks: withEvent ? [taskEvent({ ...task, title, version: task.version + 1 }, changes, at)] : [],
        },
      );
    });
  }
  return ((performance.now() - started) * 1000) / writes;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function bench(dialect: DialectName, clusterUrl: string | null) {
  const dataDir = mkdtempSync(join(tmpdir(), "docket-webhook-bench-"));
  const url = await benchDatabase(dialect, dataDir, clusterUrl);
  const database = openDatabase(url);
  try {
    await migrateToLatest(database.raw, dialect);
    const { db } = database;
    const plain = await seed(db, dialect, "plain");
    const hooked = await seed(db, dialect, "hooked");
    await db
      .insertInto("webhook_endpoint")
      .values({
        id: "endpoint",
        organization_id: "hooked",
        url: "https://93.184.216.34/hook",
        event_mask: maskOf(["task.updated"]),
        description: "",
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        created_by: null,
        created_at: at,
        updated_at: at,
        failing_since: null,
        disabled_at: null,
        disabled_reason: null,
      })
      .execute();
    const figures: Record<Variant, number[]> = {
      "A: no event": [],
      "B: event, no endpoint": [],
      "C: event, one endpoint": [],
    };
    // A warm-up of each, then the rounds, alternating.
    await round(db, dialect, plain, false, 0);
    await round(db, dialect, plain, true, 0);
    await round(db, dialect, hooked, true, 0);
    for (let index = 1; index <= rounds; index++) {
      figures["A: no event"].push(await round(db, dialect, plain, false, index * writes));
      figures["B: event, no endpoint"].push(await round(db, dialect, plain, true, index * writes));
      figures["C: event, one endpoint"].push(await round(db, dialect, hooked, true, index * writes));
    }
    const a = median(figures["A: no event"]);
    console.log(
      `\n${dialect}: ${writes} writes per round, ${rounds} rounds, µs per write (median round; all rounds)`,
    );
    for (const [variant, values] of Object.entries(figures)) {
      const m = median(values);
      const extra = variant.startsWith("A")
        ? ""
        : `  (${m - a >= 0 ? "+" : ""}${(m - a).toFixed(1)} µs, ${(((m - a) / a) * 100).toFixed(1)} %)`;
      console.log(
        `  ${variant.padEnd(24)} ${m.toFixed(1).padStart(7)}${extra}  [${values.map((v) => v.toFixed(1)).join(", ")}]`,
      );
    }
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await onEachDialect(process.env.BENCH_ONLY as DialectName | undefined, bench);
