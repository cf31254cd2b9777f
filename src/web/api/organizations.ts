import { queryOptions } from "@tanstack/react-query";
import type { Organization, UpdateOrganization } from "../../contract";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

export const organizationQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.organization(id),
    queryFn: () => apiFetch<Organization>(`/api/v1/organizations/${encodeURIComponent(id)}`),
    staleTime: 5 * 60_000,
  });

export function createOrganization(name: string): Promise<Organization> {
  return apiFetch<Organization>("/api/v1/organizations", { method: "POST", body: { name } });
}

/** Renames the organization or changes its rules (owner or admin). */
export function updateOrganization(id: string, input: UpdateOrganization): Promise<Organization> {
  return apiFetch<Organization>(`/api/v1/organizations/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body: input,
  });
}
