// Project RAG (rules.md "Project RAG"): the project's targets in the FY rolled up, by Average or Worst.
import type { Measure, Rag, Settings } from "../model";
import type { ProjectReport } from "../reportTypes";
import { ragFor } from "./ratio";

/** What the roll-up reads of each of the project's targets in the reporting FY. */
export interface TargetOutcome {
  measure: Measure;
  ratio: number | null;
  rag: Rag;
}

const MILESTONE_SCORE: Record<Exclude<Rag, "NotDue">, number> = { Green: 1, Amber: 0.5, Red: 0 };
const WORST_FIRST: readonly Rag[] = ["Red", "Amber", "Green"];

/** A due target's score: numeric min(r, 1); milestones Green 1, Amber 0.5, Red 0. null when NotDue. */
export function targetScore(outcome: TargetOutcome): number | null {
  if (outcome.rag === "NotDue") return null;
  if (outcome.measure === "Milestone") return MILESTONE_SCORE[outcome.rag];
  return outcome.ratio === null ? null : Math.min(outcome.ratio, 1);
}

/** Average mode's ratio: the mean score of the targets that are not NotDue; null when none is due. */
export function averageRatio(outcomes: readonly TargetOutcome[]): number | null {
  let total = 0;
  let count = 0;
  for (const outcome of outcomes) {
    const score = targetScore(outcome);
    if (score === null) continue;
    total += score;
    count++;
  }
  return count === 0 ? null : total / count;
}

/** The worst RAG among the due targets (Red < Amber < Green); NotDue when none is due. */
export function worstRag(outcomes: readonly TargetOutcome[]): Rag {
  return WORST_FIRST.find((rag) => outcomes.some((outcome) => outcome.rag === rag)) ?? "NotDue";
}

/** The project's row: `ratio` is always the Average ratio; `rag` follows the Project rollup setting. */
export function projectRollup(
  projectId: string,
  outcomes: readonly TargetOutcome[],
  settings: Pick<Settings, "projectRollup" | "greenThreshold" | "amberThreshold">,
): ProjectReport {
  const ratio = averageRatio(outcomes);
  if (ratio === null) return { projectId, ratio: null, rag: "NotDue" };
  const rag = settings.projectRollup === "Worst" ? worstRag(outcomes) : ragFor(ratio, settings);
  return { projectId, ratio, rag };
}
