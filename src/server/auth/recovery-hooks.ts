import type { BetterAuthOptions } from "better-auth";
import { APIError, type createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { isExpired, resetLinkLifetimeMs, verificationLinkLifetimeSeconds } from "../../core/account-recovery";
import { afterPasswordChange, afterPasswordReset } from "./password-events";
import { mailResetLink, mailVerificationLink, type RecoveryDeps } from "./recovery-links";
import { resetLinkExpiry } from "./reset-links";

/** What a better-auth hook is given. */
export type AuthHookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/**
 * better-auth's password reset, configured for Docket: the link is mailed through the queue, lives an
 * hour by Docket's clock, and setting the new password ends every session of the account.
 */
export function passwordResetOptions(deps: RecoveryDeps) {
  return {
    sendResetPassword: ({ user, token }) => mailResetLink(deps, user, token),
    resetPasswordTokenExpiresIn: resetLinkLifetimeMs / 1000,
    revokeSessionsOnPasswordReset: true,
    onPasswordReset: ({ user }) => afterPasswordReset(deps, user.id),
  } satisfies Partial<NonNullable<BetterAuthOptions["emailAndPassword"]>>;
}

/** better-auth's e-mail verification: a link mailed at sign-up, through the queue; it does not sign in. */
export function emailVerificationOptions(deps: RecoveryDeps) {
  return {
    sendOnSignUp: true,
    sendVerificationEmail: ({ user, token }) => mailVerificationLink(deps, user, token),
    expiresIn: verificationLinkLifetimeSeconds,
    autoSignInAfterVerification: false,
  } satisfies BetterAuthOptions["emailVerification"];
}

/**
 * Before better-auth's recovery routes run: a reset link that is used up or expired is refused with
 * a message that says which; a password change always ends the person's other sessions, whatever the
 * client asked; a confirmation link is sent again only to someone signed in. Answers what better-auth
 * should run the route with, when that changes.
 */
export async function beforeRecoveryRoute(deps: RecoveryDeps, ctx: AuthHookContext) {
  switch (ctx.path) {
    case "/reset-password/:token":
      // Docket's links carry their token in the fragment, for the web page: this route would put it in a URL.
      throw new APIError("NOT_FOUND", { message: "Open the link from the e-mail instead." });
    case "/reset-password":
      await refuseUnusableResetLink(deps, resetTokenOf(ctx));
      return undefined;
    case "/change-password": {
      const body = ctx.body as Record<string, unknown> | undefined;
      if (typeof body !== "object" || body === null) return undefined;
      return { context: { body: { ...body, revokeOtherSessions: true } } };
    }
    case "/send-verification-email":
      if (!(await getSessionFromCtx(ctx))) {
        throw new APIError("UNAUTHORIZED", { message: "Sign in to have the confirmation link sent again." });
      }
      return undefined;
    default:
      return undefined;
  }
}

/** After better-auth's routes: a password changed goes into the audit log. */
export async function afterRecoveryRoute(deps: RecoveryDeps, ctx: AuthHookContext): Promise<void> {
  if (ctx.path !== "/change-password") return;
  const returned = ctx.context.returned;
  if (!returned || isAPIError(returned)) return;
  const personId = (returned as { user?: { id?: unknown } }).user?.id;
  if (typeof personId === "string") await afterPasswordChange(deps, personId);
}

function resetTokenOf(ctx: AuthHookContext): string | undefined {
  const body = ctx.body as { token?: unknown } | undefined;
  const query = ctx.query as { token?: unknown } | undefined;
  const token = body?.token || query?.token;
  return typeof token === "string" && token ? token : undefined;
}

async function refuseUnusableResetLink(deps: RecoveryDeps, token: string | undefined): Promise<void> {
  // Without a token, better-auth answers that one is needed.
  if (token === undefined) return;
  const expiresAt = await resetLinkExpiry(deps.db, token);
  if (!expiresAt) {
    throw new APIError("GONE", {
      code: "RESET_LINK_USED",
      message: "This link has been used already, or it is not a password reset link. Ask for a new one.",
    });
  }
  if (isExpired(expiresAt, deps.clock.now())) {
    throw new APIError("GONE", {
      code: "RESET_LINK_EXPIRED",
      message: "This link has expired: a reset link works for an hour. Ask for a new one.",
    });
  }
}
