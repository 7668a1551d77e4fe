// Year on year (rules.md "Year on year"): last year's ratio at the same quarter, the change, the trend and
// each plan year's full-year ratio.
import type { Target } from "../model";
import type { Trend } from "../reportTypes";
import { compareFy, sameQuarterLastYear, type Fy, type Period } from "../periods";
import { hasTargetFor, targetStatusAt, type RulesInput } from "./targetStatus";

/** Change in ratio points at or beyond which the trend is up or down (compared exactly: 0.85 - 0.8 is level). */
export const TREND_THRESHOLD = 0.05;

/** r at the period; null when there is none (no value that year, milestone, NotDue). */
export function ratioAt(target: Target, period: Period, input: RulesInput): number | null {
  return targetStatusAt(target, period, input)?.ratio ?? null;
}

/** r at the same quarter of the previous FY; null when there is none (no value that year, milestone, NotDue). */
export function previousYearRatio(target: Target, period: Period, input: RulesInput): number | null {
  return ratioAt(target, sameQuarterLastYear(period), input);
}

/** r - previous, in ratio points; null when either is null. */
export function yoyChange(ratio: number | null, previous: number | null): number | null {
  return ratio === null || previous === null ? null : ratio - previous;
}

/** up when the change is >= +0.05, down when <= -0.05, otherwise level; null when there is no change. */
export function trendFor(change: number | null): Trend | null {
  if (change === null) return null;
  if (change >= TREND_THRESHOLD) return "up";
  if (change <= -TREND_THRESHOLD) return "down";
  return "level";
}

/**
 * For each plan FY up to the reporting FY in which the target has a value: r at Q4 of that FY, and for the
 * reporting FY its r to date. null where r is null (milestones, NotDue). Keys in FY order.
 */
export function fullYearRatios(
  target: Target,
  period: Period,
  planYears: readonly Fy[],
  input: RulesInput,
): Record<Fy, number | null> {
  return ratiosAt(target, fullYearPeriods(period, planYears), input);
}

/**
 * The periods `fullYearRatios` reads, the same for every target (a report works them out once): Q4 of each plan
 * FY before the reporting FY, then the period itself, even if the plan's year list missed its FY. In FY order.
 */
export function fullYearPeriods(period: Period, planYears: readonly Fy[]): Period[] {
  const years = [...planYears.filter((fy) => compareFy(fy, period.fy) < 0), period.fy].sort(compareFy);
  return years.map((fy) => (fy === period.fy ? period : { fy, quarter: 4 }));
}

/**
 * r at each of the periods (one per FY) whose FY the target has a value for, keyed by FY. `known` is a ratio the
 * caller already has (the report has r at its own period), so it is not worked out again.
 */
export function ratiosAt(
  target: Target,
  periods: readonly Period[],
  input: RulesInput,
  known?: { at: Period; ratio: number | null },
): Record<Fy, number | null> {
  const ratios: Record<Fy, number | null> = {};
  for (const at of periods) {
    if (hasTargetFor(target, at.fy)) ratios[at.fy] = at === known?.at ? known.ratio : ratioAt(target, at, input);
  }
  return ratios;
}
