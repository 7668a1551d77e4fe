// The machine-readable report of rules.md: every target, project, spend line and risk at one period.
// Deterministic and JSON-safe: plain objects and arrays, null for "none", no undefined, NaN or Infinity.
import type { Consortium, Problem, Rag, Target } from "./model";
import { comparePeriods, isFyLabel, type Fy, type Period } from "./periods";
import type { ProjectReport, Report, SpendReport, TargetReport } from "./reportTypes";
import { missingQuarters } from "./rules/expectedAndActual";
import { projectRollup } from "./rules/projectRollup";
import { riskReport, type RiskRag } from "./rules/riskScore";
import { spendReport, type LineKey } from "./rules/spendAndClaim";
import { targetStatusAt, type RulesInput } from "./rules/targetStatus";
import { fullYearRatios, previousYearRatio, trendFor, yoyChange } from "./rules/yearOnYear";

/** The latest (FY, quarter) with any actual or spend row; else the plan's first FY, Q1; null with no FY at all. */
export function defaultPeriod(consortium: Consortium): Period | null {
  let latest: Period | null = null;
  for (const row of [...consortium.actuals, ...consortium.spend]) {
    if (!isFyLabel(row.fy)) continue;
    if (latest === null || comparePeriods(row, latest) > 0) latest = { fy: row.fy, quarter: row.quarter };
  }
  if (latest) return latest;
  const { planStart } = consortium.settings;
  const first = consortium.planYears[0] ?? (isFyLabel(planStart) ? planStart : undefined);
  return first === undefined ? null : { fy: first, quarter: 1 };
}

/**
 * The report at `period` (default: `defaultPeriod`). Throws only when no period is given and the workbook
 * names no financial year anywhere (no Targets years, plan start, actuals or spend): check `defaultPeriod` first.
 */
export function buildReport(consortium: Consortium, problems: readonly Problem[], period?: Period): Report {
  const at = period ?? defaultPeriod(consortium);
  if (at === null) throw new Error("There is no financial year to report on: add targets, actuals or spend first.");
  const rulesInputFor = rulesInputsByTarget(consortium);
  const targets: TargetReport[] = [];
  for (const target of consortium.targets) {
    const row = targetReport(target, at, consortium.planYears, rulesInputFor(target));
    if (row) targets.push(row);
  }
  const projects: ProjectReport[] = consortium.projects.map((project) =>
    projectRollup(
      project.id,
      targets.filter((row) => row.projectId === project.id),
      consortium.settings,
    ),
  );
  const budgetsByLine = groupBy(consortium.budgets, lineKey);
  const spendByLine = groupBy(consortium.spend, lineKey);
  const spend: SpendReport[] = spendLines(consortium, at.fy).map((key) => {
    const money = { budgets: budgetsByLine.get(lineKey(key)) ?? [], spend: spendByLine.get(lineKey(key)) ?? [] };
    return spendReport(money, key, at, consortium.settings);
  });
  return {
    period: { fy: at.fy, quarter: at.quarter },
    targets,
    projects,
    spend,
    risks: consortium.risks.map(riskReport),
    problems: problems.map(({ sheet, cell, severity, message }) => ({ sheet, cell, severity, message })),
  };
}

/** The report at another period without problems, e.g. the previous quarter or the same quarter last year. */
export function reportAt(consortium: Consortium, period: Period): Report {
  return buildReport(consortium, [], period);
}

/** One target's row; null when the target has no value (or due quarter) for the period's FY. */
export function targetReport(
  target: Target,
  period: Period,
  planYears: readonly Fy[],
  input: RulesInput,
): TargetReport | null {
  const status = targetStatusAt(target, period, input);
  if (status === null) return null;
  const previous = previousYearRatio(target, period, input);
  const change = yoyChange(status.ratio, previous);
  return {
    targetId: target.id,
    projectId: target.projectId,
    fy: period.fy,
    basis: target.basis,
    direction: target.direction,
    measure: target.measure,
    ...status,
    previousYearRatio: previous,
    yoyChange: change,
    trend: trendFor(change),
    fullYearRatios: fullYearRatios(target, period, planYears, input),
    missingQuarters: missingQuarters(target, period, input.actuals),
  };
}

/**
 * The project and budget lines with Budget or Spend rows in the FY: projects in Projects order (any others
 * after, as they first appear), each project's lines in order of first appearance on Budget, then Spend.
 */
export function spendLines(consortium: Pick<Consortium, "projects" | "budgets" | "spend">, fy: Fy): LineKey[] {
  const rows = [...consortium.budgets, ...consortium.spend];
  const inYear = new Set(rows.filter((row) => row.fy === fy).map(lineKey));
  const lines = new Map<string, LineKey>();
  for (const row of rows) {
    const key = lineKey(row);
    if (inYear.has(key) && !lines.has(key)) lines.set(key, { projectId: row.projectId, line: row.line });
  }
  const projectOrder = new Set([
    ...consortium.projects.map((project) => project.id),
    ...[...lines.values()].map((line) => line.projectId),
  ]);
  return [...projectOrder].flatMap((projectId) => [...lines.values()].filter((line) => line.projectId === projectId));
}

export type RagCounts = Record<Rag, number>;
export interface SummaryCounts {
  targets: RagCounts;
  projects: RagCounts;
  spend: RagCounts;
  risks: Record<RiskRag | "Unscored", number>;
}

/** How many targets, projects, spend lines and risks are Green, Amber, Red (or NotDue / unscored). */
export function summaryCounts(report: Report): SummaryCounts {
  const count = (rows: readonly { rag: Rag }[]): RagCounts => {
    const counts: RagCounts = { Green: 0, Amber: 0, Red: 0, NotDue: 0 };
    for (const row of rows) counts[row.rag]++;
    return counts;
  };
  const risks = { Green: 0, Amber: 0, Red: 0, Unscored: 0 };
  for (const risk of report.risks) risks[risk.rag ?? "Unscored"]++;
  return { targets: count(report.targets), projects: count(report.projects), spend: count(report.spend), risks };
}

/** Each target sees only its own profiles and actuals, so a large workbook is not rescanned per target. */
function rulesInputsByTarget(consortium: Consortium): (target: Target) => RulesInput {
  const profiles = groupBy(consortium.profiles, (profile) => profile.targetId);
  const actuals = groupBy(consortium.actuals, (actual) => actual.targetId);
  return (target) => ({
    settings: consortium.settings,
    profiles: profiles.get(target.id) ?? [],
    actuals: actuals.get(target.id) ?? [],
  });
}

function groupBy<Row>(rows: readonly Row[], keyOf: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}

/** A project and budget line as one map key (JSON, so no separator can collide with a line's name). */
function lineKey(row: LineKey): string {
  return JSON.stringify([row.projectId, row.line]);
}
