/**
 * Who may do what: one question, "may this person do this to that?", answered in one place.
 *
 * `hide` means the subject must look as if it did not exist (404): nobody learns of another
 * organization's people or data by a 403/404 difference. `forbid` (403) is only answered where
 * the actor may already see the subject.
 */
import { AppError, notFound } from "./errors";

export type Role = "owner" | "admin" | "member";

export interface Actor {
  id: string;
  organizationId: string | null;
  role: Role | null;
}

export type Decision = "allow" | "forbid" | "hide";

export type Action =
  | { kind: "organization.read"; organizationId: string }
  | { kind: "organization.update"; organizationId: string }
  | { kind: "outbox.read" }
  | { kind: "audit.read" }
  | { kind: "webhook.manage"; organizationId: string | null }
  | { kind: "person.read"; person: { id: string; organizationId: string | null } }
  | { kind: "person.update"; person: { id: string; organizationId: string | null; role: Role | null } }
  | { kind: "person.changeRole"; person: { role: Role | null }; newRole: Role }
  | { kind: "invitation.create"; role: Role }
  | { kind: "invitation.manage" }
  | { kind: "plate.read"; plate: PlateSubject }
  | { kind: "record.read"; plate: PlateSubject }
  | { kind: "task.create"; plate: PlateSubject }
  | { kind: "task.import"; plate: PlateSubject }
  | { kind: "task.read"; task: TaskSubject }
  | { kind: "task.edit"; task: TaskSubject }
  | { kind: "task.manage"; task: TaskSubject }
  | { kind: "task.accept"; task: TaskSubject }
  | { kind: "comment.write"; task: TaskSubject }
  | { kind: "comment.edit"; task: TaskSubject; authorId: string }
  | { kind: "request.read"; request: RequestSubject }
  | { kind: "request.manage"; request: RequestSubject }
  | { kind: "request.nudge"; request: RequestSubject }
  | { kind: "oneOnOne.create"; with: { id: string; organizationId: string | null } }
  | { kind: "oneOnOne.read"; series: SeriesSubject }
  | { kind: "oneOnOne.write"; series: SeriesSubject }
  | { kind: "talkingPoint.reword"; series: SeriesSubject; authorId: string }
  | { kind: "goal.read"; goal: GoalSubject }
  | { kind: "goal.write"; goal: GoalSubject }
  | { kind: "feedback.give"; to: { id: string; organizationId: string | null } }
  | { kind: "feedback.read"; feedback: FeedbackSubject }
  | { kind: "feedbackRequest.create"; about: PlateSubject }
  | { kind: "feedbackRequest.read"; request: FeedbackRequestSubject };

/**
 * A goal as access sees it: its owner's plate (the owner and who sits above them), and who sits
 * above the actor, since everyone below the owner sees the goal too.
 */
export interface GoalSubject extends PlateSubject {
  actorChain: readonly string[];
}

/** Feedback as access sees it: who gave it, who received it, how far it goes, and the receiver's chain. */
export interface FeedbackSubject {
  organizationId: string;
  fromId: string;
  toId: string;
  visibility: "private" | "with_manager";
  receiverChain: readonly string[];
}

/** A feedback request as access sees it: who asked, and whom. */
export interface FeedbackRequestSubject {
  organizationId: string;
  askedBy: string;
  askedIds: readonly string[];
}

/** A one-on-one series as access sees it: its organization and its two participants. */
export interface SeriesSubject {
  organizationId: string;
  participantIds: readonly string[];
}

/** A request as access sees it: who asked, and who was asked. */
export interface RequestSubject {
  organizationId: string;
  requesterId: string;
  assigneeIds: readonly string[];
}

/** A person's plate as access sees it: whose it is and who sits above them (nearest first). */
export interface PlateSubject {
  ownerId: string;
  organizationId: string | null;
  chain: readonly string[];
}

