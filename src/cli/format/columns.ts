import type { Paint, Style } from "./style";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Code points a terminal shows two columns wide: East Asian wide and full-width forms, and emoji. */
function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3041 && codePoint <= 0x33ff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xa000 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x1f680 && codePoint <= 0x1f6ff) ||
    (codePoint >= 0x1f900 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

function graphemeWidth(grapheme: string): number {
  const first = grapheme.codePointAt(0) ?? 0;
  return isWide(first) ? 2 : 1;
}

/** Text as it may reach a terminal: control characters (escape sequences included) shown as `�`. */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters replaced
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "\uFFFD");
}

/** How many terminal columns `text` takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment);
  return width;
}

/** `text` cut to at most `width` columns, ending in `…` when anything was cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return "";
  let kept = "";
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const next = graphemeWidth(segment);
    if (used + next > width - 1) break;
    kept += segment;
    used += next;
  }
  return `${kept.trimEnd()}…`;
}

export interface Cell {
  text: string;
  style?: readonly Style[];
}

export interface Column {
  align?: "left" | "right";
  /** The one column that gives way (cut with `…`) when the row is wider than the terminal. */
  flex?: boolean;
  /**
   * Moves to a line of its own under the flexible column when keeping it in the row would leave
   * the flexible one narrower than `roomyFlexWidth` (ids on an 80-column terminal).
   */
  spill?: boolean;
}

const gap = "  ";
/** The flexible column keeps at least this many columns, even when the line then overflows. */
const minFlexWidth = 12;
/** Below this width for the flexible column, spilling columns move under it. */
const roomyFlexWidth = 30;

interface Shown extends Column {
  index: number;
  width: number;
}

/** The widths of the columns in one line: each as wide as its widest cell, the flexible one cut to what is left. */
function widthsFor(columns: Shown[], width: number): Shown[] {
  const others = columns.reduce((sum, column) => (column.flex ? sum : sum + column.width), 0);
  const room = width - others - gap.length * (columns.length - 1);
  return columns.map((column) =>
    column.flex
      ? { ...column, width: Math.min(column.width, Math.max(room, Math.min(column.width, minFlexWidth))) }
      : column,
  );
}

/**
 * Rows as aligned lines of at most `width` columns: every column as wide as its widest cell, the
 * flexible one cut to what is left, spilling columns under it when the row is too narrow for them.
 * Columns empty in every row are left out.
 */
export function fitTable(rows: readonly Cell[][], columns: readonly Column[], width: number, paint: Paint) {
  const textOf = (row: readonly Cell[], index: number) => printable(row[index]?.text ?? "");
  const shown: Shown[] = columns
    .map((column, index) => ({
      ...column,
      index,
      width: Math.max(0, ...rows.map((row) => displayWidth(textOf(row, index)))),
    }))
    .filter((column) => column.width > 0);
  let inline = widthsFor(shown, width);
  let below: Shown[] = [];
  const flex = inline.find((column) => column.flex);
  const natural = shown.find((column) => column.flex)?.width ?? 0;
  if (flex && flex.width < Math.min(natural, roomyFlexWidth) && shown.some((column) => column.spill)) {
    inline = widthsFor(
      shown.filter((column) => !column.spill),
      width,
    );
    below = shown.filter((column) => column.spill);
  }
  const flexAt = inline.findIndex((column) => column.flex);
  const indent = " ".repeat(
    inline.slice(0, flexAt).reduce((sum, column) => sum + column.width + gap.length, 0),
  );
  const cellOf = (row: readonly Cell[], column: Shown) => {
    const text = truncate(textOf(row, column.index), column.width);
    const padding = " ".repeat(Math.max(0, column.width - displayWidth(text)));
    const painted = paint(row[column.index]?.style ?? [], text);
    return column.align === "right" ? padding + painted : painted + padding;
  };
  return rows.flatMap((row) => {
    const line = inline
      .map((column) => cellOf(row, column))
      .join(gap)
      .trimEnd();
    if (below.length === 0) return [line];
    const under = below
      .map((column) => paint(row[column.index]?.style ?? [], textOf(row, column.index)))
      .filter((text) => text !== "")
      .join(gap);
    return under ? [line, indent + under] : [line];
  });
}
