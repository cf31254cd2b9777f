import type { FastifyRequest, FastifyServerOptions } from "fastify";

/** What a secret is written as in the log. */
export const redacted = "[redacted]";

/**
 * Paths that carry a credential, each as what is kept (`$1`) and what is not: the link's token, or
 * for feeds everything after the prefix. Matched against a URL's path only.
 */
const secretPaths: RegExp[] = [
  // Invitation links: the preview and accept routes, and the web page they open.
  /^(\/api\/v1\/invitations\/)[^/]+/,
  /^(\/invite\/)[^/]+/,
  // The one-click "still needed?" links of digests.
  /^(\/still-needed\/)[^/]+/,
  // Password-reset links, better-auth's and the web page's.
  /^(\/api\/auth\/reset-password\/)[^/]+/,
  /^(\/reset-password\/)[^/]+/,
  // Calendar feeds: their address is their credential.
  /^(\/api\/v1\/feeds\/).+/,
  /^(.*\/)[^/]+(?=\.ics$)/,
];

/** Query (or fragment) parameters that carry a credential, by name. */
const secretParameter = /^(?:[a-z_]*token|secret|signature|password)$/i;
/**
 * OAuth's parameters, secret everywhere but in Docket's own API, whose `state` is a task's state
 * (`?state=done`) and which takes no OAuth callback.
 */
const oauthParameter = /^(?:code|state)$/i;
const ownApi = /^\/api\/v1\//;

/** Anything in free text that looks like a URL or a path: a whole URL, or a path after a boundary. */
const urlInText = /https?:\/\/[^\s"'<>`]+|(?<=^|[\s"'(<=:,[])\/[^\s"'<>`]*/g;

/** A URL or path with its secret path segments and parameters replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const origin = /^https?:\/\/[^/?#]*/.exec(url)?.[0] ?? "";
  const rest = url.slice(origin.length);
  const [beforeFragment = "", fragment] = splitOnce(rest, "#");
  const [path = "", query] = splitOnce(beforeFragment, "?");
  let safePath = path;
  for (const pattern of secretPaths) safePath = safePath.replace(pattern, `$1${redacted}`);
  const isSecret = (name: string) =>
    secretParameter.test(name) || (!ownApi.test(path) && oauthParameter.test(name));
  return (
    origin +
    safePath +
    (query === undefined ? "" : `?${redactParameters(query, isSecret)}`) +
    (fragment === undefined ? "" : `#${redactParameters(fragment, isSecret)}`)
  );
}

/** Free text (a log message, an error's message or stack) with every URL in it redacted. */
export function redactText(text: string): string {
  return text.replace(urlInText, redactUrl);
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function redactParameters(parameters: string, isSecret: (name: string) => boolean): string {
  return parameters
    .split("&")
    .map((pair) => {
      const at = pair.indexOf("=");
      if (at === -1) return pair;
      return isSecret(safeDecode(pair.slice(0, at))) ? `${pair.slice(0, at + 1)}${redacted}` : pair;
    })
    .join("&");
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Fields whose text is a secret whatever it looks like, wherever a log call or an error carries them
 * (better-auth puts an OAuth `state` in its error's details). Not `code`: errors' codes say what failed.
 */
const secretField = /^(?:[a-z_]*token|secret|signature|password|state)$/i;

/**
 * A value on its way into the log with what it says redacted: text, errors (a copy, of the same
 * kind), and the fields of plain objects and arrays, a few levels deep.
 */
function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (depth > 3 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return redactError(value, depth);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, redactField(key, item, depth + 1)]),
  );
}

function redactField(key: string, value: unknown, depth: number): unknown {
  return typeof value === "string" && secretField.test(key) ? redacted : redactValue(value, depth);
}

function redactError(error: Error, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(error)) as Error;
  for (const key of Object.getOwnPropertyNames(error)) {
    Object.defineProperty(copy, key, {
      value: redactField(key, (error as unknown as Record<string, unknown>)[key], depth + 1),
      enumerable: Object.prototype.propertyIsEnumerable.call(error, key),
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** The request as the log shows it (Fastify's own fields), its URL redacted. */
function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    version: request.headers?.["accept-version"],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

type LoggerOption = FastifyServerOptions["logger"];

/**
 * The application's logger options with every secret kept out of the log: the request's URL, and
 * whatever a log call says (its message, its errors, its fields), pass through the one list above.
 */
export function withRedaction(logger: LoggerOption): LoggerOption {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  return {
    ...options,
    serializers: { ...options.serializers, req: requestForLog as never },
    hooks: {
      ...options.hooks,
      logMethod(args, method) {
        method.apply(this, args.map((arg) => redactValue(arg)) as Parameters<typeof method>);
      },
    },
  };
}
