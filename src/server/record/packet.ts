/** The review packet in the format asked for, with what an HTTP answer needs to carry it. */
import type { PacketFormat } from "../../contract/record";
import { fileSlug } from "../../core/file-names";
import { packetCsv } from "./packet-csv";
import type { PacketInput } from "./packet-input";
import { packetMarkdown } from "./packet-markdown";
import { packetPdf } from "./packet-pdf";

export interface RenderedPacket {
  body: Buffer | string;
  contentType: string;
  filename: string;
}

/** The packet in `format`; a PDF is drawn by `drawPdf` (on a thread of its own, when serving). */
export async function renderPacket(
  format: PacketFormat,
  input: PacketInput,
  drawPdf: (input: PacketInput) => Promise<Buffer> = packetPdf,
): Promise<RenderedPacket> {
  const filename = packetFilename(input, format);
  switch (format) {
    case "md":
      return { body: packetMarkdown(input), contentType: "text/markdown; charset=utf-8", filename };
    case "csv":
      return { body: packetCsv(input), contentType: "text/csv; charset=utf-8", filename };
    case "pdf":
      return { body: await drawPdf(input), contentType: "application/pdf", filename };
  }
}

/** `record-ada-lovelace-2025-03-01-to-2026-02-28.pdf`: ASCII letters, digits and dashes only. */
export function packetFilename(input: PacketInput, extension: PacketFormat): string {
  const { from, to } = input.record;
  return `record-${fileSlug(input.person.name)}-${from}-to-${to}.${extension}`;
}
