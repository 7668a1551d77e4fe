// What a partner's return holds for a period: the targets it owns that have a value (or a due quarter) that year,
// and its own budget lines (Budget's Partner column, else the lines of the projects it leads). Both the return
// writer and the import check use this, so a return is checked against exactly what the master would issue.
import { normaliseName } from "../grid";
import { isToBeSet } from "../relativeTarget";
import type { Actual, Consortium, Target } from "../model";
import { previousQuarter, type Period, type Quarter } from "../periods";
import { spendLines } from "../report";
import { expectedToDate, targetValue } from "../rules/expectedAndActual";
import { dueQuarter } from "../rules/milestones";
import { poundsFromPence } from "../money";
import { budgetToDate, spendToDate, type LineKey } from "../rules/spendAndClaim";

export interface IssuedTarget {
  target: Target;
  /** The year's target; null for a milestone. */
  annualTarget: number | null;
  /** Milestones: the quarter it is due; null otherwise. */
  dueQuarter: Quarter | null;
  /** E to date at the period (rules.md); null for a milestone. */
  expectedToDate: number | null;
  /** The master's actual for the quarter before the period, if any. */
  lastQuarter: Actual | null;
}

export interface IssuedLine {
  projectId: string;
  line: string;
  partner: string;
  /** In pounds, as the return shows them. */
  annualBudget: number;
  budgetToDate: number;
  /** Spend to date before the period's quarter (quarters 1..q-1 of the FY). */
  spentBefore: number;
}

export interface IssuedReturn {
  partner: string;
  period: Period;
  targets: IssuedTarget[];
  lines: IssuedLine[];
}

export function samePartner(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b) && normaliseName(a) !== "";
}

/**
 * A target is in a period's return when it has a value (or, for a milestone, a due quarter) in that FY, or is to
 * be set then: its figures are still collected while the baseline is measured.
 */
export function hasValueIn(target: Target, fy: string): boolean {
  return targetValue(target, fy) !== undefined || dueQuarter(target, fy) !== undefined || isToBeSet(target, fy);
}

export function issuedTargets(consortium: Consortium, partner: string, period: Period): Target[] {
  return consortium.targets.filter((target) => samePartner(target.owner, partner) && hasValueIn(target, period.fy));
}

/** The partner's own budget lines with Budget or Spend rows in the FY, in report order. */
export function issuedLines(consortium: Consortium, partner: string, period: Period): LineKey[] {
  return spendLines(consortium, period.fy).filter((key) => samePartner(key.partner, partner));
}

export function issuedReturn(consortium: Consortium, partner: string, period: Period): IssuedReturn {
  const before = previousQuarter(period);
  const targets = issuedTargets(consortium, partner, period).map((target): IssuedTarget => {
    const rows = consortium.actuals.filter(
      (actual) => actual.targetId === target.id && actual.fy === before.fy && actual.quarter === before.quarter,
    );
    return {
      target,
      annualTarget: targetValue(target, period.fy) ?? null,
      dueQuarter: dueQuarter(target, period.fy) ?? null,
      expectedToDate: expectedToDate(target, period, consortium.profiles),
      lastQuarter: rows.length > 0 ? rows[rows.length - 1] : null,
    };
  });
  const lines = issuedLines(consortium, partner, period).map((key): IssuedLine => ({
    ...key,
    annualBudget: poundsFromPence(budgetToDate(consortium.budgets, key, period.fy, 4)),
    budgetToDate: poundsFromPence(budgetToDate(consortium.budgets, key, period.fy, period.quarter)),
    spentBefore: poundsFromPence(spendToDate(consortium.spend, key, period.fy, period.quarter - 1)),
  }));
  return { partner, period, targets, lines };
}

/**
 * The partners that get a return for the period: every partner with targets (with a value that FY) or budget
 * lines that FY of its own, whether it leads or delivers the project. Partners-sheet order and spelling; names
 * missing from Partners follow.
 */
export function partnersWithReturns(consortium: Consortium, period: Period): string[] {
  const named = [
    ...consortium.targets.filter((target) => hasValueIn(target, period.fy)).map((target) => target.owner),
    ...spendLines(consortium, period.fy).map((key) => key.partner),
  ].filter((name) => normaliseName(name) !== "");
  const wanted = new Set(named.map(normaliseName));
  const result: string[] = [];
  const seen = new Set<string>();
  for (const name of [...consortium.partners.map((partner) => partner.name), ...named]) {
    const key = normaliseName(name);
    if (wanted.has(key) && !seen.has(key)) {
      seen.add(key);
      result.push(name.trim());
    }
  }
  return result;
}

/** The partners on Partners with nothing to report for the period (no targets or budget lines of their own). */
export function partnersWithoutReturns(consortium: Consortium, period: Period): string[] {
  const returning = new Set(partnersWithReturns(consortium, period).map(normaliseName));
  return consortium.partners.map((partner) => partner.name).filter((name) => !returning.has(normaliseName(name)));
}
