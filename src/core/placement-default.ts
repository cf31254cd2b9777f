/**
 * Where new work goes on a plate when the one adding it does not say: urgent work at the top, where
 * it is seen first; anything else at the bottom, behind what the owner already put in order.
 */
export function defaultPlacement(urgent: boolean): "top" | "bottom" {
  return urgent ? "top" : "bottom";
}
