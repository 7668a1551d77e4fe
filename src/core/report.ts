// The machine-readable report of rules.md: every target, project, spend line and risk at one period.
// Deterministic and JSON-safe: plain objects and arrays, null for "none", no undefined, NaN or Infinity.
import type { BudgetLine, Consortium, Problem, Project, ProjectRag, Spend, Target } from "./model";
import { poundsFromPence } from "./money";
import { compareFy, comparePeriods, isFyLabel, sameQuarterLastYear, type Fy, type Period } from "./periods";
import type { ClaimReport, ProjectReport, Report, SpendReport, TargetReport } from "./reportTypes";
import { missingQuarters } from "./rules/expectedAndActual";
import { projectRollup } from "./rules/projectRollup";
import { riskReport } from "./rules/riskScore";
import { claimTotals, spendReport, type ClaimTotals, type LineKey } from "./rules/spendAndClaim";
import { targetStatusAt, type RulesInput, type TargetStatus } from "./rules/targetStatus";
import { fullYearPeriods, ratioAt, ratiosAt, trendFor, yoyChange } from "./rules/yearOnYear";
import { groupBy } from "./groupBy";

/** The latest (FY, quarter) with any actual or spend row; else the plan's first FY, Q1; null with no FY at all. */
export function defaultPeriod(consortium: Consortium): Period | null {
  let latest: Period | null = null;
  for (const rows of [consortium.actuals, consortium.spend]) {
    for (const row of rows) {
      if (!isFyLabel(row.fy)) continue;
      if (latest === null || comparePeriods(row, latest) > 0) latest = { fy: row.fy, quarter: row.quarter };
    }
  }
  if (latest) return latest;
  const { planStart } = consortium.settings;
  const first = consortium.planYears[0] ?? (isFyLabel(planStart) ? planStart : undefined);
  return first === undefined ? null : { fy: first, quarter: 1 };
}

/**
 * The consortium's rows grouped the way the rules look them up, built once: each target's own profiles and
 * actuals, and each budget line's Budget and Spend rows. Reports at several periods (the RAG sheet compares three)
 * share one index, and no rule rescans the whole workbook per target or per line.
 */
export interface ConsortiumIndex {
  consortium: Consortium;
  /** What the target rules read about one target: the settings and only its own profiles and actuals. */
  rulesInputFor(target: Target): RulesInput;
  /** Every budget line, in order of first appearance on Budget, then Spend, with its rows. */
  lines: readonly LineRows[];
}

/** One project's budget line: its Budget and Spend rows and the FYs they fall in. */
export interface LineRows {
  key: LineKey;
  budgets: BudgetLine[];
  spend: Spend[];
  years: Set<Fy>;
}

export function indexConsortium(consortium: Consortium): ConsortiumIndex {
  const profiles = groupBy(consortium.profiles, (profile) => profile.targetId);
  const actuals = groupBy(consortium.actuals, (actual) => actual.targetId);
  return {
    consortium,
    rulesInputFor: (target) => ({
      settings: consortium.settings,
      profiles: profiles.get(target.id) ?? [],
      actuals: actuals.get(target.id) ?? [],
    }),
    lines: budgetLines(consortium),
  };
}

/**
 * The report at `period` (default: `defaultPeriod`). Throws only when no period is given and the workbook
 * names no financial year anywhere (no Targets years, plan start, actuals or spend): check `defaultPeriod` first.
 */
export function buildReport(consortium: Consortium, problems: readonly Problem[], period?: Period): Report {
  return buildReportFrom(indexConsortium(consortium), problems, period);
}

/** `buildReport` from an index already made, e.g. one shared by the reports at three periods. */
export function buildReportFrom(index: ConsortiumIndex, problems: readonly Problem[], period?: Period): Report {
  const { consortium } = index;
  const at = period ?? defaultPeriod(consortium);
  if (at === null) throw new Error("There is no financial year to report on: add targets, actuals or spend first.");
  const targets: TargetReport[] = [];
  let periods: ReportPeriods | undefined; // worked out when the first target has a row
  for (const target of consortium.targets) {
    const input = index.rulesInputFor(target);
    const status = targetStatusAt(target, at, input);
    if (status === null) continue; // no value (or due quarter) for the period's FY
    periods ??= reportPeriods(at, consortium.planYears);
    targets.push(targetReport(target, status, periods, input));
  }
  const targetsByProject = groupBy(targets, (row) => row.projectId);
  const projects: ProjectReport[] = consortium.projects.map((project) =>
    projectRollup(project.id, targetsByProject.get(project.id) ?? [], consortium.settings),
  );
  const spend: SpendReport[] = linesInYear(index.lines, consortium.projects, at.fy).map((line) =>
    spendReport(line, line.key, at, consortium.settings),
  );
  return {
    period: { fy: at.fy, quarter: at.quarter },
    targets,
    projects,
    claim: claimReport(claimTotalsAt(index, at)),
    spend,
    risks: consortium.risks.map(riskReport),
    problems: problems.map(({ sheet, cell, severity, message }) => ({ sheet, cell, severity, message })),
  };
}

/**
 * Each project's row at a period, as `buildReportFrom` rolls it up, without the year-on-year figures a full
 * report works out for every target: for a table of project RAGs at many periods.
 */
