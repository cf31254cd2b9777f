export const PLATE_TABS = ["open", "triage", "done", "dropped"] as const;
export type PlateTab = (typeof PLATE_TABS)[number];

/** What a plate's address says: which list is shown, and whether the add form is open. */
export interface PlateSearch {
  tab?: PlateTab;
  add?: boolean;
}

export function parsePlateSearch(search: Record<string, unknown>): PlateSearch {
  const tab = PLATE_TABS.find((name) => name === search.tab);
  const add = search.add === true || search.add === "true" || search.add === 1;
  return { ...(tab && tab !== "open" ? { tab } : {}), ...(add ? { add: true } : {}) };
}
