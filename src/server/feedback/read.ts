import { z } from "zod";
import { Id, Instant } from "../../contract/common";
import type {
  Feedback,
  FeedbackPage,
  FeedbackQuery,
  FeedbackRequest,
  FeedbackRequestPage,
  FeedbackRequestsQuery,
} from "../../contract/feedback";
import { type Actor, authorize, requireOrganization } from "../../core/access";
import { notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { pageOf, readCursor } from "../db/pages";
import { chainAbove } from "../people/store";
import { loadPlate } from "../tasks/access";
import { presentFeedback, presentFeedbackRequest } from "./present";
import { asksOf, type FeedbackAskRow, feedbackRequestsPage, findFeedbackRequest } from "./request-store";
import { readableFeedback, readableFeedbackPage, receivedByPair } from "./store";

const Cursor = z.tuple([Instant, Id]);
const after = (cursor: string | undefined) => {
  if (cursor === undefined) return undefined;
  const [at, id] = readCursor(cursor, Cursor);
  return { at, id };
};

/**
 * Feedback the caller received or gave, newest first, a page at a time. With `personId` (someone
 * else), that person's `with_manager` feedback received, for their management chain (404 to anyone
 * else, who may not see that person's record either).
 */
export async function listFeedback(
  ctx: AppContext,
  actor: Actor,
  query: FeedbackQuery,
): Promise<FeedbackPage> {
  requireOrganization(actor);
  const reader = { id: actor.id, organizationId: actor.organizationId };
  const someoneElse = query.personId !== undefined && query.personId !== actor.id;
  if (someoneElse) {
    const { plate } = await loadPlate(ctx.db, query.personId as string);
    authorize(actor, { kind: "record.read", plate });
  }
  const rows = await readableFeedbackPage(ctx.db, reader, {
    ...(query.direction === "given" ? { fromId: actor.id } : { toId: query.personId ?? actor.id }),
    withManagerOnly: someoneElse,
    after: after(query.cursor),
    limit: query.limit + 1,
  });
  const { page, next } = pageOf(rows, query.limit, (last) => [last.created_at, last.id]);
  return { items: page.map(presentFeedback), ...next };
}

/** One feedback, for its giver, its receiver, and (when `with_manager`) the receiver's chain; 404 to anyone else. */
export async function getFeedback(ctx: AppContext, actor: Actor, id: string): Promise<Feedback> {
  requireOrganization(actor);
  const row = await readableFeedback(ctx.db, { id: actor.id, organizationId: actor.organizationId }, id);
  if (!row) throw notFound("Feedback");
  authorize(actor, {
    kind: "feedback.read",
    feedback: {
      organizationId: row.organization_id,
      fromId: row.from_id,
      toId: row.to_id,
      visibility: row.visibility,
      receiverChain: await chainAbove(ctx.db, row.to_id),
    },
  });
  return presentFeedback(row);
}

/** Feedback requests I was asked in, or sent, newest first, a page at a time. */
export async function listFeedbackRequests(
  ctx: AppContext,
  actor: Actor,
  query: FeedbackRequestsQuery,
): Promise<FeedbackRequestPage> {
  requireOrganization(actor);
  const rows = await feedbackRequestsPage(ctx.db, actor.id, {
    direction: query.direction,
    after: after(query.cursor),
    limit: query.limit + 1,
  });
  const { page, next } = pageOf(rows, query.limit, (last) => [last.created_at, last.id]);
  const asks = groupAsks(
    await asksOf(
      ctx.db,
      page.map((row) => row.id),
    ),
  );
  return { items: page.map((row) => presentFeedbackRequest(row, asks.get(row.id) ?? [])), ...next };
}

/** One feedback request, for the one who asked and the people asked; 404 to anyone else. */
export async function getFeedbackRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<FeedbackRequest> {
  requireOrganization(actor);
  const row = await findFeedbackRequest(ctx.db, actor.organizationId, id);
  if (!row) throw notFound("Feedback request");
  const asks = await asksOf(ctx.db, [row.id]);
  authorize(actor, {
    kind: "feedbackRequest.read",
    request: {
      organizationId: row.organization_id,
      askedBy: row.asked_by,
      askedIds: asks.map((ask) => ask.person_id),
    },
  });
  return presentFeedbackRequest(row, asks);
}

function groupAsks(asks: readonly FeedbackAskRow[]): Map<string, FeedbackAskRow[]> {
  const byRequest = new Map<string, FeedbackAskRow[]>();
  for (const ask of asks) {
    const list = byRequest.get(ask.request_id);
    if (list) list.push(ask);
    else byRequest.set(ask.request_id, [ask]);
  }
  return byRequest;
}

/**
 * Feedback either of a pair received in `(since, until]` that `actor` may read, newest first, at
 * most 50: what a one-on-one's agenda shows of feedback since the meeting before.
 */
export async function feedbackReceivedInView(
  db: AppContext["db"],
  actor: Actor,
  pair: readonly [string, string],
  window: { since: string; until: string },
): Promise<Feedback[]> {
  if (actor.organizationId === null) return [];
  const reader = { id: actor.id, organizationId: actor.organizationId };
  return (await receivedByPair(db, reader, pair, window)).map(presentFeedback);
}

/** The most feedback a record lists. */
export const recordFeedbackLimit = 500;

/**
 * Feedback `personId` received in `[start, end)` as it belongs in their record read by `actor`:
 * what the actor may read, and `private` feedback only when the actor is the person (a manager who
 * gave a report private feedback does not see it in the report's record). Newest first, at most
 * `recordFeedbackLimit`.
 */
export async function feedbackForRecord(
  db: AppContext["db"],
  actor: Actor,
  personId: string,
  period: { start: string; end: string },
): Promise<Feedback[]> {
  if (actor.organizationId === null) return [];
  const rows = await readableFeedbackPage(
    db,
    { id: actor.id, organizationId: actor.organizationId },
    {
      toId: personId,
      withManagerOnly: actor.id !== personId,
      from: period.start,
      before: period.end,
      limit: recordFeedbackLimit,
    },
  );
  return rows.map(presentFeedback);
}
