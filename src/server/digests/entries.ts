import { type Kysely, type QueryCreator, type Selectable, sql, type Transaction } from "kysely";
import { sectionShown } from "../../core/digest";
import type { InboxKind } from "../../core/inbox-notices";
import { type DialectName, updatesInWith } from "../db/dialect";
import type { Database, InboxEntryTable } from "../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

const carriedColumns = [
  "id",
  "person_id",
  "kind",
  "task_id",
  "request_id",
  "feedback_request_id",
  "actor_id",
  "at",
  "count",
  "data",
  "read_at",
  "dedupe_key",
] as const;
type Carried = Pick<Selectable<InboxEntryTable>, (typeof carriedColumns)[number]>;
type WithCarried = QueryCreator<Database & { carried: Carried }>;

/** An unread entry a digest lists, and whether it tells of the recipient's own ask (someone else's plate). */
export type ToldEntry = Omit<Carried, "read_at" | "dedupe_key"> & { count: number; asRequester: boolean };

/** The unread entries of one person's kind and side: how many a digest carries, and the changes they hold. */
export interface EntryGroup {
  personId: string;
  kind: InboxKind;
  asRequester: boolean;
  entries: number;
  changes: number;
}

export interface ToldEntries {
  /** Of each person's kind and side, the latest `sectionShown` at most, in the order they happened. */
  listed: ToldEntry[];
  groups: EntryGroup[];
}

/**
 * Marks every entry of these people that no digest has carried yet (read ones too) as carried by
 * their new digest, and answers what those digests tell of them. Whatever is counted is marked, and
 * whatever is marked is counted: nothing is lost and nothing comes twice, however much waits.
 */
export async function carryEntries(
  trx: Transaction<Database>,
  dialect: DialectName,
  digests: readonly { personId: string; digestId: string }[],
  until: string,
): Promise<ToldEntries> {
  if (digests.length === 0) return { listed: [], groups: [] };
  const personIds = digests.map((digest) => digest.personId);
  const digestIds = digests.map((digest) => digest.digestId);
  const mark = (db: QueryCreator<Database>) =>
    db
      .updateTable("inbox_entry")
      .set((eb) => ({
        digest_id: eb
          .selectFrom("digest")
          .select("digest.id")
          .whereRef("digest.person_id", "=", "inbox_entry.person_id")
          .where("digest.id", "in", digestIds),
      }))
      .where("person_id", "in", personIds)
      .where("digest_id", "is", null)
      .where("at", "<=", until);
  if (updatesInWith(dialect)) {
    return told(trx.with("carried", (db) => mark(db).returning(carriedColumns)));
  }
  const result = await told(trx.with("carried", (db) => undigested(db, personIds, until)));
  await mark(trx).execute();
  return result;
}

/** What digests would tell now of these people's entries no digest has carried yet; nothing is marked. */
export async function undigestedEntries(db: Db, personIds: string[], until: string): Promise<ToldEntries> {
  if (personIds.length === 0) return { listed: [], groups: [] };
  return told(db.with("carried", (qc) => undigested(qc, personIds, until)));
}

function undigested(db: QueryCreator<Database>, personIds: string[], until: string) {
  return db
    .selectFrom("inbox_entry")
    .select(carriedColumns)
    .where("person_id", "in", personIds)
    .where("digest_id", "is", null)
    .where("at", "<=", until);
}

const dueKinds: InboxKind[] = ["task.due_soon", "task.overdue"];

/**
 * Of the carried entries, the unread ones a digest tells of, bounded in one query for the whole
 * batch: per person, kind and side, the latest `sectionShown` and how many there are in all. Due news
 * counts only while its task is on the person's plate with a due, earliest due first (the digest asks
 * only whether one of them is due soon or overdue); a "still needed?" question only while its task is
 * open and untouched since it was asked (the sweep names the task's version in the entry's key).
 */
async function told(db: WithCarried): Promise<ToldEntries> {
  const asRequester = sql<number>`case when t.owner_id <> e.person_id then 1 else 0 end`;
  const isDue = sql<boolean>`e.kind in (${sql.join(dueKinds)})`;
  const group = sql`partition by e.person_id, e.kind, ${asRequester}`;
  const first = sql`order by case when ${isDue} then t.due_at end, e.at desc, e.id desc`;
  const dueOnPlate = sql<boolean>`(t.owner_id = e.person_id and t.rank is not null and t.due_at is not null)`;
  const stillAsked = sql<boolean>`(t.state in ('open', 'in_progress')
    and e.dedupe_key = 'task.stale:' || t.id || ':' || cast(t.version as text))`;
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom("carried as e")
        .leftJoin("task as t", "t.id", "e.task_id")
        .select([
          "e.id",
          "e.person_id",
          "e.kind",
          "e.task_id",
          "e.request_id",
          "e.feedback_request_id",
          "e.actor_id",
          "e.at",
          "e.count",
        ])
        .select(["e.data", asRequester.as("as_requester")])
        .select([
          sql<number | string>`row_number() over (${group} ${first})`.as("place"),
          sql<number | string>`count(*) over (${group})`.as("entries"),
          sql<number | string>`sum(e.count) over (${group})`.as("changes"),
        ])
        .where("e.read_at", "is", null)
        .where(sql<boolean>`(not ${isDue} or ${dueOnPlate})`)
        .where(sql<boolean>`(e.kind <> 'task.stale' or ${stillAsked})`)
        .as("ranked"),
    )
    .selectAll()
    .where("place", "<=", sectionShown)
    .orderBy("at")
    .orderBy("id")
    .execute();
  const groups = new Map<string, EntryGroup>();
  const listed: ToldEntry[] = [];
  for (const { as_requester, place: _place, entries, changes, ...row } of rows) {
    const entry = { ...row, count: Number(row.count), asRequester: Number(as_requester) === 1 };
    listed.push(entry);
    const key = `${row.person_id} ${row.kind} ${entry.asRequester}`;
    if (groups.has(key)) continue;
    groups.set(key, {
      personId: row.person_id,
      kind: row.kind as InboxKind,
      asRequester: entry.asRequester,
      entries: Number(entries),
      changes: Number(changes),
    });
  }
  return { listed, groups: [...groups.values()] };
}
