/** The period a record covers: local dates in the person's zone, both inclusive. */
import { Temporal } from "temporal-polyfill";
import { AppError } from "./errors";
import { startOfLocalDate } from "./zone-calendar";

export interface Period {
  from: string;
  to: string;
}

/** The longest period a record or packet may cover. */
export const longestPeriodYears = 5;

/** The days a record covers when no start is given: the last 365, today included. */
const defaultDays = 365;

/**
 * The period asked for, with its defaults: `to` is today, `from` 364 days before `to`. A start after
 * the end, or a period of 5 years or more, is a 400 naming both fields.
 */
export function recordPeriod(asked: { from?: string; to?: string }, today: string): Period {
  const to = asked.to ?? today;
  const from =
    asked.from ??
    Temporal.PlainDate.from(to)
      .subtract({ days: defaultDays - 1 })
      .toString();
  if (from > to) {
    throw periodError("`from` is after `to`", "must not be after `to`", "must not be before `from`");
  }
  const limit = Temporal.PlainDate.from(from).add({ years: longestPeriodYears });
  if (Temporal.PlainDate.compare(Temporal.PlainDate.from(to), limit) >= 0) {
    const most = `a period is at most ${longestPeriodYears} years`;
    throw periodError(`${most}: \`to\` must be before ${limit.toString()}`, most, most);
  }
  return { from, to };
}

/** A refused period names both fields, where the API's other query errors name theirs. */
function periodError(detail: string, fromMessage: string, toMessage: string): AppError {
  return new AppError("validation_failed", detail, {
    errors: [
      { path: "querystring.from", message: fromMessage },
      { path: "querystring.to", message: toMessage },
    ],
  });
}

/** The calendar quarter around `today`: its first day to `today`. */
export function quarterToDate(today: string): Period {
  const date = Temporal.PlainDate.from(today);
  const firstMonth = date.month - ((date.month - 1) % 3);
  return { from: date.with({ month: firstMonth, day: 1 }).toString(), to: today };
}

/** The last instant both databases and the API spell: nothing is stored after it. */
const lastInstant = "9999-12-31T23:59:59.999Z";

/** The instants a period spans in `timeZone`: from the first instant of `from` to the first after `to`. */
export function periodInstants(period: Period, timeZone: string): { start: string; end: string } {
  const dayAfter = Temporal.PlainDate.from(period.to).add({ days: 1 });
  const end = dayAfter.year > 9999 ? lastInstant : startOfLocalDate(dayAfter.toString(), timeZone);
  return { start: startOfLocalDate(period.from, timeZone), end };
}
