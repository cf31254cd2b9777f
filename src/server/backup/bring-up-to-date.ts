import { openDatabase } from "../db/connect";
import type { DialectName } from "../db/dialect";
import { migrateToLatest } from "../db/migrate";
import { BackupError, oneLine } from "./errors";
import type { Counts } from "./sqlite-file";

/**
 * Runs the migrations on a restored database (a backup from an older version comes up to date),
 * then counts its people and tasks.
 */
export async function bringUpToDate(databaseUrl: string, dialect: DialectName): Promise<Counts> {
  const handle = openDatabase(databaseUrl, { poolSize: 1 });
  try {
    await migrateToLatest(handle.raw, dialect);
    const count = async (table: "person" | "task") => {
      const row = await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    return { people: await count("person"), tasks: await count("task") };
  } catch (error) {
    throw new BackupError(`the restored database could not be brought up to date: ${oneLine(error)}`);
  } finally {
    await handle.close();
  }
}
