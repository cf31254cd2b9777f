import { type ChildProcess, spawn } from "node:child_process";

/** Starts a TypeScript entry point in its own Node process and waits until `readyUrl` answers 2xx. */
export async function startProcess(
  args: string[],
  env: Record<string, string>,
  readyUrl: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const ok = await fetch(readyUrl).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`${args.join(" ")} did not answer ${readyUrl} within 60 s`);
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

export interface BenchServers {
  /** Docket's address, serving only (no background jobs, no web app). */
  base: string;
  /** The bare baseline server's address. */
  baselineBase: string;
  stop(): Promise<void>;
}

/** Docket and the baseline side by side on one database; ready once `baselineReadyPath` answers. */
export async function startBenchServers(options: {
  dataDir: string;
  url: string;
  docketPort: number;
  baselinePort: number;
  baselineReadyPath: string;
}): Promise<BenchServers> {
  const base = `http://127.0.0.1:${options.docketPort}`;
  const baselineBase = `http://127.0.0.1:${options.baselinePort}`;
  const docket = await startProcess(
    ["src/server/main.ts"],
    {
      NODE_ENV: "production",
      PORT: String(options.docketPort),
      HOST: "127.0.0.1",
      DATA_DIR: options.dataDir,
      DATABASE_URL: options.url,
      BASE_URL: base,
      LOG_LEVEL: "warn",
      WEB_ROOT: "none",
      // A freshly seeded organization owes 10,000 first digests and 200,000 "still needed?" questions:
      // that one-time work is measured by bench/digests.ts, not mixed into the HTTP figures.
      BACKGROUND_JOBS: "off",
    },
    `${base}/api/health`,
  );
  const baseline = await startProcess(
    ["bench/baseline-server.ts"],
    { PORT: String(options.baselinePort), BENCH_DB: options.url },
    `${baselineBase}${options.baselineReadyPath}`,
  );
  return {
    base,
    baselineBase,
    async stop() {
      await stopProcess(docket);
      await stopProcess(baseline);
    },
  };
}
