import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { compareRanks, type Placement } from "./ranks";
import {
  addTalkingPoint,
  type CarriedPoint,
  checkedTalkingPointText,
  type FinishedState,
  finishMeeting,
  type MeetingSlot,
  pointsInOrder,
  rankForPoint,
  type TalkingPoint,
  talkingPointTextLimit,
  tickTalkingPoint,
} from "./talking-points";

const day = (n: number) => new Date(Date.UTC(2026, 0, 5 + n, 9, 0)).toISOString();
const meeting = (id: string, n: number, state: MeetingSlot["state"] = "upcoming"): MeetingSlot => ({
  id,
  scheduledAt: day(n),
  state,
});

/** Adds points with the given texts, in order, to `on`, each by `authorId`. */
function addAll(on: MeetingSlot, points: TalkingPoint[], texts: string[], authorId = "ana"): TalkingPoint[] {
  const all = [...points];
  for (const text of texts) {
    all.push(addTalkingPoint(on, all, { id: `p-${text}`, authorId, text, createdAt: day(-1) }));
  }
  return all;
}

/** The points after a finish's moves are written. */
function applied(points: TalkingPoint[], carried: CarriedPoint[]): TalkingPoint[] {
  const byId = new Map(carried.map((move) => [move.pointId, move]));
  return points.map((point) => {
    const move = byId.get(point.id);
    return move ? { ...point, ...move, id: point.id } : point;
  });
}

const textsOn = (meetingId: string, points: TalkingPoint[]) =>
  pointsInOrder(points.filter((point) => point.meetingId === meetingId)).map((point) => point.text);

const appError = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
};

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
      ];
      for (const refused of refusals) {
        const error = appError(refused);
        expect(error.status).toBe(422);
        expect(error.message).toMatch(/next meeting/);
      }
    }
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

type Op =
  | { kind: "add"; meeting: number; author: 0 | 1 }
  | { kind: "tick"; point: number; discussed: boolean }
  | { kind: "reorder"; point: number; other: number; where: "before" | "after" | "top" | "bottom" }
  | { kind: "mark"; meeting: number; state: FinishedState }
  | { kind: "reschedule"; meeting: number; to: number }
  | { kind: "addMeeting"; at: number }
  | { kind: "end" };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("add"), meeting: fc.nat(), author: fc.constantFrom(0, 1) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("tick"), point: fc.nat(), discussed: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("reorder"),
      point: fc.nat(),
      other: fc.nat(),
      where: fc.constantFrom("before", "after", "top", "bottom"),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("mark"),
      meeting: fc.nat(),
      state: fc.constantFrom("held", "skipped"),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("reschedule"),
      meeting: fc.nat(),
      to: fc.integer({ min: 0, max: 60 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("addMeeting"), at: fc.integer({ min: 0, max: 60 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "end" as const }) },
) as fc.Arbitrary<Op>;

const refusedWith422 = (run: () => unknown) => appError(run).status === 422;

