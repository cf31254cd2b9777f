/**
 * A failure of backup or restore that the person running it can act on. Its message is the whole
 * story, on one line; the commands print it and exit with 1.
 */
export class BackupError extends Error {
  override name = "BackupError";
}

/** The first line of any error's message, for a one-line report. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").find((line) => line.trim() !== "") ?? "unknown error";
}
