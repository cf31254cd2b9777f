import {
  DEFAULT_PERIOD,
  isLocalDate,
  PERIOD_CHOICES,
  type Period,
  type PeriodChoice,
  periodFor,
} from "./period";

/** What a record's address says: which period is shown, with its dates when they are custom. */
export interface RecordSearch {
  period?: PeriodChoice;
  from?: string;
  to?: string;
}

export function parseRecordSearch(search: Record<string, unknown>): RecordSearch {
  const period = PERIOD_CHOICES.find((choice) => choice === search.period);
  if (period === "custom") {
    return isLocalDate(search.from) && isLocalDate(search.to)
      ? { period, from: search.from, to: search.to }
      : {};
  }
  return period && period !== DEFAULT_PERIOD ? { period } : {};
}

/** The choice an address makes, the default when it makes none. */
export function choiceOf(search: RecordSearch): PeriodChoice {
  return search.period ?? DEFAULT_PERIOD;
}

/** The dates an address asks for, `today` being today's date in the person's zone. */
export function periodOfSearch(search: RecordSearch, today: string): Period {
  if (search.period === "custom" && search.from && search.to) return { from: search.from, to: search.to };
  const choice = choiceOf(search);
  return periodFor(choice === "custom" ? DEFAULT_PERIOD : choice, today);
}

/** The address of a choice: custom keeps the dates given, any other choice needs none. */
export function searchFor(choice: PeriodChoice, dates: Period): RecordSearch {
  if (choice === "custom") return { period: choice, from: dates.from, to: dates.to };
  return choice === DEFAULT_PERIOD ? {} : { period: choice };
}
