import { dueDigestSlot, nextDigestSlot } from "../../core/schedule";
import type { DigestSchedule } from "../../core/schedule-defaults";
import type { AppContext } from "../context";
import type { PersonRow } from "../people/store";
import { claimDigestSlot, type SlotOutcome } from "./claim";
import { peopleDueForDigest, setNextDigestAt } from "./store";

/** A server that was down at a slot still sends that digest when it returns within this window. */
export const digestCatchUpMs = 12 * 60 * 60_000;
/** Stands for "no slot at all" (no digest times or days): never due. */
export const noDigestSlot = "9999-12-31T00:00:00.000Z";
const batchSize = 500;

export type DigestRunReport = Record<SlotOutcome | "failed", number>;

/**
 * The digest job: every person whose next slot has come gets that slot claimed (the latest one
 * within the catch-up window, once), and their next slot worked out. Safe on any number of
 * instances at once: the claim decides who sends.
 */
export async function runDigests(ctx: AppContext): Promise<DigestRunReport> {
  const report: DigestRunReport = { queued: 0, empty: 0, away: 0, taken: 0, failed: 0 };
  const failed: string[] = [];
  for (;;) {
    const now = ctx.clock.now();
    const people = await peopleDueForDigest(ctx.db, now.toISOString(), batchSize, failed);
    for (const person of people) {
      try {
        const outcome = await digestPerson(ctx, person, now);
        if (outcome) report[outcome]++;
      } catch (error) {
        failed.push(person.id);
        report.failed++;
        ctx.log.error({ err: error, personId: person.id }, "digest: could not handle a person's slot");
      }
    }
    if (people.length < batchSize) return report;
  }
}

async function digestPerson(ctx: AppContext, person: PersonRow, now: Date): Promise<SlotOutcome | null> {
  const schedule = JSON.parse(person.digest) as DigestSchedule;
  let outcome: SlotOutcome | null = null;
  // Never worked out yet (a new person): any slot since they joined counts.
  const earliest = person.next_digest_at ?? new Date(person.created_at).toISOString();
  const slot = dueDigestSlot(schedule, person.time_zone, now, digestCatchUpMs);
  if (slot !== null && slot.toISOString() >= earliest) outcome = await claimDigestSlot(ctx, person, slot);
  const next = nextDigestSlot(schedule, person.time_zone, now)?.toISOString() ?? noDigestSlot;
  await setNextDigestAt(ctx.db, person.id, person.next_digest_at, next);
  return outcome;
}

/** A person's next slot from now: what a changed schedule or zone starts from. */
export function nextDigestAt(schedule: DigestSchedule, timeZone: string, now: Date): string {
  return nextDigestSlot(schedule, timeZone, now)?.toISOString() ?? noDigestSlot;
}
