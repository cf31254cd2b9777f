import type { Kysely } from "kysely";
import type { Actor } from "../../core/access";
import { precompiled } from "../db/precompiled";
import type { Database } from "../db/schema";

export interface TokenOwner extends Actor {
  tokenId: string;
  lastUsedAt: string | null;
}

const tokenOwner = precompiled<{ tokenHash: string }, TokenOwner>((db, $) =>
  db
    .selectFrom("api_token")
    .innerJoin("person", "person.id", "api_token.person_id")
    .select([
      "person.id as id",
      "person.organization_id as organizationId",
      "person.role as role",
      "api_token.id as tokenId",
      "api_token.last_used_at as lastUsedAt",
    ])
    .where("api_token.token_hash", "=", $("tokenHash")),
);

export async function findTokenOwner(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<TokenOwner | undefined> {
  return tokenOwner.first(db, { tokenHash });
}

export async function touchToken(db: Kysely<Database>, tokenId: string, at: string): Promise<void> {
  await db.updateTable("api_token").set({ last_used_at: at }).where("id", "=", tokenId).execute();
}

export async function insertToken(
  db: Kysely<Database>,
  token: { id: string; personId: string; name: string; tokenHash: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto("api_token")
    .values({
      id: token.id,
      person_id: token.personId,
      name: token.name,
      token_hash: token.tokenHash,
      created_at: token.createdAt,
      last_used_at: null,
    })
    .execute();
}

export async function listTokens(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom("api_token")
    .select(["id", "name", "created_at as createdAt", "last_used_at as lastUsedAt"])
    .where("person_id", "=", personId)
    .orderBy("created_at", "desc")
    .execute();
}

/** Deletes the token if it is the person's own; true when one was deleted. */
export async function deleteToken(db: Kysely<Database>, personId: string, tokenId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("api_token")
    .where("id", "=", tokenId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
