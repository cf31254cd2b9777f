import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, codeForStatus, errorCodes } from "../../core/errors";
import type { AttemptOutcome } from "../../core/sign-in-limits";
import type { AppContext } from "../context";
import { sendProblem } from "../http/problem";

/** better-auth error codes that are about one field of the form, so the web app can show them there. */
const fieldOfAuthError: Record<string, string> = {
  PASSWORD_TOO_SHORT: "password",
  PASSWORD_TOO_LONG: "password",
  PASSWORD_REFUSED: "password",
  INVALID_PASSWORD: "password",
  INVALID_EMAIL: "email",
  USER_ALREADY_EXISTS: "email",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "email",
};

/** Changing a password names two: the current one (checked) and the new one (held to the policy). */
const fieldOfChangePasswordError: Record<string, string> = {
  ...fieldOfAuthError,
  INVALID_PASSWORD: "currentPassword",
  PASSWORD_TOO_SHORT: "newPassword",
  PASSWORD_TOO_LONG: "newPassword",
  PASSWORD_REFUSED: "newPassword",
};

/**
 * Serves better-auth's standard routes under /api/auth. Sign-in attempts pass through Docket's own
 * failure limit, and better-auth's errors leave as problem+json like every other error.
 */
export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    handler: async (request, reply) => {
      const url = new URL(request.url, ctx.config.baseUrl);
      const handle = () => ctx.auth.handler(toFetchRequest(request, url));
      const checked = await passwordCheckOf(request, url, ctx);
      if (checked === null) return relay(await handle(), reply, url.pathname);
      const { response } = await ctx.signInLimiter.attempt(
        checked.email,
        request.ip,
        async () => {
          const answer = await handle();
          return { response: answer, outcome: await checked.outcomeOf(answer) };
        },
        (result) => result.outcome,
      );
      return relay(response, reply, url.pathname);
    },
  });
}

/** A route that checks a person's password, whose, and how its answer tells a wrong one. */
interface PasswordCheck {
  email: string;
  outcomeOf: (response: Response) => Promise<AttemptOutcome>;
}

/**
 * The better-auth routes that check a password go through the failed sign-in limit: signing in, and
 * changing a password (which checks the current one, so a borrowed session cannot guess it).
 */
async function passwordCheckOf(
  request: FastifyRequest,
  url: URL,
  ctx: AppContext,
): Promise<PasswordCheck | null> {
  if (request.method !== "POST") return null;
  if (url.pathname === "/api/auth/sign-in/email") {
    const body = request.body as { email?: unknown } | undefined;
    return typeof body?.email === "string" ? { email: body.email, outcomeOf: signInOutcome } : null;
  }
  if (url.pathname === "/api/auth/change-password") {
    const session = await ctx.auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
    return session ? { email: session.user.email, outcomeOf: changePasswordOutcome } : null;
  }
  return null;
}

/** A sign-in's 401 is a wrong password; any other refusal (a malformed e-mail, say) checked none. */
async function signInOutcome(response: Response): Promise<AttemptOutcome> {
  if (response.ok) return "right";
  return response.status === 401 ? "wrong" : "unchecked";
}

/** A change of password refused for its current password is a wrong one; any other refusal checked none. */
async function changePasswordOutcome(response: Response): Promise<AttemptOutcome> {
  if (response.ok) return "right";
  if (response.status !== 400) return "unchecked";
  const body = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { code?: unknown };
  return body.code === "INVALID_PASSWORD" ? "wrong" : "unchecked";
}

function toFetchRequest(request: FastifyRequest, url: URL): Request {
  const headers = fromNodeHeaders(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  const hasBody = request.body !== undefined && request.method !== "GET";
  return new Request(url, {
    method: request.method,
    headers,
    body: hasBody ? JSON.stringify(request.body) : undefined,
  });
}

async function relay(response: Response, reply: FastifyReply, pathname: string): Promise<FastifyReply> {
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie" && name !== "content-length") reply.header(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
  const text = await response.text();
  if (response.status >= 400) return sendProblem(reply, authErrorOf(response.status, text, pathname));
  return reply.code(response.status).send(text);
}

function authErrorOf(status: number, text: string, pathname: string): AppError {
  let body: { code?: unknown; message?: unknown; field?: unknown } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the status alone says what happened.
  }
  const field =
    typeof body.field === "string"
      ? body.field
      : typeof body.code === "string"
        ? (pathname === "/api/auth/change-password" ? fieldOfChangePasswordError : fieldOfAuthError)[
            body.code
          ]
        : undefined;
  const code = field && status === 400 ? "validation_failed" : codeForStatus(status);
  const message = typeof body.message === "string" && body.message ? body.message : errorCodes[code].title;
  return new AppError(code, message, field ? { errors: [{ path: field, message }] } : {});
}
