import type { Transaction } from "kysely";
import type { ApiToken, CreateToken } from "../../contract/tokens";
import type { Actor } from "../../core/access";
import { notFound, ruleViolated } from "../../core/errors";
import { tokenCapProblem, tokenExpiry } from "../../core/personal-tokens";
import { recordAudit } from "../audit/record";
import type { AppContext } from "../context";
import { lockPlate } from "../db/dialect";
import type { Database } from "../db/schema";
import { digestSecret, newId, newSecret } from "../platform/ids";
import { countLiveTokens, deleteToken, insertToken, listTokens } from "./store";

/**
 * Creates a personal access token; its secret is returned this once and only its digest is kept.
 * The person's row lock (the one their plate's writes take) makes two creations at once count one
 * after the other, so the cap holds. Written to the organization's audit log in the same transaction.
 */
export async function createToken(ctx: AppContext, actor: Actor, input: CreateToken) {
  const token = newSecret("dkt");
  const id = newId();
  const now = ctx.clock.now();
  const createdAt = now.toISOString();
  const expiresAt = tokenExpiry(now, input.expiresInDays)?.toISOString() ?? null;
  await ctx.db.transaction().execute(async (trx) => {
    await lockPlate(trx, ctx.dialect, actor.id);
    const problem = tokenCapProblem(await countLiveTokens(trx, actor.id, createdAt));
    if (problem) throw ruleViolated(problem);
    await insertToken(trx, {
      id,
      personId: actor.id,
      name: input.name,
      tokenHash: digestSecret(token),
      createdAt,
      expiresAt,
    });
    await auditToken(trx, actor, createdAt, "token.created", { to: { id, name: input.name, expiresAt } });
  });
  return { id, name: input.name, token, expiresAt };
}

export async function myTokens(ctx: AppContext, actor: Actor): Promise<ApiToken[]> {
  return listTokens(ctx.db, actor.id);
}

/** Revokes one of the caller's own tokens (any other is 404), with its entry in the audit log. */
export async function revokeToken(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const revoked = await deleteToken(trx, actor.id, id);
    if (!revoked) throw notFound("Token");
    await auditToken(trx, actor, at, "token.revoked", { from: { id, name: revoked.name } });
  });
}

/** A person in an organization has their tokens in its audit log; someone in none has no log to keep. */
async function auditToken(
  trx: Transaction<Database>,
  actor: Actor,
  at: string,
  action: "token.created" | "token.revoked",
  change: { from?: unknown; to?: unknown },
): Promise<void> {
  if (actor.organizationId === null) return;
  await recordAudit(trx, {
    organizationId: actor.organizationId,
    actorId: actor.id,
    at,
    action,
    personId: actor.id,
    ...change,
  });
}
