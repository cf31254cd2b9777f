import type { Goal } from "../../contract";

/** One person's goals as a picker lists them. */
export interface OwnersGoals {
  ownerName: string;
  goals: readonly Pick<Goal, "id" | "title" | "state" | "parentId">[];
}

export interface GoalOptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

interface OptionRules {
  /** A goal listed even when it is not active: the one already chosen. */
  keep?: string | null;
  /** A goal left out with every goal below it: the goal whose parent is being chosen. */
  without?: string | null;
}

/** The ids of `root` and every goal below it among those known. */
function descendants(goals: readonly Pick<Goal, "id" | "parentId">[], root: string): Set<string> {
  const found = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const goal of goals) {
      if (goal.parentId && found.has(goal.parentId) && !found.has(goal.id)) {
        found.add(goal.id);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * A goal picker's choices, one group per owner: active goals only (and the one already chosen),
 * each goal once, never the goal being edited nor one below it (it cannot support itself).
 */
export function goalOptions(owners: readonly OwnersGoals[], rules: OptionRules = {}): GoalOptionGroup[] {
  const all = owners.flatMap((owner) => owner.goals);
  const excluded = rules.without ? descendants(all, rules.without) : new Set<string>();
  const seen = new Set<string>();
  const groups: GoalOptionGroup[] = [];
  for (const owner of owners) {
    const items = owner.goals
      .filter((goal) => goal.state === "active" || goal.id === rules.keep)
      .filter((goal) => !excluded.has(goal.id) && !seen.has(goal.id))
      .map((goal) => {
        seen.add(goal.id);
        return { value: goal.id, label: goal.title };
      });
    if (items.length > 0) groups.push({ group: owner.ownerName, items });
  }
  return groups;
}
