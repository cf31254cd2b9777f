import { toApiError } from "./errors";
import { createRevalidation } from "./revalidation";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions {
  method?: Method;
  body?: unknown;
}

/** GET answers kept for revalidation, by path: the app's views read far fewer addresses than this. */
const revalidation = createRevalidation(100);

/**
 * Forgets every kept answer. Called whenever the session changes (signing in or out, the session
 * ending), so that one person's answers never serve another.
 */
export const forgetKeptAnswers = revalidation.forget;

async function read(response: Response): Promise<unknown> {
  if (response.status === 401) forgetKeptAnswers();
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined;
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/**
 * Calls the API on the same origin with the session cookie. Resolves with the JSON answer
 * (`undefined` for 204) and rejects with an `ApiError` for any non-2xx status. A GET answered with
 * an `ETag` is asked for again with `If-None-Match`, and a 304 resolves with the body kept from before.
 */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const send = (conditional: Record<string, string>) =>
    fetch(path, {
      method,
      credentials: "same-origin",
      // Kept answers live in memory only: the browser's own cache never writes one to disk.
      cache: "no-store",
      headers: { ...headers, ...conditional },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  return (await (method === "GET" ? revalidation.get(path, send, read) : read(await send({})))) as T;
}
