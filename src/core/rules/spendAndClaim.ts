// Spend and claim per project and budget line (rules.md "Spend and claim").
import type { BudgetLine, Consortium, Rag, Settings, Spend } from "../model";
import type { SpendReport } from "../reportTypes";
import type { Fy, Period } from "../periods";

export interface LineKey {
  projectId: string;
  line: string;
}

type Money = Pick<Consortium, "budgets" | "spend">;
const inLineAndYear = (row: BudgetLine | Spend, key: LineKey, fy: Fy) =>
  row.projectId === key.projectId && row.line === key.line && row.fy === fy;

/** Sum of the line's Budget profile for quarters 1..q of the FY (q = 0 gives 0). */
export function budgetToDate(budgets: readonly BudgetLine[], key: LineKey, fy: Fy, quarter: number): number {
  let total = 0;
  for (const row of budgets) {
    if (!inLineAndYear(row, key, fy)) continue;
    for (let index = 0; index < quarter && index < 4; index++) total += row.quarters[index];
  }
  return total;
}

/** Sum of the line's Spend rows for quarters 1..q of the FY. */
export function spendToDate(spend: readonly Spend[], key: LineKey, fy: Fy, quarter: number): number {
  let total = 0;
  for (const row of spend) if (inLineAndYear(row, key, fy) && row.quarter <= quarter) total += row.amount;
  return total;
}

/** Within tolerance Green / Amber, else Red; no budget to date: spend is Red, nothing at all is NotDue. */
export function spendRag(budget: number, spent: number, settings: Settings): Rag {
  if (budget === 0) return spent === 0 ? "NotDue" : "Red";
  const variancePct = Math.abs((spent - budget) / budget);
  if (variancePct <= settings.spendGreenTolerance) return "Green";
  if (variancePct <= settings.spendAmberTolerance) return "Amber";
  return "Red";
}

/** min(spendToDate(q), the line's annual budget) x grant rate; claimableToDate(0) = 0. */
export function claimableToDate(money: Money, key: LineKey, fy: Fy, quarter: number, grantRate: number): number {
  if (quarter <= 0) return 0;
  const annualBudget = budgetToDate(money.budgets, key, fy, 4);
  return Math.min(spendToDate(money.spend, key, fy, quarter), annualBudget) * grantRate;
}

/** One line's row at the period. */
export function spendReport(money: Money, key: LineKey, period: Period, settings: Settings): SpendReport {
  const { fy, quarter } = period;
  const budget = budgetToDate(money.budgets, key, fy, quarter);
  const spent = spendToDate(money.spend, key, fy, quarter);
  const variance = spent - budget;
  const claimable = claimableToDate(money, key, fy, quarter, settings.grantRate);
  return {
    projectId: key.projectId,
    budgetLine: key.line,
    budgetToDate: budget,
    spendToDate: spent,
    variance,
    variancePct: budget === 0 ? null : variance / budget,
    rag: spendRag(budget, spent, settings),
    claimThisQuarter: claimable - claimableToDate(money, key, fy, quarter - 1, settings.grantRate),
    claimableToDate: claimable,
  };
}
