import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** One page of a PDF as a reader sees it: its size and each run of text where it is drawn. */
export interface PdfPage {
  width: number;
  height: number;
  runs: { str: string; x: number; y: number; width: number }[];
  /** The page's text on one line: lines joined by a space, or by nothing after a hyphen. */
  text: string;
}

/** The pages of a PDF, parsed by pdf.js. */
export async function pdfPages(pdf: Uint8Array): Promise<PdfPage[]> {
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: PdfPage[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const runs: PdfPage["runs"] = [];
    let text = "";
    for (const part of content.items) {
      if (!("str" in part)) continue;
      runs.push({ str: part.str, x: part.transform[4], y: part.transform[5], width: part.width });
      text += part.str + (part.hasEOL ? "\n" : "");
    }
    pages.push({ width, height, runs, text: squash(text.replace(/-\n/g, "-")) });
  }
  await document.destroy();
  return pages;
}

export const squash = (text: string) => text.replace(/\s+/g, " ").trim();
