/**
 * When a webhook delivery is tried again, and when an endpoint that keeps failing is turned off.
 * The waits are those of the Standard Webhooks specification: 5 seconds, 5 minutes, 30 minutes,
 * 2 hours, 5 hours, 10 hours and 10 hours, so the last try comes about 27½ hours after the first.
 */

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/** The wait before each try again: the first entry follows the first failed attempt. */
export const retryWaitsMs: readonly number[] = [
  5 * second,
  5 * minute,
  30 * minute,
  2 * hour,
  5 * hour,
  10 * hour,
  10 * hour,
];

/** How long an endpoint may fail without a single success before it is turned off. */
export const disableAfterFailingMs = 24 * hour;

/** The wait before trying again after `attempts` failed ones (counted from 1); null: give up. */
export function retryWaitMs(attempts: number): number | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError("attempts count from 1");
  return retryWaitsMs[attempts - 1] ?? null;
}

export interface FailedAttempt {
  /** Attempts made so far, this one included. */
  attempts: number;
  /** When this run of failures began: the first failure since the endpoint last succeeded. */
  failingSince: Date;
  now: Date;
  /** The endpoint is already turned off (by a person, or by an earlier failure). */
  endpointDisabled: boolean;
}

export interface AfterFailure {
  /** When to try again; null when the delivery has failed for good. */
  nextAttemptAt: Date | null;
  /** This failure turns the endpoint off: it has failed for `disableAfterFailingMs`. */
  disableEndpoint: boolean;
}

/**
 * What follows a failed attempt: the delivery is tried again after the next wait of the schedule,
 * unless the schedule is spent or the endpoint is off; an endpoint failing for 24 hours or more is
 * turned off, and then nothing of it is tried again.
 */
export function afterFailure(attempt: FailedAttempt): AfterFailure {
  const disableEndpoint =
    !attempt.endpointDisabled &&
    attempt.now.getTime() - attempt.failingSince.getTime() >= disableAfterFailingMs;
  if (attempt.endpointDisabled || disableEndpoint) return { nextAttemptAt: null, disableEndpoint };
  const wait = retryWaitMs(attempt.attempts);
  return {
    nextAttemptAt: wait === null ? null : new Date(attempt.now.getTime() + wait),
    disableEndpoint,
  };
}
