import type { Person } from "../../contract";

/** Whether `managerId` sits above `personId` in the reporting lines (their manager, or theirs, and so on). */
export function isAbove(
  people: readonly Pick<Person, "id" | "managerId">[],
  managerId: string,
  personId: string,
): boolean {
  const managerOf = new Map(people.map((person) => [person.id, person.managerId]));
  const seen = new Set<string>();
  let current = managerOf.get(personId) ?? null;
  while (current !== null && !seen.has(current)) {
    if (current === managerId) return true;
    seen.add(current);
    current = managerOf.get(current) ?? null;
  }
  return false;
}
