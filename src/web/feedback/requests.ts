import type { FeedbackRequest } from "../../contract";

/** "2 of 3 answered", "Nobody answered yet", "All 3 answered". */
export function answeredSummary(asked: FeedbackRequest["asked"]): string {
  const answered = asked.filter((ask) => ask.answeredAt !== null).length;
  if (answered === 0) return "Nobody answered yet";
  if (answered === asked.length) return asked.length === 1 ? "Answered" : `All ${asked.length} answered`;
  return `${answered} of ${asked.length} answered`;
}

/** When I answered a request I was asked, null while I have not, undefined when I was not asked. */
export function myAnswer(request: FeedbackRequest, meId: string): string | null | undefined {
  return request.asked.find((ask) => ask.personId === meId)?.answeredAt;
}

/** "Manny asked for feedback about Rita", "Rita asked for feedback about herself", from my side. */
export function requestHeadline(
  request: Pick<FeedbackRequest, "askedBy" | "aboutId">,
  meId: string,
  nameOf: (id: string) => string,
): string {
  const asker = request.askedBy === meId ? "You" : nameOf(request.askedBy);
  if (request.aboutId === request.askedBy) {
    return `${asker} asked for feedback about ${request.askedBy === meId ? "yourself" : "their work"}`;
  }
  const about = request.aboutId === meId ? "you" : nameOf(request.aboutId);
  return `${asker} asked for feedback about ${about}`;
}
