/** Exit statuses of the command line: 0 done, 1 the server refused or cannot be reached, 2 usage. */
export const exitStatus = { ok: 0, failed: 1, usage: 2 } as const;

/** A failure the command line explains in one line and exits with. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = "CliFailure";
  }
}

/** The command line was called wrongly: exit status 2. */
export const usageError = (message: string) => new CliFailure(message, exitStatus.usage);

/** The server refused, cannot be reached, or nobody is logged in: exit status 1. */
export const failure = (message: string) => new CliFailure(message, exitStatus.failed);

/** The server answered with a problem (RFC 9457). */
export class ServerProblem extends CliFailure {
  constructor(
    message: string,
    readonly status: number,
    readonly current: unknown,
  ) {
    super(message, exitStatus.failed);
    this.name = "ServerProblem";
  }
}

/** Secrets this run knows (the token): never part of anything it prints. */
const secrets = new Set<string>();

/** Keeps a secret to blot out; only a checked token, long enough never to match ordinary words. */
export function keepSecret(secret: string): void {
  secrets.add(secret);
}

/** One line for stderr: line breaks folded, and any secret this run knows blotted out. */
export function oneLine(message: string): string {
  let line = message.replace(/\s*[\r\n]+\s*/g, " ").trim();
  for (const secret of secrets) line = line.split(secret).join("[token]");
  return line;
}
