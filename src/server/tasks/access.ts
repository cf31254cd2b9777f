import { type Actor, authorize, type PlateSubject, type TaskSubject } from "../../core/access";
import { notFound } from "../../core/errors";
import { chainAbove, findPerson, type PersonRow } from "../people/store";
import type { PlateHeader, TaskRow } from "./store";

type Db = Parameters<typeof findPerson>[0];

/** A person's plate as authorization sees it, with the owner's row; 404 when there is no such person. */
export async function loadPlate(db: Db, ownerId: string): Promise<{ owner: PersonRow; plate: PlateSubject }> {
  const owner = await findPerson(db, ownerId);
  if (!owner) throw notFound("Person");
  const chain = owner.manager_id === null ? [] : await chainAbove(db, owner.id);
  return { owner, plate: { ownerId: owner.id, organizationId: owner.organization_id, chain } };
}

/** A plate's header once the caller may read that plate (404 when there is no such person, or hidden). */
export function readableHeader(actor: Actor, header: PlateHeader | undefined): PlateHeader {
  if (!header) throw notFound("Person");
  const { owner, chain } = header;
  authorize(actor, {
    kind: "plate.read",
    plate: { ownerId: owner.id, organizationId: owner.organizationId, chain },
  });
  return header;
}

/**
 * A task as authorization sees it: its plate, its requester, the owner's management chain, and the
 * pair of the one-on-one it was added from.
 */
export async function loadTaskSubject(
  db: Db,
  task: Pick<TaskRow, "owner_id" | "organization_id" | "requester_id" | "meeting_id">,
): Promise<TaskSubject> {
  const [chain, meetingParticipantIds] = await Promise.all([
    chainAbove(db, task.owner_id),
    task.meeting_id === null ? undefined : meetingParticipants(db, task.meeting_id),
  ]);
  const subject: TaskSubject = {
    ownerId: task.owner_id,
    organizationId: task.organization_id,
    requesterId: task.requester_id,
    chain,
  };
  return meetingParticipantIds === undefined ? subject : { ...subject, meetingParticipantIds };
}

async function meetingParticipants(db: Db, meetingId: string): Promise<string[]> {
  const row = await db
    .selectFrom("meeting")
    .innerJoin("one_on_one", "one_on_one.id", "meeting.series_id")
    .select(["one_on_one.first_person_id", "one_on_one.second_person_id"])
    .where("meeting.id", "=", meetingId)
    .executeTakeFirst();
  return row === undefined ? [] : [row.first_person_id, row.second_person_id];
}

/** What deciding who hears of a change needs: the owner, the requester, the owner's chain, the meeting's pair. */
export type Audience = Pick<TaskSubject, "ownerId" | "requesterId" | "chain" | "meetingParticipantIds">;

/** Who hears of a change to a task: everyone who may read it. */
export function audienceOf(subject: Audience): string[] {
  return [
    ...new Set([
      subject.ownerId,
      subject.requesterId,
      ...subject.chain,
      ...(subject.meetingParticipantIds ?? []),
    ]),
  ];
}
