import type { QueryClient } from "@tanstack/react-query";
import { redirect } from "@tanstack/react-router";
import type { Me } from "../../contract";
import { loadMe } from "../api/me";

/** Only paths of this site are followed after signing in: never `//host` or `/\host`, another origin. */
export function safeRedirect(value: unknown): string | undefined {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : undefined;
}

export async function requireSignedIn(queryClient: QueryClient, returnTo: string): Promise<Me> {
  const me = await loadMe(queryClient);
  if (!me) throw redirect({ to: "/sign-in", search: { redirect: returnTo } });
  return me;
}

export async function requireOrganization(queryClient: QueryClient, returnTo: string): Promise<Me> {
  const me = await requireSignedIn(queryClient, returnTo);
  if (!me.organizationId) throw redirect({ to: "/welcome" });
  return me;
}

export async function requireGuest(queryClient: QueryClient, returnTo: string | undefined): Promise<void> {
  const me = await loadMe(queryClient);
  if (me) throw redirect({ href: returnTo ?? "/" });
}

/** Where "/" leads: one's own plate inside an organization, else the welcome page that makes one. */
export function homePath(me: Pick<Me, "organizationId">): "/plate" | "/welcome" {
  return me.organizationId ? "/plate" : "/welcome";
}

export async function homeFor(queryClient: QueryClient): Promise<never> {
  const me = await requireSignedIn(queryClient, "/");
  throw redirect({ to: homePath(me) });
}
