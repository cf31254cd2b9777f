/*
 * A date and time as a `datetime-local` field holds it ("2026-03-14T10:00"), read on the clock of a
 * zone: the field itself knows nothing of zones, and a meeting is moved on its mover's clock.
 */
import { wallClock } from "../components/wallClock";

const HOUR = 3_600_000;
const minute = (instant: number) => Math.floor(instant / 60_000) * 60_000;

/** The wall clock of a zone at an instant, to the minute, as if that reading were UTC. */
const wallClockMinute = (instant: number, timeZone: string) => minute(wallClock(instant, timeZone));

/** "2026-03-14T10:00": an instant on the clock of a zone, as a `datetime-local` field holds it. */
export function localDateTimeIn(instant: number, timeZone: string): string {
  return new Date(wallClockMinute(instant, timeZone)).toISOString().slice(0, 16);
}

/**
 * The instant a zone's clock reads `local` ("2026-03-14T10:00"), or null when it is not one. Where
 * that reading comes twice (clocks going back), the earlier; where it never comes (clocks going
 * forward), the reading an hour later.
 */
export function instantOfLocalDateTime(local: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, year, month, day, hours, minutes] = match.map(Number);
  const asUtc = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hours ?? 0, minutes ?? 0);
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 16) !== local) return null;
  const offsets = [asUtc - 24 * HOUR, asUtc + 24 * HOUR].map(
    (probe) => wallClockMinute(probe, timeZone) - minute(probe),
  );
  const candidates = [...new Set(offsets.map((offset) => asUtc - offset))].sort((a, b) => a - b);
  const exact = candidates.find((candidate) => wallClockMinute(candidate, timeZone) === asUtc);
  if (exact !== undefined) return exact;
  return Math.max(...candidates);
}
