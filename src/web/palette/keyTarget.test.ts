import { describe, expect, it } from "vitest";
import { isTyping, type KeyTarget, shortcutMayAct } from "./keyTarget";

/** An element as a browser describes it: its tag, whether it is editable, and the roles around it. */
function element(tagName: string, options: { editable?: boolean; inside?: string[] } = {}): KeyTarget {
  const around = options.inside ?? [];
  return {
    tagName,
    isContentEditable: options.editable ?? false,
    closest: (selectors: string) =>
      around.find((role) => selectors.includes(`[role="${role}"]`)) === undefined ? null : {},
  };
}

describe("isTyping", () => {
  it("counts a key in a text field, a text area or a select as typing", () => {
    expect(isTyping(element("INPUT"))).toBe(true);
    expect(isTyping(element("TEXTAREA"))).toBe(true);
    expect(isTyping(element("SELECT"))).toBe(true);
    expect(isTyping(element("input"))).toBe(true);
  });

  it("counts a key in anything editable as typing, however deep inside it", () => {
    expect(isTyping(element("DIV", { editable: true }))).toBe(true);
    expect(isTyping(element("SPAN", { editable: true }))).toBe(true);
  });

  it("does not count keys on buttons, links, list items or the page", () => {
    for (const tag of ["BUTTON", "A", "LI", "BODY", "DIV"]) expect(isTyping(element(tag))).toBe(false);
  });
});

describe("shortcutMayAct", () => {
  it("acts on keys pressed on the page, a plate's row or a button on it", () => {
    expect(shortcutMayAct(null)).toBe(true);
    expect(shortcutMayAct(element("BODY"))).toBe(true);
    expect(shortcutMayAct(element("LI"))).toBe(true);
    expect(shortcutMayAct(element("BUTTON"))).toBe(true);
  });

  it("never acts while someone types", () => {
    expect(shortcutMayAct(element("INPUT"))).toBe(false);
    expect(shortcutMayAct(element("TEXTAREA"))).toBe(false);
    expect(shortcutMayAct(element("SELECT"))).toBe(false);
    expect(shortcutMayAct(element("P", { editable: true }))).toBe(false);
  });

  it("leaves keys to a dialog, a drawer, a menu or a list of options open over the page", () => {
    for (const role of ["dialog", "alertdialog", "menu", "listbox"]) {
      expect(shortcutMayAct(element("BUTTON", { inside: [role] }))).toBe(false);
    }
    expect(shortcutMayAct(element("BUTTON", { inside: ["navigation"] }))).toBe(true);
  });
});
