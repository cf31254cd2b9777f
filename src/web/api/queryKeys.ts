/** Every cache key of the app, so that invalidations name exactly what they refresh. */
export const queryKeys = {
  me: ["me"] as const,
  organization: (id: string) => ["organizations", id] as const,
  people: ["people"] as const,
  invitations: ["invitations"] as const,
  invitationPreview: (token: string) => ["invitation-preview", token] as const,
  tokens: ["tokens"] as const,
};
