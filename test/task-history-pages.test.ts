import { describe, expect, it } from "vitest";
import type { HistoryPage } from "../src/contract/tasks";
import { dialects } from "./support/databases";
import { founder, invite } from "./support/factories";
import { useHarness } from "./support/harness";
import { addTask, changeTask, expectProblem, historyOf } from "./support/tasks";

describe.each(dialects)("a task's history a page at a time on %s", (dialect) => {
  const h = useHarness(dialect);

  it("answers the history oldest first in pages of `limit`, with a cursor to the next while more follow", async () => {
    const owner = await founder(h.app, "Olivia Owner");
    const rita = await invite(h.app, owner, "Rita Report", { managerId: owner.id });
    let task = await addTask(owner, rita.id, { title: "Version 0" });
    for (let i = 1; i <= 6; i++)
      task = await changeTask(i % 2 ? rita : owner, task, { title: `Version ${i}` });

    const all = await historyOf(rita, task.id);
    expect(all).toHaveLength(7);
    expect(all.map((entry) => entry.to)).toEqual([1, ...[1, 2, 3, 4, 5, 6].map((i) => `Version ${i}`)]);
    const whole = await rita.client.get<HistoryPage>(`/api/v1/tasks/${task.id}/history`);
    expect(whole.body).toEqual({ items: all });

    const pages: HistoryPage[] = [];
    let cursor: string | undefined;
    do {
      const answer = await owner.client.get<HistoryPage>(
        `/api/v1/tasks/${task.id}/history?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      pages.push(answer.body);
      cursor = answer.body.nextCursor;
    } while (cursor !== undefined);
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((page) => page.items)).toEqual(all);
    // A page that ends exactly at the last entry says nothing more follows.
    const exact = await owner.client.get<HistoryPage>(`/api/v1/tasks/${task.id}/history?limit=7`);
    expect(exact.body).toEqual({ items: all });
  });

  it("refuses a cursor it did not give, and limits outside 1 to 500, with 400", async () => {
    const owner = await founder(h.app, "Olga Owner");
    const task = await addTask(owner, owner.id, { title: "Mine" });
    for (const query of [
      "cursor=bm90LWEtY3Vyc29y",
      "cursor=WyJhYmMiXQ",
      "cursor=no%20spaces",
      "limit=0",
      "limit=501",
    ]) {
      expectProblem(await owner.client.get(`/api/v1/tasks/${task.id}/history?${query}`), 400);
    }
  });
});
