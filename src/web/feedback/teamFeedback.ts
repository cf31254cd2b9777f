import type { Person } from "../../contract";
import { meAndBelow } from "../goals/goalOwners";

type Line = Pick<Person, "id" | "managerId">;

/** Whose feedback the team's list may show, and whose it shows now. */
export interface TeamFeedbackChoice {
  /** Everyone below me in the reporting lines, in the directory's order. */
  options: string[];
  /** The person asked for when they are below me, else the first; null when nobody reports to me. */
  chosen: string | null;
}

/**
 * A manager reads the feedback shared with managers of anyone below them: whom to offer, and whose
 * to show for the person the address asks for.
 */
export function teamFeedbackChoice(
  people: readonly Line[],
  meId: string,
  requested: string | undefined,
): TeamFeedbackChoice {
  const options = meAndBelow(people, meId).filter((id) => id !== meId);
  const chosen = requested !== undefined && options.includes(requested) ? requested : (options[0] ?? null);
  return { options, chosen };
}
