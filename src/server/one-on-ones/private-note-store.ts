import type { Kysely, Transaction } from "kysely";
import { precompiled } from "../db/precompiled";
import type { Database } from "../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The only reads of private notes (no other server file names their table). A private note is read
 * by its author alone, so every read of a note names the author and answers that author's note and
 * nothing else: there is no query here, or anywhere, that answers the notes of a meeting or of
 * another person, so no route can pass one on.
 */
export interface NoteKey {
  meetingId: string;
  /** The person reading: the note answered is theirs, or none. */
  authorId: string;
}

const ownNote = precompiled<{ meetingId: string; authorId: string }, { text: string; updated_at: string }>(
  (db, $) =>
    db
      .selectFrom("private_note")
      .select(["text", "updated_at"])
      .where("meeting_id", "=", $("meetingId"))
      .where("author_id", "=", $("authorId")),
);

export async function readOwnPrivateNote(db: Db, key: NoteKey) {
  return ownNote.first(db, key);
}

/** Writes the author's note on a meeting (an empty text keeps an empty note: it was written). */
export async function writeOwnPrivateNote(db: Db, key: NoteKey, text: string, at: string) {
  return db
    .insertInto("private_note")
    .values({ meeting_id: key.meetingId, author_id: key.authorId, text, updated_at: at })
    .onConflict((oc) => oc.columns(["meeting_id", "author_id"]).doUpdateSet({ text, updated_at: at }))
    .returning(["text", "updated_at"])
    .executeTakeFirstOrThrow();
}
