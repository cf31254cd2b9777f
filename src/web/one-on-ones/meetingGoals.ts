import type { Goal, ParticipantGoals } from "../../contract";

/** One participant's goals as the meeting shows them, under a heading of whose they are. */
export interface GoalsOfParticipant {
  personId: string;
  heading: string;
  goals: Goal[];
}

export interface MeetingGoalsView {
  /** A card for each participant with active goals, in the order the meeting gave them. */
  shown: GoalsOfParticipant[];
  /** One line for those without, or null when every participant shown has goals. */
  noneLine: string | null;
}

/**
 * What a meeting's "Goals" section shows: a card per participant with active goals, and in one
 * line who has none (or that nobody has any), so that no empty box stands on the page.
 */
export function meetingGoalsView(
  goals: readonly ParticipantGoals[],
  meId: string,
  nameOf: (id: string) => string,
): MeetingGoalsView {
  const shown = goals
    .filter((participant) => participant.goals.length > 0)
    .map((participant) => ({
      personId: participant.personId,
      heading: participant.personId === meId ? "Your goals" : `${nameOf(participant.personId)}'s goals`,
      goals: participant.goals,
    }));
  const without = goals.filter((participant) => participant.goals.length === 0);
  if (shown.length === 0) return { shown, noneLine: "No active goals." };
  const [only] = without;
  if (!only) return { shown, noneLine: null };
  return {
    shown,
    noneLine:
      only.personId === meId ? "You have no active goals." : `${nameOf(only.personId)} has no active goals.`,
  };
}
