import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { goodPassword, uniqueEmail } from "./factories";

/**
 * Calls a Docket process reached over the network (a child process, or through a load balancer),
 * as a browser or an integration would: sessions, invitations and tokens through the real routes.
 */

/** An answer over the network: its status, its body (parsed when JSON), its headers. */
export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** A report with an API token: who they are, and the headers that call the API as them. */
export interface Report {
  id: string;
  headers: Record<string, string>;
}

export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const answer = await fetch(`${base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await answer.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: answer.status, body: body as T, headers: answer.headers };
}

export function cookieOf(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
}

export async function signUpOwner(
  base: string,
  who: { name: string; organization: string },
): Promise<{ id: string; cookie: string; email: string }> {
  const email = uniqueEmail("owner");
  const signUp = await call<{ user: { id: string } }>(base, "POST", "/api/auth/sign-up/email", {
    headers: { origin: base },
    body: { name: who.name, email, password: goodPassword },
  });
  expect(signUp.status, JSON.stringify(signUp.body)).toBe(200);
  const cookie = cookieOf(signUp.headers);
  const organization = await call(base, "POST", "/api/v1/organizations", {
    headers: { origin: base, cookie },
    body: { name: who.organization },
  });
  expect(organization.status, JSON.stringify(organization.body)).toBe(201);
  return { id: signUp.body.user.id, cookie, email };
}

/** Invites a report of the owner, accepts as them, and gives them an API token. */
export async function makeReport(
  base: string,
  owner: { id: string; cookie: string },
  index: number,
): Promise<Report> {
  const invitation = await call<{ token: string }>(base, "POST", "/api/v1/invitations", {
    headers: { origin: base, cookie: owner.cookie },
    body: { email: uniqueEmail(`report-${index}`), managerId: owner.id },
  });
  expect(invitation.status, JSON.stringify(invitation.body)).toBe(201);
  const accepted = await call<{ id: string }>(
    base,
    "POST",
    `/api/v1/invitations/${invitation.body.token}/accept`,
    { headers: { origin: base }, body: { name: `Report ${index}`, password: goodPassword } },
  );
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  return { id: accepted.body.id, headers: await tokenHeaders(base, cookieOf(accepted.headers)) };
}

export async function signIn(base: string, email: string): Promise<string> {
  const answer = await call(base, "POST", "/api/auth/sign-in/email", {
    headers: { origin: base },
    body: { email, password: goodPassword },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return cookieOf(answer.headers);
}

/** Headers that call the API with a new personal access token of whoever holds `cookie`. */
export async function tokenHeaders(base: string, cookie: string): Promise<Record<string, string>> {
  const created = await call<{ token: string }>(base, "POST", "/api/v1/tokens", {
    headers: { origin: base, cookie },
    body: { name: "load" },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { authorization: `Bearer ${created.body.token}`, "content-type": "application/json" };
}

/** EventStream reads the port of a listening app; here the listener is another process. */
export function listeningOn(port: number): FastifyInstance {
  return { server: { address: () => ({ port }) } } as unknown as FastifyInstance;
}
