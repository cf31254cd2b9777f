import type { PlateSubject, TaskSubject } from "../../core/access";
import { notFound } from "../../core/errors";
import { chainAbove, findPerson, type PersonRow } from "../people/store";
import type { TaskRow } from "./store";

type Db = Parameters<typeof findPerson>[0];

/** A person's plate as authorization sees it, with the owner's row; 404 when there is no such person. */
export async function loadPlate(db: Db, ownerId: string): Promise<{ owner: PersonRow; plate: PlateSubject }> {
  const owner = await findPerson(db, ownerId);
  if (!owner) throw notFound("Person");
  const chain = owner.manager_id === null ? [] : await chainAbove(db, owner.id);
  return { owner, plate: { ownerId: owner.id, organizationId: owner.organization_id, chain } };
}

/** A task as authorization sees it: its plate, its requester and the owner's management chain. */
export async function loadTaskSubject(db: Db, task: TaskRow): Promise<TaskSubject> {
  return {
    ownerId: task.owner_id,
    organizationId: task.organization_id,
    requesterId: task.requester_id,
    chain: await chainAbove(db, task.owner_id),
  };
}

/** What deciding who hears of a change needs: the owner, the requester, the owner's chain. */
export type Audience = Pick<TaskSubject, "ownerId" | "requesterId" | "chain">;

/** Who hears of a change to a task: its owner, its requester and the owner's management chain. */
export function audienceOf(subject: Audience): string[] {
  return [...new Set([subject.ownerId, subject.requesterId, ...subject.chain])];
}
