// The machine-readable report of rules.md ("The machine-readable report"): field names exactly as written
// there. Numbers are unrounded. `buildReport` in report.ts makes one; the CLI's --json prints it.
import type { Basis, Direction, Measure, Problem, ProjectRag, Rag } from "./model";
import type { Fy, Quarter } from "./periods";

export type Trend = "up" | "down" | "level";

export interface TargetReport {
  targetId: string;
  projectId: string;
  fy: Fy;
  basis: Basis;
  direction: Direction;
  measure: Measure;
  /** The year's target value; for a milestone its due quarter (1-4); null while `toBeSet`. */
  target: number | null;
  /** null for milestones. */
  expectedToDate: number | null;
  /** null for milestones. */
  actualToDate: number | null;
  ratio: number | null;
  rag: Rag;
  previousYearRatio: number | null;
  yoyChange: number | null;
  trend: Trend | null;
  fullYearRatios: Record<Fy, number | null>;
  missingQuarters: Quarter[];
  /**
   * Due (not NotDue), numeric, and no figure for the period's own quarter: papers show Awaiting instead of its
   * RAG, and its project does not count it (rules.md "Awaiting figures"). Always false for milestones.
   */
  awaiting: boolean;
  /**
   * Set on a baseline not yet entered (or an Aim with no change): no target value for the year, so `target`,
   * `expectedToDate` and `ratio` are null and `rag` is `NotDue`; papers show "Target to be set", never Red, and its
   * project does not count it. Always false for milestones.
   */
  toBeSet: boolean;
}

export interface ProjectReport {
  projectId: string;
  /** The Average mode's ratio over the rated targets; null when none is rated. */
  ratio: number | null;
  rag: ProjectRag;
  /** How many of its targets await this quarter's figure. */
  awaitingTargets: number;
  /** How many of its targets are to be set (waiting for a baseline): not rated, like the awaiting ones. */
  toBeSetTargets: number;
}

/** The claim as a whole at the period, in pounds (exact to the penny). */
export interface ClaimReport {
  totalAward: number;
  claimedBefore: number;
  claimThisQuarter: number;
  claimedToDate: number;
  remaining: number;
}

export interface SpendReport {
  projectId: string;
  budgetLine: string;
  budgetToDate: number;
  spendToDate: number;
  variance: number;
  variancePct: number | null;
  rag: Rag;
  claimThisQuarter: number;
  claimableToDate: number;
  /** The partner that spends and claims the line (its Budget Partner, else the project's lead partner). */
  partner: string;
}

export interface RiskReport {
  riskId: string;
  projectId: string | null;
  impact: number | null;
  probability: number | null;
  score: number | null;
  rag: Exclude<Rag, "NotDue"> | null;
  needsReview: boolean;
}

export interface Report {
  period: { fy: Fy; quarter: Quarter };
  targets: TargetReport[];
  projects: ProjectReport[];
  claim: ClaimReport;
  spend: SpendReport[];
  risks: RiskReport[];
  problems: Problem[];
}
