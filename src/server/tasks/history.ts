import type { Insertable } from "kysely";
import type { HistoryKind, HistoryValue } from "../../contract/tasks";
import type { TaskEventTable } from "../db/schema";

/** One entry of a task's history, before it is written: `from`/`to` are left out when undefined. */
export interface Change {
  kind: HistoryKind;
  from?: HistoryValue;
  to?: HistoryValue;
}

export function historyRows(
  taskId: string,
  actorId: string,
  at: string,
  changes: readonly Change[],
): Insertable<TaskEventTable>[] {
  return changes.map((change) => ({
    task_id: taskId,
    actor_id: actorId,
    at,
    kind: change.kind,
    from_value: change.from === undefined ? null : JSON.stringify(change.from),
    to_value: change.to === undefined ? null : JSON.stringify(change.to),
  }));
}
