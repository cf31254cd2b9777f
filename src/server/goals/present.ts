import type { CheckIn, Goal } from "../../contract/goals";
import type { Progress } from "../../core/goals";
import type { CheckInRow, GoalRow } from "./store";

/** A goal as the API answers it, with its progress and latest check-in as read beside it. */
export function presentGoal(row: GoalRow, progress: Progress, latest: CheckInRow | null): Goal {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    description: row.description,
    due: row.due_date === null ? null : { date: row.due_date },
    state: row.state,
    parentId: row.parent_id,
    progress,
    latestCheckIn: latest === null ? null : presentCheckIn(latest),
    createdAt: row.created_at,
    version: row.version,
  };
}

export function presentCheckIn(row: CheckInRow): CheckIn {
  return {
    id: row.id,
    goalId: row.goal_id,
    authorId: row.author_id,
    status: row.status,
    note: row.note,
    createdAt: row.created_at,
  };
}
