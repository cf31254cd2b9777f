import { describe, expect, it } from "vitest";
import type { Placement } from "./ranks";
import {
  addTalkingPoint,
  checkedTalkingPointText,
  type FinishedState,
  finishMeeting,
  type MeetingSlot,
  rankForPoint,
  rewordTalkingPoint,
  type TalkingPoint,
  talkingPointTextLimit,
  tickTalkingPoint,
} from "./talking-points";
import { addAll, appError, applied, day, meeting, textsOn } from "./talking-points-fixtures";

describe("checkedTalkingPointText", () => {
  it("keeps lines and trims the ends", () => {
    expect(checkedTalkingPointText("  Career plans\n- next quarter\n")).toBe("Career plans\n- next quarter");
  });

  it("refuses an empty or blank point as a 400 on text", () => {
    for (const text of ["", "   ", "\n\t\n"]) {
      const error = appError(() => checkedTalkingPointText(text));
      expect(error.status).toBe(400);
      expect(error.details.errors).toEqual([{ path: "text", message: "a talking point needs some text" }]);
    }
  });

  it("takes 2,000 characters and refuses 2,001", () => {
    expect(talkingPointTextLimit).toBe(2000);
    expect(checkedTalkingPointText("x".repeat(2000))).toHaveLength(2000);
    const error = appError(() => checkedTalkingPointText("x".repeat(2001)));
    expect(error.status).toBe(400);
    expect(error.details.errors?.[0]?.path).toBe("text");
  });

  it("counts the length after trimming", () => {
    expect(checkedTalkingPointText(` ${"x".repeat(2000)} `)).toHaveLength(2000);
  });
});

describe("adding, ordering and ticking points", () => {
  it("adds each new point at the end of its meeting, not carried, not discussed", () => {
    const m1 = meeting("m1", 0);
    const points = addAll(m1, [], ["a", "b", "c"]);
    expect(textsOn("m1", points)).toEqual(["a", "b", "c"]);
    expect(points[0]).toMatchObject({
      meetingId: "m1",
      authorId: "ana",
      discussed: false,
      carriedFrom: null,
      timesCarried: 0,
    });
  });

  it("orders each meeting on its own: ranks of another meeting do not matter", () => {
    const m1 = meeting("m1", 0);
    const m2 = meeting("m2", 7);
    let points = addAll(m2, [], ["z"]);
    points = addAll(m1, points, ["a", "b"]);
    expect(textsOn("m1", points)).toEqual(["a", "b"]);
  });

  it("places a point before or after another, at the top or at the bottom", () => {
    const m1 = meeting("m1", 0);
    let points = addAll(m1, [], ["a", "b", "c"]);
    const move = (id: string, placement: Placement) => {
      const rank = rankForPoint(m1, points, placement, id);
      points = points.map((point) => (point.id === id ? { ...point, rank } : point));
    };
    move("p-c", { before: "p-a" });
    expect(textsOn("m1", points)).toEqual(["c", "a", "b"]);
    move("p-c", { after: "p-a" });
    expect(textsOn("m1", points)).toEqual(["a", "c", "b"]);
    move("p-a", "bottom");
    expect(textsOn("m1", points)).toEqual(["c", "b", "a"]);
    move("p-a", "top");
    expect(textsOn("m1", points)).toEqual(["a", "c", "b"]);
  });

  it("refuses to place a point next to one of another meeting, next to itself, or a point of another meeting", () => {
    const m1 = meeting("m1", 0);
    const m2 = meeting("m2", 7);
    let points = addAll(m1, [], ["a", "b"]);
    points = addAll(m2, points, ["z"]);
    expect(appError(() => rankForPoint(m1, points, { before: "p-z" }, "p-a")).status).toBe(422);
    expect(appError(() => rankForPoint(m1, points, { after: "p-a" }, "p-a")).status).toBe(422);
    expect(appError(() => rankForPoint(m1, points, "top", "p-z")).status).toBe(422);
    expect(appError(() => rankForPoint(m1, points, { after: "nowhere" })).message).toMatch(
      /talking point to place next to/,
    );
  });

  it("ticks and unticks a point of an upcoming meeting", () => {
    const m1 = meeting("m1", 0);
    const [point] = addAll(m1, [], ["a"]) as [TalkingPoint];
    const ticked = tickTalkingPoint(m1, point, true);
    expect(ticked.discussed).toBe(true);
    expect(tickTalkingPoint(m1, ticked, false).discussed).toBe(false);
  });

  it("takes points on an upcoming meeting whose time has passed: it may be going on right now", () => {
    const now = meeting("m1", -1);
    expect(addAll(now, [], ["raised during the meeting"])).toHaveLength(1);
  });

  it("refuses to add, reorder or tick points on a held or skipped meeting (422): add them to the next one", () => {
    for (const state of ["held", "skipped"] as const) {
      const open = meeting("m1", 0);
      const points = addAll(open, [], ["a", "b"]);
      const done = { ...open, state };
      const refusals = [
        () => addTalkingPoint(done, points, { id: "late", authorId: "ana", text: "late", createdAt: day(1) }),
        () => rankForPoint(done, points, "top", "p-b"),
        () => tickTalkingPoint(done, points[0] as TalkingPoint, true),
        () => rewordTalkingPoint(done, points[0] as TalkingPoint, "better words"),
      ];
      for (const refused of refusals) {
        const error = appError(refused);
        expect(error.status).toBe(422);
        expect(error.message).toMatch(/next meeting/);
      }
    }
  });

  it("rewords a point with its text checked as a new point's, keeping everything else", () => {
    const m1 = meeting("m1", 0);
    const [point] = addAll(m1, [], ["a"]) as [TalkingPoint];
    const reworded = rewordTalkingPoint(m1, point, "  hiring plan  ");
    expect(reworded).toEqual({ ...point, text: "hiring plan" });
    expect(appError(() => rewordTalkingPoint(m1, point, "   ")).status).toBe(400);
    expect(appError(() => rewordTalkingPoint(m1, point, "x".repeat(2001))).status).toBe(400);
  });

  it("refuses a point of another meeting when ticking", () => {
    const m1 = meeting("m1", 0);
    const m2 = meeting("m2", 7);
    const [point] = addAll(m2, [], ["z"]) as [TalkingPoint];
    expect(appError(() => tickTalkingPoint(m1, point, true)).status).toBe(422);
  });
});

