import type { BetterAuthOptions } from "better-auth";
import { isAPIError } from "better-auth/api";
import type { FastifyBaseLogger } from "fastify";

type AuthLevel = "debug" | "info" | "warn" | "error";

/**
 * better-auth's messages about a caller's mistake, which it answers with a 4xx: a wrong password,
 * an unknown address, a foreign origin. Not faults of the server, however better-auth ranks them.
 */
const callerMistakes: RegExp[] = [
  /^Invalid (origin|callbackURL|redirectURL|errorCallbackURL|newUserCallbackURL|redirect URL|password|id token)\b/,
  /^Blocked cross-site navigation/,
  /^(User|Password|Credential account|Username or password|Code|State|OAuth provider|Provider) not found\b/,
  /^Reset Password: User not found/,
  /^Password is too (short|long)/,
  /^Email is the same/,
  /^INVALID_CALLBACK_REQUEST/,
  /^Failed to parse state/,
];

/**
 * The level in Docket's log of a message better-auth logs at `level`: a caller's mistake at info,
 * its warnings at warn and its errors at error, and its advice (info, debug) at debug.
 */
export function levelOfAuthMessage(level: AuthLevel, message: string): AuthLevel {
  if (level === "debug" || level === "info") return "debug";
  if (callerMistakes.some((pattern) => pattern.test(message))) return "info";
  return level;
}

/** better-auth's logger, writing into Docket's log (which decides what is shown) at the levels above. */
export function authLogger(log: FastifyBaseLogger): NonNullable<BetterAuthOptions["logger"]> {
  return {
    // Everything reaches Docket's log, whose level decides what is written.
    level: "debug",
    log: (level, message, ...args) => {
      const err = args.find((arg) => arg instanceof Error);
      const details = args.filter((arg) => arg !== err);
      const fields = { ...(err ? { err } : {}), ...(details.length > 0 ? { details } : {}) };
      log[levelOfAuthMessage(level, String(message))](fields, `better-auth: ${message}`);
    },
  };
}

/**
 * How an error better-auth answers is logged (better-auth would write every one at error level to
 * the console): a refusal it answers with a 4xx at debug, as Docket's own refusals are not logged
 * at all; anything else is a fault, at error.
 */
export function logAuthError(log: FastifyBaseLogger): (error: unknown) => void {
  return (error) => {
    if (isAPIError(error) && error.statusCode < 500) log.debug(`better-auth refused: ${error.message}`);
    else log.error({ err: error }, "better-auth failed");
  };
}
