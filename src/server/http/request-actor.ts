import { fromNodeHeaders } from "better-auth/node";
import type { FastifyRequest } from "fastify";
import type { Actor } from "../../core/access";
import { AppError } from "../../core/errors";
import { isTokenExpired } from "../../core/personal-tokens";
import { sessionCookieName, sessionLifetimeSeconds, sessionRefreshSeconds } from "../auth/better-auth";
import { sessionTokenFromCookie } from "../auth/session-cookie";
import { findSessionActor } from "../auth/session-store";
import type { AppContext } from "../context";
import { findActor } from "../people/store";
import { digestSecret } from "../platform/ids";
import { findTokenOwner, touchToken } from "../tokens/store";

declare module "fastify" {
  interface FastifyRequest {
    /** Who is asking: set on every /api/v1 request, null when nobody is signed in. */
    actor: Actor | null;
    /** How they proved it: cookie-authenticated writes must also pass the Origin check. */
    authMethod: "session" | "token" | null;
  }
  interface FastifyContextConfig {
    /** Routes anyone may call without signing in (an invitation link, say). */
    public?: boolean;
  }
}

/** How often a token's `lastUsedAt` is written: once a minute is precise enough and spares the hot path. */
const touchIntervalMs = 60_000;

/** Resolves the caller from `Authorization: Bearer` or the session cookie. A bad bearer token is a 401. */
export async function identify(ctx: AppContext, request: FastifyRequest): Promise<void> {
  request.actor = null;
  request.authMethod = null;
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new AppError("unauthenticated", "Authorization must be 'Bearer <token>'.");
    const owner = await findTokenOwner(ctx.db, digestSecret(match[1]));
    if (!owner) throw new AppError("unauthenticated", "This token is not valid (revoked or mistyped).");
    const now = ctx.clock.now();
    if (isTokenExpired(owner.expiresAt, now))
      throw new AppError("unauthenticated", "This token has expired.");
    if (!owner.lastUsedAt || now.getTime() - Date.parse(owner.lastUsedAt) > touchIntervalMs) {
      await touchToken(ctx.db, owner.tokenId, now.toISOString());
    }
    request.actor = { id: owner.id, organizationId: owner.organizationId, role: owner.role };
    request.authMethod = "token";
    return;
  }
  const cookie = request.headers.cookie;
  if (!cookie) return;
  request.actor =
    (await sessionActorFastPath(ctx, cookie)) ?? (await sessionActorFromBetterAuth(ctx, request));
  request.authMethod = request.actor ? "session" : null;
}

/**
 * A signed session cookie whose session is valid and not yet due for its daily refresh is read
 * with one query. Everything else (refresh due, unknown cookie format, no session) goes to
 * better-auth, which stays the authority on sessions.
 */
async function sessionActorFastPath(ctx: AppContext, cookie: string): Promise<Actor | null> {
  const name = sessionCookieName(ctx.config.https);
  const token = sessionTokenFromCookie(cookie, name, ctx.config.authSecret);
  if (token === null) return null;
  const session = await findSessionActor(ctx.db, token);
  if (!session) return null;
  const expiresAt = Date.parse(session.expiresAt);
  const refreshDueAt = expiresAt - (sessionLifetimeSeconds - sessionRefreshSeconds) * 1000;
  // Real time, not the injected clock: better-auth writes and judges session times by real time.
  const now = Date.now();
  if (now >= expiresAt || now >= refreshDueAt) return null;
  return { id: session.id, organizationId: session.organizationId, role: session.role };
}

async function sessionActorFromBetterAuth(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  const session = await ctx.auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  if (!session) return null;
  return (await findActor(ctx.db, session.user.id)) ?? null;
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A write carried by a session cookie must come from one of our own pages: the browser's Origin
 * header proves it (SameSite cookies are the first line; this is the second).
 */
export function assertTrustedOrigin(ctx: AppContext, request: FastifyRequest): void {
  if (request.authMethod !== "session" || safeMethods.has(request.method)) return;
  const origin = request.headers.origin;
  if (!origin || !ctx.config.trustedOrigins.includes(origin)) {
    throw new AppError("forbidden", "This request did not come from a Docket page (Origin check failed).");
  }
}

/** The signed-in caller, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor)
    throw new AppError("unauthenticated", "Sign in, or send 'Authorization: Bearer <token>'.");
  return request.actor;
}

/**
 * The caller, signed in with a session: for what a personal access token must not do (`what` names
 * it in the 403 a token gets). Nobody signed in is a 401.
 */
export function requireSession(request: FastifyRequest, what: string): Actor {
  const actor = requireActor(request);
  if (request.authMethod !== "session") {
    throw new AppError("forbidden", `${what} needs you signed in: a personal access token cannot do it.`);
  }
  return actor;
}
