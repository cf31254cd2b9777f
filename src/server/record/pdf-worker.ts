/**
 * The thread review packets are drawn on: laying out a PDF takes a tenth of a second or more of
 * steady work, which on the serving thread would hold up every other request meanwhile.
 */
import { parentPort } from "node:worker_threads";
import type { PacketInput } from "./packet-input";
import { packetPdf } from "./packet-pdf";

export interface PdfJob {
  id: number;
  input: PacketInput;
}

export type PdfResult = { id: number; pdf: Uint8Array } | { id: number; error: string };

parentPort?.on("message", async ({ id, input }: PdfJob) => {
  try {
    const pdf = await packetPdf(input);
    parentPort?.postMessage({ id, pdf } satisfies PdfResult);
  } catch (error) {
    parentPort?.postMessage({ id, error: String(error) } satisfies PdfResult);
  }
});
