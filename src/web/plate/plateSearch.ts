export const PLATE_TABS = ["open", "triage", "done", "dropped"] as const;
export type PlateTab = (typeof PLATE_TABS)[number];

/**
 * What a plate's address says: which list is shown, whether the add form is open, which goal it is
 * filtered by, which task's drawer is open.
 */
export interface PlateSearch {
  tab?: PlateTab;
  add?: boolean;
  goalId?: string;
  task?: string;
}

/** An id as the API writes them; anything else in the address is ignored. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parsePlateSearch(search: Record<string, unknown>): PlateSearch {
  const tab = PLATE_TABS.find((name) => name === search.tab);
  const add = search.add === true || search.add === "true" || search.add === 1;
  const goalId = typeof search.goalId === "string" && ID.test(search.goalId) ? search.goalId : undefined;
  const task = typeof search.task === "string" && ID.test(search.task) ? search.task : undefined;
  return {
    ...(tab && tab !== "open" ? { tab } : {}),
    ...(add ? { add: true } : {}),
    ...(goalId ? { goalId } : {}),
    ...(task ? { task } : {}),
  };
}

/**
 * Where a move shown on a filtered plate goes on the whole plate: to the place of the task it
 * lands on, so it ends just above or below that task as it did on screen. `shown` is the filtered
 * order, `all` the whole plate's; -1 when either task is not on the plate.
 */
export function indexOnWholePlate(shown: readonly string[], all: readonly string[], toIndex: number): number {
  const target = shown[toIndex];
  return target === undefined ? -1 : all.indexOf(target);
}
