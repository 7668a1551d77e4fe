// Project RAG (rules.md "Project RAG"): the project's rated targets in the FY rolled up, by Average or Worst.
// A rated target is due (not NotDue) and not awaiting this quarter's figure.
import type { Measure, ProjectRag, Rag, Settings } from "../model";
import type { ProjectReport } from "../reportTypes";
import { ragFor } from "./ratio";

/** What the roll-up reads of each of the project's targets in the reporting FY. */
export interface TargetOutcome {
  measure: Measure;
  ratio: number | null;
  rag: Rag;
  /** No figure for the period's own quarter yet (rules.md "Awaiting figures"). */
  awaiting: boolean;
  /** No target value for the year yet: it waits for its baseline (rated NotDue, so never counted). */
  toBeSet?: boolean;
}

const MILESTONE_SCORE: Record<Exclude<Rag, "NotDue">, number> = { Green: 1, Amber: 0.5, Red: 0 };
const WORST_FIRST: readonly Rag[] = ["Red", "Amber", "Green"];

/** A target counts towards its project's RAG when it is due and not awaiting figures. */
export function isRated(outcome: TargetOutcome): boolean {
  return outcome.rag !== "NotDue" && !outcome.awaiting;
}

/** A rated target's score: numeric min(r, 1); milestones Green 1, Amber 0.5, Red 0. null when not rated. */
export function targetScore(outcome: TargetOutcome): number | null {
  if (!isRated(outcome) || outcome.rag === "NotDue") return null;
  if (outcome.measure === "Milestone") return MILESTONE_SCORE[outcome.rag];
  return outcome.ratio === null ? null : Math.min(outcome.ratio, 1);
}

/** Average mode's ratio: the mean score of the rated targets; null when none is rated. */
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

/** The worst RAG among the rated targets (Red < Amber < Green); NotDue when none is rated. */
export function worstRag(outcomes: readonly TargetOutcome[]): Rag {
  const rated = outcomes.filter(isRated);
  return WORST_FIRST.find((rag) => rated.some((outcome) => outcome.rag === rag)) ?? "NotDue";
}

/**
 * The project's row: `ratio` is always the Average ratio; `rag` follows the Project rollup setting. With no
 * rated target it is Awaiting when any target awaits figures, else NotDue.
 */
export function projectRollup(
  projectId: string,
  outcomes: readonly TargetOutcome[],
  settings: Pick<Settings, "projectRollup" | "greenThreshold" | "amberThreshold">,
): ProjectReport {
  const awaitingTargets = outcomes.filter((outcome) => outcome.awaiting).length;
  const toBeSetTargets = outcomes.filter((outcome) => outcome.toBeSet === true).length;
  const ratio = averageRatio(outcomes);
  if (ratio === null) {
    const rag: ProjectRag = awaitingTargets > 0 ? "Awaiting" : "NotDue";
    return { projectId, ratio: null, rag, awaitingTargets, toBeSetTargets };
  }
  const rag = settings.projectRollup === "Worst" ? worstRag(outcomes) : ragFor(ratio, settings);
  return { projectId, ratio, rag, awaitingTargets, toBeSetTargets };
}
