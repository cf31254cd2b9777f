import type { Kysely } from "kysely";
import type { Actor } from "../../core/access";
import { precompiled } from "../db/precompiled";
import type { Database } from "../db/schema";

export interface SessionActor extends Actor {
  expiresAt: string;
}

/** The person behind a session token, with when the session expires, in one query. */
export async function findSessionActor(
  db: Kysely<Database>,
  token: string,
): Promise<SessionActor | undefined> {
  return sessionActor.first(db, { token });
}

const sessionActor = precompiled<{ token: string }, SessionActor>((db, $) =>
  db
    .selectFrom("session")
    .innerJoin("person", "person.id", "session.person_id")
    .select([
      "person.id as id",
      "person.organization_id as organizationId",
      "person.role as role",
      "session.expires_at as expiresAt",
    ])
    .where("session.token", "=", $("token")),
);
