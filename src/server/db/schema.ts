import type { ColumnType, Generated } from "kysely";
import type { MeetingTable, OneOnOneTable, PrivateNoteTable, TalkingPointTable } from "./schema-one-on-ones";
import type { WebhookAttemptTable, WebhookDeliveryTable, WebhookEndpointTable } from "./schema-webhooks";

export type * from "./schema-one-on-ones";
export type * from "./schema-webhooks";

/**
 * The tables, as Kysely sees them. Instants are ISO 8601 UTC strings in TypeScript whatever the
 * dialect (`timestamptz` on PostgreSQL, text on SQLite; see `dialect.ts`).
 */
export type Instant = string;
/** A column better-auth writes as a Date and we read back as an ISO string. */
type AuthInstant = ColumnType<Instant, Instant | Date, Instant | Date>;
/** Booleans are integers on SQLite; read them with `Boolean(...)`. */
export type Flag = ColumnType<boolean | number, boolean | number | undefined, boolean | number>;

/** A person: better-auth's "user", extended with what Docket knows of them. */
export interface PersonTable {
  id: string;
  name: string;
  email: string;
  email_verified: Flag;
  image: string | null;
  created_at: AuthInstant;
  updated_at: AuthInstant;
  organization_id: string | null;
  role: "owner" | "admin" | "member" | null;
  manager_id: string | null;
  title: string | null;
  time_zone: ColumnType<string, string | undefined, string>;
  working_hours: ColumnType<string, string | undefined, string>;
  digest: ColumnType<string, string | undefined, string>;
  away_from: string | null;
  away_until: string | null;
  next_digest_at: Instant | null;
  version: Generated<number>;
  /** Raised by the database with every change to what this person's plate shows (migration 011). */
  plate_version: Generated<number>;
}

export interface SessionTable {
  id: string;
  token: string;
  person_id: string;
  expires_at: AuthInstant;
  ip_address: string | null;
  user_agent: string | null;
  created_at: AuthInstant;
  updated_at: AuthInstant;
}

export interface AccountTable {
  id: string;
  account_id: string;
  provider_id: string;
  person_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: AuthInstant | null;
  refresh_token_expires_at: AuthInstant | null;
  scope: string | null;
  password: string | null;
  created_at: AuthInstant;
  updated_at: AuthInstant;
}

export interface VerificationTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: AuthInstant;
  created_at: AuthInstant;
  updated_at: AuthInstant;
}

export interface OrganizationTable {
  id: string;
  name: string;
  created_at: Instant;
  urgent_per_week: Generated<number>;
  stale_after_days: Generated<number>;
}

export interface InvitationTable {
  id: string;
  organization_id: string;
  email: string;
  role: "owner" | "admin" | "member";
  manager_id: string | null;
  invited_by_id: string;
  token_hash: string;
  created_at: Instant;
  expires_at: Instant;
  accepted_at: Instant | null;
  accepted_by_id: string | null;
  revoked_at: Instant | null;
}

export interface ApiTokenTable {
  id: string;
  person_id: string;
  name: string;
  token_hash: string;
  created_at: Instant;
  last_used_at: Instant | null;
  /** When it stops working; null: until revoked. */
  expires_at: Instant | null;
}

/** A person's calendar feed: the digest of its address's secret (migration 012). */
export interface CalendarFeedTable {
  person_id: string;
  secret_hash: string;
  created_at: Instant;
}

/**
 * Sign-in attempts counted under one key (an account at an address, an address, an account) in the
 * window that ends at `reset_at` (`core/sign-in-limits.ts` says which stay counted).
 */
export interface SignInAttemptTable {
  key: string;
  count: number;
  reset_at: Instant;
}

export interface TaskTable {
  id: string;
  organization_id: string;
  owner_id: string;
  requester_id: string;
  request_id: string | null;
  /** The one-on-one meeting it was added from as an action item. */
  meeting_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The goal it works towards. */
  goal_id: ColumnType<string | null, string | null | undefined, string | null>;
  title: string;
  notes: ColumnType<string, string | undefined, string>;
  state: "triage" | "open" | "in_progress" | "done" | "dropped";
  /** Fractional-indexing key on the owner's plate; null unless open or in progress. */
  rank: string | null;
  due_date: string | null;
  due_at: Instant | null;
  urgent: Flag;
  created_at: Instant;
  updated_at: Instant;
  started_at: Instant | null;
  completed_at: Instant | null;
  dropped_at: Instant | null;
  drop_reason: string | null;
  version: Generated<number>;
}

/** The append-only history of a task: one row per change, oldest first by `id`. */
export interface TaskEventTable {
  id: Generated<number>;
  task_id: string;
  at: Instant;
  actor_id: string;
  kind: string;
  /** JSON of what it changed from and to; null when the change has no such side. */
  from_value: string | null;
  to_value: string | null;
}