/** A task as access sees it: its plate, who asked for it, and the pair of the one-on-one it came from. */
export interface TaskSubject extends PlateSubject {
  requesterId: string;
  /** The two people of the meeting it was added from as an action item, if it was. */
  meetingParticipantIds?: readonly string[];
}

/** How the actor stands to a plate: its owner, above the owner, or neither. */
export type PlateRelation = "owner" | "chain" | "other";

/** Only the two people of a one-on-one see it: not their managers, not an owner or admin. */
function isParticipant(actor: Actor, series: SeriesSubject): boolean {
  return sameOrganization(actor, series.organizationId) && series.participantIds.includes(actor.id);
}

const isAdmin = (actor: Actor) => actor.role === "owner" || actor.role === "admin";

function sameOrganization(actor: Actor, organizationId: string | null): boolean {
  return actor.organizationId !== null && actor.organizationId === organizationId;
}

/** How `actor` stands to a plate. Only the owner and their management chain may place work on it. */
export function plateRelation(actor: Actor, plate: PlateSubject): PlateRelation {
  if (!sameOrganization(actor, plate.organizationId)) return "other";
  if (actor.id === plate.ownerId) return "owner";
  return plate.chain.includes(actor.id) ? "chain" : "other";
}

/**
 * The owner and their chain may do anything to a task; its requester may read, edit and withdraw it;
 * the two people of the one-on-one it was added from may read it (it was written in their meeting).
 */
function decideTask(actor: Actor, kind: "read" | "edit" | "manage" | "accept", task: TaskSubject): Decision {
  const onPlate = plateRelation(actor, task) !== "other";
  const isRequester = sameOrganization(actor, task.organizationId) && actor.id === task.requesterId;
  if (!onPlate && !isRequester) {
    const fromTheirMeeting =
      sameOrganization(actor, task.organizationId) && (task.meetingParticipantIds ?? []).includes(actor.id);
    if (!fromTheirMeeting) return "hide";
    return kind === "read" ? "allow" : "forbid";
  }
  if (kind === "accept" && isRequester && actor.id !== task.ownerId) return "forbid";
  if (kind === "read" || kind === "edit") return "allow";
  return onPlate ? "allow" : "forbid";
}

