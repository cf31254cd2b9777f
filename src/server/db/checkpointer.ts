import { resolve } from "node:path";
import { Worker } from "node:worker_threads";

/**
 * How many frames the write-ahead log may hold before the writing connection copies them into the
 * database file itself. The checkpointer keeps the log far below this; it is the bound should the
 * checkpointer fall behind or stop.
 */
export const writerCheckpointFrames = 10_000;

export interface Checkpointer {
  /** Stops the thread once its checkpoint in progress, if any, is done. */
  stop(): Promise<void>;
}

/**
 * Copies an SQLite database's write-ahead log into the database file on a thread of its own, with
 * its own connection: the copy and the syncs it ends with would otherwise hold up the thread that
 * serves requests, on the commit that happens to fill the log. It never waits for the server's
 * connections, nor they for it.
 */
export function startCheckpointer(
  file: string,
  timing: { idleMs: number; busyMs: number } = { idleMs: 100, busyMs: 0 },
): Checkpointer {
  const worker = new Worker(new URL("./checkpoint-worker.mjs", import.meta.url), {
    workerData: { file: resolve(file), ...timing },
  });
  // Without it the process would not end while the database is open.
  worker.unref();
  // A checkpointer that fails leaves the work to the writing connection (`writerCheckpointFrames`).
  worker.on("error", () => undefined);
  const exited = new Promise<void>((done) => worker.once("exit", () => done()));
  return {
    async stop() {
      // Held while it stops: a process with nothing else to do would otherwise end before it has.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