/** One ask to many people; each assignee's task carries its id in `task.request_id`. */
export interface RequestTable {
  id: string;
  organization_id: string;
  requester_id: string;
  title: string;
  notes: ColumnType<string, string | undefined, string>;
  due_date: string | null;
  due_at: Instant | null;
  created_at: Instant;
  canceled_at: Instant | null;
  cancel_reason: string | null;
  /** The last nudge that reminded someone; the next is allowed 24 hours later (migration 015). */
  last_nudged_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

/** A comment on a task (Markdown, as written); removed outright when its author deletes it (migration 015). */
export interface TaskCommentTable {
  id: string;
  task_id: string;
  author_id: string;
  body: string;
  created_at: Instant;
  edited_at: Instant | null;
}

/** A person a comment mentions, at their place among its mentions. */
export interface TaskCommentMentionTable {
  comment_id: string;
  person_id: string;
  position: number;
}

/** A message on its way out: queued with what caused it, sent by whichever instance leases it. */
export interface OutboundMailTable {
  id: string;
  organization_id: string | null;
  person_id: string | null;
  kind: "digest" | "urgent" | "invitation" | "password_reset" | "email_verification";
  task_id: string | null;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  created_at: Instant;
  status: "pending" | "sent" | "canceled";
  attempts: Generated<number>;
  next_attempt_at: Instant;
  lease_until: Instant | null;
  last_error: string | null;
  sent_at: Instant | null;
}

/** One person's digest slot, claimed once: sent, nothing to say, or skipped while away. */
export interface DigestTable {
  id: string;
  person_id: string;
  slot_at: Instant;
  status: "sent" | "empty" | "away";
  mail_id: string | null;
  created_at: Instant;
}

/** Something that concerns a person; unread until they say so, in no digest until one carries it. */
export interface InboxEntryTable {
  id: string;
  person_id: string;
  kind: string;
  task_id: string | null;
  request_id: string | null;
  actor_id: string;
  created_at: Instant;
  at: Instant;
  count: Generated<number>;
  data: string;
  coalesce_key: string | null;
  dedupe_key: string | null;
  read_at: Instant | null;
  digest_id: string | null;
  /** The feedback it tells of (received, or answering the person's feedback request). */
  feedback_id: string | null;
  /** The feedback request it tells of (asked of the person, or answered). */
  feedback_request_id: string | null;
}

/** One use of the urgent lane by a requester on an owner, counted against the owner's week. */
export interface UrgentUseTable {
  id: string;
  organization_id: string;
  requester_id: string;
  owner_id: string;
  task_id: string;
  week: string;
  at: Instant;
  mail_id: string | null;
}

/** One thing an owner or admin did, kept for good: the table refuses updates and deletes. */
export interface AuditEventTable {
  id: string;
  organization_id: string;
  actor_id: string;
  at: Instant;
  action: string;
  person_id: string | null;
  invitation_id: string | null;
  data: string;
}

/** A goal of a person: its progress is counted from the tasks that work towards it. */
export interface GoalTable {
  id: string;
  organization_id: string;
  owner_id: string;
  created_by: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  due_date: string | null;
  state: "active" | "achieved" | "missed" | "dropped";
  /** The goal it supports (a report's goal can support their manager's). */
  parent_id: string | null;
  /** When it left `active`; null while active. */
  closed_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
  created_at: Instant;
  updated_at: Instant;
  version: Generated<number>;
}

/** How a goal stands, said by someone on a day: newest first when read. */
export interface GoalCheckInTable {
  id: string;
  goal_id: string;
  author_id: string;
  status: "on_track" | "at_risk" | "off_track";
  note: string;
  created_at: Instant;
}

/** Feedback from one person to another, fixed once sent. */
export interface FeedbackTable {
  id: string;
  organization_id: string;
  from_id: string;
  to_id: string;
  body: string;
  /** `private`: giver and receiver; `with_manager`: also the receiver's management chain. */
  visibility: "private" | "with_manager";
  /** The task it is about. */
  task_id: string | null;
  /** The team request it is about. */
  request_id: string | null;
  /** The feedback request it answers. */
  feedback_request_id: string | null;
  created_at: Instant;
}

/** Someone asking people for feedback about themselves, or about a report. */
export interface FeedbackRequestTable {
  id: string;
  organization_id: string;
  about_id: string;
  asked_by: string;
  question: string;
  created_at: Instant;
}

/** One person asked by a feedback request, and whether (and with which feedback) they answered. */
export interface FeedbackAskTable {
  request_id: string;
  person_id: string;
  answered_at: Instant | null;
  feedback_id: string | null;
}

export interface Database {
  person: PersonTable;
  session: SessionTable;
  account: AccountTable;
  verification: VerificationTable;
  organization: OrganizationTable;
  invitation: InvitationTable;
  api_token: ApiTokenTable;
  calendar_feed: CalendarFeedTable;
  sign_in_attempt: SignInAttemptTable;
  task: TaskTable;
  task_event: TaskEventTable;
  request: RequestTable;
  outbound_mail: OutboundMailTable;
  digest: DigestTable;
  inbox_entry: InboxEntryTable;
  urgent_use: UrgentUseTable;
  audit_event: AuditEventTable;
  one_on_one: OneOnOneTable;
  meeting: MeetingTable;
  talking_point: TalkingPointTable;
  private_note: PrivateNoteTable;
  goal: GoalTable;
  goal_check_in: GoalCheckInTable;
  feedback: FeedbackTable;
  feedback_request: FeedbackRequestTable;
  feedback_ask: FeedbackAskTable;
  webhook_endpoint: WebhookEndpointTable;
  webhook_delivery: WebhookDeliveryTable;
  webhook_attempt: WebhookAttemptTable;
  task_comment: TaskCommentTable;
  task_comment_mention: TaskCommentMentionTable;
}
