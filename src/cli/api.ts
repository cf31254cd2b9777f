import type { z } from "zod";
import { Problem } from "../contract/common";
import type { Credentials } from "./config";
import { failure, ServerProblem } from "./errors";

/** An answer of the API: as the server sent it (what `--json` prints), and parsed by its schema. */
export interface Answer<T> {
  raw: unknown;
  value: T;
}

const timeoutMs = 30_000;

/** Why a connection failed, in a few words, from the error's code. */
function connectionTrouble(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code ?? "";
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "no such host";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "the connection was closed";
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT") return "the connection timed out";
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return "its TLS certificate is not trusted";
  return code ? code : "the connection failed";
}

/** The public HTTP API of one server, called with a personal access token. */
export class Api {
  readonly host: string;

  constructor(private readonly credentials: Credentials) {
    this.host = new URL(credentials.url).host;
  }

  get = <S extends z.ZodType>(path: string, schema: S) => this.call("GET", path, schema);
  post = <S extends z.ZodType>(path: string, schema: S, body: unknown) =>
    this.call("POST", path, schema, body);
  patch = <S extends z.ZodType>(path: string, schema: S, body: unknown) =>
    this.call("PATCH", path, schema, body);

  async call<S extends z.ZodType>(
    method: "GET" | "POST" | "PATCH",
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<Answer<z.output<S>>> {
    const url = new URL(`api/v1/${path}`, `${this.credentials.url}/`);
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.credentials.token}`,
      accept: "application/json",
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if ((error as Error).name === "TimeoutError")
        throw failure(`no answer from ${this.host} within ${timeoutMs / 1000} s`);
      throw failure(`cannot reach ${this.host}: ${connectionTrouble(error)}`);
    }
    const raw = await this.bodyOf(response);
    if (!response.ok) throw this.refusal(response, raw);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
      throw failure(
        `${this.host} answered ${method} /api/v1/${path} in a shape this command line does not know${where}`,
      );
    }
    return { raw, value: parsed.data };
  }

  private async bodyOf(response: Response): Promise<unknown> {
    if (response.status === 204) return null;
    const text = await response.text().catch(() => {
      throw failure(`the answer from ${this.host} was cut off`);
    });
    if (!/json/.test(response.headers.get("content-type") ?? "")) return text;
    try {
      return JSON.parse(text);
    } catch {
      throw failure(`${this.host} answered with JSON that does not parse`);
    }
  }

  private refusal(response: Response, raw: unknown): Error {
    const problem = Problem.safeParse(raw);
    if (problem.success) {
      const { detail, title, status, current } = problem.data;
      return new ServerProblem(detail || title, status, current);
    }
    return new ServerProblem(
      `${this.host} answered ${response.status} ${response.statusText}`.trim(),
      response.status,
      undefined,
    );
  }
}
