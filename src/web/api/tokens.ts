import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { ApiToken, CreatedToken as CreatedTokenSchema, CreateToken } from "../../contract";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

export type CreatedToken = z.infer<typeof CreatedTokenSchema>;

export const tokensQuery = queryOptions({
  queryKey: queryKeys.tokens,
  queryFn: async () => (await apiFetch<{ items: ApiToken[] }>("/api/v1/tokens")).items,
});

export function createToken(body: z.input<typeof CreateToken>): Promise<CreatedToken> {
  return apiFetch<CreatedToken>("/api/v1/tokens", { method: "POST", body });
}

export function revokeToken(id: string): Promise<void> {
  return apiFetch<void>(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
}
