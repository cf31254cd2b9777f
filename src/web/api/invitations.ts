import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AcceptInvitation,
  CreatedInvitation as CreatedInvitationSchema,
  CreateInvitation,
  Invitation,
  InvitationPreview as InvitationPreviewSchema,
  Me,
} from "../../contract";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

export type CreatedInvitation = z.infer<typeof CreatedInvitationSchema>;
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const invitationsQuery = queryOptions({
  queryKey: queryKeys.invitations,
  queryFn: async () => (await apiFetch<{ items: Invitation[] }>("/api/v1/invitations")).items,
});

export const invitationPreviewQuery = (token: string) =>
  queryOptions({
    queryKey: queryKeys.invitationPreview(token),
    queryFn: () => apiFetch<InvitationPreview>(`/api/v1/invitations/${encodeURIComponent(token)}`),
  });

export function createInvitation(input: CreateInvitation): Promise<CreatedInvitation> {
  return apiFetch<CreatedInvitation>("/api/v1/invitations", { method: "POST", body: input });
}

export function revokeInvitation(id: string): Promise<void> {
  return apiFetch<void>(`/api/v1/invitations/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function acceptInvitation(token: string, input: AcceptInvitation): Promise<Me> {
  return apiFetch<Me>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, {
    method: "POST",
    body: input,
  });
}
