import type { AssigneeGroup } from "../../contract/requests";
import { ruleViolated } from "../../core/errors";
import type { findRequest } from "./store";
import { peopleBelow, peopleIn } from "./store";

type Db = Parameters<typeof findRequest>[0];

/**
 * The people a request goes to: the ids named, plus everyone in the groups, each once. Anyone named
 * who is not in the organization makes it a 422, naming them; so does nobody at all, unless allowed.
 */
export async function resolveAssignees(
  db: Db,
  actor: { id: string; organizationId: string },
  ids: readonly string[],
  groups: readonly AssigneeGroup[] = [],
  options: { allowNobody?: boolean } = {},
): Promise<{ id: string; name: string; time_zone: string }[]> {
  const all = new Set(ids);
  for (const group of new Set(groups)) {
    for (const id of await peopleBelow(db, actor.id, group === "everyone_below")) all.add(id);
  }
  const people = await peopleIn(db, actor.organizationId, [...all]);
  const found = new Set(people.map((person) => person.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw ruleViolated("Everyone asked must be someone in your organization.", [
      { path: "assigneeIds", message: `not in this organization: ${missing.join(", ")}` },
    ]);
  }
  if (people.length === 0 && !options.allowNobody) {
    throw ruleViolated("Nobody is in those groups yet.", [{ path: "groups", message: "no one to ask" }]);
  }
  // Plates are locked in one order everywhere, so two requests to the same people never deadlock.
  return people.sort((a, b) => (a.id < b.id ? -1 : 1));
}
