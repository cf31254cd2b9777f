// The checkpointer's thread (see checkpointer.ts). Plain JavaScript: it starts without a TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, idleMs, busyMs } = workerData;
const database = new Database(file, { fileMustExist: true });
// A checkpoint syncs the log before copying it and the database file after: never without syncing.
database.pragma("synchronous = NORMAL");
// PASSIVE waits for no reader and no writer: the server's connections never wait for this one.
const checkpoint = database.prepare("pragma wal_checkpoint(PASSIVE)");

let timer = setTimeout(run, 0);
let framesSeen = -1;

function run() {
  const [{ log }] = checkpoint.all();
  // The log changed since the last look: writes are coming in, so look again soon.
  const writing = log !== framesSeen;
  framesSeen = log;
  timer = setTimeout(run, writing ? busyMs : idleMs);
}

parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearTimeout(timer);
  database.close();
  parentPort.close();
});
