/** Reporting lines: every person has at most one manager, and the lines never form a cycle. */

/**
 * True when making `managerId` the manager of `personId` would close a loop: the person would
 * manage themself, or already sits above the new manager (`chainAboveManager`, nearest first).
 */
export function wouldCreateCycle(
  personId: string,
  managerId: string,
  chainAboveManager: readonly string[],
): boolean {
  return managerId === personId || chainAboveManager.includes(personId);
}
