import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareRanks, type Placement } from "./ranks";
import {
  addTalkingPoint,
  type FinishedState,
  finishMeeting,
  type MeetingSlot,
  pointsInOrder,
  rankForPoint,
  type TalkingPoint,
  tickTalkingPoint,
} from "./talking-points";
import { addAll, appError, applied, day, meeting } from "./talking-points-fixtures";

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
