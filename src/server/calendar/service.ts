import type { CalendarFeed, CalendarFeedAddress } from "../../contract/calendar";
import { type Actor, requireOrganization } from "../../core/access";
import { type FeedMeetingRow, feedWindow, meetingsInFeed } from "../../core/calendar-feed";
import { notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { cadenceSeriesOf } from "../one-on-ones/series-shape";
import { seriesOf } from "../one-on-ones/store";
import { digestSecret, newSecret } from "../platform/ids";
import { type FeedMeetingEvent, type FeedTask, renderFeed } from "./ics";
import {
  deleteFeed,
  type FeedTaskRow,
  feedMeetings,
  findFeed,
  findFeedOwner,
  namesOf,
  openTasksDue,
  replaceFeed,
} from "./store";

/** The most one-on-one series a feed reads: going ones first, as the 1:1s page lists them. */
const seriesLimit = 200;

/** The address of a feed: its secret is all it takes to read it. */
const feedUrl = (baseUrl: string, secret: string) => `${baseUrl}/api/v1/feeds/${secret}.ics`;

/**
 * Makes the caller a new calendar address, answered this once (only its digest is kept). The address
 * they had stops working in the same statement.
 */
export async function createFeed(ctx: AppContext, actor: Actor): Promise<CalendarFeedAddress> {
  requireOrganization(actor);
  const secret = newSecret("cal");
  await replaceFeed(ctx.db, {
    personId: actor.id,
    secretHash: digestSecret(secret),
    createdAt: ctx.clock.now().toISOString(),
  });
  return { url: feedUrl(ctx.config.baseUrl, secret) };
}

/** Stops the caller's feed; stopping none is fine. */
export async function stopFeed(ctx: AppContext, actor: Actor): Promise<void> {
  await deleteFeed(ctx.db, actor.id);
}

export async function feedStatus(ctx: AppContext, actor: Actor): Promise<CalendarFeed> {
  const feed = await findFeed(ctx.db, actor.id);
  return { active: feed !== undefined, createdAt: feed?.createdAt ?? null };
}

/**
 * The calendar a secret opens: its owner's open tasks with a due and their one-on-ones. A secret that
 * opens none (wrong, replaced, stopped, never made) is one 404, found by its digest like any other.
 */
export async function feedCalendar(ctx: AppContext, secret: string): Promise<string> {
  const owner = await findFeedOwner(ctx.db, digestSecret(secret));
  if (!owner) throw notFound("Calendar feed");
  const now = ctx.clock.now();
  const [tasks, meetings] = await Promise.all([
    openTasksDue(ctx.db, owner.id),
    meetingsOf(ctx, owner.id, now),
  ]);
  return renderFeed({
    owner,
    tasks: tasks.map(feedTask),
    meetings,
    now,
    baseUrl: ctx.config.baseUrl,
  });
}

function feedTask(row: FeedTaskRow): FeedTask {
  return {
    id: row.id,
    title: row.title,
    due: row.due_date === null ? { at: row.due_at } : { date: row.due_date },
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** The person's one-on-ones the feed shows, with the other person's name. Private notes are never read. */
async function meetingsOf(ctx: AppContext, personId: string, now: Date): Promise<FeedMeetingEvent[]> {
  const series = await seriesOf(ctx.db, personId, seriesLimit);
  const window = feedWindow(now);
  const otherOf = (row: (typeof series)[number]) =>
    row.first_person_id === personId ? row.second_person_id : row.first_person_id;
  const [rows, names] = await Promise.all([
    feedMeetings(
      ctx.db,
      series.map((row) => row.id),
      { from: window.from.toISOString(), until: window.until.toISOString() },
    ),
    namesOf(ctx.db, [...new Set(series.map(otherOf))]),
  ]);
  const bySeries = new Map<string, FeedMeetingRow[]>();
  for (const meeting of rows) {
    const list = bySeries.get(meeting.series_id) ?? [];
    list.push({
      id: meeting.id,
      slotAt: meeting.slot_at,
      scheduledAt: meeting.scheduled_at,
      state: meeting.state,
      version: meeting.version,
      updatedAt: meeting.updated_at,
    });
    bySeries.set(meeting.series_id, list);
  }
  return series.flatMap((row) => {
    const timing = { timing: cadenceSeriesOf(row), ended: row.ended_at !== null };
    const withName = names.get(otherOf(row)) ?? "";
    return meetingsInFeed(timing, bySeries.get(row.id) ?? [], now).map((meeting) => ({
      ...meeting,
      seriesId: row.id,
      withName,
    }));
  });
}
