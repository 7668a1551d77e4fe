// What the plan importer proposes from a business plan's key-target and risk tables: standard Projects, Targets
// and Risks rows, each inferred value marked as a guess with the words it came from, and every line it could not
// read listed with its text.
import type { Basis, Direction, Measure } from "../model";
import type { Fy, Quarter } from "../periods";

/** How a plan qualifies a stated number; kept beside the number, which is the target either way. */
export type Qualifier = "at least" | "minimum" | "+" | "more than" | "average" | "up to";

/** The fields of a proposed target or risk that the importer may have had to infer. */
export type GuessField =
  | "value"
  | "measure"
  | "basis"
  | "direction"
  | "due"
  | "description"
  | "project"
  | "aim"
  | "impact"
  | "probability"
  | "lead";

/** A value the importer inferred, with the plan's words it came from and why it reads them so. */
export interface PlanGuess {
  field: GuessField;
  /** The financial year the guess is about, when it concerns one year only. */
  fy?: Fy;
  /** The proposal's value, as a person would write it ("36", "Q4", "Level"). */
  value: string;
  /** The plan's words the value was read from. */
  from: string;
  why: string;
}

/** A line of the plan as it was given: 1-based line (row) number and its text. */
export interface PlanSource {
  line: number;
  fy: Fy | null;
  text: string;
}

/** A target set relative to a baseline the plan has yet to measure ("baseline + 50%", "year on year increase"). */
export interface RelativeAim {
  /** Fractional change on the baseline (0.5 for +50%), or per year for a year-on-year aim; null when unstated. */
  change: number | null;
  yearOnYear: boolean;
  text: string;
}

export interface ProposedProject {
  id: string;
  name: string;
  source: PlanSource;
}

export interface ProposedTarget {
  id: string;
  projectId: string;
  /** The stated target, with its group label ("V project for young people: ...") in front. */
  description: string;
  measure: Measure;
  basis: Basis;
  direction: Direction;
  qualifier: Qualifier | null;
  /** Numeric targets: the year's figure by FY (fractions for Percentage). */
  values: Partial<Record<Fy, number>>;
  /** Milestones: the quarter of each FY in which the milestone is due. */
  dueQuarters: Partial<Record<Fy, Quarter>>;
  /** A target relative to a baseline: its values wait for the baseline ("Target to be set"). */
  aim: RelativeAim | null;
  guesses: PlanGuess[];
  /** The plan's words for the first year it is stated in. */
  source: string;
  /** Every line it was read from, one per year. */
  sources: PlanSource[];
}

/** A "Total" line: the sum of the figures stated above it, not a target of its own. */
export interface PlanTotal {
  projectId: string;
  fy: Fy;
  stated: number;
  /** The sum of the figures it totals. */
  sum: number;
  agrees: boolean;
  /** The target ids it totals. */
  targetIds: string[];
  source: PlanSource;
}

export interface ProposedRisk {
  id: string;
  projectId: string | null;
  description: string;
  impact: string;
  probability: string;
  controls: string;
  lead: string;
  guesses: PlanGuess[];
  source: PlanSource;
  /** Every line the risk's cells were read from. */
  lines: number[];
}

/** A line read as the table's structure: a project, a year, a group label or a column heading. */
export interface PlanHeading {
  line: number;
  text: string;
  as: "project" | "year" | "group" | "heading";
}

/** A line the importer did not turn into a target, project or risk, and why. */
export interface UnreadLine {
  line: number;
  text: string;
  reason: string;
}

export interface PlanProposal {
  /** Every FY the plan's tables name, in order. */
  years: Fy[];
  projects: ProposedProject[];
  targets: ProposedTarget[];
  totals: PlanTotal[];
  risks: ProposedRisk[];
  headings: PlanHeading[];
  unread: UnreadLine[];
}

export interface PlanOptions {
  /** First month of the financial year (4, April, in the UK). */
  yearStartMonth?: number;
  /** The FY of "Year 1" when the plan names years only by number. */
  planStart?: Fy;
}