export function projectsAt(index: ConsortiumIndex, at: Period): ProjectReport[] {
  const { consortium } = index;
  const outcomes = consortium.targets.flatMap((target) => {
    const input = index.rulesInputFor(target);
    const status = targetStatusAt(target, at, input);
    if (status === null) return [];
    const awaiting = isAwaiting(status, missingQuarters(target, at, input.actuals), at);
    const { ratio, rag, toBeSet } = status;
    return [{ projectId: target.projectId, measure: target.measure, ratio, rag, awaiting, toBeSet }];
  });
  const byProject = groupBy(outcomes, (outcome) => outcome.projectId);
  return consortium.projects.map((project) =>
    projectRollup(project.id, byProject.get(project.id) ?? [], consortium.settings),
  );
}

/** What a paper shows for a target: Awaiting while its quarter's figure is not in, else its RAG. */
export function ragShown(target: Pick<TargetReport, "rag" | "awaiting">): ProjectRag {
  return target.awaiting ? "Awaiting" : target.rag;
}

/** The claim as a whole at the period, in pence: over every budget line and the plan's earlier years. */
export function claimTotalsAt(index: ConsortiumIndex, at: Period): ClaimTotals {
  const { consortium } = index;
  const earlierYears = consortium.planYears.filter((fy) => compareFy(fy, at.fy) < 0);
  return claimTotals(consortium.budgets, index.lines, earlierYears, at, consortium.settings);
}

function claimReport(totals: ClaimTotals): ClaimReport {
  return {
    totalAward: poundsFromPence(totals.totalAward),
    claimedBefore: poundsFromPence(totals.claimedBefore),
    claimThisQuarter: poundsFromPence(totals.claimThisQuarter),
    claimedToDate: poundsFromPence(totals.claimedToDate),
    remaining: poundsFromPence(totals.remaining),
  };
}

/** The periods a target's row reads, the same for every target: worked out once per report. */
export interface ReportPeriods {
  at: Period;
  sameQuarterLastYear: Period;
  /** Q4 of each earlier plan FY, then `at` (`fullYearPeriods`). */
  fullYear: Period[];
}

export function reportPeriods(at: Period, planYears: readonly Fy[]): ReportPeriods {
  return { at, sameQuarterLastYear: sameQuarterLastYear(at), fullYear: fullYearPeriods(at, planYears) };
}

/** The row of a target with a status at the period. */
export function targetReport(
  target: Target,
  status: TargetStatus,
  periods: ReportPeriods,
  input: RulesInput,
): TargetReport {
  const period = periods.at;
  // previousYearRatio and fullYearRatios, at the periods worked out once.
  const previous = ratioAt(target, periods.sameQuarterLastYear, input);
  const change = yoyChange(status.ratio, previous);
  const missing = missingQuarters(target, period, input.actuals);
  const { toBeSet, ...figures } = status;
  return {
    targetId: target.id,
    projectId: target.projectId,
    fy: period.fy,
    basis: target.basis,
    direction: target.direction,
    measure: target.measure,
    ...figures,
    previousYearRatio: previous,
    yoyChange: change,
    trend: trendFor(change),
    fullYearRatios: ratiosAt(target, periods.fullYear, input, { at: period, ratio: status.ratio }),
    missingQuarters: missing,
    awaiting: isAwaiting(status, missing, period),
    toBeSet,
  };
}

/**
 * rules.md "Awaiting figures": a due target with no figure for the period's own quarter. `missingQuarters` is
 * always empty for milestones, so they are never awaiting.
 */
export function isAwaiting(status: Pick<TargetStatus, "rag">, missing: readonly number[], period: Period): boolean {
  return status.rag !== "NotDue" && missing.includes(period.quarter);
}

/**
 * The project and budget lines with Budget or Spend rows in the FY: projects in Projects order (any others
 * after, as they first appear), each project's lines in order of first appearance on Budget, then Spend.
 */
export function spendLines(consortium: Pick<Consortium, "projects" | "budgets" | "spend">, fy: Fy): LineKey[] {
  return linesInYear(budgetLines(consortium), consortium.projects, fy).map((line) => line.key);
}

/** Each line's rows, lines in order of first appearance on Budget, then Spend. */
function budgetLines(consortium: Pick<Consortium, "budgets" | "spend">): LineRows[] {
  const lines: LineRows[] = [];
  // Project, line name, then partner: lookups in turn rather than a combined key, which no name could collide with.
  const byProject = new Map<string, Map<string, Map<string, LineRows>>>();
  const lineOf = (row: BudgetLine | Spend): LineRows => {
    let ofProject = byProject.get(row.projectId);
    if (!ofProject) byProject.set(row.projectId, (ofProject = new Map()));
    let ofLine = ofProject.get(row.line);
    if (!ofLine) ofProject.set(row.line, (ofLine = new Map()));
    let line = ofLine.get(row.partner);
    if (!line) {
      const key = { projectId: row.projectId, line: row.line, partner: row.partner };
      line = { key, budgets: [], spend: [], years: new Set() };
      ofLine.set(row.partner, line);
      lines.push(line);
    }
    line.years.add(row.fy);
    return line;
  };
  for (const row of consortium.budgets) lineOf(row).budgets.push(row);
  for (const row of consortium.spend) lineOf(row).spend.push(row);
  return lines;
}

/** The lines with rows in the FY: projects in Projects order, then any others as they first appear. */
function linesInYear(lines: readonly LineRows[], projects: readonly Project[], fy: Fy): LineRows[] {
  const byProject = groupBy(
    lines.filter((line) => line.years.has(fy)),
    (line) => line.key.projectId,
  );
  const projectOrder = new Set([...projects.map((project) => project.id), ...byProject.keys()]);
  return [...projectOrder].flatMap((projectId) => byProject.get(projectId) ?? []);
}
