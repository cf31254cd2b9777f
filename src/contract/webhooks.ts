import { z } from "zod";
import { Id, Instant } from "./common";
import { PageCursor } from "./tasks";
import { isOneLine, WebhookDescription } from "./text";

/** What an endpoint may subscribe to: each is sent as `{type, timestamp, data}`. */
export const WebhookEventType = z.enum([
  "task.created",
  "task.updated",
  "task.completed",
  "task.dropped",
  "request.created",
  "request.completed",
  "meeting.held",
  "goal.updated",
]);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** The longest address an endpoint may have. */
export const webhookUrlMaxLength = 2048;

/** Endpoints an organization may have at once. */
export const webhooksPerOrganization = 20;

/**
 * What is wrong with `text` as the address of a webhook endpoint, or null when it will do as far as
 * its text goes: an absolute http(s) address of at most 2,048 characters, without a user name or
 * password. (Whether its host may be reached is the server's to check.)
 */
export function webhookUrlProblem(text: string): string | null {
  if (text.length > webhookUrlMaxLength)
    return `The address must be at most ${webhookUrlMaxLength.toLocaleString("en")} characters`;
  if (text.trim() !== text || !isOneLine(text))
    return "The address must be a single address, without spaces around it or control characters";
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "The address must be absolute, such as https://hooks.example.com/docket";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "The address must start with https:// or http://";
  if (url.username !== "" || url.password !== "") return "The address must not hold a user name or password";
  if (url.hostname === "") return "The address must name a host";
  if (url.href.length > webhookUrlMaxLength)
    return `The address must be at most ${webhookUrlMaxLength.toLocaleString("en")} characters`;
  return null;
}

const Events = z
  .array(WebhookEventType)
  .min(1, "name at least one event")
  .max(WebhookEventType.options.length)
  .describe("The events sent to the endpoint: any of the eight, at least one.");

export const CreateWebhook = z.strictObject({
  url: z
    .string()
    .describe(
      "Where events are POSTed: an absolute http(s) address of at most 2,048 characters, without credentials, and not on a loopback, private, link-local or reserved network (422 otherwise).",
    ),
  events: Events,
  description: WebhookDescription.optional(),
});
export type CreateWebhook = z.infer<typeof CreateWebhook>;

export const UpdateWebhook = z.strictObject({
  enabled: z
    .boolean()
    .optional()
    .describe("false turns the endpoint off (what waits to be sent is dropped); true turns it on again."),
  events: Events.optional(),
  description: WebhookDescription.optional(),
});
export type UpdateWebhook = z.infer<typeof UpdateWebhook>;

export const Webhook = z
  .object({
    id: Id,
    url: z.string(),
    events: z.array(WebhookEventType),
    description: z.string(),
    enabled: z.boolean(),
    createdAt: Instant,
    createdBy: Id.nullable(),
    failingSince: Instant.nullable().describe(
      "When its current run of failures began; null while it answers. After 24 hours of failures it is turned off.",
    ),
    disabledAt: Instant.nullable(),
    disabledReason: z
      .enum(["failing", "requested"])
      .nullable()
      .describe("Why it is off: it failed for 24 hours, or someone turned it off."),
  })
  .meta({ id: "Webhook" });
export type Webhook = z.infer<typeof Webhook>;

/** Answered once, when the endpoint is made: the signing secret is never shown again. */
export const CreatedWebhook = Webhook.extend({
  secret: z
    .string()
    .describe(
      "The signing secret (`whsec_` and base64), shown this once. Verify each delivery with it as the Standard Webhooks specification says.",
    ),
}).meta({ id: "CreatedWebhook" });
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

export const WebhookAttempt = z
  .object({
    at: Instant,
    status: z.number().int().nullable().describe("The HTTP status answered; null when no answer came."),
    error: z
      .string()
      .nullable()
      .describe("What went wrong when no answer came, or why the answer did not count."),
    durationMs: z.number().int().min(0),
  })
  .meta({ id: "WebhookAttempt" });
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

/** How many attempts a delivery lists (the latest); `attemptCount` counts them all. */
export const attemptsListed = 10;

export const WebhookDelivery = z
  .object({
    id: z.string().describe("The `webhook-id` it is sent with, the same on every attempt."),
    type: WebhookEventType,
    status: z.enum(["pending", "delivered", "failed"]),
    createdAt: Instant,
    nextAttemptAt: Instant.nullable().describe("When it is tried next, while pending."),
    deliveredAt: Instant.nullable(),
    attemptCount: z.number().int().min(0),
    attempts: z.array(WebhookAttempt).describe(`The latest ${attemptsListed} attempts, newest first.`),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const DeliveryPage = z
  .object({
    items: z.array(WebhookDelivery),
    nextCursor: z
      .string()
      .optional()
      .describe("When older deliveries follow: pass it as `cursor` to read them."),
  })
  .meta({ id: "WebhookDeliveryPage" });
export type DeliveryPage = z.infer<typeof DeliveryPage>;

export const DeliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: PageCursor.optional(),
});
export type DeliveriesQuery = z.infer<typeof DeliveriesQuery>;

export const DeliveryParams = z.object({
  id: Id,
  deliveryId: z.string().regex(/^msg_[A-Za-z0-9_-]{1,60}$/, "not a delivery id"),
});

/**
 * `meeting.held`'s data: the meeting's facts. Its talking points and notes are the pair's alone
 * (not an owner's or admin's), so an organization's endpoints are not sent them; action items go out
 * as the tasks they are.
 */
export const WebhookMeeting = z
  .object({
    id: Id,
    seriesId: Id,
    participantIds: z.tuple([Id, Id]),
    scheduledAt: Instant,
    endsAt: Instant,
    state: z.enum(["upcoming", "held", "skipped"]),
    version: z.number().int(),
  })
  .meta({ id: "WebhookMeeting" });
export type WebhookMeeting = z.infer<typeof WebhookMeeting>;
