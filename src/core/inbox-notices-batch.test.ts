import { describe, expect, it } from "vitest";
import { coalescedData, noticesFor, type TaskChangeFacts } from "./inbox-notices";

const facts = (overrides: Partial<TaskChangeFacts>): TaskChangeFacts => ({
  taskId: "t1",
  title: "Row one",
  ownerId: "owner",
  requesterId: "manager",
  requestId: null,
  actorId: "manager",
  changes: [{ kind: "created", to: 4 }],
  ...overrides,
});

describe("noticesFor: the tasks of one import", () => {
  it("gives every task the import adds one coalescing key, so that its owner hears of them once", () => {
    const [first] = noticesFor(facts({ batchId: "b1" }));
    const [second] = noticesFor(
      facts({ batchId: "b1", taskId: "t2", title: "Row two", changes: [{ kind: "created", to: 5 }] }),
    );
    if (first === undefined || second === undefined) throw new Error("the owner hears of both");
    expect([first.personId, first.kind, first.coalesceKey]).toEqual(["owner", "task.added", "added:b1"]);
    expect(second.coalesceKey).toBe("added:b1");
    // Joined, the entry names the latest task and where it went.
    expect(coalescedData(first.data, second.data)).toEqual({ title: "Row two", to: 5 });
  });

  it("leaves single adds, another import's and the owner's own as they were", () => {
    expect(noticesFor(facts({}))[0]?.coalesceKey).toBeNull();
    expect(noticesFor(facts({ batchId: "b2" }))[0]?.coalesceKey).toBe("added:b2");
    expect(noticesFor(facts({ batchId: "b1", actorId: "owner" }))).toEqual([]);
  });
});
