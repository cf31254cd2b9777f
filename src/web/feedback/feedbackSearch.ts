export const FEEDBACK_TABS = ["received", "given", "asked", "sent", "team"] as const;
export type FeedbackTab = (typeof FEEDBACK_TABS)[number];

/**
 * What the Feedback page's address says: which list is shown (received by default), and on the
 * team's list, whose feedback.
 */
export interface FeedbackSearch {
  tab?: Exclude<FeedbackTab, "received">;
  personId?: string;
}

export function parseFeedbackSearch(search: Record<string, unknown>): FeedbackSearch {
  const tab = FEEDBACK_TABS.find((name) => name === search.tab);
  if (tab === "team" && typeof search.personId === "string") return { tab, personId: search.personId };
  return tab && tab !== "received" ? { tab } : {};
}
