// The RAG overview as plain rows: each project with its RAG, ratio and trend on last year, its targets beneath;
// risks counted by RAG with the highest scores first. Built from the report, so it always matches the sheets.
import type { Consortium, ProjectRag, Rag } from "../../core/model";
import type { Report, RiskReport, TargetReport, Trend } from "../../core/reportTypes";
import { trendFor, yoyChange } from "../../core/rules/yearOnYear";

export interface TargetRow {
  id: string;
  description: string;
  report: TargetReport;
}

export interface ProjectRow {
  id: string;
  name: string;
  rag: ProjectRag;
  ratio: number | null;
  /** Change in the project's ratio since the same quarter last year (ratio points); null without both. */
  change: number | null;
  trend: Trend | null;
  targets: TargetRow[];
}

export function projectRows(consortium: Consortium, report: Report, lastYear: Report | null): ProjectRow[] {
  const descriptions = new Map(consortium.targets.map((t) => [t.id, t.description]));
  return report.projects.map((project) => {
    const info = consortium.projects.find((p) => p.id === project.projectId);
    const before = lastYear?.projects.find((p) => p.projectId === project.projectId)?.ratio ?? null;
    // A project's trend reads its ratio the way a target's does (rules.md "Year on year").
    const change = yoyChange(project.ratio, before);
    return {
      id: project.projectId,
      name: info?.name ?? "",
      rag: project.rag,
      ratio: project.ratio,
      change,
      trend: trendFor(change),
      targets: report.targets
        .filter((t) => t.projectId === project.projectId)
        .map((t) => ({ id: t.targetId, description: descriptions.get(t.targetId) ?? "", report: t })),
    };
  });
}

export interface RiskRow {
  id: string;
  projectId: string | null;
  description: string;
  report: RiskReport;
}

export interface RiskSummary {
  counts: { rag: Exclude<Rag, "NotDue">; count: number }[];
  unscored: number;
  top: RiskRow[];
}

export function riskSummary(consortium: Consortium, report: Report, topCount = 5): RiskSummary {
  const descriptions = new Map(consortium.risks.map((r) => [r.id, r.description]));
  const order = ["Red", "Amber", "Green"] as const;
  const counts = order.map((rag) => ({ rag, count: report.risks.filter((r) => r.rag === rag).length }));
  const top = report.risks
    .filter((r) => r.score !== null)
    .map((r, index) => ({ r, index }))
    .sort((a, b) => (b.r.score ?? 0) - (a.r.score ?? 0) || a.index - b.index)
    .slice(0, topCount)
    .map(({ r }) => ({
      id: r.riskId,
      projectId: r.projectId,
      description: descriptions.get(r.riskId) ?? "",
      report: r,
    }));
  return { counts, unscored: report.risks.filter((r) => r.rag === null).length, top };
}
