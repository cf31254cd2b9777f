/**
 * Goals and feedback beside the bench's one-on-ones (bench/one-on-ones-seed.ts): an active goal with a
 * check-in for each manager and each report met, and the feedback a report received since their
 * last meeting, in the shape Docket's write paths leave them.
 */
import type { Rows } from "./one-on-ones-seed";
import { organizationId } from "./seed";

const hourMs = 3_600_000;

/** An active goal of `ownerId`, set three weeks ago, with a check-in a week ago. */
export function goalRows(rows: Rows, ownerId: string, id: string, now: Date): void {
  const created = new Date(now.getTime() - 21 * 24 * hourMs).toISOString();
  rows.goals.push({
    id,
    organization_id: organizationId,
    owner_id: ownerId,
    created_by: ownerId,
    title: "Grow the team's reach this quarter",
    description: "Two new customers live, and the onboarding guide rewritten.",
    due_date: null,
    state: "active",
    parent_id: null,
    created_at: created,
    updated_at: created,
    version: 1,
  });
  rows.checkIns.push({
    id: `${id}-c0`,
    goal_id: id,
    author_id: ownerId,
    status: "on_track",
    note: "First customer is live.",
    created_at: new Date(now.getTime() - 7 * 24 * hourMs).toISOString(),
  });
}

/**
 * Since the last held meeting, the manager thanked the report for a finished action item (`taskId`)
 * and a colleague gave feedback shared with the manager.
 */
export function feedbackSince(
  rows: Rows,
  people: { id: string; manager: string; report: string; colleague: string },
  taskId: string,
  since: string,
): void {
  const { id, manager, report, colleague } = people;
  rows.feedback.push(
    {
      id: `${id}-f0`,
      organization_id: organizationId,
      from_id: manager,
      to_id: report,
      body: "Thank you for closing this out so quickly.",
      visibility: "with_manager",
      task_id: taskId,
      request_id: null,
      feedback_request_id: null,
      created_at: since,
    },
    {
      id: `${id}-f1`,
      organization_id: organizationId,
      from_id: colleague,
      to_id: report,
      body: "Your review of the migration plan caught two real problems.",
      visibility: "with_manager",
      task_id: null,
      request_id: null,
      feedback_request_id: null,
      created_at: new Date(Date.parse(since) + hourMs).toISOString(),
    },
  );
}
