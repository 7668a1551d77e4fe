// A person's edits to a proposal under review: a target's words or one year's figure (or due quarter). An edited
// value is the person's, no longer a guess, so that year's guesses go; what cannot be read is refused in words.
import type { Fy } from "../periods";
import { readNumber, readPercentage } from "../read/cellValues";
import { readMilestoneDue } from "../read/milestoneDue";
import type { PlanProposal, ProposedTarget } from "./planTypes";

export type EditResult = { ok: true; proposal: PlanProposal } | { ok: false; reason: string };

function withTarget(
  proposal: PlanProposal,
  id: string,
  change: (target: ProposedTarget) => ProposedTarget,
): PlanProposal {
  return { ...proposal, targets: proposal.targets.map((target) => (target.id === id ? change(target) : target)) };
}

export function editDescription(proposal: PlanProposal, id: string, description: string): PlanProposal {
  return withTarget(proposal, id, (target) => ({
    ...target,
    description,
    guesses: target.guesses.filter((g) => g.field !== "description"),
  }));
}

/** One year's cell: a figure (a percentage for Percentage), or for a milestone its due quarter or month; blank clears it. */
export function editYear(proposal: PlanProposal, id: string, fy: Fy, text: string, yearStartMonth = 4): EditResult {
  const target = proposal.targets.find((t) => t.id === id);
  if (!target) return { ok: false, reason: `There is no target ${id}.` };
  const kept = target.guesses.filter((g) => g.fy !== fy || (g.field !== "value" && g.field !== "due"));
  const trimmed = text.trim();
  if (target.measure === "Milestone") {
    const dueQuarters = { ...target.dueQuarters };
    if (trimmed === "") delete dueQuarters[fy];
    else {
      const due = readMilestoneDue(trimmed, yearStartMonth);
      if (!due) return { ok: false, reason: `"${trimmed}" is not a quarter or a month: write Q3 or December 2009.` };
      if (due.fy !== null && due.fy !== fy) return { ok: false, reason: `"${trimmed}" falls in ${due.fy}, not ${fy}.` };
      dueQuarters[fy] = due.quarter;
    }
    return { ok: true, proposal: withTarget(proposal, id, (t) => ({ ...t, dueQuarters, guesses: kept })) };
  }
  const values = { ...target.values };
  if (trimmed === "") delete values[fy];
  else {
    const read = target.measure === "Percentage" ? readPercentage(trimmed) : readNumber(trimmed);
    if (!read.ok) return { ok: false, reason: `"${trimmed}" is not a number.` };
    values[fy] = read.value;
  }
  return { ok: true, proposal: withTarget(proposal, id, (t) => ({ ...t, values, guesses: kept })) };
}

/** Leaves a proposed target out of what is written. */
export function dropTarget(proposal: PlanProposal, id: string): PlanProposal {
  return { ...proposal, targets: proposal.targets.filter((target) => target.id !== id) };
}
