import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { recoveryLimits, resetAnswerFloorMs } from "../../core/account-recovery";
import { AppError } from "../../core/errors";
import { addressGroup } from "../../core/sign-in-limits";
import type { AppContext } from "../context";
import { countRequest } from "./recovery-counts";

const resetRequestPath = "/api/auth/request-password-reset";

/**
 * "Forgot password?" (better-auth's route) from one address is counted, known e-mail or not, and
 * refused with 429 past its limit; each person also gets only so many links (`recovery-links.ts`).
 * Its answer, whatever it is, leaves no sooner than a fixed delay after the request arrived, so how
 * long it took tells nothing about whether the e-mail has an account.
 */
export function guardResetRequests(app: FastifyInstance, ctx: AppContext): void {
  const arrivals = new WeakMap<FastifyRequest, number>();
  app.addHook("onRequest", async (request) => {
    if (request.method !== "POST" || request.url.split("?")[0] !== resetRequestPath) return;
    arrivals.set(request, performance.now());
    const wait = await countRequest(
      ctx.db,
      `password-reset:${addressGroup(request.ip)}`,
      recoveryLimits.resetRequestsPerAddress,
      ctx.clock.now(),
    );
    if (wait !== null) {
      throw new AppError(
        "too_many_requests",
        `Too many reset links were asked for from this address. Try again in ${wait} seconds.`,
        { retryAfterSeconds: wait },
      );
    }
  });
  app.addHook("onSend", async (request) => {
    const arrived = arrivals.get(request);
    if (arrived === undefined) return;
    const early = resetAnswerFloorMs - (performance.now() - arrived);
    if (early > 0) await sleep(early);
  });
}
