import type { ApiToken } from "../../contract/tokens";
import type { Actor } from "../../core/access";
import { notFound } from "../../core/errors";
import type { AppContext } from "../context";
import { digestSecret, newId, newSecret } from "../platform/ids";
import { deleteToken, insertToken, listTokens } from "./store";

/** Creates a personal access token; its secret is returned this once and only its digest is kept. */
export async function createToken(ctx: AppContext, actor: Actor, name: string) {
  const token = newSecret("dkt");
  const id = newId();
  await insertToken(ctx.db, {
    id,
    personId: actor.id,
    name,
    tokenHash: digestSecret(token),
    createdAt: ctx.clock.now().toISOString(),
  });
  return { id, name, token };
}

export async function myTokens(ctx: AppContext, actor: Actor): Promise<ApiToken[]> {
  return listTokens(ctx.db, actor.id);
}

export async function revokeToken(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  if (!(await deleteToken(ctx.db, actor.id, id))) throw notFound("Token");
}
