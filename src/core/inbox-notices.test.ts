import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  coalescedData,
  type Notice,
  type NoticeData,
  noticesFor,
  type TaskChangeFacts,
} from "./inbox-notices";

const owner = "owner";
const requester = "requester";
const manager = "manager";

const facts = (overrides: Partial<TaskChangeFacts>): TaskChangeFacts => ({
  taskId: "t1",
  title: "Write the report",
  ownerId: owner,
  requesterId: requester,
  requestId: null,
  actorId: owner,
  changes: [],
  ...overrides,
});

/** The notices as (person, kind, key) triples, the part most tests are about. */
const who = (notices: Notice[]) => notices.map((n) => [n.personId, n.kind, n.coalesceKey]);

describe("noticesFor: the owner", () => {
  it("hears of a task someone else added to their plate, or asked of them in triage", () => {
    const added = noticesFor(facts({ actorId: requester, changes: [{ kind: "created", to: 3 }] }));
    expect(added).toEqual([
      {
        personId: owner,
        kind: "task.added",
        taskId: "t1",
        requestId: null,
        coalesceKey: null,
        data: { title: "Write the report", to: 3 },
      },
    ]);
    const asked = noticesFor(facts({ actorId: requester, changes: [{ kind: "created", to: "triage" }] }));
    expect(who(asked)).toEqual([[owner, "task.asked", null]]);
    expect(asked[0]?.data).toEqual({ title: "Write the report", to: "triage" });
  });

  it("does not hear of a task they added themselves", () => {
    expect(
      noticesFor(facts({ actorId: owner, requesterId: owner, changes: [{ kind: "created", to: 1 }] })),
    ).toEqual([]);
  });

  it("hears of moves by someone else, coalesced per mover, with where the task went from and to", () => {
    const notices = noticesFor(facts({ actorId: manager, changes: [{ kind: "moved", from: 4, to: 1 }] }));
    expect(notices).toEqual([
      {
        personId: owner,
        kind: "task.moved",
        taskId: "t1",
        requestId: null,
        coalesceKey: "moved:manager",
        data: { title: "Write the report", from: 4, to: 1 },
      },
    ]);
    // Another task moved by the same person shares the key; another mover has their own.
    expect(
      noticesFor(facts({ taskId: "t2", actorId: manager, changes: [{ kind: "moved", from: 1, to: 2 }] }))[0]
        ?.coalesceKey,
    ).toBe("moved:manager");
    expect(
      noticesFor(facts({ actorId: requester, changes: [{ kind: "moved", from: 1, to: 2 }] }))[0]?.coalesceKey,
    ).toBe("moved:requester");
  });

  it("does not hear of their own moves, and nobody else does either", () => {
    expect(noticesFor(facts({ actorId: owner, changes: [{ kind: "moved", from: 4, to: 1 }] }))).toEqual([]);
  });

  it("hears of a re-date by someone else, coalesced per task", () => {
    const notices = noticesFor(
      facts({
        taskId: "t9",
        actorId: requester,
        changes: [{ kind: "due_changed", from: null, to: { date: "2026-12-01" } }],
      }),
    );
    expect(who(notices)).toEqual([[owner, "task.redated", "redated:t9"]]);
    expect(notices[0]?.data).toEqual({ title: "Write the report", from: null, to: { date: "2026-12-01" } });
  });

  it("hears of edits to the wording or the notes, coalesced per task", () => {
    const notices = noticesFor(
      facts({
        actorId: requester,
        changes: [{ kind: "retitled", from: "a", to: "b" }, { kind: "notes_changed" }],
      }),
    );
    expect(who(notices)).toEqual([
      [owner, "task.edited", "edited:t1"],
      [owner, "task.edited", "edited:t1"],
    ]);
    expect(notices[0]?.data).toEqual({ title: "Write the report" });
  });

  it("hears of urgency only when it is turned on", () => {
    expect(
      who(
        noticesFor(
          facts({ actorId: manager, changes: [{ kind: "urgency_changed", from: false, to: true }] }),
        ),
      ),
    ).toEqual([[owner, "task.urgent", null]]);
    expect(
      noticesFor(facts({ actorId: manager, changes: [{ kind: "urgency_changed", from: true, to: false }] })),
    ).toEqual([]);
    expect(
      noticesFor(facts({ actorId: owner, changes: [{ kind: "urgency_changed", from: false, to: true }] })),
    ).toEqual([]);
  });

  it("hears when someone else accepts a task onto their plate for them", () => {
    const notices = noticesFor(
      facts({ actorId: manager, changes: [{ kind: "accepted", from: "triage", to: 2 }] }),
    );
    expect(who(notices)).toEqual([
      [owner, "task.added", null],
      [requester, "task.accepted", null],
    ]);
    expect(notices[0]?.data).toEqual({ title: "Write the report", to: 2 });
  });

  it("ignores history kinds that concern nobody", () => {
    expect(
      noticesFor(facts({ actorId: manager, changes: [{ kind: "reopened" }, { kind: "whatever", to: 1 }] })),
    ).toEqual([]);
  });
});

