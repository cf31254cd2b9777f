/** Digest facts for the tests of `digest.ts`: sensible defaults, overridden where a test cares. */
import {
  composeDigest,
  type DigestEntry,
  type DigestFacts,
  type DigestMeeting,
  type DigestTask,
} from "./digest";

export const base = "https://docket.example";
/** When the fixtures' digests are written: the dues they name fall in this year, 2026. */
export const now = "2026-11-25T12:00:00.000Z";

/** Digest facts; unless a test says otherwise, what waits in triage is what it lists. */
export const facts = (overrides: Partial<DigestFacts> = {}): DigestFacts => ({
  recipientName: "Ada",
  timeZone: "America/New_York",
  baseUrl: base,
  awayReturn: false,
  entries: [],
  unlisted: [],
  dueSoon: [],
  overdue: [],
  triage: [],
  triageWaiting: overrides.triage?.length ?? 0,
  plateTop: [],
  meetings: [],
  now,
  ...overrides,
});

export const entry = (overrides: Partial<DigestEntry> & Pick<DigestEntry, "kind">): DigestEntry => ({
  count: 1,
  actorName: "Bob",
  title: "Write the report",
  taskId: "t1",
  position: null,
  asRequester: false,
  ...overrides,
});

export const task = (overrides: Partial<DigestTask> & Pick<DigestTask, "taskId">): DigestTask => ({
  title: "Task",
  position: null,
  dueAt: null,
  dueDate: null,
  ...overrides,
});

/** A one-on-one coming up with Bea on Friday 27 November 2026, 15:00 UTC. */
export const meeting = (overrides: Partial<DigestMeeting> = {}): DigestMeeting => ({
  meetingId: "m1",
  withName: "Bea",
  scheduledAt: "2026-11-27T15:00:00.000Z",
  points: overrides.points ?? [],
  pointCount: overrides.points?.length ?? 0,
  ...overrides,
});

export const compose = (overrides: Partial<DigestFacts>) => {
  const content = composeDigest(facts(overrides));
  if (content === null) throw new Error("expected a digest");
  return content;
};
export const headings = (overrides: Partial<DigestFacts>) =>
  compose(overrides).sections.map((s) => s.heading);
export const section = (overrides: Partial<DigestFacts>, heading: string) =>
  compose(overrides).sections.find((s) => s.heading === heading)?.lines;
