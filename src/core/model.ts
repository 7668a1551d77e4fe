// The typed model of a consortium workbook, as the importer produces it from the template sheets.
import type { Pence } from "./money";
import type { CalendarDate, Fy, Quarter } from "./periods";

export type Measure = "Number" | "Percentage" | "Currency" | "Milestone";
export type Direction = "Higher" | "Lower";
export type Basis = "Annual" | "Cumulative" | "Level";
export type Rag = "Green" | "Amber" | "Red" | "NotDue";
/** A project's RAG may also be Awaiting: it has targets due but none with this quarter's figure yet. */
export type ProjectRag = Rag | "Awaiting";
export type RollupMode = "Average" | "Worst";
export type Severity = "error" | "warning";

/** Where a value came from: sheet name and A1 address (e.g. "Targets", "H12"). */
export interface CellRef {
  sheet: string;
  cell: string;
}

/** Something the importer could not read, or a rule the data breaks. */
export interface Problem {
  sheet: string;
  cell: string;
  severity: Severity;
  message: string;
}

export interface Settings {
  consortium: string;
  accountableBody: string;
  funder: string;
  /** First FY of the plan; defaults to the first FY column of Targets. */
  planStart: Fy;
  yearStartMonth: number;
  greenThreshold: number;
  amberThreshold: number;
  spendGreenTolerance: number;
  spendAmberTolerance: number;
  projectRollup: RollupMode;
  grantRate: number;
  /** The grant awarded for the whole plan, in pence; null: Grant rate x every Budget amount. */
  totalAward: Pence | null;
  returnsDueDays: number;
  templateVersion: number;
}

export interface Partner {
  name: string;
  /** The kind of organisation, as written; null when blank. Roles come from Projects (see partnerRoles). */
  type: string | null;
  contact: string;
  source: CellRef;
}

export interface Project {
  id: string;
  name: string;
  workstream: string;
  leadPartner: string;
  deliveryPartners: string[];
  source: CellRef;
}

export interface Target {
  id: string;
  projectId: string;
  description: string;
  measure: Measure;
  direction: Direction;
  basis: Basis;
  /** The partner that reports the actuals: the Owner column, else the project's lead partner. */
  owner: string;
  /** Numeric targets: the year's target value by FY (fractions for Percentage). Empty for milestones. */
  values: Partial<Record<Fy, number>>;
  /** Milestones: the quarter of each FY in which the milestone is due. Empty for numeric targets. */
  dueQuarters: Partial<Record<Fy, Quarter>>;
  /** A target set on a baseline (Targets' Baseline and Aim); absent for a target with its figures written. */
  relative?: RelativeTarget;
  source: CellRef;
}

/**
 * A target set relative to a baseline ("baseline + 50%", "10% a year"): the years marked To be set take their
 * values from the baseline and the aim once both are known; until then each is "Target to be set".
 */
export interface RelativeTarget {
  /** The baseline as entered; null while it is not (yet) measured. */
  baseline: number | null;
  /** The change on the baseline (0.5 for +50%), per year when `yearOnYear`; null when the Aim states none. */
  change: number | null;
  /** The change compounds each year (year n of the marked years is baseline x (1 + change)^n). */
  yearOnYear: boolean;
  /** The Aim as written. */
  aim: string;
  /** The FYs marked To be set, in order. */
  years: Fy[];
  baselineSource: CellRef;
  aimSource: CellRef;
}

/** How a year's target is spread over its quarters: per-quarter shares that sum to 1. */
export interface Profile {
  targetId: string;
  fy: Fy;
  quarterShares: [number, number, number, number];
  source: CellRef;
}

export interface Actual {
  targetId: string;
  fy: Fy;
  quarter: Quarter;
  /** Numeric targets: the quarter's figure (fraction for Percentage). null for milestones. */
  amount: number | null;
  /** Milestones: Done / Yes / Complete or a completion date was given. Always false for numeric targets. */
  done: boolean;
  completedOn: CalendarDate | null;
  evidence: string;
  comment: string;
  partner: string;
  source: CellRef;
}

export interface BudgetLine {
  projectId: string;
  line: string;
  fy: Fy;
  /** The budget of each quarter, in whole pence. */
  quarterPence: [Pence, Pence, Pence, Pence];
  /** The partner that spends and claims the line: the Partner column, else the project's lead partner. */
  partner: string;
  source: CellRef;
}

export interface Spend {
  projectId: string;
  line: string;
  fy: Fy;
  quarter: Quarter;
  /** The eligible spend, in whole pence. */
  pence: Pence;
  comment: string;
  /** The partner that spent it: the Partner column, else the project's lead partner. */
  partner: string;
  source: CellRef;
}

/** A risk rating read from a number, a letter, a scale word, a range or free text (rules.md "Risks"). */
export interface Rating {
  value: number | null;
  needsReview: boolean;
  text: string;
  /**
   * Why the rating needs review, as the end of a sentence about it ("is a range: the higher value is used");
   * absent when it does not.
   */
  reviewReason?: string;
}

export interface Risk {
  id: string;
  /** null for a programme-wide risk. */
  projectId: string | null;
  description: string;
  impact: Rating;
  probability: Rating;
  controls: string;
  lead: string;
  status: string;
  reviewDate: CalendarDate | null;
  source: CellRef;
}

export interface Consortium {
  settings: Settings;
  /** Every FY of the plan, in order: from the plan start to the last FY column of Targets. */
  planYears: Fy[];
  partners: Partner[];
  projects: Project[];
  targets: Target[];
  profiles: Profile[];
  actuals: Actual[];
  budgets: BudgetLine[];
  spend: Spend[];
  risks: Risk[];
}

/**
 * A Targets row the importer left out (an error on the row), or one year of a target whose cell it could not read
 * (`fy`): papers list it in its place as "Not read", with the problem's cell, rather than drop it silently.
 */
export interface UnreadTarget {
  id: string;
  /** The project as written (it may be the problem). */
  projectId: string;
  description: string;
  /** The FY whose target cell could not be read; null when the whole row was left out. */
  fy: Fy | null;
  problem: Problem;
}

export interface ImportResult {
  consortium: Consortium;
  problems: Problem[];
  unreadTargets: UnreadTarget[];
}
