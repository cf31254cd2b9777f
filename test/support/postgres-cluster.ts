import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "./processes";

export interface PostgresCluster {
  /** Connection URL of the cluster's maintenance database, as its superuser. */
  url: string;
  /** Stops the server (a fast shutdown: every connection is cut) and starts it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const candidateBinDirs = [
  process.env.PG_BIN,
  "/usr/lib/postgresql/17/bin",
  "/usr/lib/postgresql/16/bin",
  "/usr/lib/postgresql/15/bin",
];

function postgresBinDir(): string {
  const found = candidateBinDirs.find((dir) => dir && existsSync(join(dir, "initdb")));
  if (!found) {
    throw new Error(
      "PostgreSQL server binaries not found (looked in PG_BIN and /usr/lib/postgresql/*/bin). " +
        "Install them (Debian: apt-get install postgresql) — the integration tests always run on PostgreSQL too.",
    );
  }
  return found;
}

/** initdb refuses to run as root: as root, the cluster belongs to the `postgres` system user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  const uid = id("-u");
  const gid = id("-g");
  if (!Number.isInteger(uid) || uid <= 0)
    throw new Error("Running as root, but there is no 'postgres' user to own the cluster.");
  return { uid, gid };
}

/** Resolves once the server logs that it accepts connections; rejects if it exits or takes over 30 s. */
function readyToAcceptConnections(server: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`postgres did not become ready within 30 s:\n${log()}`)),
      30_000,
    );
    const onOutput = () => {
      if (log().includes("ready to accept connections")) done();
    };
    const onExit = (code: number | null) => fail(new Error(`postgres exited with ${code}:\n${log()}`));
    const cleanup = () => {
      clearTimeout(timer);
      server.stderr?.off("data", onOutput);
      server.off("exit", onExit);
    };
    const done = () => {
      cleanup();
      resolve();
    };
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    server.stderr?.on("data", onOutput);
    server.once("exit", onExit);
  });
}

/** Starts a throwaway PostgreSQL cluster on a free loopback port, tuned for tests (no fsync). */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const owner = runAs();
  const dir = mkdtempSync(join(tmpdir(), "docket-pg-"));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const dataDir = join(dir, "data");
  const init = spawnSync(
    join(bin, "initdb"),
    ["-D", dataDir, "-U", "docket", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"],
    { encoding: "utf8", ...owner },
  );
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);

  const port = await freePort();
  const launch = async (): Promise<ChildProcess> => {
    let output = "";
    const server = spawn(
      join(bin, "postgres"),
      [
        "-D",
        dataDir,
        "-p",
        String(port),
        "-k",
        dir,
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off",
        "-c",
        "max_connections=300",
      ],
      { stdio: ["ignore", "pipe", "pipe"], ...owner },
    );
    server.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    server.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    await readyToAcceptConnections(server, () => output);
    return server;
  };
  const halt = async (server: ChildProcess) => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGINT");
    await exited;
  };
  let server = await launch();
  const url = `postgres://docket@127.0.0.1:${port}/postgres`;
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  await probe.end();

  return {
    url,
    async restart() {
      await halt(server);
      server = await launch();
    },
    async stop() {
      await halt(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