export function decide(actor: Actor, action: Action): Decision {
  switch (action.kind) {
    case "organization.read":
      return sameOrganization(actor, action.organizationId) ? "allow" : "hide";
    case "organization.update":
      if (!sameOrganization(actor, action.organizationId)) return "hide";
      return isAdmin(actor) ? "allow" : "forbid";
    case "outbox.read":
    case "audit.read":
      return isAdmin(actor) ? "allow" : "forbid";
    case "webhook.manage":
      // An organization's webhooks are its owners' and admins' to see and change.
      if (!sameOrganization(actor, action.organizationId)) return "hide";
      return isAdmin(actor) ? "allow" : "forbid";
    case "person.read":
      return sameOrganization(actor, action.person.organizationId) ? "allow" : "hide";
    case "person.update":
      if (!sameOrganization(actor, action.person.organizationId)) return "hide";
      if (!isAdmin(actor)) return "forbid";
      // Only an owner may change anything about another owner.
      return action.person.role === "owner" && actor.role !== "owner" ? "forbid" : "allow";
    case "person.changeRole":
      if (!isAdmin(actor)) return "forbid";
      if (action.newRole === "owner" || action.person.role === "owner") {
        return actor.role === "owner" ? "allow" : "forbid";
      }
      return "allow";
    case "invitation.create":
      if (!isAdmin(actor)) return "forbid";
      return action.role === "owner" && actor.role !== "owner" ? "forbid" : "allow";
    case "invitation.manage":
      return isAdmin(actor) ? "allow" : "forbid";
    case "plate.read":
    case "record.read":
      // A track record is seen exactly like the plate it comes from.
      return plateRelation(actor, action.plate) === "other" ? "hide" : "allow";
    case "task.create":
      // Anyone in the organization may ask; whether it is placed or lands in triage is `plateRelation`.
      return sameOrganization(actor, action.plate.organizationId) ? "allow" : "hide";
    case "task.import": {
      // A file of tasks is placed on the plate as it comes: only those who place work there.
      if (plateRelation(actor, action.plate) !== "other") return "allow";
      return sameOrganization(actor, action.plate.organizationId) ? "forbid" : "hide";
    }
    case "task.read":
      return decideTask(actor, "read", action.task);
    case "task.edit":
      return decideTask(actor, "edit", action.task);
    case "task.manage":
      return decideTask(actor, "manage", action.task);
    case "task.accept":
      return decideTask(actor, "accept", action.task);
    case "comment.write":
      // Whoever may read a task reads its comments and comments on it.
      return decideTask(actor, "read", action.task);
    case "comment.edit": {
      // Only its author, and only while they may still read the task.
      const reads = decideTask(actor, "read", action.task);
      if (reads !== "allow") return reads;
      return actor.id === action.authorId ? "allow" : "forbid";
    }
    case "request.read":
    case "request.manage": {
      const { request } = action;
      if (!sameOrganization(actor, request.organizationId)) return "hide";
      if (actor.id === request.requesterId || isAdmin(actor)) return "allow";
      if (!request.assigneeIds.includes(actor.id)) return "hide";
      return action.kind === "request.read" ? "allow" : "forbid";
    }
    case "request.nudge": {
      // Only the one who asked reminds; whoever else sees the request is told so.
      const { request } = action;
      if (decide(actor, { kind: "request.read", request }) === "hide") return "hide";
      return actor.id === request.requesterId ? "allow" : "forbid";
    }
    case "oneOnOne.create":
      // Between the actor and another person of their organization (with oneself is a 422 of the input).
      return sameOrganization(actor, action.with.organizationId) ? "allow" : "hide";
    case "oneOnOne.read":
    case "oneOnOne.write":
      return isParticipant(actor, action.series) ? "allow" : "hide";
    case "talkingPoint.reword":
      // Either participant may tick or order a point; only its author may reword or delete it.
      if (!isParticipant(actor, action.series)) return "hide";
      return actor.id === action.authorId ? "allow" : "forbid";
    case "goal.read":
    case "goal.write": {
      // The owner and everyone above them see and change a goal; everyone below the owner sees it.
      const { goal } = action;
      if (plateRelation(actor, goal) !== "other") return "allow";
      if (!sameOrganization(actor, goal.organizationId) || !goal.actorChain.includes(goal.ownerId))
        return "hide";
      return action.kind === "goal.read" ? "allow" : "forbid";
    }
    case "feedback.give":
      // To anyone of the organization (to oneself is a 422 of the input).
      return sameOrganization(actor, action.to.organizationId) ? "allow" : "hide";
    case "feedback.read": {
      const { feedback } = action;
      if (!sameOrganization(actor, feedback.organizationId)) return "hide";
      if (actor.id === feedback.fromId || actor.id === feedback.toId) return "allow";
      const managerMayRead =
        feedback.visibility === "with_manager" && feedback.receiverChain.includes(actor.id);
      return managerMayRead ? "allow" : "hide";
    }
    case "feedbackRequest.create": {
      // About oneself, or, as their manager, about a report.
      const relation = plateRelation(actor, action.about);
      if (relation !== "other") return "allow";
      return sameOrganization(actor, action.about.organizationId) ? "forbid" : "hide";
    }
    case "feedbackRequest.read": {
      const { request } = action;
      if (!sameOrganization(actor, request.organizationId)) return "hide";
      return actor.id === request.askedBy || request.askedIds.includes(actor.id) ? "allow" : "hide";
    }
  }
}

