import type { Kysely, Transaction } from "kysely";
import type { Actor } from "../../core/access";
import { precompiled } from "../db/precompiled";
import type { Database } from "../db/schema";

type Db = Kysely<Database> | Transaction<Database>;

export interface TokenOwner extends Actor {
  tokenId: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
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
      "api_token.expires_at as expiresAt",
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
  db: Db,
  token: {
    id: string;
    personId: string;
    name: string;
    tokenHash: string;
    createdAt: string;
    expiresAt: string | null;
  },
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
      expires_at: token.expiresAt,
    })
    .execute();
}

/** How many of the person's tokens still work at `now`. */
export async function countLiveTokens(db: Db, personId: string, now: string): Promise<number> {
  const row = await db
    .selectFrom("api_token")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("person_id", "=", personId)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now)]))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function listTokens(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom("api_token")
    .select([
      "id",
      "name",
      "created_at as createdAt",
      "last_used_at as lastUsedAt",
      "expires_at as expiresAt",
    ])
    .where("person_id", "=", personId)
    .orderBy("created_at", "desc")
    .execute();
}

/** Deletes the token if it is the person's own; its name when one was deleted. */
export async function deleteToken(
  db: Db,
  personId: string,
  tokenId: string,
): Promise<{ name: string } | undefined> {
  return db
    .deleteFrom("api_token")
    .where("id", "=", tokenId)
    .where("person_id", "=", personId)
    .returning("name")
    .executeTakeFirst();
}

/** Forgets tokens that expired before `before`: housekeeping. */
export async function deleteTokensExpiredBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom("api_token").where("expires_at", "<", before).execute();
}
