import type { Kysely, Migration } from "kysely";

/**
 * What the daily limits count, found without reading all of someone's history: the asks a person
 * made lately (by requester, then when), and the invitations they sent lately (by inviter, then when).
 */
export function bounds(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex("task_requester_created")
        .on("task")
        .columns(["requester_id", "created_at"])
        .execute();
      await db.schema
        .createIndex("invitation_inviter_created")
        .on("invitation")
        .columns(["invited_by_id", "created_at"])
        .execute();
    },
  };
}
