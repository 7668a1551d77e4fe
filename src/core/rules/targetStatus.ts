// One target at one period: E, A, r and RAG, putting the rule families together. The report and the
// year-on-year rules both ask for it (year on year at other periods).
import type { Consortium, Rag, Target } from "../model";
import type { Fy, Period } from "../periods";
import { actualToDate, expectedToDate, targetValue } from "./expectedAndActual";
import { dueQuarter, milestoneRagAt } from "./milestones";
import { ragOfRatio, ratioFor } from "./ratio";

/** What the target rules read. The report passes each target only its own profiles and actuals. */
export type RulesInput = Pick<Consortium, "settings" | "profiles" | "actuals">;

export interface TargetStatus {
  /** T(FY); for a milestone its due quarter. */
  target: number;
  expectedToDate: number | null;
  actualToDate: number | null;
  ratio: number | null;
  rag: Rag;
}

/** A numeric target has a value for the FY; a milestone has a due quarter. */
export function hasTargetFor(target: Target, fy: Fy): boolean {
  return target.measure === "Milestone" ? dueQuarter(target, fy) !== undefined : targetValue(target, fy) !== undefined;
}

/** The target's status at the period; null when it has no value (or due quarter) for that FY. */
export function targetStatusAt(target: Target, period: Period, input: RulesInput): TargetStatus | null {
  if (target.measure === "Milestone") {
    const due = dueQuarter(target, period.fy);
    const rag = milestoneRagAt(target, period, input.actuals);
    if (due === undefined || rag === null) return null;
    return { target: due, expectedToDate: null, actualToDate: null, ratio: null, rag };
  }
  const value = targetValue(target, period.fy);
  const expected = expectedToDate(target, period, input.profiles);
  const actual = actualToDate(target, period, input.actuals, input.settings.planStart);
  if (value === undefined || expected === null || actual === null) return null;
  const ratio = ratioFor(target.direction, expected, actual);
  return {
    target: value,
    expectedToDate: expected,
    actualToDate: actual,
    ratio,
    rag: ragOfRatio(ratio, input.settings),
  };
}