describe("carry-over under any sequence of changes", () => {
  it("never loses or duplicates a point, and carries each undiscussed point on exactly once", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 4 }),
        fc.array(op, { maxLength: 80 }),
        (startDays, ops) => {
          let meetings: MeetingSlot[] = startDays.map((n, i) => meeting(`m${i}`, n));
          let points: TalkingPoint[] = [];
          let ended = false;
          const added: string[] = [];
          /** Per point, the meetings it was carried from, in order. */
          const carriedFrom = new Map<string, string[]>();
          /** Undiscussed points left on a finished meeting because nothing came after it. */
          const kept = new Set<string>();
          const meetingOf = (id: string) => meetings.find((m) => m.id === id) as MeetingSlot;
          const pick = <T>(list: readonly T[], n: number) => list[n % list.length] as T;

          for (const step of ops) {
            const before = points;
            if (step.kind === "add") {
              const on = pick(meetings, step.meeting);
              const fields = {
                id: `p${added.length}`,
                authorId: step.author === 0 ? "ana" : "ben",
                text: `point ${added.length}`,
                createdAt: day(0),
              };
              if (on.state === "upcoming") {
                points = [...points, addTalkingPoint(on, points, fields)];
                added.push(fields.id);
                carriedFrom.set(fields.id, []);
              } else if (!refusedWith422(() => addTalkingPoint(on, points, fields))) return false;
            } else if (step.kind === "tick" && points.length > 0) {
              const point = pick(points, step.point);
              const on = meetingOf(point.meetingId);
              if (on.state === "upcoming") {
                const ticked = tickTalkingPoint(on, point, step.discussed);
                points = points.map((p) => (p.id === point.id ? ticked : p));
              } else if (!refusedWith422(() => tickTalkingPoint(on, point, step.discussed))) return false;
            } else if (step.kind === "reorder" && points.length > 0) {
              const point = pick(points, step.point);
              const on = meetingOf(point.meetingId);
              const siblings = points.filter((p) => p.meetingId === on.id && p.id !== point.id);
              const other = siblings.length > 0 ? pick(siblings, step.other) : undefined;
              const placement: Placement =
                step.where === "top" || step.where === "bottom" || other === undefined
                  ? step.where === "top"
                    ? "top"
                    : "bottom"
                  : step.where === "before"
                    ? { before: other.id }
                    : { after: other.id };
              if (on.state === "upcoming") {
                const order = pointsInOrder(siblings).map((p) => p.id);
                const rank = rankForPoint(on, points, placement, point.id);
                points = points.map((p) => (p.id === point.id ? { ...p, rank } : p));
                const at =
                  placement === "top"
                    ? 0
                    : placement === "bottom"
                      ? order.length
                      : "before" in placement
                        ? order.indexOf(placement.before)
                        : order.indexOf(placement.after) + 1;
                order.splice(at, 0, point.id);
                const now = pointsInOrder(points.filter((p) => p.meetingId === on.id)).map((p) => p.id);
                if (now.join() !== order.join()) return false;
              } else if (!refusedWith422(() => rankForPoint(on, points, placement, point.id))) return false;
            } else if (step.kind === "mark") {
              const target = pick(meetings, step.meeting);
              const wasUpcoming = target.state === "upcoming";
              const finish = finishMeeting(meetings, points, target.id, step.state, { seriesEnded: ended });
              const leaving = pointsInOrder(points.filter((p) => p.meetingId === target.id && !p.discussed));
              if (!wasUpcoming || leaving.length === 0) {
                // Marked again, or nothing to carry: nothing moves.
                if (finish.carried.length > 0 || finish.kept.length > 0) return false;
              } else if (finish.carriedTo === null) {
                if (finish.carried.length > 0) return false;
                if (finish.kept.join() !== leaving.map((p) => p.id).join()) return false;
                for (const p of leaving) kept.add(p.id);
              } else {
                const to = meetingOf(finish.carriedTo);
                if (ended || to.state !== "upcoming") return false;
                if (Date.parse(to.scheduledAt) < Date.parse(target.scheduledAt)) return false;
                if (finish.carried.map((move) => move.pointId).join() !== leaving.map((p) => p.id).join())
                  return false;
                const ownBefore = pointsInOrder(points.filter((p) => p.meetingId === to.id)).map((p) => p.id);
                for (const move of finish.carried) {
                  const point = points.find((p) => p.id === move.pointId) as TalkingPoint;
                  const history = carriedFrom.get(point.id) as string[];
                  if (history.includes(target.id)) return false; // carried twice from one meeting
                  if (move.meetingId !== to.id || move.carriedFrom !== target.id) return false;
                  if (move.timesCarried !== point.timesCarried + 1) return false;
                  history.push(target.id);
                }
                points = applied(points, finish.carried);
                const onTo = pointsInOrder(points.filter((p) => p.meetingId === to.id)).map((p) => p.id);
                if (onTo.join() !== [...leaving.map((p) => p.id), ...ownBefore].join()) return false;
              }
              meetings = meetings.map((m) => (m.id === target.id ? { ...m, state: finish.state } : m));
            } else if (step.kind === "reschedule") {
              const target = pick(meetings, step.meeting);
              meetings = meetings.map((m) => (m.id === target.id ? { ...m, scheduledAt: day(step.to) } : m));
            } else if (step.kind === "addMeeting" && !ended) {
              meetings = [...meetings, meeting(`m${meetings.length}`, step.at)];
            } else if (step.kind === "end") {
              ended = true;
            }
            if (step.kind === "reschedule" && points !== before) return false;

            // No point lost or duplicated, each on a meeting of the series.
            const ids = points.map((p) => p.id);
            if (ids.length !== added.length || new Set(ids).size !== ids.length) return false;
            if (!added.every((id) => ids.includes(id))) return false;
            for (const p of points) {
              const on = meetings.find((m) => m.id === p.meetingId);
              if (!on) return false;
              // carriedFrom and timesCarried agree with the history of moves.
              const history = carriedFrom.get(p.id) as string[];
              if (p.timesCarried !== history.length) return false;
              if (p.carriedFrom !== (history.at(-1) ?? null)) return false;
              if (history.some((from) => meetingOf(from).state === "upcoming")) return false;
              // An undiscussed point on a finished meeting stays there only when nothing came after it.
              if (on.state !== "upcoming" && !p.discussed && !kept.has(p.id)) return false;
            }
            // Each meeting's order is strict.
            for (const m of meetings) {
              const ranks = points.filter((p) => p.meetingId === m.id).map((p) => p.rank);
              if (new Set(ranks).size !== ranks.length) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  it("orders points by rank in byte order, as the database does", () => {
    const m1 = meeting("m1", 0);
    const points = addAll(m1, [], ["a", "b", "c"]);
    const ordered = pointsInOrder([...points].reverse());
    for (let i = 1; i < ordered.length; i++) {
      expect(compareRanks((ordered[i - 1] as TalkingPoint).rank, (ordered[i] as TalkingPoint).rank)).toBe(-1);
    }
  });
});
