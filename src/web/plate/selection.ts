/**
 * The task selected after stepping `by` places (1 down, -1 up) through the plate shown, top first:
 * from none, down selects the first and up the last; the ends hold. Null on an empty plate.
 */
export function stepSelection(ids: readonly string[], selectedId: string | null, by: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = selectedId === null ? -1 : ids.indexOf(selectedId);
  if (at === -1) return (by === 1 ? ids[0] : ids.at(-1)) ?? null;
  return ids[Math.max(0, Math.min(ids.length - 1, at + by))] ?? null;
}

/** The selection once the plate shown changed: kept while its task is still there, else none. */
export function keptSelection(ids: readonly string[], selectedId: string | null): string | null {
  return selectedId !== null && ids.includes(selectedId) ? selectedId : null;
}
