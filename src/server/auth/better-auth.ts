import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { FastifyBaseLogger } from "fastify";
import type { Kysely } from "kysely";
import type { Clock } from "../../core/clock";
import { passwordLength, passwordProblem } from "../../core/password-policy";
import type { DialectName } from "../db/dialect";
import type { Database } from "../db/schema";
import { newId } from "../platform/ids";
import { authLogger, logAuthError } from "./auth-log";
import { checkedPersonFields, refuseForeignPersonFields } from "./person-fields";
import {
  type AuthHookContext,
  afterRecoveryRoute,
  beforeRecoveryRoute,
  emailVerificationOptions,
  passwordResetOptions,
} from "./recovery-hooks";
import type { RecoveryDeps } from "./recovery-links";

export interface AuthOptions {
  raw: Kysely<Database>;
  /** Docket's own connection (instants as strings), for what account recovery writes. */
  db: Kysely<Database>;
  clock: Clock;
  dialect: DialectName;
  baseUrl: string;
  https: boolean;
  secret: string;
  trustedOrigins: string[];
  log: FastifyBaseLogger;
}

/** A session lasts 30 days from its last refresh, and is refreshed at most once a day. */
export const sessionLifetimeSeconds = 60 * 60 * 24 * 30;
export const sessionRefreshSeconds = 60 * 60 * 24;
const cookiePrefix = "docket";

/** The name of the session cookie better-auth sets (with the `__Secure-` prefix behind https). */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}${cookiePrefix}.session_token`;
}

const timestamps = { createdAt: "created_at", updatedAt: "updated_at" } as const;

/** Where each better-auth route carries a new password, so the policy applies to all of them. */
const passwordFields: Record<string, "password" | "newPassword"> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
  "/set-password": "newPassword",
};

/**
 * better-auth, configured for Docket: its tables are ours (snake_case, `person` is its "user"),
 * sessions live in the database so every instance sees them, and the password policy is enforced
 * on every route that sets a password. Rate limiting of sign-ins is Docket's own (`sign-in-limit.ts`):
 * better-auth's limits per address would stop a whole office signing up together.
 */
export function createAuth(options: AuthOptions) {
  const recovery: RecoveryDeps = {
    db: options.db,
    dialect: options.dialect,
    clock: options.clock,
    baseUrl: options.baseUrl,
    log: options.log,
  };
  return betterAuth({
    appName: "Docket",
    baseURL: options.baseUrl,
    basePath: "/api/auth",
    secret: options.secret,
    trustedOrigins: options.trustedOrigins,
    database: { db: options.raw, type: options.dialect, transaction: true },
    telemetry: { enabled: false },
    logger: authLogger(options.log),
    onAPIError: { onError: logAuthError(options.log) },
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: passwordLength.min,
      maxPasswordLength: passwordLength.max,
      ...passwordResetOptions(recovery),
    },
    emailVerification: emailVerificationOptions(recovery),
    user: {
      modelName: "person",
      fields: { emailVerified: "email_verified", ...timestamps },
    },
    session: {
      modelName: "session",
      fields: {
        userId: "person_id",
        expiresAt: "expires_at",
        ipAddress: "ip_address",
        userAgent: "user_agent",
        ...timestamps,
      },
      expiresIn: sessionLifetimeSeconds,
      updateAge: sessionRefreshSeconds,
    },
    account: {
      modelName: "account",
      fields: {
        accountId: "account_id",
        providerId: "provider_id",
        userId: "person_id",
        accessToken: "access_token",
        refreshToken: "refresh_token",
        idToken: "id_token",
        accessTokenExpiresAt: "access_token_expires_at",
        refreshTokenExpiresAt: "refresh_token_expires_at",
        ...timestamps,
      },
    },
    verification: {
      modelName: "verification",
      fields: { expiresAt: "expires_at", ...timestamps },
      // Reset links are kept as digests: the database holds no usable link.
      storeIdentifier: "hashed",
    },
    advanced: {
      cookiePrefix,
      useSecureCookies: options.https,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      database: { generateId: () => newId() },
    },
    // Every way a person is written through better-auth checks their name like the rest of Docket.
    databaseHooks: {
      user: {
        create: { before: (person) => checkedPersonFields(person) },
        update: { before: (person) => checkedPersonFields(person) },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        refuseForeignPersonFields(ctx.path, ctx.body);
        const recovered = await beforeRecoveryRoute(recovery, ctx);
        refuseWeakPassword(ctx);
        return recovered;
      }),
      after: createAuthMiddleware((ctx) => afterRecoveryRoute(recovery, ctx)),
    },
  });
}

function refuseWeakPassword(ctx: AuthHookContext): void {
  const field = passwordFields[ctx.path];
  if (!field) return;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const password = body[field];
  if (typeof password !== "string") return;
  const email = typeof body.email === "string" ? body.email : (ctx.context.session?.user.email ?? "");
  const name = typeof body.name === "string" ? body.name : undefined;
  const problem = passwordProblem(password, { email, name });
  if (problem) throw new APIError("BAD_REQUEST", { message: problem, code: "PASSWORD_REFUSED" });
}

export type Auth = ReturnType<typeof createAuth>;
