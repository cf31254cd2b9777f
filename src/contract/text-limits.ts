/**
 * The longest text of each kind, in UTF-16 code units (what a browser's `maxLength` counts), counted
 * once its ends are trimmed. Apart from the schemas in text.ts, so that the web app's fields count
 * against the same numbers without bringing zod along.
 */
export const textLimits = {
  personName: 120,
  organizationName: 120,
  personTitle: 120,
  taskTitle: 200,
  requestTitle: 200,
  reason: 500,
  tokenName: 80,
  notes: 20_000,
  talkingPoint: 2000,
  meetingNotes: 20_000,
  goalTitle: 200,
  goalDescription: 5000,
  checkInNote: 2000,
  feedbackBody: 5000,
  feedbackQuestion: 1000,
  webhookDescription: 500,
  comment: 10_000,
  nudgeNote: 500,
  searchText: 200,
} as const;
