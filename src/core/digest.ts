/**
 * What a digest says: the sections of one person's digest, built from their undigested inbox
 * entries and the state of their plate, as plain data. `digest-render.ts` turns it into text and
 * HTML. No entry worth telling means no digest at all.
 */

import { dueWhen, readerAt } from "./digest-dates";
import {
  askChange,
  at,
  commentLine,
  dueLine,
  feedbackLine,
  meetingLine,
  plateChange,
  plural,
  quoted,
  reminderLine,
  requestLine,
  sectionShown,
} from "./digest-lines";
import type { InboxKind } from "./inbox-notices";

export { sectionShown } from "./digest-lines";

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
