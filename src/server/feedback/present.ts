import type { Feedback, FeedbackRequest } from "../../contract/feedback";
import type { FeedbackAskRow, FeedbackRequestRow } from "./request-store";
import type { FeedbackRow } from "./store";

export function presentFeedback(row: FeedbackRow): Feedback {
  return {
    id: row.id,
    fromId: row.from_id,
    toId: row.to_id,
    body: row.body,
    visibility: row.visibility,
    taskId: row.task_id,
    // The API names one request: the team request it is about, or the feedback request it answers.
    requestId: row.request_id ?? row.feedback_request_id,
    createdAt: row.created_at,
  };
}

export function presentFeedbackRequest(
  row: FeedbackRequestRow,
  asks: readonly FeedbackAskRow[],
): FeedbackRequest {
  return {
    id: row.id,
    aboutId: row.about_id,
    askedBy: row.asked_by,
    question: row.question,
    asked: asks.map((ask) => ({ personId: ask.person_id, answeredAt: ask.answered_at })),
    createdAt: row.created_at,
  };
}
