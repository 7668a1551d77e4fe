// What a paper's figures rest on: how many read problems the workbook has, and which partners' figures for the
// period are in. Every summary sheet, the task pane and the CLI state it, so no paper looks more certain than
// its inputs. A partner counts as in when the workbook holds any of its figures for the period's quarter,
// however they got there (typed in, pasted, or imported from a return).
import { normaliseName } from "./grid";
import type { Consortium } from "./model";
import { periodLabel, type Period } from "./periods";
import type { Report } from "./reportTypes";
import { partnersWithReturns } from "./returns/issue";

export interface PartnerFiguresIn {
  partner: string;
  /** The workbook holds an actual (a figure, or a milestone done) or a spend row of its own for the quarter. */
  figuresIn: boolean;
}

export interface PaperInputs {
  period: Period;
  errors: number;
  warnings: number;
  /** Every partner expected to report for the period, in Partners order. */
  partners: PartnerFiguresIn[];
}

export function paperInputs(consortium: Consortium, report: Pick<Report, "period" | "problems">): PaperInputs {
  const { period } = report;
  const errors = report.problems.filter((problem) => problem.severity === "error").length;
  const inQuarter = (row: { fy: string; quarter: number }) => row.fy === period.fy && row.quarter === period.quarter;
  const ownerOf = new Map(consortium.targets.map((target) => [target.id, normaliseName(target.owner)]));
  const withFigures = new Set<string>();
  for (const actual of consortium.actuals) {
    if (!inQuarter(actual) || (actual.amount === null && !actual.done)) continue;
    const owner = ownerOf.get(actual.targetId);
    if (owner !== undefined) withFigures.add(owner);
  }
  for (const spend of consortium.spend) if (inQuarter(spend)) withFigures.add(normaliseName(spend.partner));
  return {
    period,
    errors,
    warnings: report.problems.length - errors,
    partners: partnersWithReturns(consortium, period).map((partner) => ({
      partner,
      figuresIn: withFigures.has(normaliseName(partner)),
    })),
  };
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "Read problems: 2 errors, 1 warning (see Check data)." or "Read problems: none." */
export function problemsSentence(inputs: PaperInputs, seeWhere = "see Check data"): string {
  if (inputs.errors + inputs.warnings === 0) return "Read problems: none.";
  return `Read problems: ${count(inputs.errors, "error")}, ${count(inputs.warnings, "warning")} (${seeWhere}).`;
}

/** "Figures in for 2009-10 Q2 from 6 of 8 partners; awaited from A, B." */
export function partnersSentence(inputs: PaperInputs): string {
  const label = periodLabel(inputs.period);
  const total = inputs.partners.length;
  if (total === 0) return `No partner is due to report for ${label}.`;
  const awaited = inputs.partners.filter((p) => !p.figuresIn).map((p) => p.partner);
  const inCount = total - awaited.length;
  if (awaited.length === 0) return `Figures in for ${label} from all ${count(total, "partner")}.`;
  return `Figures in for ${label} from ${inCount} of ${count(total, "partner")}; awaited from ${awaited.join(", ")}.`;
}

/** Both sentences, as one line for a sheet's subtitle or the CLI. */
export function inputsText(inputs: PaperInputs, seeWhere?: string): string {
  return `${problemsSentence(inputs, seeWhere)} ${partnersSentence(inputs)}`;
}
