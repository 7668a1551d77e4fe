// Year on year (rules.md "Year on year"): last year's ratio at the same quarter, the change, the trend and
// each plan year's full-year ratio.
import type { Target } from "../model";
import type { Trend } from "../reportTypes";
import { fyStartYear, sameQuarterLastYear, type Fy, type Period } from "../periods";
import { hasTargetFor, targetStatusAt, type RulesInput } from "./targetStatus";

/** Change in ratio points at or beyond which the trend is up or down (compared exactly: 0.85 - 0.8 is level). */
export const TREND_THRESHOLD = 0.05;

/** r at the same quarter of the previous FY; null when there is none (no value that year, milestone, NotDue). */
export function previousYearRatio(target: Target, period: Period, input: RulesInput): number | null {
  return targetStatusAt(target, sameQuarterLastYear(period), input)?.ratio ?? null;
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
  const ratios: Record<Fy, number | null> = {};
  for (const fy of yearsUpTo(period, planYears)) {
    if (!hasTargetFor(target, fy)) continue;
    const at: Period = fy === period.fy ? period : { fy, quarter: 4 };
    ratios[fy] = targetStatusAt(target, at, input)?.ratio ?? null;
  }
  return ratios;
}

/** The plan years before the reporting FY, and the reporting FY even if the plan's year list missed it: in order. */
function yearsUpTo(period: Period, planYears: readonly Fy[]): Fy[] {
  // Each label is parsed once (this runs for every target): years are compared by their start year.
  const reporting = fyStartYear(period.fy);
  const years = planYears
    .map((fy) => ({ fy, start: fyStartYear(fy) }))
    .filter((year) => year.start < reporting)
    .concat({ fy: period.fy, start: reporting });
  return years.sort((a, b) => a.start - b.start).map((year) => year.fy);
}
