import type { Person } from "../../contract";

/** Whether a command's label answers what was typed: every word typed is found in it, in any case. */
export function commandMatches(label: string, typed: string): boolean {
  const words = typed.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const text = label.toLocaleLowerCase();
  return words.every((word) => text.includes(word));
}

/** The people who report to `managerId` directly, by name: whose plates a manager may add to from the palette. */
export function directReports<P extends Pick<Person, "id" | "name" | "managerId">>(
  people: readonly P[],
  managerId: string,
): P[] {
  return people
    .filter((person) => person.managerId === managerId && person.id !== managerId)
    .sort((a, b) => a.name.localeCompare(b.name));
}
