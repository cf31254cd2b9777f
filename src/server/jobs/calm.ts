import type { AppContext } from "../context";
import { runDigests } from "../digests/run";
import { sweepDues, sweepStale } from "../inbox/sweeps";
import { deliverMail } from "../mail/outbound";
import { deliverWebhooks } from "../webhooks/deliver";
import type { Job } from "./scheduler";

/**
 * The background work of calm-by-default. Each is safe on any number of instances at once: digests
 * are claimed per person and slot, mail is leased, sweep entries exist once per key.
 */
export function calmJobs(ctx: AppContext): Job[] {
  return [
    {
      name: "digests",
      everyMs: 15_000,
      run: async () => {
        const report = await runDigests(ctx);
        if (report.queued > 0) await deliverMail(ctx);
      },
    },
    { name: "mail", everyMs: 10_000, run: async () => void (await deliverMail(ctx)) },
    { name: "webhooks", everyMs: 5_000, run: async () => void (await deliverWebhooks(ctx)) },
    { name: "due-notices", everyMs: 60_000, run: async () => void (await sweepDues(ctx)) },
    { name: "still-needed", everyMs: 15 * 60_000, run: async () => void (await sweepStale(ctx)) },
  ];
}
