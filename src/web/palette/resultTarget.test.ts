import { describe, expect, it } from "vitest";
import { type Reader, resultTarget, taskTarget } from "./resultTarget";

/** Manny manages Rita; Pete is a peer whose plate Manny may not see. */
const manny: Reader = { id: "manny", canSeePlateOf: (ownerId) => ownerId === "rita" };

describe("resultTarget", () => {
  it("opens my own task on my plate, with its drawer", () => {
    expect(resultTarget({ kind: "task", id: "t1", ownerId: "manny" }, manny)).toEqual({
      to: "/plate",
      search: { task: "t1" },
    });
  });

  it("opens a report's task on the report's plate, with its drawer", () => {
    expect(resultTarget({ kind: "task", id: "t2", ownerId: "rita" }, manny)).toEqual({
      to: "/people/$id/plate",
      params: { id: "rita" },
      search: { task: "t2" },
    });
  });

  it("reads a task on a plate I may not see before deciding where it is shown", () => {
    expect(resultTarget({ kind: "task", id: "t3", ownerId: "pete" }, manny)).toEqual({ readTask: "t3" });
    expect(resultTarget({ kind: "task", id: "t4" }, manny)).toEqual({ readTask: "t4" });
  });

  it("opens a person's plate when I may see it, else the People page", () => {
    expect(resultTarget({ kind: "person", id: "manny" }, manny)).toEqual({ to: "/plate", search: {} });
    expect(resultTarget({ kind: "person", id: "rita" }, manny)).toEqual({
      to: "/people/$id/plate",
      params: { id: "rita" },
      search: {},
    });
    expect(resultTarget({ kind: "person", id: "pete" }, manny)).toEqual({ to: "/people" });
  });

  it("opens a request or a goal on its page", () => {
    expect(resultTarget({ kind: "request", id: "r1" }, manny)).toEqual({
      to: "/requests/$id",
      params: { id: "r1" },
    });
    expect(resultTarget({ kind: "goal", id: "g1", ownerId: "pete" }, manny)).toEqual({
      to: "/goals/$id",
      params: { id: "g1" },
    });
  });
});

describe("taskTarget", () => {
  const task = { id: "t3", ownerId: "pete", requestId: null, meetingId: null };

  it("opens a task I asked for in a request on the request's page", () => {
    expect(taskTarget({ ...task, requestId: "r9", meetingId: "m1" }, manny)).toEqual({
      to: "/requests/$id",
      params: { id: "r9" },
    });
  });

  it("opens an action item of my one-on-one on the meeting's page", () => {
    expect(taskTarget({ ...task, meetingId: "m1" }, manny)).toEqual({
      to: "/meetings/$id",
      params: { id: "m1" },
    });
  });

  it("opens the owner's page for anything else asked of someone whose plate I may not see", () => {
    expect(taskTarget(task, manny)).toEqual({ to: "/people/$id/plate", params: { id: "pete" }, search: {} });
  });

  it("prefers the plate whenever I may see it", () => {
    expect(taskTarget({ ...task, ownerId: "rita", requestId: "r9" }, manny)).toEqual({
      to: "/people/$id/plate",
      params: { id: "rita" },
      search: { task: "t3" },
    });
  });
});
