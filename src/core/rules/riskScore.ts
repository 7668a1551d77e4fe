// Risk scoring (rules.md "Risks"): score = impact x probability; Red from 15, Amber from 8.
// Reading the rating words into numbers is the importer's job (read/rating.ts); this takes their values.
import type { Rag, Risk } from "../model";
import type { RiskReport } from "../reportTypes";

export type RiskRag = Exclude<Rag, "NotDue">;

/** impact x probability; null when either rating has no value. */
export function riskScore(impact: number | null, probability: number | null): number | null {
  return impact === null || probability === null ? null : impact * probability;
}

/** score >= 15 Red, >= 8 Amber, else Green; null without a score. */
export function riskRag(score: number | null): RiskRag | null {
  if (score === null) return null;
  if (score >= 15) return "Red";
  if (score >= 8) return "Amber";
  return "Green";
}

/** The risk's report row; it needs review when either rating does. */
export function riskReport(risk: Risk): RiskReport {
  const score = riskScore(risk.impact.value, risk.probability.value);
  return {
    riskId: risk.id,
    projectId: risk.projectId,
    impact: risk.impact.value,
    probability: risk.probability.value,
    score,
    rag: riskRag(score),
    needsReview: risk.impact.needsReview || risk.probability.needsReview,
  };
}
