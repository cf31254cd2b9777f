import type { Insertable, Kysely, Transaction } from "kysely";
import { coalescedData, type Notice, type NoticeData } from "../../core/inbox-notices";
import { olderThan, type PageStart } from "../db/pages";
import { precompiled, precompiledInsert } from "../db/precompiled";
import type { Database, InboxEntryTable } from "../db/schema";
import { newId } from "../platform/ids";

type Db = Kysely<Database> | Transaction<Database>;

export type InboxEntryRow = InboxEntryTable & { count: number };

export type NewInboxEntry = Insertable<InboxEntryTable>;

/**
 * Writes notices into their people's inboxes, in the transaction of the change they tell of (see
 * `newEntries`).
 */
export async function addNotices(
  trx: Transaction<Database>,
  notices: readonly Notice[],
  actorId: string,
  at: string,
): Promise<void> {
  // One statement for all the new entries of a change: most changes concern one or two people.
  await inboxEntryInsert.execute(trx, await newEntries(trx, notices, actorId, at));
}

/**
 * The inbox entries notices make, to be written in the transaction of the change they tell of. A
 * notice with a coalescing key joins the person's unread entry with that key that no digest has
 * carried yet, when there is one (written here): it counts one more and moves to `at`.
 */
export async function newEntries(
  trx: Transaction<Database>,
  notices: readonly Notice[],
  actorId: string,
  at: string,
): Promise<NewInboxEntry[]> {
  const fresh: Notice[] = [];
  for (const notice of notices) {
    const key = notice.coalesceKey;
    if (key === null || !(await joinedOpenEntry(trx, { ...notice, coalesceKey: key }, actorId, at))) {
      fresh.push(notice);
    }
  }
  return fresh.map((notice) => ({
    id: newId(),
    person_id: notice.personId,
    kind: notice.kind,
    task_id: notice.taskId,
    request_id: notice.requestId,
    feedback_id: notice.feedbackId ?? null,
    feedback_request_id: notice.feedbackRequestId ?? null,
    actor_id: actorId,
    created_at: at,
    at,
    count: 1,
    data: JSON.stringify(notice.data),
    coalesce_key: notice.coalesceKey,
    dedupe_key: null,
  }));
}

/** The insert of new inbox entries (see `newEntries`). */
export const inboxEntryInsert = precompiledInsert<"inbox_entry", NewInboxEntry>("inbox_entry", [
  "id",
  "person_id",
  "kind",
  "task_id",
  "request_id",
  "feedback_id",
  "feedback_request_id",
  "actor_id",
  "created_at",
  "at",
  "count",
  "data",
  "coalesce_key",
  "dedupe_key",
]);

const openEntry = precompiled<{ personId: string; coalesceKey: string }, { id: string; data: string }>(
  (db, $) =>
    db
      .selectFrom("inbox_entry")
      .select(["id", "data"])
      .where("person_id", "=", $("personId"))
      .where("coalesce_key", "=", $("coalesceKey"))
      .where("digest_id", "is", null)
      .where("read_at", "is", null),
);

// Still open when written: a digest that carried it, or a reader who read it, meanwhile (another
// PostgreSQL connection) leaves it as it was, and the notice becomes an entry of its own.
const joinEntry = precompiled<
  { id: string; at: string; data: string; taskId: string | null; actorId: string },
  { id: string }
>((db, $) =>
  db
    .updateTable("inbox_entry")
    .set((eb) => ({
      at: $("at"),
      count: eb("count", "+", 1),
      data: $("data"),
      task_id: $("taskId"),
      actor_id: $("actorId"),
    }))
    .where("id", "=", $("id"))
    .where("digest_id", "is", null)
    .where("read_at", "is", null)
    .returning("id"),
);

/** Joins the notice to the person's open entry with its coalescing key; false when there is none. */
async function joinedOpenEntry(
  trx: Transaction<Database>,
  notice: Notice & { coalesceKey: string },
  actorId: string,
  at: string,
): Promise<boolean> {
  const open = await openEntry.first(trx, { personId: notice.personId, coalesceKey: notice.coalesceKey });
  if (!open) return false;
  const data = coalescedData(JSON.parse(open.data) as NoticeData, notice.data);
  const joined = await joinEntry.execute(trx, {
    id: open.id,
    at,
    data: JSON.stringify(data),
    taskId: notice.taskId,
    actorId,
  });
  return joined.length > 0;
}

export type SweepEntry = Pick<
  InboxEntryTable,
  "person_id" | "kind" | "task_id" | "actor_id" | "at" | "data"
> & {
  dedupeKey: string;
};

/**
 * A sweep's entries (due soon, overdue, still needed?), in one statement: each is written once per
 * person and key, later tries are ignored. Answers how many were new.
 */
export async function addSweepEntries(db: Db, entries: readonly SweepEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const result = await db
    .insertInto("inbox_entry")
    .values(
      entries.map((entry) => ({
        id: newId(),
        person_id: entry.person_id,
        kind: entry.kind,
        task_id: entry.task_id,
        request_id: null,
        actor_id: entry.actor_id,
        created_at: entry.at,
        at: entry.at,
        count: 1,
        data: entry.data,
        coalesce_key: null,
        dedupe_key: entry.dedupeKey,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["person_id", "dedupe_key"]).where("dedupe_key", "is not", null).doNothing(),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** A person's entries, newest first, a page at a time. */
export async function listEntries(db: Db, personId: string, page: PageStart & { limit: number }) {
  let query = db
    .selectFrom("inbox_entry")
    .selectAll()
    .where("person_id", "=", personId)
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(page.limit);
  const after = olderThan("at", page);
  if (after) query = query.where(after);
  return (await query.execute()) as InboxEntryRow[];
}

export async function unreadCount(db: Db, personId: string): Promise<number> {
  const row = await db
    .selectFrom("inbox_entry")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("person_id", "=", personId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the person's own entries read; ids that are not theirs, or already read, are left as they are. */
export async function markRead(
  db: Db,
  personId: string,
  ids: readonly string[] | "all",
  at: string,
): Promise<void> {
  let query = db
    .updateTable("inbox_entry")
    .set({ read_at: at })
    .where("person_id", "=", personId)
    .where("read_at", "is", null);
  if (ids !== "all") {
    if (ids.length === 0) return;
    query = query.where("id", "in", ids);
  }
  await query.execute();
}
