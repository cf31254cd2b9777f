import { z } from "zod";
import { textLimits } from "./text-limits";

/**
 * Every text a person writes into Docket, defined once. Names, titles and reasons are one line:
 * they reach e-mail subjects and the plain text of mail, where a line break would let a writer
 * add lines of their own. Notes keep their line breaks and tabs and nothing else of the kind.
 */

/** C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators. */
const controls = "\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029";
/** Bidirectional embeddings, overrides and isolates: they make a line read differently from what it holds. */
const bidiControls = "\\u202A-\\u202E\\u2066-\\u2069";
/** As `controls`, less the tab (U+0009) and the line feed (U+000A). */
const controlsBesideLines = "\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u2028\\u2029";
const notInOneLine = new RegExp(`[${controls}${bidiControls}]`, "u");
const notInLines = new RegExp(`[${controlsBesideLines}]`, "u");
/** Half of a surrogate pair on its own: not text, and not storable as UTF-8. */
const loneSurrogate = /\p{Cs}/u;

/** Whether `text` may stand as one line: no control characters, line breaks or bidirectional controls. */
export function isOneLine(text: string): boolean {
  return !notInOneLine.test(text) && !loneSurrogate.test(text);
}

/** Whether `text` may stand as lines of text: line breaks and tabs, no other control characters. */
export function isLinesOfText(text: string): boolean {
  return !notInLines.test(text) && !loneSurrogate.test(text);
}

/**
 * One line of text, trimmed: at most `max` characters, no control characters, line breaks or
 * bidirectional controls. `required` is the message for a blank one; without it, blank is allowed.
 */
export function oneLineText(label: string, options: { max: number; required?: string }) {
  const trimmed = z.string().trim();
  const bounded = (options.required ? trimmed.min(1, options.required) : trimmed).max(
    options.max,
    `${label} must be at most ${options.max} characters`,
  );
  return bounded.refine(isOneLine, {
    message: `${label} must be one line, without line breaks or control characters`,
  });
}

/**
 * Lines of text as written (not trimmed), at most `max` characters: line breaks and tabs, no other
 * control characters. Windows and old Mac line ends become `\n`.
 */
export function linesOfText(label: string, options: { max: number }) {
  return z
    .string()
    .overwrite((text) => text.replace(/\r\n?/g, "\n"))
    .max(options.max, `${label} must be at most ${options.max} characters`)
    .refine(isLinesOfText, {
      message: `${label} may hold line breaks and tabs, but no other control characters`,
    });
}

export const PersonName = oneLineText("name", { max: textLimits.personName, required: "name is required" });
export const OrganizationName = oneLineText("name", {
  max: textLimits.organizationName,
  required: "name is required",
});
/** A person's title in the organization ("Head of Sales"); blank clears it. */
export const PersonTitle = oneLineText("title", { max: textLimits.personTitle });
export const TaskTitle = oneLineText("title", {
  max: textLimits.taskTitle,
  required: "a task needs a title",
});
export const RequestTitle = oneLineText("title", {
  max: textLimits.requestTitle,
  required: "a request needs a title",
});
/** Why a task is dropped or declined, or a request canceled. */
export const Reason = oneLineText("reason", { max: textLimits.reason, required: "say why" });
export const TokenName = oneLineText("name", { max: textLimits.tokenName, required: "name is required" });
export const Notes = linesOfText("notes", { max: textLimits.notes });
/** A point for a one-on-one's agenda: lines of text, trimmed, not blank. */
export const TalkingPointText = someLinesOfText("a talking point", {
  max: textLimits.talkingPoint,
  blank: "a talking point needs some text",
});
/** A meeting's shared notes or one person's private note on it (Markdown). */
export const MeetingNotes = linesOfText("notes", { max: textLimits.meetingNotes });

/** Lines of text, trimmed and not blank: `blank` says what is missing. */
function someLinesOfText(label: string, options: { max: number; blank: string }) {
  return z
    .string()
    .overwrite((text) => text.replace(/\r\n?/g, "\n"))
    .trim()
    .min(1, options.blank)
    .max(options.max, `${label} must be at most ${options.max} characters`)
    .refine(isLinesOfText, {
      message: `${label} may hold line breaks and tabs, but no other control characters`,
    });
}

export const GoalTitle = oneLineText("title", {
  max: textLimits.goalTitle,
  required: "a goal needs a title",
});
/** What a goal means and how its owner will know it is reached (Markdown); may be blank. */
export const GoalDescription = linesOfText("description", { max: textLimits.goalDescription });
export const CheckInNote = someLinesOfText("a check-in's note", {
  max: textLimits.checkInNote,
  blank: "a check-in needs a note",
});
export const FeedbackBody = someLinesOfText("feedback", {
  max: textLimits.feedbackBody,
  blank: "feedback needs some text",
});
export const FeedbackQuestion = someLinesOfText("the question", {
  max: textLimits.feedbackQuestion,
  blank: "ask a question",
});
/** What a webhook endpoint is for ("Billing sync"); may be blank. */
export const WebhookDescription = oneLineText("description", { max: textLimits.webhookDescription });
/** A comment on a task (Markdown): 1 to 10,000 characters, not blank. */
export const CommentBody = someLinesOfText("a comment", {
  max: textLimits.comment,
  blank: "a comment needs some text",
});
/** What a requester adds to a nudge ("The survey closes Friday"); may be blank. */
export const NudgeNote = oneLineText("note", { max: textLimits.nudgeNote });
/** What a search looks for: any one line of text, not blank. */
export const SearchText = oneLineText("q", {
  max: textLimits.searchText,
  required: "say what to search for",
});
