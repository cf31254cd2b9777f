import type { ColumnType, Generated } from "kysely";
import type { Flag, Instant } from "./schema";

/** The tables of one-on-ones (migration 009), part of `Database` in schema.ts. */

/** A one-on-one series between two people of an organization (the pair in id order). */
export interface OneOnOneTable {
  id: string;
  organization_id: string;
  first_person_id: string;
  second_person_id: string;
  organizer_id: string;
  every_weeks: number;
  weekday: number;
  local_time: string;
  minutes: number;
  time_zone: string;
  /** The local date (`YYYY-MM-DD`) of the first meeting under the current cadence. */
  anchor_date: string;
  created_at: Instant;
  ended_at: Instant | null;
}

/** A meeting of a series: its cadence slot, when it happens (moved or not), and how it went. */
export interface MeetingTable {
  id: string;
  series_id: string;
  slot_at: Instant;
  scheduled_at: Instant;
  state: "upcoming" | "held" | "skipped";
  shared_notes: ColumnType<string, string | undefined, string>;
  created_at: Instant;
  updated_at: Instant;
  finished_at: Instant | null;
  version: Generated<number>;
}

/** A talking point of a pair, shown on one meeting at a time. */
export interface TalkingPointTable {
  id: string;
  series_id: string;
  meeting_id: string;
  author_id: string;
  text: string;
  discussed: Flag;
  carried_from: string | null;
  times_carried: ColumnType<number, number | undefined, number>;
  rank: string;
  created_at: Instant;
  updated_at: Instant;
}

/** One participant's private note on a meeting: read by its author alone. */
export interface PrivateNoteTable {
  meeting_id: string;
  author_id: string;
  text: string;
  updated_at: Instant;
}
