import ICAL from "ical.js";

/** An event of a feed as a calendar app reads it (ical.js, not the code under test). */
export interface FeedEvent {
  uid: string;
  summary: string;
  sequence: number;
  allDay: boolean;
  /** `YYYY-MM-DD` for an all-day event, else the instant in UTC (ISO 8601). */
  start: string;
  end: string;
  url: string | null;
  transparency: string | null;
  lastModified: string | null;
  stamp: string | null;
  /** The names of every property the event carries, upper case. */
  properties: string[];
}

export interface ParsedFeed {
  /** The calendar's own properties, by lower-case name (the first value of each). */
  calendar: Record<string, string>;
  events: FeedEvent[];
}

/** RFC 5545 TEXT as read: a backslash before a backslash, `;`, `,` or `n` escapes it (`n`: a line break). */
const unescapeText = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, escaped: string) => (escaped.toLowerCase() === "n" ? "\n" : escaped));

const timeOf = (time: ICAL.Time) => (time.isDate ? time.toString() : time.toJSDate().toISOString());

const instantOf = (value: unknown) => (value instanceof ICAL.Time ? value.toJSDate().toISOString() : null);

/** Parses a feed with ical.js as a calendar app would: throws on anything that is not iCalendar. */
export function parseFeed(text: string): ParsedFeed {
  const root = new ICAL.Component(ICAL.parse(text));
  if (root.name !== "vcalendar") throw new Error(`not a calendar: ${root.name}`);
  const calendar: Record<string, string> = {};
  for (const property of root.getAllProperties()) {
    const value = String(property.getFirstValue());
    // ical.js leaves properties it does not know (NAME, X-WR-…) as written; calendars read them as TEXT.
    calendar[property.name] ??= property.type === "unknown" ? unescapeText(value) : value;
  }
  const events = root.getAllSubcomponents("vevent").map((component): FeedEvent => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      sequence: event.sequence,
      allDay: event.startDate.isDate,
      start: timeOf(event.startDate),
      end: timeOf(event.endDate),
      url: (component.getFirstPropertyValue("url") as string | null) ?? null,
      transparency: (component.getFirstPropertyValue("transp") as string | null) ?? null,
      lastModified: instantOf(component.getFirstPropertyValue("last-modified")),
      stamp: instantOf(component.getFirstPropertyValue("dtstamp")),
      properties: component.getAllProperties().map((property) => property.name.toUpperCase()),
    };
  });
  return { calendar, events };
}
