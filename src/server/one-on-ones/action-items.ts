import type { CreateActionItem } from "../../contract/one-on-ones";
import type { Task } from "../../contract/tasks";
import { type Actor, requireOrganization } from "../../core/access";
import type { AppContext } from "../context";
import { deliverMail } from "../mail/outbound";
import { addToPlate } from "../tasks/create";
import { publishTaskChange } from "../tasks/live";
import { presentTask } from "../tasks/present";
import { publishMeetingChange } from "./live";
import { meetingFor } from "./read";

/**
 * An action item of a meeting: a task added to its owner's plate through the normal add (placed
 * when the actor may place there, in the owner's triage otherwise), remembering the meeting.
 */
export async function addActionItem(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  input: CreateActionItem,
): Promise<Task> {
  requireOrganization(actor);
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const { series, meeting } = await meetingFor(trx, actor, meetingId, "oneOnOne.write");
    const { ownerId, ...task } = input;
    const added = await addToPlate(ctx, trx, actor, ownerId, task, {
      requestId: null,
      meetingId: meeting.id,
      at: now.toISOString(),
    });
    return { series, meetingId: meeting.id, added };
  });
  const { added } = outcome;
  const participants = [outcome.series.first_person_id, outcome.series.second_person_id];
  await publishTaskChange(ctx, added.task, { ...added.subject, meetingParticipantIds: participants });
  await publishMeetingChange(ctx, outcome.series, [outcome.meetingId]);
  if (added.mailIds.length > 0) await deliverMail(ctx, { ids: added.mailIds });
  return presentTask(added.task, added.position, now);
}
