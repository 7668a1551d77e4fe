// The RAG overview as plain rows: each project with its RAG, ratio and trend on last year, its targets beneath;
// risks counted by RAG with the highest scores first. Built from the report, so it always matches the sheets.
import type { Consortium, Rag, UnreadTarget } from "../../core/model";
import { periodView, type ProjectView, type TargetView } from "../../core/periodView";
import type { Report, RiskReport } from "../../core/reportTypes";

/** A target as the pane lists it: the core's view (RAG shown, reason), so it matches the RAG sheet. */
export type TargetRow = TargetView;

/** A project as the pane lists it: RAG, ratio and trend on last year from the core, its targets beneath. */
export type ProjectRow = ProjectView;

export function projectRows(
  consortium: Consortium,
  report: Report,
  lastYear: Report | null,
  unreadTargets: readonly UnreadTarget[] = [],
): ProjectRow[] {
  return periodView(consortium, report, { sameQuarterLastYear: lastYear }, unreadTargets).projects;
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
