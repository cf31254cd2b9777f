import type { Comment, CreateComment } from "../../contract/comments";
import { type Actor, requireOrganization, type TaskSubject } from "../../core/access";
import { commentNotices, distinctMentions, mentionsRefused, mentionsWhoCannotSee } from "../../core/comments";
import type { AppContext } from "../context";
import { addNotices } from "../inbox/store";
import { newId } from "../platform/ids";
import { publishTaskChange } from "../tasks/live";
import { presentComment } from "./present";
import { commentersOf, insertComment, peopleOf } from "./store";
import { commentedTask } from "./task";

/**
 * Comments on a task the caller may read. Everyone mentioned must be able to read it too (422
 * naming who cannot, and nothing is written). In the same transaction those mentioned, the task's
 * owner and requester, and earlier commenters hear of it through their inbox; open views of the
 * task re-read once it is written.
 */
export async function postComment(
  ctx: AppContext,
  actor: Actor,
  taskId: string,
  input: CreateComment,
): Promise<Comment> {
  requireOrganization(actor);
  const at = ctx.clock.now().toISOString();
  const mentionIds = distinctMentions(input.mentionIds);
  const { row, subject } = await ctx.db.transaction().execute(async (trx) => {
    const { task, subject } = await commentedTask(trx, actor, taskId, "comment.write");
    await assertMentionsSee(trx, actor.organizationId, subject, input.mentionIds ?? []);
    const earlierCommenters = await commentersOf(trx, task.id);
    const row = {
      id: newId(),
      task_id: task.id,
      author_id: actor.id,
      body: input.body,
      created_at: at,
      edited_at: null,
    };
    await insertComment(trx, row, mentionIds);
    const notices = commentNotices({
      taskId: task.id,
      title: task.title,
      task: subject,
      requestId: task.request_id,
      authorId: actor.id,
      mentionIds,
      earlierCommenters,
    });
    await addNotices(trx, notices, actor.id, at);
    return { row, subject };
  });
  await publishTaskChange(ctx, { id: row.task_id, owner_id: subject.ownerId, updated_at: at }, subject);
  return presentComment(row, mentionIds);
}

/** 422 unless everyone in `sent` is a person of the organization who may read the task. */
async function assertMentionsSee(
  db: Parameters<typeof commentersOf>[0],
  organizationId: string,
  task: TaskSubject,
  sent: readonly string[],
): Promise<void> {
  const ids = distinctMentions(sent);
  if (ids.length === 0) return;
  const people = await peopleOf(db, organizationId, ids);
  const cannotSee = new Set(mentionsWhoCannotSee(task, people).map((person) => person.id));
  const names = new Map(people.map((person) => [person.id, person.name]));
  const refused = ids.flatMap((id) => {
    const name = names.get(id);
    if (name !== undefined && !cannotSee.has(id)) return [];
    return [{ index: sent.indexOf(id), name: name ?? null }];
  });
  if (refused.length > 0) throw mentionsRefused(refused);
}
