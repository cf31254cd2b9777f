import { describe, expect, it } from "vitest";
import type { InboxItem } from "../../contract/inbox";
import { type InboxPages, unreadAfter, unreadAmong, withEntriesRead } from "./readState";

const entry = (id: string, readAt: string | null = null): InboxItem => ({
  id,
  kind: "task.added",
  actorId: "manny",
  at: "2026-03-14T09:30:00.000Z",
  readAt,
  count: 1,
  title: id,
});
const pages = (unread: number): InboxPages => ({
  pageParams: [undefined, "2026-03-14T09:00:00.000Z"],
  pages: [
    { unread, items: [entry("a"), entry("b", "2026-03-14T10:00:00.000Z")] },
    { unread, items: [entry("c")] },
  ],
});
const at = "2026-03-15T08:00:00.000Z";

describe("marking inbox entries read", () => {
  it("counts only the chosen entries that were unread", () => {
    expect(unreadAmong(pages(5), ["a", "b"])).toBe(1);
    expect(unreadAmong(pages(5), "all")).toBe(2);
    expect(unreadAmong(undefined, "all")).toBe(0);
  });

  it("lowers the unread count, to none when everything is marked", () => {
    expect(unreadAfter(5, ["a"], 1)).toBe(4);
    expect(unreadAfter(5, "all", 2)).toBe(0);
    expect(unreadAfter(0, ["a"], 1)).toBe(0);
  });

  it("marks the chosen entries read on every page, leaving those already read alone", () => {
    const next = withEntriesRead(pages(5), ["a", "c"], at);
    expect(next.pages.flatMap((page) => page.items.map((item) => item.readAt))).toEqual([
      at,
      "2026-03-14T10:00:00.000Z",
      at,
    ]);
    expect(next.pages.map((page) => page.unread)).toEqual([3, 3]);
    expect(next.pageParams).toEqual(pages(5).pageParams);
  });

  it("marks every entry read with all", () => {
    const next = withEntriesRead(pages(9), "all", at);
    expect(next.pages.every((page) => page.unread === 0 && page.items.every((item) => item.readAt))).toBe(
      true,
    );
  });
});
