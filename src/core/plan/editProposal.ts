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

/**
 * The yearly figures of a target set on a baseline, once the baseline is entered: baseline + change in each year
 * it is stated ("obtain 50% more": 150 on a baseline of 100), or for a year-on-year aim the change compounded
 * from the first year (100, +10% a year: 110, 121, 133.1).
 */
export function valuesFromBaseline(target: ProposedTarget, baseline: number): Partial<Record<Fy, number>> | string {
  const aim = target.aim;
  if (!aim) return `${target.id} is not set on a baseline.`;
  if (aim.change === null)
    return `The plan does not say by how much ${target.id} should rise: enter each year's figure.`;
  const change = aim.change;
  const years = [...new Set(target.sources.map((source) => source.fy).filter((fy): fy is Fy => fy !== null))].sort();
  const values: Partial<Record<Fy, number>> = {};
  years.forEach((fy, i) => {
    values[fy] = aim.yearOnYear ? baseline * (1 + change) ** (i + 1) : baseline * (1 + change);
  });
  return values;
}

/** Enters a target's baseline: its figures are worked out and it is no longer waiting to be set. */
export function editBaseline(proposal: PlanProposal, id: string, text: string): EditResult {
  const target = proposal.targets.find((t) => t.id === id);
  if (!target) return { ok: false, reason: `There is no target ${id}.` };
  const read = readNumber(text.trim());
  if (!read.ok) return { ok: false, reason: `"${text.trim()}" is not a number.` };
  const values = valuesFromBaseline(target, read.value);
  if (typeof values === "string") return { ok: false, reason: values };
  const working = Object.entries(values)
    .map(([fy, value]) => `${fy} ${Math.round((value ?? 0) * 100) / 100}`)
    .join(", ");
  const guess = {
    field: "value" as const,
    value: working,
    from: target.aim?.text ?? "",
    why: `baseline ${read.value} ${target.aim?.yearOnYear ? "with the change each year" : "plus the change"}: ${working}`,
  };
  return {
    ok: true,
    proposal: withTarget(proposal, id, (t) => ({
      ...t,
      values,
      aim: null,
      guesses: [...t.guesses.filter((g) => g.field !== "aim"), guess],
    })),
  };
}

export type ChoiceField = "measure" | "basis" | "direction";
type Choice<F extends ChoiceField> = ProposedTarget[F];

/**
 * Sets a target's measure, basis or direction: the person's choice, no longer a guess. A milestone has no
 * figures and a numeric target no due quarters, so changing between them keeps only what the new measure holds.
 */
export function editChoice<F extends ChoiceField>(
  proposal: PlanProposal,
  id: string,
  field: F,
  value: Choice<F>,
): PlanProposal {
  return withTarget(proposal, id, (target) => {
    const changed: ProposedTarget = {
      ...target,
      [field]: value,
      guesses: target.guesses.filter((g) => g.field !== field),
    };
    if (field !== "measure") return changed;
    return value === "Milestone" ? { ...changed, values: {} } : { ...changed, dueQuarters: {} };
  });
}
