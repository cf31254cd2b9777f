import { Worker } from "node:worker_threads";
import { AppError } from "../../core/errors";
import type { PacketInput } from "./packet-input";
import type { PdfJob, PdfResult } from "./pdf-worker";

/** Packets waiting for the drawing thread, at most: beyond, asking again shortly is the answer (503). */
const mostWaiting = 16;

interface Waiting {
  resolve(pdf: Buffer): void;
  reject(error: Error): void;
}

/**
 * Draws review packets on a thread of their own (`pdf-worker.ts`), one after another, so that the
 * serving thread stays free for everyone else. The thread starts with the first packet and starts
 * again after a failure; closing ends it.
 */
export class PdfRenderer {
  #worker: Worker | null = null;
  readonly #waiting = new Map<number, Waiting>();
  #nextId = 0;

  render(input: PacketInput): Promise<Buffer> {
    if (this.#waiting.size >= mostWaiting) {
      return Promise.reject(
        new AppError(
          "unavailable",
          "Many review packets are being made right now. Try again in a few seconds.",
          {
            retryAfterSeconds: 5,
          },
        ),
      );
    }
    const id = this.#nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#thread().postMessage({ id, input } satisfies PdfJob);
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker;
    const worker = startWorker();
    worker.unref();
    worker.on("message", (result: PdfResult) => this.#settle(result));
    worker.on("error", (error) => this.#failAll(worker, error));
    worker.on("exit", (code) =>
      this.#failAll(worker, new Error(`the PDF thread stopped (exit code ${code})`)),
    );
    this.#worker = worker;
    return worker;
  }

  #settle(result: PdfResult): void {
    const waiting = this.#waiting.get(result.id);
    if (!waiting) return;
    this.#waiting.delete(result.id);
    if ("error" in result) waiting.reject(new Error(result.error));
    else waiting.resolve(Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength));
  }

  #failAll(worker: Worker, error: Error): void {
    if (this.#worker === worker) this.#worker = null;
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }
}

/** The worker runs the TypeScript sources as the server does (`pdf-worker-boot.mjs` registers the loader). */
function startWorker(): Worker {
  return new Worker(new URL("./pdf-worker-boot.mjs", import.meta.url));
}
