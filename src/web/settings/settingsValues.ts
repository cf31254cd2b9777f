import type { Me, UpdateMe } from "../../contract";

/** The settings form: the same shape and field paths as the `PATCH /me` body, as the inputs hold it. */
export interface SettingsValues {
  name: string;
  timeZone: string;
  workingHours: { days: string[]; start: string; end: string };
  digest: { times: string[]; days: string[] };
  away: { from: string; until: string };
}

export const WEEKDAYS = [
  { value: "1", short: "Mon", long: "Monday" },
  { value: "2", short: "Tue", long: "Tuesday" },
  { value: "3", short: "Wed", long: "Wednesday" },
  { value: "4", short: "Thu", long: "Thursday" },
  { value: "5", short: "Fri", long: "Friday" },
  { value: "6", short: "Sat", long: "Saturday" },
  { value: "7", short: "Sun", long: "Sunday" },
];

export const MAX_DIGEST_TIMES = 6;

const toDays = (days: number[]) => [...days].sort((a, b) => a - b).map(String);
const fromDays = (days: string[]) => days.map(Number).sort((a, b) => a - b);

export function toSettingsValues(me: Me): SettingsValues {
  return {
    name: me.name,
    timeZone: me.timeZone,
    workingHours: { ...me.workingHours, days: toDays(me.workingHours.days) },
    digest: { times: [...me.digest.times], days: toDays(me.digest.days) },
    away: { from: me.away?.from ?? "", until: me.away?.until ?? "" },
  };
}

export function toUpdateMe(values: SettingsValues): UpdateMe {
  const away = values.away.from || values.away.until ? { ...values.away } : null;
  return {
    name: values.name.trim(),
    timeZone: values.timeZone,
    workingHours: { ...values.workingHours, days: fromDays(values.workingHours.days) },
    digest: { times: [...values.digest.times], days: fromDays(values.digest.days) },
    away,
  };
}

const FIELD_PATHS =
  /^(name|timeZone|workingHours\.(days|start|end)|digest\.(days|times(\.\d+)?)|away(\.(from|until))?)$/;

/** Where the form shows a server error; whole-object errors go to the field that best carries them. */
export function settingsFieldFor(path: string): string | null {
  if (path === "workingHours") return "workingHours.end";
  if (path === "digest") return "digest.times";
  return FIELD_PATHS.test(path) ? path : null;
}
