import { type Actor, decide } from "../../core/access";
import { ruleViolated } from "../../core/errors";
import { maxGoalLevels, parentProblem } from "../../core/goals";
import { findGoal, goalLine, levelsFrom } from "./store";
import { subjectOfGoal } from "./subject";

type Db = Parameters<typeof findGoal>[0];

/**
 * Checks, within the writing transaction (under the organization's lock, so that two goals never
 * become each other's parents at once), that `goal` may take `parentId` as its parent: a goal the
 * actor may read, of the goal's organization, never the goal itself or one below it, and the line
 * of goals no longer than `maxGoalLevels`. 422 otherwise, never saying whether an unseen goal exists.
 */
export async function assertParent(
  db: Db,
  actor: Actor,
  goal: { id: string | null; organizationId: string },
  parentId: string,
): Promise<void> {
  const parent = await findGoal(db, parentId);
  const readable =
    parent !== undefined &&
    parent.organization_id === goal.organizationId &&
    decide(actor, { kind: "goal.read", goal: await subjectOfGoal(db, actor, parent) }) === "allow";
  if (!readable) {
    throw ruleViolated("The parent goal must be a goal you can see.", [
      { path: "parentId", message: "not a goal you can see" },
    ]);
  }
  const [line, levels] = await Promise.all([
    goalLine(db, parentId),
    goal.id === null ? 1 : levelsFrom(db, goal.id),
  ]);
  switch (parentProblem(goal.id, line, levels)) {
    case "own_ancestor":
      throw ruleViolated("A goal cannot support itself or a goal that supports it.", [
        { path: "parentId", message: "would make the goal its own ancestor" },
      ]);
    case "too_deep":
      throw ruleViolated(`Goals support one another at most ${maxGoalLevels} levels deep.`, [
        { path: "parentId", message: `more than ${maxGoalLevels} levels of goals` },
      ]);
  }
}
