import { sql, type Transaction } from "kysely";
import { composeDigest } from "../../core/digest";
import { renderDigest } from "../../core/digest-render";
import { isAwayAt } from "../../core/schedule";
import type { AppContext } from "../context";
import type { Database } from "../db/schema";
import type { PersonRow } from "../people/store";
import { newId } from "../platform/ids";
import { carryEntries } from "./entries";
import { backFromAway, digestFactsFor } from "./facts";
import { awayPeriodOf } from "./store";

export type SlotOutcome = "queued" | "empty" | "away" | "taken";

export interface DueSlot {
  person: PersonRow;
  /** The slot to claim, or null when none is due (only the next slot moves on). */
  slot: Date | null;
  /** The person's next slot after this run, and the value it replaces (unless someone moved it meanwhile). */
  next: string;
}

/**
 * Claims a batch of people's digest slots and, for each claim that is ours, composes the digest and
 * queues its mail; and moves each person's next slot on. One transaction for the whole batch.
 *
 * The claim is a row unique per person and slot: whichever instance writes it first does the work,
 * every other gets "taken". The entries a digest carries are marked with it, so each entry is in one
 * digest at most. Away at the slot: the slot is recorded, nothing is sent, and the entries wait for
 * the "while you were away" digest. A digest's mail has the digest's id, so a retry is the same mail.
 */
export async function claimDigestSlots(ctx: AppContext, due: readonly DueSlot[]): Promise<SlotOutcome[]> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const wanted = due.flatMap(({ person, slot }) =>
      slot === null
        ? []
        : [
            {
              id: newId(),
              person_id: person.id,
              slot_at: slot.toISOString(),
              status: "empty" as const,
              created_at: nowIso,
            },
          ],
    );
    const claimed =
      wanted.length === 0
        ? []
        : await trx
            .insertInto("digest")
            .values(wanted)
            .onConflict((oc) => oc.columns(["person_id", "slot_at"]).doNothing())
            .returning(["id", "person_id"])
            .execute();
    const digestOf = new Map(claimed.map((row) => [row.person_id, row.id]));
    const outcomes = new Map<string, SlotOutcome>();
    const composing: { person: PersonRow; slot: Date }[] = [];
    for (const { person, slot } of due) {
      if (slot === null) continue;
      if (!digestOf.has(person.id)) outcomes.set(person.id, "taken");
      else if (isAwayAt(awayPeriodOf(person), person.time_zone, slot)) outcomes.set(person.id, "away");
      else composing.push({ person, slot });
    }

    const returning = await backFromAway(
      trx,
      composing.map(({ person }) => person.id),
      claimed.map((row) => row.id),
    );
    // Each entry goes with its person's new digest.
    const told = await carryEntries(
      trx,
      ctx.dialect,
      composing.map(({ person }) => ({ personId: person.id, digestId: digestOf.get(person.id) as string })),
      nowIso,
    );
    const digests = await digestFactsFor(
      ctx,
      trx,
      composing.map(({ person, slot }) => ({ person, slot, awayReturn: returning.has(person.id) })),
      told,
      now,
    );
    const mails = [];
    for (const { person } of composing) {
      const digestId = digestOf.get(person.id) as string;
      const digest = digests.get(person.id);
      const content = digest ? composeDigest(digest) : null;
      if (content === null) {
        outcomes.set(person.id, "empty");
        continue;
      }
      outcomes.set(person.id, "queued");
      mails.push({
        id: digestId,
        organization_id: person.organization_id,
        person_id: person.id,
        kind: "digest" as const,
        task_id: null,
        to_address: person.email,
        ...renderDigest(content),
        created_at: nowIso,
        status: "pending" as const,
        next_attempt_at: nowIso,
      });
    }
    if (mails.length > 0) {
      await trx.insertInto("outbound_mail").values(mails).execute();
      await trx
        .updateTable("digest")
        .set((eb) => ({ status: "sent", mail_id: eb.ref("id") }))
        .where(
          "id",
          "in",
          mails.map((mail) => mail.id),
        )
        .execute();
    }
    const away = due.filter(({ person }) => outcomes.get(person.id) === "away");
    if (away.length > 0) {
      await trx
        .updateTable("digest")
        .set({ status: "away" })
        .where(
          "id",
          "in",
          away.map(({ person }) => digestOf.get(person.id) as string),
        )
        .execute();
    }
    await moveNextSlots(trx, due);
    return due.map(({ person }) => outcomes.get(person.id) ?? "empty");
  });
}

/** Each person's next slot, unless someone else moved it meanwhile (a schedule change, another instance). */
async function moveNextSlots(trx: Transaction<Database>, due: readonly DueSlot[]): Promise<void> {
  if (due.length === 0) return;
  const cases = sql.join(
    due.map(({ person, next }) => {
      const unchanged =
        person.next_digest_at === null
          ? sql`next_digest_at is null`
          : sql`next_digest_at = ${person.next_digest_at}`;
      return sql`when id = ${person.id} and ${unchanged} then ${next}`;
    }),
    sql` `,
  );
  await trx
    .updateTable("person")
    .set({ next_digest_at: sql<string>`case ${cases} else next_digest_at end` })
    .where(
      "id",
      "in",
      due.map(({ person }) => person.id),
    )
    .execute();
}