describe("finishMeeting: carry-over", () => {
  it("moves every undiscussed point to the next meeting, once, first and in their order; discussed ones stay", () => {
    const m1 = meeting("m1", 0);
    const m2 = meeting("m2", 7);
    let points = addAll(m1, [], ["a", "b", "c", "d"]);
    points = addAll(m2, points, ["own"], "ben");
    points = points.map((point) => (point.id === "p-b" ? { ...point, discussed: true } : point));

    const finish = finishMeeting([m1, m2], points, "m1", "held");
    expect(finish).toMatchObject({ meetingId: "m1", state: "held", carriedTo: "m2", kept: [] });
    expect(
      finish.carried.map((move) => [move.pointId, move.meetingId, move.carriedFrom, move.timesCarried]),
    ).toEqual([
      ["p-a", "m2", "m1", 1],
      ["p-c", "m2", "m1", 1],
      ["p-d", "m2", "m1", 1],
    ]);
    points = applied(points, finish.carried);
    expect(textsOn("m1", points)).toEqual(["b"]);
    expect(textsOn("m2", points)).toEqual(["a", "c", "d", "own"]);
  });

  it("goes to the next upcoming meeting in scheduled order, whatever order they come in, skipping finished ones", () => {
    const m1 = meeting("m1", 0);
    const points = addAll(m1, [], ["a"]);
    const meetings = [
      meeting("later", 21),
      meeting("done", 7, "held"),
      meeting("earlier", -7),
      m1,
      meeting("next", 14),
    ];
    expect(finishMeeting(meetings, points, "m1", "skipped").carriedTo).toBe("next");
  });

  it("breaks a tie in scheduled time by id, so two meetings at one moment still have an order", () => {
    const points = addAll(meeting("b", 0), [], ["a"]);
    const meetings = [meeting("c", 0), meeting("b", 0), meeting("a", 0)];
    expect(finishMeeting(meetings, points, "b", "held").carriedTo).toBe("c");
  });

  it("says how many times a point was carried: three times, three", () => {
    const meetings = [0, 7, 14, 21].map((n, i) => meeting(`m${i}`, n));
    let points = addAll(meetings[0] as MeetingSlot, [], ["stubborn"]);
    for (let i = 0; i < 3; i++) {
      const finish = finishMeeting(meetings, points, `m${i}`, i === 1 ? "skipped" : "held");
      points = applied(points, finish.carried);
      meetings[i] = { ...(meetings[i] as MeetingSlot), state: finish.state };
    }
    expect(points).toEqual([
      expect.objectContaining({ meetingId: "m3", carriedFrom: "m2", timesCarried: 3, text: "stubborn" }),
    ]);
  });

  it("carries nothing when a held or skipped meeting is marked again", () => {
    const m1 = meeting("m1", 0);
    const m2 = meeting("m2", 7);
    const points = addAll(m1, [], ["a"]);
    const first = finishMeeting([m1, m2], points, "m1", "skipped");
    expect(first.carried).toHaveLength(1);
    const after = applied(points, first.carried);
    const m3 = meeting("m3", 14);
    for (const again of ["held", "skipped"] satisfies FinishedState[]) {
      const finish = finishMeeting([{ ...m1, state: "skipped" }, m2, m3], after, "m1", again);
      expect(finish).toEqual({ meetingId: "m1", state: again, carriedTo: null, carried: [], kept: [] });
    }
  });

  it("keeps the points where they are when there is no later meeting, or the series has ended", () => {
    const m1 = meeting("m1", 0);
    const points = addAll(m1, [], ["a", "b"]);
    expect(finishMeeting([m1, meeting("before", -7)], points, "m1", "held")).toMatchObject({
      carriedTo: null,
      carried: [],
      kept: ["p-a", "p-b"],
    });
    expect(finishMeeting([m1, meeting("m2", 7)], points, "m1", "held", { seriesEnded: true })).toMatchObject({
      carriedTo: null,
      carried: [],
      kept: ["p-a", "p-b"],
    });
  });

  it("follows a rescheduled meeting: moved after the next one, it carries to what is now after it", () => {
    const m1 = { ...meeting("m1", 0), scheduledAt: day(10) };
    const points = addAll(m1, [], ["a"]);
    expect(finishMeeting([m1, meeting("m2", 7), meeting("m3", 14)], points, "m1", "held").carriedTo).toBe(
      "m3",
    );
  });

  it("refuses a meeting that is not among the series' meetings", () => {
    expect(appError(() => finishMeeting([meeting("m1", 0)], [], "m9", "held")).status).toBe(404);
  });
});
