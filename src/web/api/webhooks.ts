import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type {
  CreatedWebhook,
  CreateWebhook,
  DeliveryPage,
  UpdateWebhook,
  Webhook,
  WebhookDelivery,
} from "../../contract";
import { apiFetch } from "./client";
import { queryKeys } from "./queryKeys";

const webhookPath = (id: string) => `/api/v1/webhooks/${encodeURIComponent(id)}`;

/** The organization's endpoints, oldest first (owners and admins). */
export const webhooksQuery = queryOptions({
  queryKey: queryKeys.webhooks,
  queryFn: async () => (await apiFetch<{ items: Webhook[] }>("/api/v1/webhooks")).items,
});

export const DELIVERIES_PAGE_SIZE = 20;

/** One endpoint's deliveries, newest first, a page at a time (`nextCursor` leads to the next). */
export function deliveryPagesQuery(id: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.webhookDeliveries(id),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(DELIVERIES_PAGE_SIZE) });
      if (pageParam) query.set("cursor", pageParam);
      return apiFetch<DeliveryPage>(`${webhookPath(id)}/deliveries?${query}`);
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last): string | undefined => last.nextCursor,
  });
}

/** A new endpoint, with its signing secret: the only time the secret is answered. */
export function createWebhook(body: CreateWebhook): Promise<CreatedWebhook> {
  return apiFetch<CreatedWebhook>("/api/v1/webhooks", { method: "POST", body });
}

/** Changes an endpoint's events or description, or turns it off or on again. */
export function updateWebhook(id: string, body: UpdateWebhook): Promise<Webhook> {
  return apiFetch<Webhook>(webhookPath(id), { method: "PATCH", body });
}

export function deleteWebhook(id: string): Promise<void> {
  return apiFetch<void>(webhookPath(id), { method: "DELETE" });
}

/** Sends a delivery again at once, with the same `webhook-id` (202 with the delivery as it now stands). */
export function sendDeliveryAgain(id: string, deliveryId: string): Promise<WebhookDelivery> {
  return apiFetch<WebhookDelivery>(`${webhookPath(id)}/deliveries/${encodeURIComponent(deliveryId)}/retry`, {
    method: "POST",
  });
}
