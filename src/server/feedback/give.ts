import type { Feedback, GiveFeedback } from "../../contract/feedback";
import { type Actor, authorize, decide, requireOrganization } from "../../core/access";
import {
  answeredAlready,
  assertMayAnswer,
  assertNotToSelf,
  feedbackNotices,
  requestDoesNotFit,
  taskConcerns,
  taskDoesNotFit,
  teamRequestConcerns,
} from "../../core/feedback";
import type { AppContext } from "../context";
import { isUniqueViolation } from "../db/dialect";
import { addNotices } from "../inbox/store";
import { findPerson } from "../people/store";
import { newId } from "../platform/ids";
import { requestSubject } from "../requests/access";
import { assignedTasks, findRequest } from "../requests/store";
import { loadTaskSubject } from "../tasks/access";
import { findTask } from "../tasks/store";
import { presentFeedback } from "./present";
import { asksOf, findFeedbackRequest, markAnswered } from "./request-store";
import { insertFeedback } from "./store";

type Db = AppContext["db"];
type Member = Actor & { organizationId: string };

/** What feedback is about, checked: a task, a team request, or the feedback request it answers. */
interface About {
  taskId: string | null;
  requestId: string | null;
  /** The title of the task or team request, for the receiver's inbox; empty when about neither. */
  title: string;
  answers: { requestId: string; askedBy: string } | null;
}

/**
 * Gives feedback to someone of the organization, fixed once sent. With `requestId` naming a feedback
 * request, it is the caller's answer to it, given once. The receiver hears of it through the inbox
 * (and the asker, when someone else asked), in the same transaction; nothing is mailed.
 */
export async function giveFeedback(ctx: AppContext, actor: Actor, input: GiveFeedback): Promise<Feedback> {
  requireOrganization(actor);
  const receiver = await findPerson(ctx.db, input.toId);
  authorize(actor, {
    kind: "feedback.give",
    to: { id: input.toId, organizationId: receiver?.organization_id ?? null },
  });
  assertNotToSelf(actor.id, input.toId);
  const about = await aboutWhat(ctx.db, actor, input);
  const row = {
    id: newId(),
    organization_id: actor.organizationId,
    from_id: actor.id,
    to_id: input.toId,
    body: input.body,
    visibility: input.visibility,
    task_id: about.taskId,
    request_id: about.requestId,
    feedback_request_id: about.answers?.requestId ?? null,
    created_at: ctx.clock.now().toISOString(),
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (about.answers !== null) {
        // Marked first: a second answer at the same moment waits here, then finds it answered.
        const ask = { requestId: about.answers.requestId, personId: actor.id };
        if (!(await markAnswered(trx, ask, row.id, row.created_at))) throw answeredAlready();
      }
      await insertFeedback(trx, row);
      const notices = feedbackNotices({
        feedbackId: row.id,
        toId: row.to_id,
        taskId: row.task_id,
        requestId: row.request_id,
        title: about.title,
        answers: about.answers,
      });
      await addNotices(trx, notices, actor.id, row.created_at);
    });
  } catch (error) {
    // The database's own guard: one answer per person asked.
    if (isUniqueViolation(error)) throw answeredAlready();
    throw error;
  }
  return presentFeedback(row);
}

async function aboutWhat(db: Db, actor: Member, input: GiveFeedback): Promise<About> {
  const about: About = { taskId: null, requestId: null, title: "", answers: null };
  if (input.requestId !== undefined) {
    const answered = await findFeedbackRequest(db, actor.organizationId, input.requestId);
    if (answered) {
      const ask = (await asksOf(db, [answered.id])).find((one) => one.person_id === actor.id);
      assertMayAnswer(
        {
          aboutId: answered.about_id,
          askedBy: answered.asked_by,
          ask: ask ? { answeredAt: ask.answered_at } : null,
        },
        input,
      );
      about.answers = { requestId: answered.id, askedBy: answered.asked_by };
    } else {
      about.title = await teamRequestTitle(db, actor, input.requestId, input.toId);
      about.requestId = input.requestId;
    }
  }
  if (input.taskId !== undefined) {
    about.title = await taskTitle(db, actor, input.taskId, input.toId);
    about.taskId = input.taskId;
  }
  return about;
}

/** The title of a task the caller may read that the receiver owns or asked for; 422 otherwise, however it fails. */
async function taskTitle(db: Db, actor: Member, taskId: string, toId: string): Promise<string> {
  const task = await findTask(db, taskId);
  if (!task || task.organization_id !== actor.organizationId) throw taskDoesNotFit();
  const readable = decide(actor, { kind: "task.read", task: await loadTaskSubject(db, task) }) === "allow";
  if (!readable || !taskConcerns({ ownerId: task.owner_id, requesterId: task.requester_id }, toId))
    throw taskDoesNotFit();
  return task.title;
}

/** The title of a team request the caller may read that the receiver sent or was asked in; 422 otherwise. */
async function teamRequestTitle(db: Db, actor: Member, requestId: string, toId: string): Promise<string> {
  const request = await findRequest(db, requestId);
  if (!request || request.organization_id !== actor.organizationId) throw requestDoesNotFit();
  const assigneeIds = (await assignedTasks(db, [request.id])).map((task) => task.owner_id);
  const subject = requestSubject(request, assigneeIds);
  const readable = decide(actor, { kind: "request.read", request: subject }) === "allow";
  if (!readable || !teamRequestConcerns(subject, toId)) throw requestDoesNotFit();
  return request.title;
}
