// Expected (E) and actual (A) to date at a period (rules.md "Expected (E) and actual (A) to date").
import type { Actual, Profile, Target } from "../model";
import { fyStartYear, isFyLabel, previousFy, QUARTERS, type Fy, type Period, type Quarter } from "../periods";
import { share } from "./profile";

/** The year's target T(FY); undefined when the target has no value that year (and always for milestones). */
export function targetValue(target: Target, fy: Fy): number | undefined {
  return target.measure === "Milestone" ? undefined : target.values[fy];
}

/** E at (FY, q); null when the target has no value for the FY. */
export function expectedToDate(target: Target, period: Period, profiles: readonly Profile[]): number | null {
  const value = targetValue(target, period.fy);
  if (value === undefined) return null;
  const shareToDate = share(target, period.fy, period.quarter, profiles);
  if (target.basis !== "Cumulative") return value * shareToDate;
  // A running total: last year's figure plus this year's increase, profiled. No value last year counts as 0.
  const previous = target.values[previousFy(period.fy)] ?? 0;
  return previous + (value - previous) * shareToDate;
}

/** A at (FY, q); 0 when nothing has been reported; null for milestones (they have no amounts). */
export function actualToDate(target: Target, period: Period, actuals: readonly Actual[], planStart: Fy): number | null {
  if (target.measure === "Milestone") return null;
  switch (target.basis) {
    case "Annual":
      return sumReported(target, actuals, (actual) => actual.fy === period.fy && actual.quarter <= period.quarter);
    case "Cumulative": {
      if (!actuals.some((actual) => isReported(target, actual))) return 0;
      // From the plan start through the period, comparing FYs by start year (each label parsed once).
      const first = isFyLabel(planStart) ? fyStartYear(planStart) : -Infinity;
      const last = fyStartYear(period.fy);
      return sumReported(target, actuals, (actual) => {
        const year = actual.fy === period.fy ? last : fyStartYear(actual.fy);
        return year >= first && (year < last || (year === last && actual.quarter <= period.quarter));
      });
    }
    case "Level": {
      // The position held: the latest quarter <= q of the FY that has a figure (a repeated quarter: its last row).
      let latest: Actual | undefined;
      for (const actual of actuals) {
        if (!isReported(target, actual) || actual.fy !== period.fy || actual.quarter > period.quarter) continue;
        if (!latest || actual.quarter >= latest.quarter) latest = actual;
      }
      return latest?.amount ?? 0;
    }
  }
}

/** Quarters 1..q of the reporting FY with no actual figure; always empty for milestones. */
export function missingQuarters(target: Target, period: Period, actuals: readonly Actual[]): Quarter[] {
  if (target.measure === "Milestone") return [];
  const reported = reportedAmounts(target, actuals).filter((actual) => actual.fy === period.fy);
  return QUARTERS.filter((q) => q <= period.quarter && !reported.some((actual) => actual.quarter === q));
}

/** The target's actual rows that carry a figure: a row whose amount is empty is no return for that quarter. */
function reportedAmounts(target: Target, actuals: readonly Actual[]): Actual[] {
  return actuals.filter((actual) => isReported(target, actual));
}

function isReported(target: Target, actual: Actual): boolean {
  return actual.targetId === target.id && actual.amount !== null;
}

/** The total of the target's reported amounts on the rows that pass `counts`, in row order. */
function sumReported(target: Target, actuals: readonly Actual[], counts: (actual: Actual) => boolean): number {
  let total = 0;
  for (const actual of actuals) if (isReported(target, actual) && counts(actual)) total += actual.amount ?? 0;
  return total;
}
