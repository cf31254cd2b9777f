import { createHmac, timingSafeEqual } from "node:crypto";

/** What a "still needed?" link does: one action on one task, as one person, while the task is unchanged. */
export interface StillNeededClaim {
  taskId: string;
  personId: string;
  action: "keep" | "drop";
  /** The task's version when the link was made: any change since makes the link spent. */
  version: number;
  /** Seconds since the epoch after which the link no longer works. */
  expires: number;
}

/** How long a link works: a week, enough for a digest read late. */
export const stillNeededLinkLifetimeMs = 7 * 24 * 60 * 60_000;

const separator = ".";

function signature(secret: string, payload: string): string {
  return createHmac("sha256", `still-needed:${secret}`).update(payload).digest("base64url");
}

/** A token for the link: the claim, and an HMAC of it under the server's secret. */
export function signStillNeeded(secret: string, claim: StillNeededClaim): string {
  const payload = Buffer.from(
    JSON.stringify([claim.taskId, claim.personId, claim.action, claim.version, claim.expires]),
  ).toString("base64url");
  return `${payload}${separator}${signature(secret, payload)}`;
}

/** The claim of a genuine, unexpired token; null for anything else. */
export function verifyStillNeeded(secret: string, token: string, now: Date): StillNeededClaim | null {
  const [payload, given, ...rest] = token.split(separator);
  if (!payload || !given || rest.length > 0) return null;
  const expected = Buffer.from(signature(secret, payload));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) return null;
  const [taskId, personId, action, version, expires] = parsed as unknown[];
  if (typeof taskId !== "string" || typeof personId !== "string") return null;
  if (action !== "keep" && action !== "drop") return null;
  if (!Number.isInteger(version) || !Number.isInteger(expires)) return null;
  if ((expires as number) * 1000 <= now.getTime()) return null;
  return { taskId, personId, action, version: version as number, expires: expires as number };
}

export function stillNeededUrls(
  baseUrl: string,
  secret: string,
  claim: Omit<StillNeededClaim, "action" | "expires">,
  now: Date,
): { keepUrl: string; dropUrl: string } {
  const expires = Math.floor((now.getTime() + stillNeededLinkLifetimeMs) / 1000);
  const url = (action: "keep" | "drop") =>
    `${baseUrl}/still-needed/${signStillNeeded(secret, { ...claim, action, expires })}`;
  return { keepUrl: url("keep"), dropUrl: url("drop") };
}
