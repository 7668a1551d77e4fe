// One target at one period: E, A, r and RAG, putting the rule families together. The report and the
// year-on-year rules both ask for it (year on year at other periods).
import type { Consortium, Rag, Target } from "../model";
import type { Fy, Period } from "../periods";
import { actualToDate, expectedToDate, targetValue } from "./expectedAndActual";
import { dueQuarter, milestoneRagAt } from "./milestones";
import { ragOfRatio, ratioFor } from "./ratio";
import { isToBeSet } from "../relativeTarget";

/** What the target rules read. The report passes each target only its own profiles and actuals. */
export type RulesInput = Pick<Consortium, "settings" | "profiles" | "actuals">;

export interface TargetStatus {
  /** T(FY); for a milestone its due quarter; null while the target is to be set. */
  target: number | null;
  expectedToDate: number | null;
  actualToDate: number | null;
  ratio: number | null;
  rag: Rag;
  /**
   * The year's figure waits for its baseline (README "Targets to be set"): no E, ratio or RAG (`NotDue`), so it is
   * never Red and its project does not count it; A is still the figures reported.
   */
  toBeSet: boolean;
}

/** A numeric target has a value for the FY, or is to be set that year; a milestone has a due quarter. */
export function hasTargetFor(target: Target, fy: Fy): boolean {
  if (target.measure === "Milestone") return dueQuarter(target, fy) !== undefined;
  return targetValue(target, fy) !== undefined || isToBeSet(target, fy);
}

/** The target's status at the period; null when it has no value (or due quarter) for that FY and is not to be set. */
export function targetStatusAt(target: Target, period: Period, input: RulesInput): TargetStatus | null {
  if (target.measure === "Milestone") {
    const due = dueQuarter(target, period.fy);
    const rag = milestoneRagAt(target, period, input.actuals);
    if (due === undefined || rag === null) return null;
    return { target: due, expectedToDate: null, actualToDate: null, ratio: null, rag, toBeSet: false };
  }
  const actual = actualToDate(target, period, input.actuals, input.settings.planStart);
  if (isToBeSet(target, period.fy)) {
    return { target: null, expectedToDate: null, actualToDate: actual, ratio: null, rag: "NotDue", toBeSet: true };
  }
  const value = targetValue(target, period.fy);
  const expected = expectedToDate(target, period, input.profiles);
  if (value === undefined || expected === null || actual === null) return null;
  const ratio = ratioFor(target.direction, expected, actual);
  return {
    target: value,
    expectedToDate: expected,
    actualToDate: actual,
    ratio,
    rag: ragOfRatio(ratio, input.settings),
    toBeSet: false,
  };
}
