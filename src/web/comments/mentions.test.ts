import { describe, expect, it } from "vitest";
import {
  bodyOf,
  isSendKey,
  mentionChoices,
  mentionedIn,
  mentionMarkup,
  refusedMentions,
  withoutMention,
} from "./mentions";

const ada = mentionMarkup.insert({ id: "p_ada", display: "Ada Lovelace" });
const bo = mentionMarkup.insert({ id: "p_bo", display: "Bo (Design)" });

describe("mentions in a draft", () => {
  it("are written into the comment as @Name", () => {
    expect(bodyOf(`Hi ${ada}, can you look? cc ${bo}`)).toBe(
      "Hi @Ada Lovelace, can you look? cc @Bo (Design)",
    );
  });

  it("are found each once, in the order first named", () => {
    expect(mentionedIn(`${bo} and ${ada}, then ${bo} again`)).toEqual([
      { id: "p_bo", name: "Bo (Design)" },
      { id: "p_ada", name: "Ada Lovelace" },
    ]);
    expect(mentionedIn("nobody here")).toEqual([]);
  });

  it("are never read from Markdown that only looks like one", () => {
    const markdown = "See @[the plan](https://example.com/plan) and [docs](p_ada) **now**";
    expect(mentionedIn(markdown)).toEqual([]);
    expect(bodyOf(markdown)).toBe(markdown);
  });

  it("are found by the serializer where they stand, for the composer", () => {
    const draft = `Hi ${ada}!`;
    expect(mentionMarkup.findAll(draft)).toEqual([
      { markup: ada, index: 3, id: "p_ada", display: "Ada Lovelace" },
    ]);
  });

  it("become plain names when the person is taken off, others kept", () => {
    const draft = `${ada} and ${bo}, ${ada}`;
    const without = withoutMention(draft, "p_ada");
    expect(bodyOf(without)).toBe("Ada Lovelace and @Bo (Design), Ada Lovelace");
    expect(mentionedIn(without)).toEqual([{ id: "p_bo", name: "Bo (Design)" }]);
  });
});

describe("mentionChoices", () => {
  it("offers everyone but the writer, by name", () => {
    const people = [
      { id: "p_zed", name: "Zed Zimmer" },
      { id: "me", name: "Manny Manager" },
      { id: "p_ada", name: "Ada Lovelace" },
    ];
    expect(mentionChoices(people, "me")).toEqual([
      { id: "p_ada", display: "Ada Lovelace" },
      { id: "p_zed", display: "Zed Zimmer" },
    ]);
  });
});

describe("refusedMentions", () => {
  it("names the people the server refused, by their place in what was sent", () => {
    const sent = ["p_ada", "p_bo", "p_cy"];
    expect(refusedMentions(["mentionIds.1", "body", "mentionIds.2"], sent)).toEqual(
      new Set(["p_bo", "p_cy"]),
    );
    expect(refusedMentions(["mentionIds.9", "mentionIds"], sent)).toEqual(new Set());
  });
});

describe("isSendKey", () => {
  it("sends on Ctrl+Enter and Cmd+Enter, not on Enter alone", () => {
    expect(isSendKey({ key: "Enter", ctrlKey: true, metaKey: false })).toBe(true);
    expect(isSendKey({ key: "Enter", ctrlKey: false, metaKey: true })).toBe(true);
    expect(isSendKey({ key: "Enter", ctrlKey: false, metaKey: false })).toBe(false);
    expect(isSendKey({ key: "k", ctrlKey: true, metaKey: false })).toBe(false);
  });
});
