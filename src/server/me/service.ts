import type { Me, UpdateMe } from "../../contract/me";
import type { Actor } from "../../core/access";
import { notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { nextDigestAt } from "../digests/run";
import { presentMe } from "../people/present";
import { findPerson } from "../people/store";
import { announceRefloated, type Refloated, refloatDueDates } from "../tasks/refloat";

export async function getMe(ctx: AppContext, actor: Actor): Promise<Me> {
  const row = await findPerson(ctx.db, actor.id);
  if (!row) throw notFound("Person");
  return presentMe(row);
}

export async function updateMe(ctx: AppContext, actor: Actor, input: UpdateMe): Promise<Me> {
  const changes: Record<string, string | null> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.timeZone !== undefined) changes.time_zone = input.timeZone;
  if (input.workingHours !== undefined)
    changes.working_hours = JSON.stringify(normalizedDays(input.workingHours));
  if (input.digest !== undefined) changes.digest = JSON.stringify(normalizedDigest(input.digest));
  if (input.away !== undefined) {
    changes.away_from = input.away?.from ?? null;
    changes.away_until = input.away?.until ?? null;
  }
  let refloated: Refloated[] = [];
  if (Object.keys(changes).length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("person")
        .set((eb) => ({
          ...changes,
          updated_at: ctx.clock.now().toISOString(),
          version: eb("version", "+", 1),
        }))
        .where("id", "=", actor.id)
        .execute();
      if (input.timeZone !== undefined) refloated = await refloatDueDates(trx, actor.id, input.timeZone);
      if (input.timeZone !== undefined || input.digest !== undefined) {
        // A new schedule starts from its next slot: slots of the old one are not caught up.
        const row = await findPerson(trx, actor.id);
        if (row) {
          const next = nextDigestAt(JSON.parse(row.digest), row.time_zone, ctx.clock.now());
          await trx.updateTable("person").set({ next_digest_at: next }).where("id", "=", actor.id).execute();
        }
      }
    });
  }
  await announceRefloated(ctx, actor.id, refloated);
  return getMe(ctx, actor);
}

const ascending = (a: number, b: number) => a - b;

function normalizedDays<T extends { days: number[] }>(schedule: T): T {
  return { ...schedule, days: [...schedule.days].sort(ascending) };
}

function normalizedDigest(digest: { times: string[]; days: number[] }) {
  return { times: [...digest.times].sort(), days: [...digest.days].sort(ascending) };
}
