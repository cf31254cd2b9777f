import type { Person } from "../../contract";
import { isAbove } from "../people/reportingChain";

type Line = Pick<Person, "id" | "managerId">;

/** The people above `personId`, their manager first, as far up as the lines go. */
export function chainAbove(people: readonly Line[], personId: string): string[] {
  const managerOf = new Map(people.map((person) => [person.id, person.managerId]));
  const chain: string[] = [];
  let current = managerOf.get(personId) ?? null;
  while (current !== null && current !== personId && !chain.includes(current)) {
    chain.push(current);
    current = managerOf.get(current) ?? null;
  }
  return chain;
}

/** Who reports to `personId` directly, in the directory's order. */
export function directReports(people: readonly Line[], personId: string): string[] {
  return people.filter((person) => person.managerId === personId).map((person) => person.id);
}

/**
 * Whose goals to offer for `personId`'s work: their own, their managers' (a manager's goals are
 * their team's), and their direct reports' (whose goals they see from above).
 */
export function goalOwnersFor(people: readonly Line[], personId: string): string[] {
  return [personId, ...chainAbove(people, personId), ...directReports(people, personId)];
}

/** Myself and everyone below me in the reporting lines: whom I may set a goal for, or ask feedback about. */
export function meAndBelow(people: readonly Line[], meId: string): string[] {
  return [meId, ...people.filter((person) => isAbove(people, meId, person.id)).map((person) => person.id)];
}

/** Whether I may change a goal and check in on it: its owner, or someone above them. */
export function mayChangeGoal(people: readonly Line[], meId: string, ownerId: string): boolean {
  return ownerId === meId || isAbove(people, meId, ownerId);
}
