import { ruleViolated } from "../../core/errors";
import type { WebhookSettings } from "./settings";
import { hostOf, RefusedTarget, refusedKind, refusedLiteral, resolveAll } from "./target-guard";

/**
 * The check of a new endpoint's host, unless WEBHOOK_ALLOW_PRIVATE: an address literal or a name
 * resolving to an address webhooks may not reach is refused (422). A name that does not resolve yet
 * is accepted: every connection is checked again as it is made.
 */
export async function assertReachableTarget(settings: WebhookSettings, url: URL): Promise<void> {
  if (settings.allowPrivate) return;
  const host = hostOf(url);
  const refused = refusedLiteral(host) ?? (await refusedName(settings, host));
  if (refused) throw ruleViolated(refused.message, [{ path: "url", message: refused.message }]);
}

async function refusedName(settings: WebhookSettings, host: string): Promise<RefusedTarget | null> {
  let addresses: { address: string }[];
  try {
    addresses = await resolveAll(settings.lookup, host);
  } catch {
    return null;
  }
  for (const { address } of addresses) {
    const kind = refusedKind(address);
    if (kind !== null) return new RefusedTarget(host, kind);
  }
  return null;
}
