export const FEEDBACK_TABS = ["received", "given", "asked", "sent"] as const;
export type FeedbackTab = (typeof FEEDBACK_TABS)[number];

/** What the Feedback page's address says: which list is shown (received by default). */
export interface FeedbackSearch {
  tab?: Exclude<FeedbackTab, "received">;
}

export function parseFeedbackSearch(search: Record<string, unknown>): FeedbackSearch {
  const tab = FEEDBACK_TABS.find((name) => name === search.tab);
  return tab && tab !== "received" ? { tab } : {};
}
