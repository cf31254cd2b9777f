import { describe, expect, it } from "vitest";
import { afterFailure, disableAfterFailingMs, retryWaitMs, retryWaitsMs } from "./webhook-retries";

const hour = 3_600_000;
const at = (iso: string) => new Date(iso);

describe("retryWaitMs", () => {
  it("follows the Standard Webhooks schedule, then gives up", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryWaitMs)).toEqual([
      5_000,
      5 * 60_000,
      30 * 60_000,
      2 * hour,
      5 * hour,
      10 * hour,
      10 * hour,
    ]);
    expect(retryWaitMs(8)).toBeNull();
    expect(retryWaitMs(50)).toBeNull();
  });

  it("keeps trying for at least 24 hours after the first failure", () => {
    const total = retryWaitsMs.reduce((sum, wait) => sum + wait, 0);
    expect(total).toBeGreaterThanOrEqual(24 * hour);
  });

  it("grows with every failure", () => {
    for (let index = 1; index < retryWaitsMs.length; index++) {
      expect(retryWaitsMs[index]).toBeGreaterThanOrEqual(retryWaitsMs[index - 1] as number);
    }
  });

  it("counts attempts from 1", () => {
    expect(() => retryWaitMs(0)).toThrow(RangeError);
    expect(() => retryWaitMs(1.5)).toThrow(RangeError);
  });
});

describe("afterFailure", () => {
  const start = at("2030-03-01T09:00:00.000Z");

  it("tries again after the next wait of the schedule", () => {
    expect(afterFailure({ attempts: 1, failingSince: start, now: start, endpointDisabled: false })).toEqual({
      nextAttemptAt: at("2030-03-01T09:00:05.000Z"),
      disableEndpoint: false,
    });
    const later = at("2030-03-01T10:00:00.000Z");
    expect(afterFailure({ attempts: 4, failingSince: start, now: later, endpointDisabled: false })).toEqual({
      nextAttemptAt: at("2030-03-01T12:00:00.000Z"),
      disableEndpoint: false,
    });
  });

  it("fails the delivery for good once the schedule is spent", () => {
    const now = at("2030-03-01T20:00:00.000Z");
    expect(afterFailure({ attempts: 8, failingSince: now, now, endpointDisabled: false })).toEqual({
      nextAttemptAt: null,
      disableEndpoint: false,
    });
  });

  it("turns the endpoint off once it has failed for 24 hours, and stops trying", () => {
    const justBefore = new Date(start.getTime() + disableAfterFailingMs - 1);
    expect(
      afterFailure({ attempts: 3, failingSince: start, now: justBefore, endpointDisabled: false }),
    ).toMatchObject({ disableEndpoint: false });
    const dayLater = new Date(start.getTime() + disableAfterFailingMs);
    expect(
      afterFailure({ attempts: 3, failingSince: start, now: dayLater, endpointDisabled: false }),
    ).toEqual({
      nextAttemptAt: null,
      disableEndpoint: true,
    });
  });

  it("never turns off an endpoint twice, nor tries again for one that is off", () => {
    const dayLater = new Date(start.getTime() + 2 * disableAfterFailingMs);
    expect(afterFailure({ attempts: 1, failingSince: start, now: dayLater, endpointDisabled: true })).toEqual(
      {
        nextAttemptAt: null,
        disableEndpoint: false,
      },
    );
    expect(afterFailure({ attempts: 1, failingSince: start, now: start, endpointDisabled: true })).toEqual({
      nextAttemptAt: null,
      disableEndpoint: false,
    });
  });
});
