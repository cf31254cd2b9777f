import type { AskForFeedback, FeedbackRequest } from "../../contract/feedback";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import { ruleViolated } from "../../core/errors";
import {
  askIssues,
  assertUnderRequestLimit,
  feedbackRequestLimit,
  feedbackRequestNotices,
} from "../../core/feedback";
import type { AppContext } from "../context";
import { lockPlate } from "../db/dialect";
import { addNotices } from "../inbox/store";
import { newId } from "../platform/ids";
import { peopleIn } from "../requests/store";
import { loadPlate } from "../tasks/access";
import { presentFeedbackRequest } from "./present";
import { asksOf, insertFeedbackRequest, requestTimesBy } from "./request-store";

/**
 * Asks people for feedback about the caller, or, as their manager, about a report. Each person asked
 * hears of it through the inbox, in the same transaction; nothing is mailed. At most
 * `feedbackRequestLimit` a day per asker (429 past it, and nobody is asked).
 */
export async function askForFeedback(
  ctx: AppContext,
  actor: Actor,
  input: AskForFeedback,
): Promise<FeedbackRequest> {
  requireOrganization(actor);
  const { plate } = await loadPlate(ctx.db, input.aboutId);
  authorize(actor, { kind: "feedbackRequest.create", about: plate });
  const issues = askIssues({ askerId: actor.id, aboutId: input.aboutId, fromIds: input.fromIds });
  if (issues.length > 0)
    throw ruleViolated("Ask each person once, and others than the one it is about.", issues);
  const found = new Set(
    (await peopleIn(ctx.db, actor.organizationId, input.fromIds)).map((person) => person.id),
  );
  const missing = input.fromIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw ruleViolated("Everyone asked must be someone in your organization.", [
      { path: "fromIds", message: `not in this organization: ${missing.join(", ")}` },
    ]);
  }

  const now = ctx.clock.now();
  const row = {
    id: newId(),
    organization_id: actor.organizationId,
    about_id: input.aboutId,
    asked_by: actor.id,
    question: input.question,
    created_at: now.toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    // The asker's row lock: one person's requests are counted and written one after another.
    await lockPlate(trx, ctx.dialect, actor.id);
    const since = new Date(now.getTime() - feedbackRequestLimit.windowMs).toISOString();
    assertUnderRequestLimit(await requestTimesBy(trx, actor.id, since, feedbackRequestLimit.max), now);
    await insertFeedbackRequest(trx, row, input.fromIds);
    const notices = feedbackRequestNotices({
      requestId: row.id,
      aboutId: row.about_id,
      askedIds: input.fromIds,
    });
    await addNotices(trx, notices, actor.id, row.created_at);
  });
  return presentFeedbackRequest(row, await asksOf(ctx.db, [row.id]));
}
