import type { WebhookEventType } from "../../contract";

interface EventText {
  label: string;
  /** When it is sent, in a few words. */
  explanation: string;
}

/** Each event an endpoint may take, in the order the form offers them, with what sends it. */
const EVENTS: Record<WebhookEventType, EventText> = {
  "task.created": {
    label: "Task added",
    explanation: "A task is put on a plate: added, asked for, sent with a request or imported.",
  },
  "task.updated": {
    label: "Task changed",
    explanation: "A task is reworded, moved, started, reopened or given a new due.",
  },
  "task.completed": { label: "Task completed", explanation: "A task is marked done." },
  "task.dropped": {
    label: "Task dropped",
    explanation: "A task is dropped with a reason, or declined from triage.",
  },
  "request.created": {
    label: "Request sent",
    explanation: "A request goes out, with a task for each person asked.",
  },
  "request.completed": {
    label: "Request finished",
    explanation: "The last open task of a request is completed or dropped.",
  },
  "meeting.held": {
    label: "1:1 held",
    explanation: "A one-on-one is marked held: who met and when, never its notes or talking points.",
  },
  "goal.updated": {
    label: "Goal updated",
    explanation: "A goal is changed or checked in on.",
  },
};

/** Every event type, in the order the form lists them. */
export const EVENT_TYPES = Object.keys(EVENTS) as WebhookEventType[];

export function eventLabel(type: WebhookEventType): string {
  return EVENTS[type]?.label ?? type;
}

export function eventExplanation(type: WebhookEventType): string {
  return EVENTS[type]?.explanation ?? "";
}

/** `events` in the form's order, whatever order they came in. */
export function inFormOrder(events: readonly WebhookEventType[]): WebhookEventType[] {
  return EVENT_TYPES.filter((type) => events.includes(type));
}
