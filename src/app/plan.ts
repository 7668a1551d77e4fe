// Import plan: a business plan's proposal added to the workbook, never over rows already there.
import { mergePlan, type PlanMerge } from "../core/plan/mergePlan";
import type { PlanProposal } from "../core/plan/planTypes";
import type { WorkbookPort } from "../workbook/port";

/** Adds the proposal's projects, targets and risks the workbook does not have yet, in one batch. */
export async function addPlan(port: WorkbookPort, proposal: PlanProposal): Promise<PlanMerge> {
  const merge = mergePlan(proposal, await port.readInputSheets());
  await port.applyEdits(merge.edits);
  return merge;
}
