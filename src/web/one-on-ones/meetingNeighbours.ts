import type { Meeting } from "../../contract";

type Listed = Pick<Meeting, "id" | "scheduledAt">;

/**
 * The meetings just before and after one, by when they are, from a series' upcoming and past lists
 * (either may also hold it); null at either end, or when the lists do not reach it.
 */
export function meetingNeighbours(
  meetingId: string,
  upcoming: readonly Listed[],
  past: readonly Listed[],
): { previous: Listed | null; next: Listed | null } {
  const byId = new Map([...past, ...upcoming].map((meeting) => [meeting.id, meeting]));
  const ordered = [...byId.values()].sort(
    (a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt) || a.id.localeCompare(b.id),
  );
  const index = ordered.findIndex((meeting) => meeting.id === meetingId);
  if (index === -1) return { previous: null, next: null };
  return { previous: ordered[index - 1] ?? null, next: ordered[index + 1] ?? null };
}
