// Milestones (rules.md "Milestones"): due in quarter d of the FY; done, not yet due, due now, or late.
import type { Actual, Rag, Target } from "../model";
import type { Fy, Period, Quarter } from "../periods";

/** The quarter of the FY the milestone is due in; undefined when it is not due that year (or not a milestone). */
export function dueQuarter(target: Target, fy: Fy): Quarter | undefined {
  return target.measure === "Milestone" ? target.dueQuarters[fy] : undefined;
}

/** Done in any quarter <= q of the period's FY. */
export function isDoneBy(target: Target, period: Period, actuals: readonly Actual[]): boolean {
  return actuals.some(
    (actual) =>
      actual.targetId === target.id && actual.done && actual.fy === period.fy && actual.quarter <= period.quarter,
  );
}

/** Done gives Green; otherwise due later (d > q) NotDue, due this quarter (d = q) Amber, overdue (d < q) Red. */
export function milestoneRag(due: Quarter, quarter: Quarter, done: boolean): Rag {
  if (done) return "Green";
  if (due > quarter) return "NotDue";
  if (due === quarter) return "Amber";
  return "Red";
}

/** The milestone's RAG at the period; null when it has no due quarter in that FY. */
export function milestoneRagAt(target: Target, period: Period, actuals: readonly Actual[]): Rag | null {
  const due = dueQuarter(target, period.fy);
  return due === undefined ? null : milestoneRag(due, period.quarter, isDoneBy(target, period, actuals));
}
