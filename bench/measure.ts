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
  /** The one status every answer must have (a revalidated read's 304), when not any 2xx. */
  expectedStatus?: number;
}

export interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

/**
 * Runs one load for `seconds` at 50 connections. Any error fails the bench, and so does any answer
 * but a 2xx (or, for a load that names one, any status but its `expectedStatus`).
 */
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
  const unexpected = unexpectedAnswers(result, load.expectedStatus);
  if (unexpected.length > 0 || result.errors > 0) {
    const errors = `${result.errors} errors (${result.timeouts} timeouts)`;
    throw new Error(`${load.name}: ${[...unexpected, errors].join(", ")}`);
  }
  return {
    name: load.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** What a load was answered that it should not have been, status by status (none: empty). */
function unexpectedAnswers(result: autocannon.Result, expected: number | undefined): string[] {
  if (expected === undefined) return result.non2xx > 0 ? [`${result.non2xx} non-2xx answers`] : [];
  const others = Object.entries(result.statusCodeStats ?? {})
    .filter(([status, { count }]) => Number(status) !== expected && (count ?? 0) > 0)
    .map(([status, { count }]) => `${count} answers ${status} where ${expected} was expected`);
  const answered = result.statusCodeStats?.[`${expected}`]?.count ?? 0;
  return answered === 0 && others.length === 0 ? [`no answer ${expected}`] : others;
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
