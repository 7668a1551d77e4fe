// What every paper of a period shows, worked out once so the RAG sheet, the task pane and the CLI agree: each
// project's RAG now, last quarter and the same quarter last year with its trend, its targets with the RAG shown
// (Awaiting instead of a RAG while the quarter's figure is missing) and why, the targets that need attention
// (reds first), and the targets the workbook could not read.
import type { Consortium, Problem, ProjectRag, UnreadTarget } from "./model";
import { compareFy, fyRange, previousQuarter, QUARTERS, sameQuarterLastYear, type Period } from "./periods";
import { reasonText, targetReason, type TargetReason } from "./reasons/targetReason";
import { buildReportFrom, indexConsortium, projectsAt, ragShown, type ConsortiumIndex } from "./report";
import type { Report, TargetReport, Trend } from "./reportTypes";
import { trendFor, yoyChange } from "./rules/yearOnYear";
import { indexReport, projectsInOrder, type ReportIndex } from "./sheets/reportLookup";

/** The order papers count and list RAGs in. */
export const SHOWN_RAGS = ["Green", "Amber", "Red", "Awaiting", "NotDue"] as const satisfies readonly ProjectRag[];

export type RagCounts = Record<ProjectRag, number>;

export interface TargetView {
  id: string;
  projectId: string;
  description: string;
  /** Its Targets sheet cell (e.g. "A12"), "" when the consortium no longer lists it. */
  source: string;
  report: TargetReport;
  /** Awaiting while the quarter's figure is missing, else its RAG. */
  shown: ProjectRag;
  /** What it showed at the quarter before and the same quarter last year; null with no row then. */
  lastQuarter: ProjectRag | null;
  lastYear: ProjectRag | null;
  /** Why it is Amber, Red or Awaiting; null for Green and Not due. */
  reason: TargetReason | null;
  /** The reason as a paper prints it ("" when there is none). */
  reasonText: string;
}

export interface ProjectView {
  id: string;
  name: string;
  rag: ProjectRag;
  ratio: number | null;
  lastQuarter: ProjectRag | null;
  lastYear: ProjectRag | null;
  /** The project's ratio against the same quarter last year (ratio points), read as a target's is; null without both. */
  change: number | null;
  trend: Trend | null;
  /** Its targets counted by the RAG shown. */
  counts: RagCounts;
  targets: TargetView[];
  /** Its targets the workbook could not read for the period, listed as "Not read". */
  unread: UnreadTarget[];
}

export interface PeriodView {
  period: Period;
  projects: ProjectView[];
  /** Every Red, then every Amber target, in project order. */
  attention: TargetView[];
  /** Every target awaiting the quarter's figure, in project order. */
  awaiting: TargetView[];
  /** Every target to be set (its baseline not entered), in project order: shown as Not due, with why. */
  toBeSet: TargetView[];
  /** Targets that could not be read whose project is not on Projects (or could not be read either). */
  unreadElsewhere: UnreadTarget[];
  /** Every target not read for the period, wherever it is listed. */
  unread: UnreadTarget[];
}

export interface EarlierReports {
  previousQuarter?: Report | null;
  sameQuarterLastYear?: Report | null;
}

export function emptyCounts(): RagCounts {
  return { Green: 0, Amber: 0, Red: 0, Awaiting: 0, NotDue: 0 };
}

