import { AppError } from "./errors";
import {
  addTalkingPoint,
  type CarriedPoint,
  type MeetingSlot,
  pointsInOrder,
  type TalkingPoint,
} from "./talking-points";

/** Shared by the talking-point tests: meetings on given days, points added in bulk, finishes applied. */
export const day = (n: number) => new Date(Date.UTC(2026, 0, 5 + n, 9, 0)).toISOString();
export const meeting = (id: string, n: number, state: MeetingSlot["state"] = "upcoming"): MeetingSlot => ({
  id,
  scheduledAt: day(n),
  state,
});

/** Adds points with the given texts, in order, to `on`, each by `authorId`. */
export function addAll(
  on: MeetingSlot,
  points: TalkingPoint[],
  texts: string[],
  authorId = "ana",
): TalkingPoint[] {
  const all = [...points];
  for (const text of texts) {
    all.push(addTalkingPoint(on, all, { id: `p-${text}`, authorId, text, createdAt: day(-1) }));
  }
  return all;
}

/** The points after a finish's moves are written. */
export function applied(points: TalkingPoint[], carried: CarriedPoint[]): TalkingPoint[] {
  const byId = new Map(carried.map((move) => [move.pointId, move]));
  return points.map((point) => {
    const move = byId.get(point.id);
    return move ? { ...point, ...move, id: point.id } : point;
  });
}

export const textsOn = (meetingId: string, points: TalkingPoint[]) =>
  pointsInOrder(points.filter((point) => point.meetingId === meetingId)).map((point) => point.text);

export const appError = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
};
