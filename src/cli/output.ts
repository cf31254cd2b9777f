import { colourWanted, type Paint, painter } from "./format/style";

/** Where a command writes: JSON for `--json`, or lines for a person, styled when that helps. */
export interface Output {
  /** Prints the API's answer as it came, and nothing else. */
  json(raw: unknown): void;
  lines(lines: readonly string[]): void;
  paint: Paint;
  /** Terminal columns to fit lines into. */
  width: number;
}

/** Columns when stdout is not a terminal (or a terminal that does not say). */
const defaultWidth = 80;

export function terminalOutput(stream: NodeJS.WriteStream = process.stdout, env = process.env): Output {
  return {
    json: (raw) => stream.write(`${JSON.stringify(raw, null, 2)}\n`),
    lines: (lines) => {
      if (lines.length > 0) stream.write(`${lines.join("\n")}\n`);
    },
    paint: painter(colourWanted(stream, env)),
    width: stream.isTTY && stream.columns ? stream.columns : defaultWidth,
  };
}
