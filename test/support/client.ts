import type { FastifyInstance } from "fastify";
import { baseUrl } from "./harness";

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

type Method = "GET" | "POST" | "PATCH" | "DELETE" | "PUT";

/**
 * Someone calling the API: anonymous, with a session cookie (sending the page Origin as a browser
 * does), or with a bearer token.
 */
export class Client {
  constructor(
    private readonly app: FastifyInstance,
    readonly credentials: { cookie?: string; token?: string } = {},
  ) {}

  /** The same caller, speaking to another instance of the application. */
  on(app: FastifyInstance): Client {
    return new Client(app, this.credentials);
  }

  get = <T = Record<string, unknown>>(path: string) => this.request<T>("GET", path);
  post = <T = Record<string, unknown>>(path: string, body?: unknown) => this.request<T>("POST", path, body);
  patch = <T = Record<string, unknown>>(path: string, body?: unknown) => this.request<T>("PATCH", path, body);
  put = <T = Record<string, unknown>>(path: string, body?: unknown) => this.request<T>("PUT", path, body);
  delete = <T = Record<string, unknown>>(path: string) => this.request<T>("DELETE", path);

  async request<T>(
    method: Method,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const all: Record<string, string> = { origin: baseUrl, ...headers };
    if (this.credentials.cookie) all.cookie = this.credentials.cookie;
    if (this.credentials.token) all.authorization = `Bearer ${this.credentials.token}`;
    const response = await this.app.inject({
      method,
      url: path,
      headers: all,
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    const text = response.body;
    const type = String(response.headers["content-type"] ?? "");
    return {
      status: response.statusCode,
      body: (type.includes("json") && text ? JSON.parse(text) : text) as T,
      headers: response.headers,
    };
  }
}

/** The `name=value` pairs of a response's Set-Cookie headers, ready to send back as a Cookie header. */
export function cookieOf(headers: Answer["headers"]): string {
  const setCookie = headers["set-cookie"];
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : [];
  return list.map((cookie) => cookie.split(";")[0]).join("; ");
}
