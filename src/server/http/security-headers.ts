import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * The hash of the web app's one inline script (src/web/index.html), which sets the color scheme
 * before the first paint: the policy allows that script and no other inline one.
 */
export const COLOR_SCHEME_SCRIPT = "'sha256-XnJ8zkQcolH5DLhUhDCm+HPwNhfEt3ubipxWFZpKLMo='";

const POLICY =
  `default-src 'self'; script-src 'self' ${COLOR_SCHEME_SCRIPT}; style-src 'self' 'unsafe-inline'; ` +
  "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/**
 * Headers every answer carries. The web app's only inline script is allowed by its hash; the API
 * docs page keeps the policy set in `openapi.ts`, which allows its script hashes.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  // A callback hook, not an async one: it runs on every answer, and spares a promise each time.
  app.addHook("onSend", (request, reply, payload, done) => {
    setSecurityHeaders(request, reply, options);
    done(null, payload);
  });
}

/** Also called directly where Fastify answers without running hooks (errors of the router itself). */
export function setSecurityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { https: boolean },
): void {
  reply.header("x-content-type-options", "nosniff");
  reply.header("referrer-policy", "same-origin");
  reply.header("x-frame-options", "DENY");
  if (options.https) reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
  if (!request.url.startsWith("/api/docs") && !reply.hasHeader("content-security-policy")) {
    reply.header("content-security-policy", POLICY);
  }
}
