// A reviewed plan proposal as the standard template sheets: Projects, Targets and Risks rows laid out from the
// templates' own columns, every guess written as a note on the row's description so the workbook never looks
// more certain than the plan; the other sheets blank, ready to fill in.
import type { Fy } from "../periods";
import { inputSheetSpec, instructionsSheet, settingsRows } from "../sheets/templateSheets";
import type { CellEntry } from "../sheets/sheetBuilder";
import type { SheetSpec } from "../sheets/spec";
import {
  PROJECTS_TEMPLATE,
  RISKS_TEMPLATE,
  TARGETS_TEMPLATE,
  TEMPLATES,
  TO_BE_SET_WORDS,
  type SettingsField,
  type SheetTemplate,
} from "../templates";
import type { PlanGuess, PlanProposal, ProposedRisk, ProposedTarget, RelativeAim } from "./planTypes";

/** One guess as a person reads it: "2009-10 value 36: 3 per month × 12 = 36 a year (from "3 per month")". */
export function guessText(guess: PlanGuess): string {
  const year = guess.fy ? `${guess.fy} ` : "";
  const value = guess.value ? ` ${guess.value}` : "";
  return `${year}${guess.field}${value}: ${guess.why} (from "${guess.from}")`;
}

/** The note on a proposed target's description: its qualifier, aim and every guess to check. */
export function targetNote(target: ProposedTarget): string {
  const lines: string[] = [];
  if (target.qualifier) lines.push(`The plan qualifies the figure: ${target.qualifier}.`);
  if (target.aim) {
    lines.push(`Target to be set: ${target.aim.text} on a baseline. Enter the baseline in the Baseline column.`);
  }
  if (target.guesses.length > 0)
    lines.push("Read from the plan, to check:", ...target.guesses.map((g) => `- ${guessText(g)}`));
  return lines.join("\n");
}

function riskNote(risk: ProposedRisk): string {
  return risk.guesses.length > 0
    ? ["Read from the plan, to check:", ...risk.guesses.map((g) => `- ${guessText(g)}`)].join("\n")
    : "";
}

function noted(value: string, note: string): CellEntry {
  return note ? { value, note } : value;
}

/** A row in the template's column order, from values by column key. */
function rowOf(template: SheetTemplate, values: Record<string, CellEntry>): CellEntry[] {
  return template.columns.map((column) => values[column.key] ?? null);
}

export function projectRows(proposal: PlanProposal): CellEntry[][] {
  return proposal.projects.map((project) => rowOf(PROJECTS_TEMPLATE, { projectId: project.id, project: project.name }));
}

/** The FYs a target is stated in, in order. */
function statedYears(target: ProposedTarget): Fy[] {
  return [...new Set(target.sources.map((source) => source.fy).filter((fy): fy is Fy => fy !== null))].sort();
}

/**
 * A target's year cells: figures, "Q4" for a milestone due in that year, or "To be set" in each year a target set
 * on a baseline is stated in (its figures come from the Baseline and Aim columns once the baseline is entered).
 */
export function targetYearCells(target: ProposedTarget, years: readonly Fy[]): CellEntry[] {
  const toBeSet = target.aim ? statedYears(target) : [];
  return years.map((fy) => {
    if (target.measure === "Milestone") return target.dueQuarters[fy] ? `Q${target.dueQuarters[fy]}` : null;
    return target.values[fy] ?? (toBeSet.includes(fy) ? TO_BE_SET_WORDS[0] : null);
  });
}

/** The Aim cell of a target set on a baseline: "+50%", "+10% a year", or the plan's words when it gives no figure. */
export function aimCell(aim: RelativeAim): string {
  if (aim.change === null) return aim.text;
  const percent = Math.round(aim.change * 1000) / 10;
  return `${percent < 0 ? "" : "+"}${percent}%${aim.yearOnYear ? " a year" : ""}`;
}

export function targetRows(proposal: PlanProposal, years: readonly Fy[] = proposal.years): CellEntry[][] {
  return proposal.targets.map((target) => [
    ...rowOf(TARGETS_TEMPLATE, {
      targetId: target.id,
      projectId: target.projectId,
      target: noted(target.description, targetNote(target)),
      measure: target.measure,
      direction: target.direction,
      basis: target.basis,
    }),
    ...targetYearCells(target, years),
    // Baseline (blank until measured) and Aim, written after the years.
    ...(target.aim ? [null, aimCell(target.aim)] : []),
  ]);
}

export function riskRows(proposal: PlanProposal): CellEntry[][] {
  return proposal.risks.map((risk) =>
    rowOf(RISKS_TEMPLATE, {
      riskId: risk.id,
      projectId: risk.projectId,
      risk: noted(risk.description, riskNote(risk)),
      impact: risk.impact || null,
      probability: risk.probability || null,
      controls: risk.controls || null,
      lead: risk.lead || null,
      status: "Open",
    }),
  );
}

/** The standard workbook from a proposal: Instructions, then every template sheet, with the plan's rows. */
export function planWorkbookSheets(proposal: PlanProposal, consortium = ""): SheetSpec[] {
  const years = proposal.years;
  const settings: Partial<Record<SettingsField, string>> = {};
  if (consortium) settings.consortium = consortium;
  if (years.length > 0) settings.planStart = years[0];
  const rows: Partial<Record<string, CellEntry[][]>> = {
    Settings: settingsRows(settings),
    Projects: projectRows(proposal),
    Targets: targetRows(proposal),
    Risks: riskRows(proposal),
  };
  return [
    instructionsSheet(years.length > 0 ? years : undefined),
    ...TEMPLATES.map((template) =>
      inputSheetSpec(template, rows[template.name] ?? [], years.length > 0 ? years : undefined),
    ),
  ];
}
