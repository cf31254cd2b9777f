import { dueDigestSlot, nextDigestSlot } from "../../core/schedule";
import type { DigestSchedule } from "../../core/schedule-defaults";
import type { AppContext } from "../context";
import type { PersonRow } from "../people/store";
import { claimDigestSlots, type DueSlot, type SlotOutcome } from "./claim";
import { peopleDueForDigest } from "./store";

/** A server that was down at a slot still sends that digest when it returns within this window. */
export const digestCatchUpMs = 12 * 60 * 60_000;
/** Stands for "no slot at all" (no digest times or days): never due. */
export const noDigestSlot = "9999-12-31T00:00:00.000Z";
/** People read per query, and claimed per transaction. */
const pageSize = 1_000;
const batchSize = 100;

export type DigestRunReport = Record<SlotOutcome | "failed", number>;

/**
 * The digest job: every person whose next slot has come gets that slot claimed (the latest one
 * within the catch-up window, once), and their next slot worked out. Safe on any number of
 * instances at once: the claim decides who sends. People are claimed in batches, each one
 * transaction; a batch that fails is taken again one person at a time, so one person's trouble
 * holds up nobody else.
 */
export async function runDigests(ctx: AppContext): Promise<DigestRunReport> {
  const report: DigestRunReport = { queued: 0, empty: 0, away: 0, taken: 0, failed: 0 };
  const failed: string[] = [];
  for (;;) {
    const now = ctx.clock.now();
    const people = await peopleDueForDigest(ctx.db, now.toISOString(), pageSize, failed);
    const due = people.map((person) => dueSlotOf(person, now));
    for (let start = 0; start < due.length; start += batchSize) {
      const batch = due.slice(start, start + batchSize);
      try {
        count(report, await claimDigestSlots(ctx, batch));
      } catch (error) {
        if (batch.length === 1) {
          giveUp(ctx, report, failed, batch[0] as DueSlot, error);
          continue;
        }
        for (const one of batch) {
          try {
            count(report, await claimDigestSlots(ctx, [one]));
          } catch (alone) {
            giveUp(ctx, report, failed, one, alone);
          }
        }
      }
    }
    if (people.length < pageSize) return report;
  }
}

/** Leaves a person for the next run (their next slot did not move), and says why. */
function giveUp(
  ctx: AppContext,
  report: DigestRunReport,
  failed: string[],
  one: DueSlot,
  error: unknown,
): void {
  failed.push(one.person.id);
  report.failed++;
  ctx.log.error({ err: error, personId: one.person.id }, "digest: could not handle a person's slot");
}

function count(report: DigestRunReport, outcomes: readonly SlotOutcome[]): void {
  for (const outcome of outcomes) report[outcome]++;
}

/**
 * The slot of the digest a person gets next, as of `now`: the one due and not claimed yet, else the
 * next one. Null when they have no digests at all.
 */
export function comingDigestSlot(person: PersonRow, now: Date): Date | null {
  const { slot } = dueSlotOf(person, now);
  return slot ?? nextDigestSlot(JSON.parse(person.digest) as DigestSchedule, person.time_zone, now);
}

/** The slot to claim for a person now, if any, and their next one. */
function dueSlotOf(person: PersonRow, now: Date): DueSlot {
  const schedule = JSON.parse(person.digest) as DigestSchedule;
  // Never worked out yet (a new person): any slot since they joined counts.
  const earliest = person.next_digest_at ?? new Date(person.created_at).toISOString();
  const slot = dueDigestSlot(schedule, person.time_zone, now, digestCatchUpMs);
  return {
    person,
    slot: slot !== null && slot.toISOString() >= earliest ? slot : null,
    next: nextDigestAt(schedule, person.time_zone, now),
  };
}

/** A person's next slot from now: what a changed schedule or zone starts from. */
export function nextDigestAt(schedule: DigestSchedule, timeZone: string, now: Date): string {
  return nextDigestSlot(schedule, timeZone, now)?.toISOString() ?? noDigestSlot;
}
