/**
 * What a digest says: the sections of one person's digest, built from their undigested inbox
 * entries and the state of their plate, as plain data. `digest-render.ts` turns it into text and
 * HTML. No entry worth telling means no digest at all.
 */

import { dueText, dueWhen, type Reader, readerAt } from "./digest-dates";
import type { InboxKind } from "./inbox-notices";

export interface DigestTask {
  taskId: string;
  title: string;
  /** Place on the owner's plate now; null in triage or finished. */
  position: number | null;
  dueAt: string | null;
  dueDate: string | null;
}

export interface DigestEntry {
  kind: InboxKind;
  count: number;
  actorName: string;
  title: string;
  taskId: string | null;
  /** The task's place on its owner's plate now, when it is on it. */
  position: number | null;
  /** The recipient asked for this task; it is on someone else's plate. */
  asRequester: boolean;
  from?: unknown;
  to?: unknown;
  /** For `request.progress`: the request as it stands. */
  request?: { id: string; title: string; done: number; dropped: number; total: number };
  /** For `task.stale`: the signed one-click links, and whether the recipient owns the task. */
  stillNeeded?: { keepUrl: string; dropUrl: string; asOwner: boolean; untouchedDays: number };
  /**
   * For feedback entries: the name of the person a feedback request is about (null when it is the one
   * who asked, about themselves), and whether feedback received answers a request.
   */
  feedback?: { aboutName: string | null; answersRequest: boolean };
}

/** A one-on-one the digest says is coming (`meeting-notice.ts` decides which digest), as its reader sees it. */
export interface DigestMeeting {
  meetingId: string;
  /** The other participant's name. */
  withName: string;
  scheduledAt: string;
  /** The talking points so far, in their order: the first `sectionShown` at most. */
  points: string[];
  /** How many talking points there are in all. */
  pointCount: number;
}

/** Unread entries a digest carries but does not list: how many of one kind and side, and the changes they hold. */
export interface UnlistedEntries {
  kind: InboxKind;
  asRequester: boolean;
  entries: number;
  changes: number;
}

export interface DigestFacts {
  recipientName: string;
  timeZone: string;
  baseUrl: string;
  /** The person was away at the slots since their last digest: this is their "while you were away". */
  awayReturn: boolean;
  /**
   * Unread entries in the order they happened: of each kind and side, the latest `sectionShown` at
   * most. The others the digest carries are counted in `unlisted`.
   */
  entries: DigestEntry[];
  unlisted: UnlistedEntries[];
  dueSoon: DigestTask[];
  overdue: DigestTask[];
  /** The asks waiting longest in triage, oldest first, `sectionShown` at most. */
  triage: { title: string; requesterName: string }[];
  /** How many asks wait in triage in all. */
  triageWaiting: number;
  /** The top of their plate, in priority order: shown on return from being away. */
  plateTop: DigestTask[];
  /** The one-on-ones this digest says are coming, soonest first: something to say on their own. */
  meetings: DigestMeeting[];
  /** When the digest is written: a date outside the reader's current year shows its year. */
  now: string;
}

export interface DigestLine {
  text: string;
  href?: string;
  /** What the line holds, one item each, under it (a meeting's talking points). */
  details?: string[];
  actions?: { label: string; href: string }[];
}

export interface DigestSection {
  heading: string;
  lines: DigestLine[];
}

export interface DigestContent {
  subject: string;
  greeting: string;
  sections: DigestSection[];
  footer: { text: string; href: string };
}

/**
 * Lines a section lists at most. One more line says how many others there are, with a link to where
 * Docket shows them: an e-mail stays short however much waits.
 */
export const sectionShown = 10;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const quoted = (title: string) => `“${title}”`;
const at = (position: number | null) => (position === null ? "" : ` (#${position})`);

/** Which entries a section tells of: by kind, and for some kinds by side (the recipient's plate or their ask). */
type EntryPick = (entry: Pick<DigestEntry, "kind" | "asRequester">) => boolean;
const ofKind =
  (...kinds: InboxKind[]): EntryPick =>
  (entry) =>
    kinds.includes(entry.kind);
const isDueNews = ofKind("task.due_soon", "task.overdue");

/** The lines a section lists, then, when there are more than `sectionShown` of `total`, one that points to the rest. */
function bounded(lines: DigestLine[], total: number, href: string): DigestLine[] {
  const shown = lines.slice(0, sectionShown);
  const more = total - shown.length;
  return more > 0 ? [...shown, { text: `and ${more} more in Docket`, href }] : shown;
}

