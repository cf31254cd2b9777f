import { z } from "zod";
import { Id, Instant } from "./common";
import { PageCursor } from "./tasks";
import { FeedbackBody, FeedbackQuestion } from "./text";

export const FeedbackVisibility = z
  .enum(["private", "with_manager"])
  .describe("`private`: giver and receiver only; `with_manager`: also the receiver's management chain.");
export type FeedbackVisibility = z.infer<typeof FeedbackVisibility>;

export const Feedback = z
  .object({
    id: Id,
    fromId: Id,
    toId: Id,
    body: z.string(),
    visibility: FeedbackVisibility,
    taskId: Id.nullable().describe("The task it is about."),
    requestId: Id.nullable().describe("The request it is about, or the feedback request it answers."),
    createdAt: Instant,
  })
  .meta({ id: "Feedback" });
export type Feedback = z.infer<typeof Feedback>;

export const GiveFeedback = z.strictObject({
  toId: Id,
  body: FeedbackBody,
  visibility: FeedbackVisibility,
  taskId: Id.optional(),
  requestId: Id.optional().describe("A request it is about, or the feedback request it answers."),
});
export type GiveFeedback = z.infer<typeof GiveFeedback>;

export const FeedbackQuery = z
  .strictObject({
    direction: z.enum(["received", "given"]).default("received"),
    personId: Id.optional().describe(
      "Whose received feedback: mine by default; someone in my management chain's reports for their `with_manager` feedback.",
    ),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .default(50)
      .describe("At most this many (50 unless said)."),
    cursor: PageCursor.optional(),
  })
  .refine((query) => query.personId === undefined || query.direction === "received", {
    message: "personId reads feedback received",
    path: ["personId"],
  });
export type FeedbackQuery = z.infer<typeof FeedbackQuery>;

export const FeedbackPage = z
  .object({
    items: z.array(Feedback).describe("Newest first."),
    nextCursor: z.string().optional(),
  })
  .meta({ id: "FeedbackPage" });
export type FeedbackPage = z.infer<typeof FeedbackPage>;

export const FeedbackAsk = z
  .object({ personId: Id, answeredAt: Instant.nullable() })
  .meta({ id: "FeedbackAsk" });

export const FeedbackRequest = z
  .object({
    id: Id,
    aboutId: Id,
    askedBy: Id,
    question: z.string(),
    asked: z.array(FeedbackAsk),
    createdAt: Instant,
  })
  .meta({ id: "FeedbackRequest" });
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;

/** The most people one feedback request asks. */
export const feedbackAskLimit = 20;

export const AskForFeedback = z.strictObject({
  aboutId: Id,
  fromIds: z.array(Id).min(1).max(feedbackAskLimit),
  question: FeedbackQuestion,
});
export type AskForFeedback = z.infer<typeof AskForFeedback>;

export const FeedbackRequestsQuery = z.strictObject({
  direction: z.enum(["received", "sent"]).default("received"),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("At most this many (50 unless said)."),
  cursor: PageCursor.optional(),
});
export type FeedbackRequestsQuery = z.infer<typeof FeedbackRequestsQuery>;

export const FeedbackRequestPage = z
  .object({
    items: z.array(FeedbackRequest).describe("Newest first."),
    nextCursor: z.string().optional(),
  })
  .meta({ id: "FeedbackRequestPage" });
export type FeedbackRequestPage = z.infer<typeof FeedbackRequestPage>;
