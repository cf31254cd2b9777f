import type { FeedbackQuery, FeedbackRequestsQuery, GoalsQuery, PlateState } from "../../contract";

/** Every cache key of the app, so that invalidations name exactly what they refresh. */
export const queryKeys = {
  me: ["me"] as const,
  /** Whether the signed-in person has confirmed their address (better-auth's session). */
  emailVerified: ["email-verified"] as const,
  organization: (id: string) => ["organizations", id] as const,
  people: ["people"] as const,
  person: (id: string) => ["people", id] as const,
  invitations: ["invitations"] as const,
  invitationPreview: (token: string) => ["invitation-preview", token] as const,
  tokens: ["tokens"] as const,
  /** Every list of one person's plate, whatever its state. */
  plates: (ownerId: string) => ["plates", ownerId] as const,
  plate: (ownerId: string, state: PlateState) => ["plates", ownerId, state] as const,
  /** One list of a person's plate, only the tasks that work towards one goal. */
  goalPlate: (ownerId: string, state: PlateState, goalId: string) =>
    ["plates", ownerId, state, "goal", goalId] as const,
  /** The pages of one person's triage read so far (under the plate's keys: refreshed with them). */
  triagePages: (ownerId: string) => ["plates", ownerId, "triage", "pages"] as const,
  /** Every team view: a change to anyone's plate may show on their manager's. */
  teams: ["team"] as const,
  team: (managerId: string) => ["team", managerId] as const,
  /** Every record read of one person, whatever its period. */
  records: (personId: string) => ["records", personId] as const,
  record: (personId: string, from: string, to: string) => ["records", personId, from, to] as const,
  /** Every team's quarter figures: a task finished by anyone may show on their manager's. */
  teamRecords: ["team-records"] as const,
  teamRecord: (managerId: string) => ["team-records", managerId] as const,
  task: (id: string) => ["tasks", id] as const,
  taskHistory: (id: string) => ["tasks", id, "history"] as const,
  /** A task's comments, under the task's key: whatever refreshes the task refreshes them. */
  taskComments: (id: string) => ["tasks", id, "comments"] as const,
  /** Every request view: a change to any task may move a request's progress or someone's load. */
  requests: ["requests"] as const,
  myRequests: ["requests", "mine"] as const,
  request: (id: string) => ["requests", "one", id] as const,
  /** Everything read from the inbox: its pages, the unread count, the digest preview. */
  inbox: ["inbox"] as const,
  inboxList: ["inbox", "list"] as const,
  inboxUnread: ["inbox", "unread"] as const,
  digestPreview: ["inbox", "digest-preview"] as const,
  /** Every read of one-on-ones: my series, one series, a series' meetings. */
  oneOnOnes: ["one-on-ones"] as const,
  myOneOnOnes: ["one-on-ones", "mine"] as const,
  oneOnOne: (id: string) => ["one-on-ones", "one", id] as const,
  seriesMeetings: (seriesId: string, when: "upcoming" | "past") =>
    ["one-on-ones", "one", seriesId, "meetings", when] as const,
  /** Every meeting read. */
  meetings: ["meetings"] as const,
  meeting: (id: string) => ["meetings", id] as const,
  /** One's own private note on a meeting: only its author writes it, so no live event refreshes it. */
  privateNote: (meetingId: string) => ["private-notes", meetingId] as const,
  /** Every goal read: a person's goals, one goal, its check-ins and its tasks across plates. */
  goals: ["goals"] as const,
  personGoals: (personId: string, state: GoalsQuery["state"]) =>
    ["goals", "person", personId, state] as const,
  goal: (id: string) => ["goals", "one", id] as const,
  goalCheckIns: (id: string) => ["goals", "one", id, "check-ins"] as const,
  goalTasks: (id: string) => ["goals", "one", id, "tasks"] as const,
  /** Every feedback read: what I received or gave, and the requests I received or sent. */
  feedback: ["feedback"] as const,
  feedbackList: (direction: FeedbackQuery["direction"]) => ["feedback", "list", direction] as const,
  /** What someone below me received that is shared with their managers. */
  personFeedback: (personId: string) => ["feedback", "person", personId] as const,
  feedbackRequests: (direction: FeedbackRequestsQuery["direction"]) =>
    ["feedback", "requests", direction] as const,
  /** Search answers, by the text searched for and how many were asked for. */
  search: (text: string, limit: number) => ["search", text, limit] as const,
  outbox: ["outbox"] as const,
  audit: ["audit"] as const,
  /** The organization's webhook endpoints, and under them each one's deliveries. */
  webhooks: ["webhooks"] as const,
  webhookDeliveries: (id: string) => ["webhooks", id, "deliveries"] as const,
  requestPreview: (ids: readonly string[], groups: readonly string[]) =>
    ["requests", "preview", ids.join(","), groups.join(",")] as const,
};
