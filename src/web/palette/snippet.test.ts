import { describe, expect, it } from "vitest";
import { snippetParts } from "./snippet";

describe("snippetParts", () => {
  it("marks the words between « and », without the marks", () => {
    expect(snippetParts("Write the «quarterly» «plan» for Acme")).toEqual([
      { text: "Write the ", found: false },
      { text: "quarterly", found: true },
      { text: " ", found: false },
      { text: "plan", found: true },
      { text: " for Acme", found: false },
    ]);
  });

  it("joins marks that touch into one run", () => {
    expect(snippetParts("«quarter»«ly» plan")).toEqual([
      { text: "quarterly", found: true },
      { text: " plan", found: false },
    ]);
  });

  it("reads a snippet without marks, or an empty one, as plain text", () => {
    expect(snippetParts("Nothing marked here")).toEqual([{ text: "Nothing marked here", found: false }]);
    expect(snippetParts("")).toEqual([]);
    expect(snippetParts("«»")).toEqual([]);
  });

  it("shows a mark left open, or closed without opening, as written", () => {
    expect(snippetParts("a «plan that never closes")).toEqual([
      { text: "a «plan that never closes", found: false },
    ]);
    expect(snippetParts("a plan» and «more»")).toEqual([
      { text: "a plan» and ", found: false },
      { text: "more", found: true },
    ]);
    expect(snippetParts("«a «plan»")).toEqual([
      { text: "«a ", found: false },
      { text: "plan", found: true },
    ]);
  });

  it("keeps markup as text: the snippet is never read as HTML", () => {
    expect(snippetParts("<b>«bold»</b> <img src=x onerror=alert(1)>")).toEqual([
      { text: "<b>", found: false },
      { text: "bold", found: true },
      { text: "</b> <img src=x onerror=alert(1)>", found: false },
    ]);
  });
});
