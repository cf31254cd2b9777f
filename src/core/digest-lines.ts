/** The lines of a digest's sections, one kind of news each: plain sentences built from inbox entries. */

import type { DigestEntry, DigestLine, DigestMeeting, DigestTask } from "./digest";
import { dueText, dueWhen, type Reader } from "./digest-dates";

/**
 * Lines a section lists at most. One more line says how many others there are, with a link to where
 * Docket shows them: an e-mail stays short however much waits.
 */
export const sectionShown = 10;

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;
export const quoted = (title: string) => `“${title}”`;
export const at = (position: number | null) => (position === null ? "" : ` (#${position})`);

export function plateChange(entry: DigestEntry, reader: Reader): string {
  const title = quoted(entry.title);
  switch (entry.kind) {
    case "task.moved":
      return entry.count > 1
        ? `${entry.actorName} reordered your plate (${plural(entry.count, "move")}); ${title} is now at #${entry.to}`
        : `${entry.actorName} moved ${title} from #${entry.from} to #${entry.to}`;
    case "task.redated":
      return `${entry.actorName} changed the due of ${title}${at(entry.position)} from ${dueText(entry.from, reader)} to ${dueText(entry.to, reader)}`;
    case "task.edited":
      return `${entry.actorName} edited ${title}${at(entry.position)}`;
    case "task.completed":
      return `${entry.actorName} completed ${title}`;
    case "task.dropped":
      return `${entry.actorName} dropped ${title}${typeof entry.to === "string" ? `: ${entry.to}` : ""}`;
    default:
      return title;
  }
}

export function askChange(entry: DigestEntry, reader: Reader): string {
  const title = quoted(entry.title);
  switch (entry.kind) {
    case "task.accepted":
      return `${entry.actorName} accepted ${title}${typeof entry.to === "number" ? ` at #${entry.to} on their plate` : ""}`;
    case "task.declined":
      return `${entry.actorName} declined ${title}${typeof entry.to === "string" ? `: ${entry.to}` : ""}`;
    case "task.completed":
      return `${entry.actorName} completed ${title}`;
    case "task.dropped":
      return `${entry.actorName} dropped ${title}`;
    case "task.redated":
      return `${entry.actorName} changed the due of ${title} to ${dueText(entry.to, reader)}`;
    default:
      return title;
  }
}

/** Who reminds the reader of a request's task, and their note. */
export function reminderLine(entry: DigestEntry): string {
  const times = entry.count > 1 ? ` (${plural(entry.count, "reminder")})` : "";
  const note = typeof entry.to === "string" && entry.to !== "" ? `: ${entry.to}` : "";
  return `${entry.actorName} reminds you of ${quoted(entry.title)}${at(entry.position)}${times}${note}`;
}

/** Who commented on a task or mentioned the reader: never what the comment says. */
export function commentLine(entry: DigestEntry): string {
  const title = `${quoted(entry.title)}${at(entry.position)}`;
  if (entry.kind === "comment.mentioned") {
    return `${entry.actorName} mentioned you in ${entry.count > 1 ? plural(entry.count, "comment") : "a comment"} on ${title}`;
  }
  return entry.count > 1
    ? `${entry.actorName} left ${plural(entry.count, "comment")} on ${title}`
    : `${entry.actorName} commented on ${title}`;
}

/** Who gave feedback or asks for it, and about what: never what the feedback says. */
export function feedbackLine(entry: DigestEntry): string {
  const about = entry.feedback?.aboutName ?? null;
  switch (entry.kind) {
    case "feedback.received": {
      const on = entry.title ? quoted(entry.title) : null;
      return entry.feedback?.answersRequest
        ? `${entry.actorName} answered a request for feedback about you${on ? `, on ${on}` : ""}`
        : `${entry.actorName} gave you feedback${on ? ` about ${on}` : ""}`;
    }
    case "feedback.answered":
      return `${entry.actorName} answered your request for feedback about ${about ?? "you"}`;
    case "feedback.requested":
      return about === null
        ? `${entry.actorName} asks for your feedback`
        : `${entry.actorName} asks for your feedback about ${about}`;
    default:
      return quoted(entry.title);
  }
}

export function requestLine(entry: DigestEntry, link: (id: string) => string): DigestLine {
  const request = entry.request;
  if (!request) return { text: quoted(entry.title) };
  const dropped = request.dropped > 0 ? `, ${request.dropped} dropped` : "";
  return {
    text: `${quoted(request.title)}: ${request.done} of ${request.total} done${dropped} (${plural(entry.count, "update")}, latest from ${entry.actorName})`,
    href: link(request.id),
  };
}

/** Longest a talking point is quoted in a digest; the meeting page has the rest. */
const pointShown = 200;

/** A meeting that is coming: with whom and when, and its talking points so far, or the hint to settle it in writing. */
export function meetingLine(meeting: DigestMeeting, reader: Reader, href: string): DigestLine {
  const head = `With ${meeting.withName}, ${dueWhen({ dueAt: meeting.scheduledAt, dueDate: null }, reader)}`;
  if (meeting.pointCount === 0) {
    return {
      text: `${head}: nobody has added a talking point yet. Perhaps settle it in writing or skip it.`,
      href,
    };
  }
  const more = meeting.pointCount - Math.min(meeting.points.length, sectionShown);
  return {
    text: `${head}: ${plural(meeting.pointCount, "talking point")} so far`,
    href,
    details: [
      ...meeting.points.slice(0, sectionShown).map(oneLine),
      ...(more > 0 ? [`and ${more} more`] : []),
    ],
  };
}

/** A talking point on one line of `pointShown` characters at most. */
function oneLine(text: string): string {
  const flat = Array.from(text.replace(/\s+/g, " ").trim());
  return flat.length > pointShown ? `${flat.slice(0, pointShown - 1).join("")}…` : flat.join("");
}

export function dueLine(task: DigestTask, reader: Reader): string {
  return `${task.position === null ? "" : `#${task.position} `}${quoted(task.title)}, due ${dueWhen(task, reader)}`;
}
