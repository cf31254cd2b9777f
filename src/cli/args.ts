import { InvalidArgumentError } from "commander";
import { Id } from "../contract/common";
import type { Placement } from "../contract/tasks";
import { baseAddress } from "./config";

/** Who a command is about: the caller, an e-mail looked up in the directory, or an id. */
export type PersonSpec = { kind: "me" } | { kind: "email"; email: string } | { kind: "id"; id: string };

export function parsePerson(given: string): PersonSpec {
  const value = given.trim();
  if (value.toLowerCase() === "me") return { kind: "me" };
  if (/^[^\s@]+@[^\s@]+$/.test(value)) return { kind: "email", email: value };
  if (Id.safeParse(value).success) return { kind: "id", id: value };
  throw new InvalidArgumentError("PERSON is an id, an e-mail or me.");
}

/** PEOPLE: a comma-separated list of PERSON, each named once. */
export function parsePeople(given: string): PersonSpec[] {
  const parts = given
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0)
    throw new InvalidArgumentError("PEOPLE is a comma-separated list of ids, e-mails or me.");
  return parts.map(parsePerson);
}

/** DATE: a real calendar date written `YYYY-MM-DD`. */
export function parseDate(given: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(given);
  const time = Date.parse(`${given}T00:00:00Z`);
  // Date.parse rolls some impossible days over (February 30th); the round trip catches them.
  const valid = match !== null && !Number.isNaN(time) && new Date(time).toISOString().startsWith(given);
  if (!valid) throw new InvalidArgumentError("DATE is a real date written YYYY-MM-DD.");
  return given;
}

/** A task's id. */
export function parseId(given: string): string {
  if (!Id.safeParse(given).success) throw new InvalidArgumentError("not a task id.");
  return given;
}

export function parseUrl(given: string): string {
  const base = baseAddress(given);
  if (!base)
    throw new InvalidArgumentError(
      "URL is the server's http(s) base address, like https://docket.example.com",
    );
  return base;
}

/** The placement flags of add and move, as given (commander lets through at most one). */
export interface PlacementFlags {
  top?: boolean;
  bottom?: boolean;
  before?: string;
  after?: string;
}

/** The placement the flags name, or undefined when none is given. */
export function placementOf(flags: PlacementFlags): Placement | undefined {
  if (flags.top) return "top";
  if (flags.bottom) return "bottom";
  if (flags.before !== undefined) return { before: flags.before };
  if (flags.after !== undefined) return { after: flags.after };
  return undefined;
}
