import {
  type CreatedWebhook,
  type CreateWebhook,
  webhooksPerOrganization,
  webhookUrlProblem,
} from "../../contract/webhooks";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import { ruleViolated } from "../../core/errors";
import { recordAudit } from "../audit/record";
import type { AppContext } from "../context";
import { lockOrganization } from "../db/dialect";
import { newId, newSigningSecret } from "../platform/ids";
import { maskOf } from "./event-types";
import { originOf, presentWebhook } from "./present";
import { countEndpoints, insertEndpoint } from "./store";
import { assertReachableTarget } from "./target-check";

/**
 * Makes an endpoint of the caller's organization (owner or admin), with a new signing secret that
 * is answered this once. At most `webhooksPerOrganization` per organization, counted under the
 * organization's lock; audited in the same transaction.
 */
export async function createWebhook(
  ctx: AppContext,
  actor: Actor,
  input: CreateWebhook,
): Promise<CreatedWebhook> {
  requireOrganization(actor);
  authorize(actor, { kind: "webhook.manage", organizationId: actor.organizationId });
  const url = checkedUrl(input.url);
  await assertReachableTarget(ctx.webhooks, url);
  const secret = newSigningSecret();
  const at = ctx.clock.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, ctx.dialect, actor.organizationId);
    if ((await countEndpoints(trx, actor.organizationId)) >= webhooksPerOrganization) {
      throw ruleViolated(
        `An organization has at most ${webhooksPerOrganization} webhooks: delete one you no longer need first.`,
      );
    }
    const created = await insertEndpoint(trx, {
      id: newId(),
      organization_id: actor.organizationId,
      url: url.href,
      event_mask: maskOf(input.events),
      description: input.description ?? "",
      secret,
      created_by: actor.id,
      created_at: at,
      updated_at: at,
      failing_since: null,
      disabled_at: null,
      disabled_reason: null,
    });
    await recordAudit(trx, {
      organizationId: actor.organizationId,
      actorId: actor.id,
      at,
      action: "webhook.created",
      to: {
        id: created.id,
        origin: originOf(created.url),
        events: input.events,
        description: created.description,
      },
    });
    return created;
  });
  return { ...presentWebhook(row), secret };
}

/** The address as given, when it may be an endpoint's: 422 with the reason otherwise. */
function checkedUrl(text: string): URL {
  const problem = webhookUrlProblem(text);
  if (problem) throw ruleViolated(problem, [{ path: "url", message: problem }]);
  return new URL(text);
}
