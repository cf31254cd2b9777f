import type { FastifyBaseLogger } from "fastify";

export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

/**
 * Runs background jobs at their intervals inside the serving process. A run never overlaps the
 * previous run of the same job, a failing run is logged and retried at the next tick, and `stop`
 * waits for runs in progress so shutdown never cuts one in half.
 */
export class Scheduler {
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #running = new Set<Promise<void>>();
  readonly #busy = new Set<string>();

  constructor(
    private readonly jobs: Job[],
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    for (const job of this.jobs) {
      this.#tick(job);
      const timer = setInterval(() => this.#tick(job), job.everyMs);
      timer.unref();
      this.#timers.push(timer);
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers.length = 0;
    await Promise.allSettled([...this.#running]);
  }

  #tick(job: Job): void {
    if (this.#busy.has(job.name)) return;
    this.#busy.add(job.name);
    const run = job
      .run()
      .catch((error: unknown) => this.log.error({ err: error, job: job.name }, "background job failed"))
      .finally(() => {
        this.#busy.delete(job.name);
        this.#running.delete(run);
      });
    this.#running.add(run);
  }
}
