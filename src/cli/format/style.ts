/** The few styles the command line uses, as ANSI SGR codes (on, off). */
const codes = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
} as const;

export type Style = keyof typeof codes;

/** Styles a piece of text; the identity when colour is off. */
export type Paint = (styles: readonly Style[], text: string) => string;

/** Colour only for a terminal, and never when `NO_COLOR` is set to anything but the empty string. */
export function colourWanted(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

export function painter(enabled: boolean): Paint {
  if (!enabled) return (_styles, text) => text;
  return (styles, text) => {
    if (styles.length === 0 || text === "") return text;
    const on = styles.map((style) => `\u001b[${codes[style][0]}m`).join("");
    const off = styles.map((style) => `\u001b[${codes[style][1]}m`).join("");
    return `${on}${text}${off}`;
  };
}
