import { expect } from "vitest";
import type {
  Feedback,
  FeedbackPage,
  FeedbackRequest,
  FeedbackRequestPage,
} from "../../src/contract/feedback";
import type { InboxItem } from "../../src/contract/inbox";
import type { Answer } from "./client";
import type { Harness } from "./harness";
import type { Caller, Problem } from "./tasks";

export type { Feedback, FeedbackPage, FeedbackRequest, FeedbackRequestPage, InboxItem };

export const postFeedback = (as: Caller, body: unknown) =>
  as.client.post<Feedback & Problem>("/api/v1/feedback", body);

export const postFeedbackRequest = (as: Caller, body: unknown) =>
  as.client.post<FeedbackRequest & Problem>("/api/v1/feedback/requests", body);

/** An answer that carries feedback: kept by no cache but the reader's own. */
function expectFeedbackAnswer<T>(answer: Answer<T>, status: number): T {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.headers["cache-control"]).toBe("private, no-store");
  return answer.body;
}

/** Gives feedback as `as`, expecting 201. */
export async function giveFeedback(
  as: Caller,
  body: {
    toId: string;
    body: string;
    visibility: "private" | "with_manager";
    taskId?: string;
    requestId?: string;
  },
): Promise<Feedback> {
  return expectFeedbackAnswer(await postFeedback(as, body), 201);
}

/** Asks for feedback as `as`, expecting 201. */
export async function askForFeedback(
  as: Caller,
  body: { aboutId: string; fromIds: string[]; question: string },
): Promise<FeedbackRequest> {
  const answer = await postFeedbackRequest(as, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

/** One feedback as `as` reads it, expecting 200. */
export async function feedbackOf(as: Caller, id: string): Promise<Feedback> {
  return expectFeedbackAnswer(await as.client.get<Feedback>(`/api/v1/feedback/${id}`), 200);
}

/** A page of feedback as `as` reads it (`query` like `direction=given&limit=2`), expecting 200. */
export async function feedbackPage(as: Caller, query = ""): Promise<FeedbackPage> {
  return expectFeedbackAnswer(await as.client.get<FeedbackPage>(`/api/v1/feedback?${query}`), 200);
}

/** Every page of a list, following `nextCursor` to the end. */
export async function allPages<T extends { nextCursor?: string; items: unknown[] }>(
  read: (cursor: string | undefined) => Promise<T>,
): Promise<{ pages: T[]; items: T["items"] }> {
  const pages: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return { pages, items: pages.flatMap((page) => page.items) };
}

/** A page of feedback requests as `as` reads it, expecting 200. */
export async function feedbackRequestPage(as: Caller, query = ""): Promise<FeedbackRequestPage> {
  const answer = await as.client.get<FeedbackRequestPage>(`/api/v1/feedback/requests?${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** One feedback request as `as` reads it, expecting 200. */
export async function feedbackRequestOf(as: Caller, id: string): Promise<FeedbackRequest> {
  const answer = await as.client.get<FeedbackRequest>(`/api/v1/feedback/requests/${id}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** The caller's inbox entries about feedback, newest first. */
export async function feedbackEntries(as: Caller): Promise<InboxItem[]> {
  const answer = await as.client.get<{ items: InboxItem[] }>("/api/v1/inbox?limit=200");
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items.filter((item) => item.kind.startsWith("feedback."));
}

/**
 * Everything feedback writes, straight from the database: the feedback, the requests, their asks and
 * the inbox entries about them. Equal before and after a refused request means nothing was written.
 */
export async function feedbackState(h: Harness) {
  const { db } = h.ctx;
  const [feedback, requests, asks, entries] = await Promise.all([
    db.selectFrom("feedback").selectAll().orderBy("id").execute(),
    db.selectFrom("feedback_request").selectAll().orderBy("id").execute(),
    db.selectFrom("feedback_ask").selectAll().orderBy("request_id").orderBy("person_id").execute(),
    db
      .selectFrom("inbox_entry")
      .selectAll()
      .where((eb) => eb.or([eb("kind", "like", "feedback.%"), eb("feedback_id", "is not", null)]))
      .orderBy("id")
      .execute(),
  ]);
  return { feedback, requests, asks, entries };
}