const forbiddenReasons: Record<Action["kind"], string> = {
  "organization.read": "You cannot see this organization.",
  "organization.update": "Only an owner or admin can change the organization.",
  "outbox.read": "Only an owner or admin can read the outbox.",
  "audit.read": "Only an owner or admin can read the audit log.",
  "webhook.manage": "Only an owner or admin can see and change the organization's webhooks.",
  "person.read": "You cannot see this person.",
  "person.update": "Only an owner or admin can change people, and only an owner can change an owner.",
  "person.changeRole": "Only an owner can grant or take away the owner role.",
  "invitation.create": "Only an owner or admin can invite people, and only an owner can invite an owner.",
  "invitation.manage": "Only an owner or admin can manage invitations.",
  "plate.read": "You cannot see this plate.",
  "record.read": "You cannot see this record.",
  "task.create": "You cannot add work to this plate.",
  "task.import": "Only the owner of this plate and their managers can import tasks onto it.",
  "task.read": "You cannot see this task.",
  "task.edit": "You cannot change this task.",
  "task.manage": "Only the owner and their managers can place, move, start, complete or reopen this task.",
  "task.accept": "You asked for this task: its owner or their manager decides whether to take it.",
  "comment.write": "You cannot see this task.",
  "comment.edit": "Only the person who wrote a comment can edit or delete it.",
  "request.read": "You cannot see this request.",
  "request.manage": "Only the person who sent this request, or an admin, can cancel it or add people.",
  "request.nudge": "Only the person who sent this request can remind its people.",
  "oneOnOne.create": "You cannot set up a one-on-one with this person.",
  "oneOnOne.read": "You cannot see this one-on-one.",
  "oneOnOne.write": "You cannot change this one-on-one.",
  "talkingPoint.reword": "Only the person who wrote a talking point can reword or delete it.",
  "goal.read": "You cannot see this goal.",
  "goal.write": "Only the goal's owner and their managers can change it or check in on it.",
  "feedback.give": "You cannot give feedback to this person.",
  "feedback.read": "You cannot read this feedback.",
  "feedbackRequest.create": "You can ask for feedback about yourself, or about someone who reports to you.",
  "feedbackRequest.read": "You cannot see this feedback request.",
};

const hiddenSubjects: Record<Action["kind"], string> = {
  "organization.read": "Organization",
  "organization.update": "Organization",
  "outbox.read": "Outbox",
  "audit.read": "Audit log",
  "webhook.manage": "Webhook",
  "person.read": "Person",
  "person.update": "Person",
  "person.changeRole": "Person",
  "invitation.create": "Invitation",
  "invitation.manage": "Invitation",
  "plate.read": "Person",
  "record.read": "Person",
  "task.create": "Person",
  "task.import": "Person",
  "task.read": "Task",
  "task.edit": "Task",
  "task.manage": "Task",
  "task.accept": "Task",
  "comment.write": "Task",
  "comment.edit": "Comment",
  "request.read": "Request",
  "request.manage": "Request",
  "request.nudge": "Request",
  "oneOnOne.create": "Person",
  "oneOnOne.read": "One-on-one",
  "oneOnOne.write": "One-on-one",
  "talkingPoint.reword": "Talking point",
  "goal.read": "Goal",
  "goal.write": "Goal",
  "feedback.give": "Person",
  "feedback.read": "Feedback",
  "feedbackRequest.create": "Person",
  "feedbackRequest.read": "Feedback request",
};

/** Throws the right AppError unless `actor` may perform `action`. */
export function authorize(actor: Actor, action: Action): void {
  const decision = decide(actor, action);
  if (decision === "hide") throw notFound(hiddenSubjects[action.kind]);
  if (decision === "forbid") throw new AppError("forbidden", forbiddenReasons[action.kind]);
}

/** Throws unless the actor belongs to an organization (most of the API is about one). */
export function requireOrganization(
  actor: Actor,
): asserts actor is Actor & { organizationId: string; role: Role } {
  if (actor.organizationId === null || actor.role === null) {
    throw new AppError("forbidden", "Create or join an organization first.");
  }
}