/** The digest for these facts, or null when nothing new happened: no e-mail then. */
export function composeDigest(facts: DigestFacts): DigestContent | null {
  const links = {
    plate: `${facts.baseUrl}/plate`,
    triage: `${facts.baseUrl}/triage`,
    inbox: `${facts.baseUrl}/inbox`,
    request: (id: string) => `${facts.baseUrl}/requests/${encodeURIComponent(id)}`,
    oneOnOnes: `${facts.baseUrl}/one-on-ones`,
    meeting: (id: string) => `${facts.baseUrl}/meetings/${encodeURIComponent(id)}`,
    feedback: `${facts.baseUrl}/feedback`,
    webhooks: `${facts.baseUrl}/webhooks`,
  };
  const reader = readerAt(facts.timeZone, facts.now);
  const entries = facts.entries;
  const dueNews = new Set(entries.filter(isDueNews).map((entry) => entry.taskId));
  const hasDueNews = [...facts.dueSoon, ...facts.overdue].some((task) => dueNews.has(task.taskId));
  const told = entries.filter((entry) => !isDueNews(entry));
  const untold = facts.unlisted.filter((group) => !isDueNews(group) && group.entries > 0);
  const onlyComingUp = told.length === 0 && untold.length === 0 && !hasDueNews;
  if (onlyComingUp && facts.meetings.length === 0) return null;

  const sections: DigestSection[] = [];
  const section = (heading: string, lines: DigestLine[]) => {
    if (lines.length > 0) sections.push({ heading, lines });
  };
  /** A section of entries: the latest `sectionShown` of those `pick` takes, and a line for the rest. */
  const entrySection = (heading: string, pick: EntryPick, lines: (shown: DigestEntry[]) => DigestLine[]) => {
    const listed = told.filter(pick);
    const unlisted = untold.filter(pick).reduce((sum, group) => sum + group.entries, 0);
    const shown = listed.slice(-sectionShown);
    section(heading, bounded(lines(shown), listed.length + unlisted, links.inbox));
  };
  const priority = (a: DigestEntry, b: DigestEntry) =>
    (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER);
  const plateChanges = ofKind("task.moved", "task.redated", "task.edited", "task.completed", "task.dropped");
  const askChanges = ofKind(
    "task.accepted",
    "task.declined",
    "task.completed",
    "task.dropped",
    "task.redated",
  );
  const isProgress = ofKind("request.progress");

  entrySection("Urgent", ofKind("task.urgent"), (shown) =>
    shown.map((entry) => ({
      text: `${entry.actorName} marked ${quoted(entry.title)}${at(entry.position)} urgent`,
      href: links.plate,
    })),
  );
  section(
    "One-on-ones coming up",
    bounded(
      facts.meetings
        .slice(0, sectionShown)
        .map((meeting) => meetingLine(meeting, reader, links.meeting(meeting.meetingId))),
      facts.meetings.length,
      links.oneOnOnes,
    ),
  );
  entrySection("New on your plate", ofKind("task.added"), (shown) =>
    (facts.awayReturn ? [...shown].sort(priority) : shown).map((entry) => {
      // The tasks of one import are one entry: how many, and the last of them.
      const what =
        entry.count > 1
          ? `${plural(entry.count, "task")} from ${entry.actorName}, the last ${quoted(entry.title)}`
          : `${quoted(entry.title)} from ${entry.actorName}`;
      return {
        text: `${what}${entry.position === null ? "" : `, at #${entry.position}`}`,
        href: links.plate,
      };
    }),
  );
  entrySection("Asked of you", ofKind("task.asked"), (shown) =>
    shown.map((entry) => ({
      text: `${entry.actorName} asked: ${quoted(entry.title)}`,
      href: links.triage,
    })),
  );
  entrySection("Reminders", ofKind("request.nudged"), (shown) =>
    shown.map((entry) => ({ text: reminderLine(entry), href: links.plate })),
  );
  entrySection(
    "Changes to your plate",
    (entry) => plateChanges(entry) && !entry.asRequester,
    (shown) => shown.map((entry) => ({ text: plateChange(entry, reader), href: links.plate })),
  );
  entrySection(
    "Your requests",
    (entry) => isProgress(entry) || (askChanges(entry) && entry.asRequester),
    (shown) => [
      ...shown.filter(isProgress).map((entry) => requestLine(entry, links.request)),
      ...shown.filter((entry) => !isProgress(entry)).map((entry) => ({ text: askChange(entry, reader) })),
    ],
  );
  entrySection("Comments", ofKind("comment.mentioned", "task.commented"), (shown) =>
    shown.map((entry) => ({ text: commentLine(entry), href: entry.asRequester ? links.inbox : links.plate })),
  );
  entrySection("Feedback", ofKind("feedback.received", "feedback.answered", "feedback.requested"), (shown) =>
    shown.map((entry) => ({ text: feedbackLine(entry), href: links.feedback })),
  );
  entrySection("Webhooks", ofKind("webhook.disabled"), (shown) =>
    shown.map((entry) => ({
      text: `The webhook to ${quoted(entry.title)} was turned off after failing for 24 hours: nothing more is sent to it until it is turned on again`,
      href: links.webhooks,
    })),
  );
  section(
    "Overdue",
    bounded(
      facts.overdue
        .slice(0, sectionShown)
        .map((task) => ({ text: dueLine(task, reader), href: links.plate })),
      facts.overdue.length,
      links.plate,
    ),
  );
  section(
    "Due by the end of your next working day",
    bounded(
      facts.dueSoon
        .slice(0, sectionShown)
        .map((task) => ({ text: dueLine(task, reader), href: links.plate })),
      facts.dueSoon.length,
      links.plate,
    ),
  );
  section(
    "Waiting in your triage",
    bounded(
      facts.triage.map((ask) => ({
        text: `${quoted(ask.title)} from ${ask.requesterName}`,
        href: links.triage,
      })),
      facts.triageWaiting,
      links.triage,
    ),
  );
  entrySection("Still needed?", ofKind("task.stale"), (shown) =>
    shown.map((entry) => {
      const still = entry.stillNeeded;
      const whose = still?.asOwner ? "" : " (your ask)";
      return {
        text: `${quoted(entry.title)}${at(entry.position)}${whose}: untouched for ${plural(still?.untouchedDays ?? 0, "day")}`,
        actions: still
          ? [
              { label: "Keep it", href: still.keepUrl },
              { label: "Drop it", href: still.dropUrl },
            ]
          : [],
      };
    }),
  );
  if (facts.awayReturn) {
    section(
      "Your plate now, in priority order",
      facts.plateTop.map((task) => ({
        text: `#${task.position} ${quoted(task.title)}${task.dueAt ? `, due ${dueWhen(task, reader)}` : ""}`,
        href: links.plate,
      })),
    );
  }

  const news =
    told.reduce((sum, entry) => sum + entry.count, 0) + untold.reduce((sum, group) => sum + group.changes, 0);
  const tail = [
    facts.overdue.length > 0 ? `${facts.overdue.length} overdue` : null,
    facts.dueSoon.length > 0 ? `${facts.dueSoon.length} due soon` : null,
    facts.triageWaiting > 0 ? `${facts.triageWaiting} in triage` : null,
    facts.meetings.length > 0 ? `${plural(facts.meetings.length, "one-on-one")} coming up` : null,
  ].filter((part): part is string => part !== null);
  const summary = [news > 0 ? plural(news, "change") : null, ...tail].filter(Boolean).join(", ");
  return {
    subject: facts.awayReturn ? `While you were away: ${summary}` : `Your Docket digest: ${summary}`,
    greeting: facts.awayReturn
      ? `Welcome back, ${facts.recipientName}. Here is what happened while you were away.`
      : onlyComingUp
        ? `Hello ${facts.recipientName}, here is what is coming up.`
        : `Hello ${facts.recipientName}, here is what changed since your last digest.`,
    sections,
    footer: { text: "See everything in your Docket inbox", href: links.inbox },
  };
}

