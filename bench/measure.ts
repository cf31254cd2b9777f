import autocannon from "autocannon";

export const connections = 50;

export interface Load {
  name: string;
  method?: "GET" | "POST" | "PATCH";
  /** The path of the n-th request (a counter shared by every connection), so writes spread out. */
  path: (n: number) => string;
  body?: (n: number) => unknown;
  /** The same headers on every request, or the n-th request's (when the caller varies too). */
  headers: Record<string, string> | ((n: number) => Record<string, string>);
  /** How long one answer may take before it counts as an error (autocannon's default: 10 s). */
  timeoutSeconds?: number;
  /** Connections at once, when not the usual 50. */
  connections?: number;
}

export interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

/** Runs one load for `seconds` at 50 connections; any non-2xx answer or error fails the bench. */
export async function measure(base: string, load: Load, seconds: number): Promise<Figures> {
  let counter = 0;
  const result = await autocannon({
    url: base,
    connections: load.connections ?? connections,
    duration: seconds,
    ...(load.timeoutSeconds === undefined ? {} : { timeout: load.timeoutSeconds }),
    requests: [
      {
        method: load.method ?? "GET",
        setupRequest: (request) => {
          const n = counter++;
          const body = load.body?.(n);
          return {
            ...request,
            path: load.path(n),
            headers: {
              ...(typeof load.headers === "function" ? load.headers(n) : load.headers),
              ...(body === undefined ? {} : { "content-type": "application/json" }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${load.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors (${result.timeouts} timeouts)`,
    );
  }
  return {
    name: load.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

export function printTable(title: string, rows: Figures[], baseline: Figures): void {
  console.log(`\n${title}\n`);
  console.log(
    `${"endpoint".padEnd(44)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"vs baseline".padStart(12)}`,
  );
  for (const row of rows) {
    const ratio = `${((row.requestsPerSecond / baseline.requestsPerSecond) * 100).toFixed(0)} %`;
    console.log(
      `${row.name.padEnd(44)} ${row.requestsPerSecond.toFixed(0).padStart(8)} ${String(row.p50).padStart(7)} ${String(row.p99).padStart(7)} ${ratio.padStart(12)}`,
    );
  }
}