describe("noticesFor: the requester", () => {
  it("hears of accepted, declined, completed and dropped when the owner's side made them", () => {
    const notices = noticesFor(
      facts({
        actorId: owner,
        changes: [
          { kind: "accepted", from: "triage", to: 5 },
          { kind: "completed" },
          { kind: "dropped", to: "No longer needed" },
        ],
      }),
    );
    expect(who(notices)).toEqual([
      [requester, "task.accepted", null],
      [requester, "task.completed", null],
      [requester, "task.dropped", null],
    ]);
    expect(notices.map((n) => n.data)).toEqual([
      { title: "Write the report", to: 5 },
      { title: "Write the report" },
      { title: "Write the report", to: "No longer needed" },
    ]);
    const declined = noticesFor(facts({ actorId: owner, changes: [{ kind: "declined", to: "Too busy" }] }));
    expect(declined).toEqual([
      {
        personId: requester,
        kind: "task.declined",
        taskId: "t1",
        requestId: null,
        coalesceKey: null,
        data: { title: "Write the report", to: "Too busy" },
      },
    ]);
  });

  it("hears a manager's completion too, while the owner hears it as well", () => {
    expect(who(noticesFor(facts({ actorId: manager, changes: [{ kind: "completed" }] })))).toEqual([
      [owner, "task.completed", null],
      [requester, "task.completed", null],
    ]);
  });

  it("does not hear of their own drop; the owner does", () => {
    const notices = noticesFor(
      facts({ actorId: requester, changes: [{ kind: "dropped", to: "Done elsewhere" }] }),
    );
    expect(who(notices)).toEqual([[owner, "task.dropped", null]]);
    expect(notices[0]?.data).toEqual({ title: "Write the report", to: "Done elsewhere" });
  });

  it("does not hear separately when they own the task themselves", () => {
    expect(
      noticesFor(
        facts({
          requesterId: owner,
          actorId: manager,
          changes: [{ kind: "completed" }, { kind: "dropped" }],
        }),
      ).map((n) => n.personId),
    ).toEqual([owner, owner]);
  });

  it("hears of a re-date by the owner, and not of one they made", () => {
    const due = { at: "2026-12-01T10:00:00.000Z" };
    expect(
      who(
        noticesFor(
          facts({ taskId: "t4", actorId: owner, changes: [{ kind: "due_changed", from: null, to: due }] }),
        ),
      ),
    ).toEqual([[requester, "task.redated", "redated:t4"]]);
    // A re-date by the requester goes to the owner only.
    expect(
      who(
        noticesFor(
          facts({
            taskId: "t4",
            actorId: requester,
            changes: [{ kind: "due_changed", from: null, to: due }],
          }),
        ),
      ),
    ).toEqual([[owner, "task.redated", "redated:t4"]]);
  });

  it("does not hear of moves, edits or urgency", () => {
    const notices = noticesFor(
      facts({
        actorId: owner,
        changes: [
          { kind: "moved", from: 1, to: 2 },
          { kind: "retitled", from: "a", to: "b" },
          { kind: "urgency_changed", from: false, to: true },
        ],
      }),
    );
    expect(notices).toEqual([]);
  });

  it("of a request hears one request.progress per request instead, keyed by the request", () => {
    const notices = noticesFor(
      facts({
        requestId: "r7",
        actorId: owner,
        changes: [{ kind: "accepted", from: "triage", to: 2 }, { kind: "completed" }],
      }),
    );
    expect(notices).toEqual([
      {
        personId: requester,
        kind: "request.progress",
        taskId: "t1",
        requestId: "r7",
        coalesceKey: "request:r7",
        data: { title: "Write the report", to: "task.accepted" },
      },
      {
        personId: requester,
        kind: "request.progress",
        taskId: "t1",
        requestId: "r7",
        coalesceKey: "request:r7",
        data: { title: "Write the report", to: "task.completed" },
      },
    ]);
    expect(
      who(noticesFor(facts({ requestId: "r7", actorId: owner, changes: [{ kind: "declined", to: "No" }] }))),
    ).toEqual([[requester, "request.progress", "request:r7"]]);
    expect(
      who(noticesFor(facts({ requestId: "r7", actorId: manager, changes: [{ kind: "dropped", to: "x" }] }))),
    ).toEqual([
      [owner, "task.dropped", null],
      [requester, "request.progress", "request:r7"],
    ]);
  });

  it("carries the request's id on the owner's notices of a request's task too", () => {
    const [notice] = noticesFor(
      facts({ requestId: "r7", actorId: requester, changes: [{ kind: "created", to: 1 }] }),
    );
    expect(notice?.requestId).toBe("r7");
    expect(notice?.personId).toBe(owner);
  });
});

