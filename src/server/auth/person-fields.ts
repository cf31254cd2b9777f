import { APIError } from "better-auth/api";
import { PersonName } from "../../contract/text";

/** What a caller may send to the better-auth routes that write a person; the rest of a person is Docket's API. */
const acceptedFields: Record<string, ReadonlySet<string>> = {
  "/sign-up/email": new Set(["name", "email", "password", "image", "callbackURL", "rememberMe"]),
  "/update-user": new Set(["name", "image"]),
};

/**
 * A 400 from better-auth's routes about one field: `routes.ts` answers it as problem+json naming
 * `field`, as Docket's own routes do.
 */
function refused(field: string, message: string): APIError {
  return new APIError("BAD_REQUEST", { code: "FIELD_REFUSED", message, field });
}

/**
 * Refuses a body that sets more of a person than the route is for: better-auth would write its own
 * columns (created_at...) from whatever a sign-up or update-user carries.
 */
export function refuseForeignPersonFields(path: string, body: unknown): void {
  const accepted = acceptedFields[path];
  if (!accepted || typeof body !== "object" || body === null) return;
  for (const field of Object.keys(body)) {
    if (!accepted.has(field)) throw refused(field, `${field} cannot be set here`);
  }
}

/**
 * What better-auth may write of a person (sign-up, update-user, any later way in): the name checked
 * and trimmed as every name in Docket is, and no picture (Docket shows none, and keeps no text it
 * does not show). Docket's own columns (role, organization, manager...) are not better-auth fields:
 * it never writes them. Throws a 400 that leaves nothing written.
 */
export async function checkedPersonFields<T extends { name?: unknown; image?: unknown }>(
  person: T,
): Promise<{ data: T } | undefined> {
  const changes: Partial<{ name: string; image: null }> = {};
  if (person.name !== undefined) {
    const parsed = PersonName.safeParse(person.name);
    if (!parsed.success) throw refused("name", parsed.error.issues[0]?.message ?? "name is not valid");
    changes.name = parsed.data;
  }
  if (person.image !== undefined && person.image !== null) changes.image = null;
  return Object.keys(changes).length > 0 ? { data: { ...person, ...changes } } : undefined;
}
