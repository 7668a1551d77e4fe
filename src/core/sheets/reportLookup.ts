// Joins a report back to the consortium it was made from, in the order the workbook lists things, so every
// sheet shows projects and targets in the business plan's order.
import type { Actual, Consortium, Project, Target } from "../model";
import type { Period } from "../periods";
import type { ProjectReport, Report, SpendReport, TargetReport } from "../reportTypes";
import { groupBy } from "../groupBy";

export interface ProjectRow {
  id: string;
  /** The project's name, or its ID when the report names a project the consortium does not list. */
  name: string;
  project: Project | null;
  /** The report's roll-up of the project, if it has one. */
  summary: ProjectReport | undefined;
  /** The report's targets of the project, in the order of the Targets sheet. */
  targets: TargetRow[];
  /** The report's spend lines of the project, in the report's order. */
  spend: SpendReport[];
}

export interface TargetRow {
  report: TargetReport;
  /** The target as the workbook describes it (null if the consortium no longer lists it). */
  target: Target | null;
  description: string;
}

/**
 * The consortium's projects in order, then any project the report names that the consortium does not list,
 * each with what the report says about it. The report is read once, so a sheet of any size is built in one pass.
 */
export function projectsInOrder(consortium: Consortium, report: Report): ProjectRow[] {
  type Named = Pick<ProjectRow, "id" | "name" | "project">;
  const listed: Named[] = consortium.projects.map((p) => ({ id: p.id, name: p.name || p.id, project: p }));
  const known = new Set(listed.map((p) => p.id));
  const unlisted: Named[] = [];
  for (const named of [report.projects, report.targets, report.spend]) {
    for (const { projectId } of named) {
      if (known.has(projectId)) continue;
      known.add(projectId);
      unlisted.push({ id: projectId, name: projectId, project: null });
    }
  }
  const summaries = firstById(report.projects, (p) => p.projectId);
  const targets = targetsByProject(consortium, report);
  const spend = groupBy(report.spend, (s) => s.projectId);
  return [...listed, ...unlisted].map((p) => ({
    ...p,
    summary: summaries.get(p.id),
    targets: targets.get(p.id) ?? [],
    spend: spend.get(p.id) ?? [],
  }));
}

/** The report's targets by project, each project's in the order of the Targets sheet. */
function targetsByProject(consortium: Consortium, report: Report): Map<string, TargetRow[]> {
  // Where the Targets sheet lists an ID twice, its last row describes it (as a map from the sheet would).
  const listed = new Map<string, { target: Target; place: number }>();
  consortium.targets.forEach((target, place) => listed.set(target.id, { target, place }));
  const rows = report.targets.map((t): TargetRow => {
    const target = listed.get(t.targetId)?.target ?? null;
    return { report: t, target, description: target?.description ?? "" };
  });
  const place = (row: TargetRow) => listed.get(row.report.targetId)?.place ?? Number.MAX_SAFE_INTEGER;
  const byProject = groupBy(rows, (row) => row.report.projectId);
  for (const targets of byProject.values()) {
    targets.sort(
      (a, b) => place(a) - place(b) || a.report.targetId.localeCompare(b.report.targetId, "en", { numeric: true }),
    );
  }
  return byProject;
}

/** A report's projects and targets by ID, to look rows up in the reports at other periods. */
export interface ReportIndex {
  period: Period;
  projects: Map<string, ProjectReport>;
  targets: Map<string, TargetReport>;
}

export function indexReport(report: Report): ReportIndex {
  return {
    period: report.period,
    projects: firstById(report.projects, (p) => p.projectId),
    targets: firstById(report.targets, (t) => t.targetId),
  };
}

/** The Actuals rows of one quarter by target (the first row where the sheet repeats one). */
export function actualsAt(consortium: Consortium, period: Period): Map<string, Actual> {
  const rows = consortium.actuals.filter((a) => a.fy === period.fy && a.quarter === period.quarter);
  return firstById(rows, (a) => a.targetId);
}

/** Rows by ID; where an ID repeats, the first row, as a search from the top would find. */
function firstById<Row>(rows: readonly Row[], idOf: (row: Row) => string): Map<string, Row> {
  const byId = new Map<string, Row>();
  for (const row of rows) if (!byId.has(idOf(row))) byId.set(idOf(row), row);
  return byId;
}
