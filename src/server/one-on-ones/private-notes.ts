import type { PrivateNote } from "../../contract/one-on-ones";
import type { Actor } from "../../core/access";
import { notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { readOwnPrivateNote, writeOwnPrivateNote } from "./private-note-store";
import { meetingFor } from "./read";

/**
 * The actor's own private note on a meeting of theirs (404 until written). Nobody reads another's:
 * the store answers only the note of the person reading.
 */
export async function getPrivateNote(ctx: AppContext, actor: Actor, meetingId: string): Promise<PrivateNote> {
  const { meeting } = await meetingFor(ctx.db, actor, meetingId);
  const note = await readOwnPrivateNote(ctx.db, { meetingId: meeting.id, authorId: actor.id });
  if (!note) throw notFound("Private note");
  return { text: note.text, updatedAt: note.updated_at };
}

/** Writes the actor's own private note on a meeting of theirs. No one else hears of it. */
export async function putPrivateNote(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  text: string,
): Promise<PrivateNote> {
  const at = ctx.clock.now().toISOString();
  const note = await ctx.db.transaction().execute(async (trx) => {
    const { meeting } = await meetingFor(trx, actor, meetingId, "oneOnOne.write");
    return writeOwnPrivateNote(trx, { meetingId: meeting.id, authorId: actor.id }, text, at);
  });
  return { text: note.text, updatedAt: note.updated_at };
}
