// The underspend warning on the claim: a year that is heading for an underspend the funder will ask about.
//
// The rule (per budget line, and for all the FY's lines together): when spend to date falls short of the budget
// to date by more than the Spend amber tolerance, the year is projected at the same profile: projected year-end
// spend = annual budget x spend to date / budget to date, so the projected underspend is
// annual budget x shortfall share (at Q4 it is the actual underspend). Nothing is projected when nothing is
// budgeted to date. Amounts in whole pence.
import { groupBy } from "../groupBy";
import type { BudgetLine, Settings, Spend } from "../model";
import { poundsFromPence, type Pence } from "../money";
import type { Period } from "../periods";
import { shareBeyondText } from "../reasons/spendReason";
import { figureText, percentText } from "../words";
import { budgetToDate, spendToDate, type LineKey } from "./spendAndClaim";

export interface UnderspendWarning {
  /** The budget line, or null for all the FY's lines together. */
  line: LineKey | null;
  budgetToDate: Pence;
  spendToDate: Pence;
  annualBudget: Pence;
  /** (budget to date - spend to date) / budget to date. */
  shortfall: number;
  /** annual budget x shortfall, to the nearest penny. */
  projectedUnderspend: Pence;
  /** A plain sentence stating the figures. */
  message: string;
}

interface Figures {
  budget: Pence;
  spent: Pence;
  annual: Pence;
}

const pounds = (pence: Pence) => figureText(poundsFromPence(pence), "Currency");

function warning(line: LineKey | null, figures: Figures, period: Period, tolerance: number): UnderspendWarning | null {
  const { budget, spent, annual } = figures;
  if (budget <= 0) return null;
  const shortfall = (budget - spent) / budget;
  if (!(shortfall > tolerance)) return null;
  const projectedUnderspend = Math.round(annual * shortfall);
  const what = line === null ? "Overall" : `${line.projectId} ${line.line}`;
  const message =
    `${what}: spend to date ${pounds(spent)} is ${shareBeyondText(shortfall, tolerance)} below the ${pounds(budget)} budgeted ` +
    `to date, beyond the ${percentText(tolerance)} amber tolerance. At this profile ${period.fy} ends ` +
    `${pounds(projectedUnderspend)} underspent against its ${pounds(annual)} budget.`;
  return {
    line,
    budgetToDate: budget,
    spendToDate: spent,
    annualBudget: annual,
    shortfall,
    projectedUnderspend,
    message,
  };
}

/** Warnings for the period's FY: all lines together first (when it warns), then each line that warns. */
export function yearEndUnderspend(
  money: { budgets: readonly BudgetLine[]; spend: readonly Spend[] },
  lines: readonly LineKey[],
  period: Period,
  settings: Pick<Settings, "spendAmberTolerance">,
): UnderspendWarning[] {
  // Each line reads only its own rows, grouped once, so the warnings cost time in proportion to the rows.
  const keyOf = (row: { projectId: string; line: string; partner: string }) =>
    JSON.stringify([row.projectId, row.line, row.partner]);
  const budgetsOf = groupBy(money.budgets, keyOf);
  const spendOf = groupBy(money.spend, keyOf);
  const figures = lines.map((key) => ({
    key,
    budget: budgetToDate(budgetsOf.get(keyOf(key)) ?? [], key, period.fy, period.quarter),
    spent: spendToDate(spendOf.get(keyOf(key)) ?? [], key, period.fy, period.quarter),
    annual: budgetToDate(budgetsOf.get(keyOf(key)) ?? [], key, period.fy, 4),
  }));
  const total = figures.reduce(
    (sum, f) => ({ budget: sum.budget + f.budget, spent: sum.spent + f.spent, annual: sum.annual + f.annual }),
    { budget: 0, spent: 0, annual: 0 },
  );
  const tolerance = settings.spendAmberTolerance;
  const overall = warning(null, total, period, tolerance);
  const perLine = figures.map((f) => warning(f.key, f, period, tolerance));
  return [overall, ...perLine].filter((w): w is UnderspendWarning => w !== null);
}

/** The lines of a report's spend table as keys. */
export function spendLineKeys(spend: readonly { projectId: string; budgetLine: string; partner: string }[]): LineKey[] {
  return spend.map((s) => ({ projectId: s.projectId, line: s.budgetLine, partner: s.partner }));
}

/** The warnings for a report's claim: its spend lines at its period, with the consortium's budgets and spend. */
export function claimUnderspendWarnings(
  consortium: {
    budgets: readonly BudgetLine[];
    spend: readonly Spend[];
    settings: Pick<Settings, "spendAmberTolerance">;
  },
  report: { period: Period; spend: readonly { projectId: string; budgetLine: string; partner: string }[] },
): UnderspendWarning[] {
  return yearEndUnderspend(consortium, spendLineKeys(report.spend), report.period, consortium.settings);
}
