/** What the Webhooks page's address says: whose deliveries are open, if any. */
export interface WebhooksSearch {
  deliveries?: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseWebhooksSearch(search: Record<string, unknown>): WebhooksSearch {
  const deliveries = search.deliveries;
  return typeof deliveries === "string" && ID.test(deliveries) ? { deliveries } : {};
}
