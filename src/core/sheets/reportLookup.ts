// Joins a report back to the consortium it was made from, in the order the workbook lists things, so every
// sheet shows projects and targets in the business plan's order.
import type { Actual, Consortium, Project, Target } from "../model";
import type { Period } from "../periods";
import type { ProjectReport, Report, TargetReport } from "../reportTypes";
import { figureText, percentText } from "./sheetBuilder";

export interface ProjectRow {
  id: string;
  /** The project's name, or its ID when the report names a project the consortium does not list. */
  name: string;
  project: Project | null;
}

/** The consortium's projects in order, then any project the report names that the consortium does not list. */
export function projectsInOrder(consortium: Consortium, report: Report): ProjectRow[] {
  const rows: ProjectRow[] = consortium.projects.map((p) => ({ id: p.id, name: p.name || p.id, project: p }));
  const known = new Set(rows.map((r) => r.id));
  const named = [
    ...report.projects.map((p) => p.projectId),
    ...report.targets.map((t) => t.projectId),
    ...report.spend.map((s) => s.projectId),
  ];
  for (const id of named) {
    if (!known.has(id)) {
      known.add(id);
      rows.push({ id, name: id, project: null });
    }
  }
  return rows;
}

export interface TargetRow {
  report: TargetReport;
  /** The target as the workbook describes it (null if the consortium no longer lists it). */
  target: Target | null;
  description: string;
}

/** The report's targets of a project, in the order of the Targets sheet. */
export function targetsOfProject(consortium: Consortium, report: Report, projectId: string): TargetRow[] {
  const order = new Map(consortium.targets.map((t, i) => [t.id, i]));
  const byId = new Map(consortium.targets.map((t) => [t.id, t]));
  return report.targets
    .filter((t) => t.projectId === projectId)
    .map((t) => {
      const target = byId.get(t.targetId) ?? null;
      return { report: t, target, description: target?.description ?? "" };
    })
    .sort(
      (a, b) =>
        (order.get(a.report.targetId) ?? Number.MAX_SAFE_INTEGER) -
          (order.get(b.report.targetId) ?? Number.MAX_SAFE_INTEGER) ||
        a.report.targetId.localeCompare(b.report.targetId, "en", { numeric: true }),
    );
}

export function projectReport(report: Report | undefined, projectId: string): ProjectReport | undefined {
  return report?.projects.find((p) => p.projectId === projectId);
}

export function targetReport(report: Report | undefined, targetId: string): TargetReport | undefined {
  return report?.targets.find((t) => t.targetId === targetId);
}

/** The Actuals row of a target for one quarter, if a partner returned one. */
export function actualFor(consortium: Consortium, targetId: string, period: Period): Actual | undefined {
  return consortium.actuals.find((a) => a.targetId === targetId && a.fy === period.fy && a.quarter === period.quarter);
}

/** Why a target has its RAG, in one sentence (the RAG cell's note). */
export function ragReason(t: TargetReport): string {
  if (t.measure === "Milestone") {
    const state = t.rag === "Green" ? "done" : "not done";
    return `Milestone due Q${t.target} of ${t.fy}: ${state}.`;
  }
  if (t.rag === "NotDue" || t.expectedToDate === null || t.actualToDate === null) {
    return "Nothing is expected by this quarter yet.";
  }
  const ratio = t.ratio === null ? "" : `: ratio ${percentText(t.ratio)}`;
  const better = t.direction === "Lower" ? " (lower is better)" : "";
  return (
    `Actual to date ${figureText(t.actualToDate, t.measure)} against ${figureText(t.expectedToDate, t.measure)} ` +
    `expected${better}${ratio}.`
  );
}
