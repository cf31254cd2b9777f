import { Temporal } from "temporal-polyfill";
import { type Cadence, type CadenceSeries, occurrenceAt } from "./meeting-cadence";

/** Shared by the cadence tests: zones, instants and series written briefly. */
export const at = (instant: string) => new Date(instant);
export const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
export const week = 7 * 86_400_000;
export const berlin = "Europe/Berlin";
export const newYork = "America/New_York";
export const sydney = "Australia/Sydney";

export const cadence = (overrides: Partial<Cadence> = {}): Cadence => ({
  everyWeeks: 1,
  weekday: 1,
  time: "10:00",
  minutes: 30,
  ...overrides,
});

/** A series whose weekday is its anchor's. */
export const series = (timeZone: string, anchor: string, overrides: Partial<Cadence> = {}): CadenceSeries => {
  const weekday = Temporal.PlainDate.from(anchor).dayOfWeek;
  return { cadence: cadence({ weekday, ...overrides }), timeZone, anchor };
};

/** The first `count` meetings of `s`, as ISO instants. */
export const first = (s: CadenceSeries, count: number) =>
  iso(Array.from({ length: count }, (_, index) => occurrenceAt(s, index)));
