// Spend and claim per project and budget line, and the claim as a whole (rules.md "Spend and claim").
// Every amount is whole pence here; the report turns them into pounds.
import type { BudgetLine, Consortium, Rag, Settings, Spend } from "../model";
import { poundsFromPence, shareRoundedDown, type Pence } from "../money";
import type { SpendReport } from "../reportTypes";
import type { Fy, Period, Quarter } from "../periods";

/** A project's budget line as one partner spends and claims it (each partner's share of a line is its own). */
export interface LineKey {
  projectId: string;
  line: string;
  partner: string;
}

type Money = Pick<Consortium, "budgets" | "spend">;
const inLineAndYear = (row: BudgetLine | Spend, key: LineKey, fy: Fy) =>
  row.projectId === key.projectId && row.line === key.line && row.partner === key.partner && row.fy === fy;

/** Sum of the line's Budget profile for quarters 1..q of the FY (q = 0 gives 0), in pence. */
export function budgetToDate(budgets: readonly BudgetLine[], key: LineKey, fy: Fy, quarter: number): Pence {
  let total = 0;
  for (const row of budgets) {
    if (!inLineAndYear(row, key, fy)) continue;
    for (let index = 0; index < quarter && index < 4; index++) total += row.quarterPence[index];
  }
  return total;
}

/** Sum of the line's Spend rows for quarters 1..q of the FY, in pence. */
export function spendToDate(spend: readonly Spend[], key: LineKey, fy: Fy, quarter: number): Pence {
  let total = 0;
  for (const row of spend) if (inLineAndYear(row, key, fy) && row.quarter <= quarter) total += row.pence;
  return total;
}

/** Within tolerance Green / Amber, else Red; no budget to date: spend is Red, nothing at all is NotDue. */
export function spendRag(
  budget: Pence,
  spent: Pence,
  settings: Pick<Settings, "spendGreenTolerance" | "spendAmberTolerance">,
): Rag {
  if (budget === 0) return spent === 0 ? "NotDue" : "Red";
  const variancePct = Math.abs((spent - budget) / budget);
  if (variancePct <= settings.spendGreenTolerance) return "Green";
  if (variancePct <= settings.spendAmberTolerance) return "Amber";
  return "Red";
}

/** min(spendToDate(q), the line's annual budget) x grant rate, rounded down to the penny; claimableToDate(0) = 0. */
export function claimableToDate(money: Money, key: LineKey, fy: Fy, quarter: number, grantRate: number): Pence {
  if (quarter <= 0) return 0;
  const annualBudget = budgetToDate(money.budgets, key, fy, 4);
  return shareRoundedDown(Math.min(spendToDate(money.spend, key, fy, quarter), annualBudget), grantRate);
}

/** One line's figures at the period, in pence. */
export interface LineFigures {
  budgetToDate: Pence;
  spendToDate: Pence;
  variance: Pence;
  variancePct: number | null;
  rag: Rag;
  claimThisQuarter: Pence;
  claimableToDate: Pence;
}

export function lineFigures(money: Money, key: LineKey, period: Period, settings: Settings): LineFigures {
  const { fy, quarter } = period;
  const budget = budgetToDate(money.budgets, key, fy, quarter);
  const spent = spendToDate(money.spend, key, fy, quarter);
  const variance = spent - budget;
  const claimable = claimableToDate(money, key, fy, quarter, settings.grantRate);
  return {
    budgetToDate: budget,
    spendToDate: spent,
    variance,
    variancePct: budget === 0 ? null : variance / budget,
    rag: spendRag(budget, spent, settings),
    claimThisQuarter: claimable - claimableToDate(money, key, fy, quarter - 1, settings.grantRate),
    claimableToDate: claimable,
  };
}

/** One line's row of the report at the period: the line's figures in pounds. */
export function spendReport(money: Money, key: LineKey, period: Period, settings: Settings): SpendReport {
  const figures = lineFigures(money, key, period, settings);
  return {
    projectId: key.projectId,
    budgetLine: key.line,
    budgetToDate: poundsFromPence(figures.budgetToDate),
    spendToDate: poundsFromPence(figures.spendToDate),
    variance: poundsFromPence(figures.variance),
    variancePct: figures.variancePct,
    rag: figures.rag,
    claimThisQuarter: poundsFromPence(figures.claimThisQuarter),
    claimableToDate: poundsFromPence(figures.claimableToDate),
    partner: key.partner,
  };
}

/** The claim as a whole at a period, in pence (rules.md "The claim as a whole"). */
export interface ClaimTotals {
  totalAward: Pence;
  claimedBefore: Pence;
  claimThisQuarter: Pence;
  claimedToDate: Pence;
  remaining: Pence;
}

/** A budget line with its own Budget and Spend rows and the FYs they fall in. */
export interface LineInYears extends Money {
  key: LineKey;
  years: ReadonlySet<Fy>;
}

/**
 * totalAward: the Total award setting, else Grant rate x every Budget amount (rounded down to the penny);
 * claimedBefore: each line's claimable to date at Q4 of every earlier plan FY, plus at q - 1 of the period's FY;
 * claimThisQuarter: the lines' claims this quarter; claimedToDate and remaining follow from them.
 */
export function claimTotals(
  budgets: readonly BudgetLine[],
  lines: readonly LineInYears[],
  earlierPlanYears: readonly Fy[],
  period: Period,
  settings: Pick<Settings, "grantRate" | "totalAward">,
): ClaimTotals {
  let claimedBefore = 0;
  let claimThisQuarter = 0;
  // Each line reads only its own rows, so the whole claim costs time in proportion to the rows.
  for (const line of lines) {
    const claimable = (fy: Fy, quarter: Quarter | 0) =>
      claimableToDate(line, line.key, fy, quarter, settings.grantRate);
    for (const fy of earlierPlanYears) if (line.years.has(fy)) claimedBefore += claimable(fy, 4);
    if (!line.years.has(period.fy)) continue;
    const before = claimable(period.fy, (period.quarter - 1) as Quarter | 0);
    claimedBefore += before;
    claimThisQuarter += claimable(period.fy, period.quarter) - before;
  }
  const totalAward = settings.totalAward ?? shareRoundedDown(totalBudget(budgets), settings.grantRate);
  const claimedToDate = claimedBefore + claimThisQuarter;
  return { totalAward, claimedBefore, claimThisQuarter, claimedToDate, remaining: totalAward - claimedToDate };
}

/** Every Budget amount of the plan, in pence. */
export function totalBudget(budgets: readonly BudgetLine[]): Pence {
  let total = 0;
  for (const row of budgets) for (const pence of row.quarterPence) total += pence;
  return total;
}
