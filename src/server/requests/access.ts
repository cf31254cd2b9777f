import type { RequestSubject } from "../../core/access";
import type { RequestRow } from "./store";

export function requestSubject(row: RequestRow, assigneeIds: readonly string[]): RequestSubject {
  return { organizationId: row.organization_id, requesterId: row.requester_id, assigneeIds };
}