describe("noticesFor: nobody hears of their own change", () => {
  const change = fc.oneof(
    fc.record({
      kind: fc.constant("created"),
      to: fc.oneof(fc.constant("triage"), fc.integer({ min: 1, max: 9 })),
    }),
    fc.record({
      kind: fc.constant("accepted"),
      from: fc.constant("triage"),
      to: fc.integer({ min: 1, max: 9 }),
    }),
    fc.record({ kind: fc.constant("declined"), to: fc.string() }),
    fc.record({
      kind: fc.constant("moved"),
      from: fc.integer({ min: 1, max: 9 }),
      to: fc.integer({ min: 1, max: 9 }),
    }),
    fc.record({
      kind: fc.constant("due_changed"),
      from: fc.constant(null),
      to: fc.constant({ date: "2026-12-01" }),
    }),
    fc.record({ kind: fc.constantFrom("retitled", "notes_changed", "completed", "reopened") }),
    fc.record({ kind: fc.constant("urgency_changed"), to: fc.boolean() }),
    fc.record({ kind: fc.constant("dropped"), to: fc.option(fc.string(), { nil: undefined }) }),
  );
  // A small pool so that actor, owner and requester often coincide.
  const person = fc.constantFrom("p1", "p2", "p3");

  it("never sends a notice to the one who acted, for any change list and any people", () => {
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 8 }),
        person,
        person,
        person,
        fc.option(fc.constantFrom("r1", "r2"), { nil: null }),
        (changes, actorId, ownerId, requesterId, requestId) => {
          const notices = noticesFor({
            taskId: "t",
            title: "T",
            ownerId,
            requesterId,
            requestId,
            actorId,
            changes,
          });
          expect(notices.filter((n) => n.personId === actorId)).toEqual([]);
          // Everyone told is the owner or the requester, and every request notice is keyed by its request.
          for (const n of notices) {
            expect([ownerId, requesterId]).toContain(n.personId);
            if (n.kind === "request.progress") expect(n.coalesceKey).toBe(`request:${requestId}`);
          }
        },
      ),
    );
  });
});

describe("coalescedData", () => {
  it("keeps the earliest from and takes the latest to", () => {
    expect(
      coalescedData({ title: "Old title", from: 7, to: 3 }, { title: "New title", from: 3, to: 1 }),
    ).toEqual({ title: "New title", from: 7, to: 1 });
  });

  it("keeps an earliest from of null (no due before) rather than the later one", () => {
    const earlier = JSON.parse(JSON.stringify({ title: "T", from: null, to: { date: "2026-12-01" } }));
    expect(
      coalescedData(earlier, { title: "T", from: { date: "2026-12-01" }, to: { date: "2026-12-05" } }),
    ).toEqual({
      title: "T",
      from: null,
      to: { date: "2026-12-05" },
    });
  });

  it("takes the later from when the earlier had none", () => {
    expect(
      coalescedData({ title: "T", to: "task.accepted" }, { title: "T", from: 2, to: "task.completed" }),
    ).toEqual({
      title: "T",
      from: 2,
      to: "task.completed",
    });
  });

  it("chains: three moves run from the first from to the last to", () => {
    const [first, ...rest]: NoticeData[] = [
      { title: "T", from: 5, to: 4 },
      { title: "T", from: 4, to: 2 },
      { title: "T", from: 2, to: 1 },
    ];
    const joined = rest.reduce(coalescedData, first as NoticeData);
    expect(joined).toEqual({ title: "T", from: 5, to: 1 });
  });
});
