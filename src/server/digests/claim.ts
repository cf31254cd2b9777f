import { composeDigest } from "../../core/digest";
import { renderDigest } from "../../core/digest-render";
import { isAwayAt } from "../../core/schedule";
import type { AppContext } from "../context";
import { markDigested, undigestedEntries } from "../inbox/store";
import { enqueueMail } from "../mail/outbound";
import type { PersonRow } from "../people/store";
import { newId } from "../platform/ids";
import { digestFacts } from "./facts";
import { awayPeriodOf, previousDigestWasAway } from "./store";

export type SlotOutcome = "queued" | "empty" | "away" | "taken";

/**
 * Claims one person's digest slot and, when the claim is ours, composes the digest and queues its
 * mail, all in one transaction. The claim is a row unique per person and slot: whichever instance
 * writes it first does the work; every other gets "taken". Entries the digest carries are marked
 * with it, so each entry is in one digest at most. Away at the slot: the slot is recorded, nothing
 * is sent, and the entries wait for the "while you were away" digest.
 */
export async function claimDigestSlot(ctx: AppContext, person: PersonRow, slot: Date): Promise<SlotOutcome> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const digestId = newId();
    const claimed = await trx
      .insertInto("digest")
      .values({
        id: digestId,
        person_id: person.id,
        slot_at: slot.toISOString(),
        status: "empty",
        created_at: nowIso,
      })
      .onConflict((oc) => oc.columns(["person_id", "slot_at"]).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return "taken";
    if (isAwayAt(awayPeriodOf(person), person.time_zone, slot)) {
      await trx.updateTable("digest").set({ status: "away" }).where("id", "=", digestId).execute();
      return "away";
    }
    const entries = await undigestedEntries(trx, person.id, nowIso);
    const awayReturn = await previousDigestWasAway(trx, person.id, slot.toISOString());
    const content = composeDigest(await digestFacts(ctx, trx, person, entries, { now, awayReturn }));
    await markDigested(
      trx,
      entries.map((entry) => entry.id),
      digestId,
    );
    if (content === null) return "empty";
    const mail = renderDigest(content);
    const mailId = await enqueueMail(
      trx,
      {
        organizationId: person.organization_id,
        personId: person.id,
        kind: "digest",
        to: person.email,
        ...mail,
        notBefore: nowIso,
      },
      nowIso,
    );
    await trx
      .updateTable("digest")
      .set({ status: "sent", mail_id: mailId })
      .where("id", "=", digestId)
      .execute();
    return "queued";
  });
}