function plateChange(entry: DigestEntry, reader: Reader): string {
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

function askChange(entry: DigestEntry, reader: Reader): string {
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
function reminderLine(entry: DigestEntry): string {
  const times = entry.count > 1 ? ` (${plural(entry.count, "reminder")})` : "";
  const note = typeof entry.to === "string" && entry.to !== "" ? `: ${entry.to}` : "";
  return `${entry.actorName} reminds you of ${quoted(entry.title)}${at(entry.position)}${times}${note}`;
}

/** Who commented on a task or mentioned the reader: never what the comment says. */
function commentLine(entry: DigestEntry): string {
  const title = `${quoted(entry.title)}${at(entry.position)}`;
  if (entry.kind === "comment.mentioned") {
    return `${entry.actorName} mentioned you in ${entry.count > 1 ? plural(entry.count, "comment") : "a comment"} on ${title}`;
  }
  return entry.count > 1
    ? `${entry.actorName} left ${plural(entry.count, "comment")} on ${title}`
    : `${entry.actorName} commented on ${title}`;
}

/** Who gave feedback or asks for it, and about what: never what the feedback says. */
function feedbackLine(entry: DigestEntry): string {
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

function requestLine(entry: DigestEntry, link: (id: string) => string): DigestLine {
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
function meetingLine(meeting: DigestMeeting, reader: Reader, href: string): DigestLine {
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

function dueLine(task: DigestTask, reader: Reader): string {
  return `${task.position === null ? "" : `#${task.position} `}${quoted(task.title)}, due ${dueWhen(task, reader)}`;
}
