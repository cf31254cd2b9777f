import type { Placement, TalkingPoint } from "../../contract";

/** From how many carries on a point says so plainly: it keeps being put off. */
export const CARRIED_OFTEN = 3;

/**
 * Where a point goes when moved one place up (-1) or down (+1): before the point above it, after the
 * one below; null at either end.
 */
export function stepPlacement(
  points: readonly Pick<TalkingPoint, "id">[],
  id: string,
  step: -1 | 1,
): Placement | null {
  const index = points.findIndex((point) => point.id === id);
  const neighbour = index === -1 ? undefined : points[index + step];
  if (!neighbour) return null;
  return step === -1 ? { before: neighbour.id } : { after: neighbour.id };
}

/** The points as they read once one moved a place: what the list shows while the move is on its way. */
export function stepped<T extends Pick<TalkingPoint, "id">>(
  points: readonly T[],
  id: string,
  step: -1 | 1,
): T[] {
  const index = points.findIndex((point) => point.id === id);
  const target = index + step;
  const moved = points[index];
  if (index === -1 || !moved || target < 0 || target >= points.length) return [...points];
  const rest = points.filter((point) => point.id !== id);
  return [...rest.slice(0, target), moved, ...rest.slice(target)];
}

/** One of a point's two move buttons. */
export type MoveButton = "up" | "down";

/**
 * Which of a moved point's buttons holds the focus where the list shows it: the one pressed, or the
 * other once the point reached that end (pressing there again would do nothing); null when the point
 * is not shown.
 */
export function moveButtonToFocus(
  points: readonly Pick<TalkingPoint, "id">[],
  id: string,
  step: -1 | 1,
): MoveButton | null {
  const index = points.findIndex((point) => point.id === id);
  if (index === -1) return null;
  const pressed: MoveButton = step === -1 ? "up" : "down";
  const atThatEnd = step === -1 ? index === 0 : index === points.length - 1;
  if (!atThatEnd || points.length === 1) return pressed;
  return pressed === "up" ? "down" : "up";
}

/** "Carried 3 times", said once a point has been put off often; null before. */
export function carriedOftenLabel(timesCarried: number): string | null {
  return timesCarried >= CARRIED_OFTEN ? `Carried ${timesCarried} times` : null;
}
