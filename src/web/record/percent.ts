/**
 * A share as a whole percentage, "83%". Never rounds to 0% when something counted, nor to 100% when
 * something fell short: 199 of 200 on time reads 99%, not 100%.
 */
export function formatPercent(share: number): string {
  const rounded = Math.round(share * 100);
  if (rounded === 100 && share < 1) return "99%";
  if (rounded === 0 && share > 0) return "1%";
  return `${rounded}%`;
}

/** A share as a number from 0 to 100, for a chart's percentage axis; null stays null. */
export function asPercentage(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}