export function periodView(
  consortium: Consortium,
  report: Report,
  earlier: EarlierReports = {},
  unreadTargets: readonly UnreadTarget[] = [],
  index: ConsortiumIndex = indexConsortium(consortium),
): PeriodView {
  const lastQuarter = earlier.previousQuarter ? indexReport(earlier.previousQuarter) : null;
  const lastYear = earlier.sameQuarterLastYear ? indexReport(earlier.sameQuarterLastYear) : null;
  const shownIn = (other: ReportIndex | null, id: string) => {
    const row = other?.targets.get(id);
    return row ? ragShown(row) : null;
  };
  const unread = unreadTargets.filter((u) => u.fy === null || u.fy === report.period.fy);
  const projectIds = new Set<string>();
  const projects = projectsInOrder(consortium, report).map((project): ProjectView => {
    projectIds.add(project.id);
    const targets = project.targets.map(({ report: row, target, description }): TargetView => {
      const reason = target ? targetReason(target, row, report.period, index.rulesInputFor(target)) : null;
      return {
        id: row.targetId,
        projectId: row.projectId,
        description,
        source: target?.source.cell ?? "",
        report: row,
        shown: ragShown(row),
        lastQuarter: shownIn(lastQuarter, row.targetId),
        lastYear: shownIn(lastYear, row.targetId),
        reason,
        reasonText: reason ? reasonText(reason) : "",
      };
    });
    const counts = emptyCounts();
    for (const t of targets) counts[t.shown]++;
    const ratio = project.summary?.ratio ?? null;
    const before = lastYear?.projects.get(project.id)?.ratio ?? null;
    const change = yoyChange(ratio, before);
    return {
      id: project.id,
      name: project.name,
      rag: project.summary?.rag ?? "NotDue",
      ratio,
      lastQuarter: lastQuarter?.projects.get(project.id)?.rag ?? null,
      lastYear: lastYear?.projects.get(project.id)?.rag ?? null,
      change,
      trend: trendFor(change),
      counts,
      targets,
      unread: unread.filter((u) => sameId(u.projectId, project.id)),
    };
  });
  const all = projects.flatMap((p) => p.targets);
  return {
    period: report.period,
    projects,
    attention: [...all.filter((t) => t.shown === "Red"), ...all.filter((t) => t.shown === "Amber")],
    awaiting: all.filter((t) => t.shown === "Awaiting"),
    toBeSet: all.filter((t) => t.report.toBeSet),
    unreadElsewhere: unread.filter((u) => ![...projectIds].some((id) => sameId(u.projectId, id))),
    unread,
  };
}

const sameId = (a: string, b: string) => a.toLowerCase().replace(/\s+/g, "") === b.toLowerCase().replace(/\s+/g, "");

/** Each project's RAG at every quarter of the plan from its first quarter to the period. */
export interface RagOverTime {
  periods: Period[];
  projects: { id: string; name: string; rags: ProjectRag[] }[];
}

export function ragOverTime(consortium: Consortium, period: Period, index = indexConsortium(consortium)): RagOverTime {
  const first = consortium.planYears[0] ?? period.fy;
  const years = compareFy(first, period.fy) <= 0 ? fyRange(first, period.fy) : [period.fy];
  const periods = years.flatMap((fy) =>
    QUARTERS.filter((q) => fy !== period.fy || q <= period.quarter).map((quarter): Period => ({ fy, quarter })),
  );
  const rags = periods.map((p) => new Map(projectsAt(index, p).map((row) => [row.projectId, row.rag])));
  return {
    periods,
    projects: consortium.projects.map((project) => ({
      id: project.id,
      name: project.name || project.id,
      rags: rags.map((atPeriod) => atPeriod.get(project.id) ?? "NotDue"),
    })),
  };
}

/** The report at a period and at the two periods papers compare it with (left out before the plan starts). */
export interface PeriodReports {
  report: Report;
  previousQuarter: Report | undefined;
  sameQuarterLastYear: Report | undefined;
  index: ConsortiumIndex;
}

/** `period` defaults to the latest with data (`defaultPeriod`). */
export function periodReports(
  consortium: Consortium,
  problems: readonly Problem[],
  period: Period | undefined,
  index: ConsortiumIndex = indexConsortium(consortium),
): PeriodReports {
  const report = buildReportFrom(index, problems, period);
  const planStart = consortium.planYears[0];
  const within = (p: Period) => planStart === undefined || compareFy(p.fy, planStart) >= 0;
  const earlier = (p: Period) => (within(p) ? buildReportFrom(index, [], p) : undefined);
  return {
    report,
    previousQuarter: earlier(previousQuarter(report.period)),
    sameQuarterLastYear: earlier(sameQuarterLastYear(report.period)),
    index,
  };
}
