// Ratio r and target RAG for numeric measures (rules.md "Ratio r and target RAG").
import type { Direction, Rag, Settings } from "../model";

export type Thresholds = Pick<Settings, "greenThreshold" | "amberThreshold">;

/**
 * r from E and A; null means `NotDue`.
 * Higher is better: E = 0 is NotDue, else A / E.
 * Lower is better, in the table's order: A = 0 gives 1 (even when E = 0 too), else E / A (so E = 0 gives 0).
 */
export function ratioFor(direction: Direction, expected: number, actual: number): number | null {
  if (direction === "Higher") return expected === 0 ? null : actual / expected;
  return actual === 0 ? 1 : expected / actual;
}

/** Green at or above the Green threshold, Amber at or above the Amber threshold, else Red (exact values). */
export function ragFor(ratio: number, thresholds: Thresholds): Exclude<Rag, "NotDue"> {
  if (ratio >= thresholds.greenThreshold) return "Green";
  if (ratio >= thresholds.amberThreshold) return "Amber";
  return "Red";
}

/** The RAG of a ratio that may be NotDue (null). */
export function ragOfRatio(ratio: number | null, thresholds: Thresholds): Rag {
  return ratio === null ? "NotDue" : ragFor(ratio, thresholds);
}
