import type { DigestPreview } from "../../contract/inbox";
import type { Actor } from "../../core/access";
import { composeDigest } from "../../core/digest";
import { renderDigest } from "../../core/digest-render";
import { notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { findPerson } from "../people/store";
import { undigestedEntries } from "./entries";
import { backFromAway, digestFactsFor } from "./facts";
import { comingDigestSlot } from "./run";

/**
 * What the caller's next digest would say if it were sent now; nothing is claimed or marked. The
 * one-on-ones it says are coming are those of that next digest's slot.
 */
export async function previewDigest(ctx: AppContext, actor: Actor): Promise<DigestPreview> {
  const person = await findPerson(ctx.db, actor.id);
  if (!person) throw notFound("Person");
  const now = ctx.clock.now();
  const awayReturn = (await backFromAway(ctx.db, [person.id], [])).has(person.id);
  const told = await undigestedEntries(ctx.db, [person.id], now.toISOString());
  const slot = comingDigestSlot(person, now);
  const digest = (await digestFactsFor(ctx, ctx.db, [{ person, awayReturn, slot }], told, now)).get(
    person.id,
  );
  const content = digest ? composeDigest(digest) : null;
  if (content === null) {
    const text = "Nothing new since your last digest: no e-mail would be sent now.";
    return {
      subject: "Nothing new",
      text,
      html: `<!doctype html><html><body><p>${text}</p></body></html>`,
      wouldSend: false,
    };
  }
  return { ...renderDigest(content), wouldSend: true };
}
