import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import type { DialectName } from "./dialect";
import { foundation } from "./migrations/001-foundation";
import { tasks } from "./migrations/002-tasks";
import { requests } from "./migrations/003-requests";
import { calm } from "./migrations/004-calm";
import { audit } from "./migrations/005-audit";
import { signInAttemptsAndTokenExpiry } from "./migrations/006-sign-in-attempts-and-token-expiry";
import { bounds } from "./migrations/008-bounds";
import { oneOnOnes } from "./migrations/009-one-on-ones";
import { goalsAndFeedback } from "./migrations/010-goals-and-feedback";
import { plateVersions } from "./migrations/011-plate-versions";
import { calendarFeeds } from "./migrations/012-calendar-feeds";
import { webhooks } from "./migrations/013-webhooks";
import { comments } from "./migrations/015-comments";
import type { Database } from "./schema";

/** Every migration, in order. Names are permanent: never rename or reorder a released one. */
function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    "001-foundation": foundation(dialect),
    "002-tasks": tasks(dialect),
    "003-requests": requests(dialect),
    "004-calm": calm(dialect),
    "005-audit": audit(dialect),
    "006-sign-in-attempts-and-token-expiry": signInAttemptsAndTokenExpiry(dialect),
    "008-bounds": bounds(),
    "009-one-on-ones": oneOnOnes(dialect),
    "010-goals-and-feedback": goalsAndFeedback(dialect),
    "011-plate-versions": plateVersions(dialect),
    "012-calendar-feeds": calendarFeeds(dialect),
    "013-webhooks": webhooks(dialect),
    "015-comments": comments(dialect),
  };
}

/**
 * Brings the schema up to date. Safe to run from several instances at once: Kysely holds a lock
 * (an advisory lock on PostgreSQL) while it migrates.
 */
export async function migrateToLatest(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? "unknown error");
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${reason}`, { cause: error });
  }
}
