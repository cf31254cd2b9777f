/** The review packet PDF's page, fonts and colours. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** A4 in points, with room under the content for the footer. */
export const page = {
  width: 595.28,
  height: 841.89,
  margin: 50,
  bottomMargin: 64,
  footerY: 841.89 - 40,
} as const;

export const contentWidth = page.width - 2 * page.margin;
export const contentBottom = page.height - page.bottomMargin;

export const colors = {
  text: "#1f2328",
  muted: "#57606a",
  faint: "#8c959f",
  rule: "#d0d7de",
  tile: "#f3f5f7",
  onTime: "#2f9e44",
  late: "#e8590c",
  withoutDue: "#74c0fc",
  dropped: "#adb5bd",
} as const;

/** DejaVu Sans covers Latin, Greek and Cyrillic, so any title prints as typed. */
export const fontNames = { regular: "DejaVuSans", bold: "DejaVuSans-Bold" } as const;

let fonts: { regular: Buffer; bold: Buffer } | undefined;

export function dejaVuFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    fonts = {
      regular: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
      bold: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
    };
  }
  return fonts;
}

/** A title or reason long enough to fill a page is cut, so every item fits on one. */
export function clip(text: string, max: number): string {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  return `${characters
    .slice(0, max - 1)
    .join("")
    .trimEnd()}…`;
}
