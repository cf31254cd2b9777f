import type { FeedbackVisibility } from "../../contract";

/** One way feedback may go, as the form offers it in plain words. */
export interface VisibilityChoice {
  value: FeedbackVisibility;
  label: string;
  description: string;
}

interface Receiver {
  /** Their first name, as the form speaks of them. */
  name: string;
  /** Whether anyone manages them now. */
  hasManager: boolean;
}

/**
 * Who will read feedback, said plainly. An answer to a request someone else made about the receiver
 * (a manager asking about a report) is read by whoever asked, so it goes with the managers.
 */
export function visibilityChoices(receiver: Receiver, askedBySomeoneElse: boolean): VisibilityChoice[] {
  const managers = receiver.hasManager
    ? `${receiver.name}'s manager, and anyone above them, can read it too.`
    : `${receiver.name} has no manager now; whoever manages ${receiver.name} later can read it too.`;
  const withManager: VisibilityChoice = {
    value: "with_manager",
    label: `${receiver.name} and their manager`,
    description: askedBySomeoneElse
      ? `A manager asked for it, so it goes to ${receiver.name} and their managers. ${managers}`
      : `${managers} It can count at review time.`,
  };
  if (askedBySomeoneElse) return [withManager];
  return [
    {
      value: "private",
      label: `Only ${receiver.name} and you`,
      description: `Nobody else can read it, not ${receiver.name}'s manager, not an admin.`,
    },
    withManager,
  ];
}

/** What a piece of feedback's badge says about who reads it. */
export function visibilityBadge(visibility: FeedbackVisibility): string {
  return visibility === "private" ? "Private" : "Shared with managers";
}

/** Where the give-feedback form shows the server's field errors. */
export function feedbackFieldFor(path: string): string | null {
  return ["toId", "body", "visibility", "taskId"].includes(path) ? path : null;
}

/** Where the ask-for-feedback form shows the server's field errors: `fromIds.2` goes to the list. */
export function askFieldFor(path: string): string | null {
  if (path === "fromIds" || path.startsWith("fromIds.")) return "fromIds";
  return ["aboutId", "question"].includes(path) ? path : null;
}
