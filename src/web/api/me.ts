import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { Me, UpdateMe } from "../../contract";
import { apiFetch } from "./client";
import { isApiError } from "./errors";
import { queryKeys } from "./queryKeys";

export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: () => apiFetch<Me>("/api/v1/me"),
  staleTime: 30_000,
});

/** The signed-in person, or `null` when nobody is signed in. */
export async function loadMe(queryClient: QueryClient): Promise<Me | null> {
  try {
    return await queryClient.ensureQueryData(meQuery);
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export function updateMe(input: UpdateMe): Promise<Me> {
  return apiFetch<Me>("/api/v1/me", { method: "PATCH", body: input });
}
