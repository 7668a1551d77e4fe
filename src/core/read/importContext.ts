// What the sheet readers share while importing: the problems found so far, the settings, the plan years,
// and the partners, projects and targets read so far (to check references between sheets).
import { isToBeSet } from "../relativeTarget";
import type { CellValue } from "../grid";
import { cellAddress, normaliseName } from "../grid";
import type { CellRef, Problem, Project, Settings, Target, UnreadTarget } from "../model";
import type { Fy } from "../periods";
import type { Read } from "./cellValues";
import { cellText, fail, isBlank, ok, showValue } from "./cellValues";
import { readFy } from "./fyAndQuarter";
import type { TableRow } from "./headerRow";
import type { ProblemList, SheetName } from "./problems";

export interface ImportContext {
  problems: ProblemList;
  settings: Settings;
  planYears: Fy[];
  /** Partner names by normaliseName, in the spelling of the Partners sheet. */
  partners: Map<string, string>;
  projects: Map<string, Project>;
  targets: Map<string, Target>;
  /** Target years whose cell could not be read (already an error): no second problem about the missing value. */
  unreadableYears: Set<string>;
  /** Targets rows (or target years) left out with an error, for papers to list as "Not read". */
  unreadTargets: UnreadTarget[];
}

export function targetYearKey(targetId: string, fy: Fy): string {
  return `${idKey(targetId)}\u0000${fy}`;
}

/** The target has no value for the FY, is not to be set then, and no unreadable year cell explains it. */
export function lacksValue(context: ImportContext, target: Target, fy: Fy): boolean {
  return (
    target.values[fy] === undefined &&
    !isToBeSet(target, fy) &&
    !context.unreadableYears.has(targetYearKey(target.id, fy))
  );
}

/** IDs match ignoring case and spaces, but not punctuation: "T1.1" and "t1.1" are one ID, "T1.1" and "T11" two. */
export function idKey(id: string): string {
  return id.toLowerCase().replace(/\s+/g, "");
}

/** An ID cell as text: numbers too (Excel turns an ID typed 1.1 into a number). */
export function idText(value: CellValue): string {
  return cellText(value);
}

/** A partner named on a sheet, in the Partners spelling when it is on Partners. */
export function partnerName(context: ImportContext, name: string): { name: string; known: boolean } {
  const known = context.partners.get(nameKey(name));
  return known === undefined ? { name, known: false } : { name: known, known: true };
}

/**
 * A row's Partner column, else `fallback` (the target's owner, the project's lead). A partner not on Partners is a
 * warning and kept as written: the figure still counts.
 */
export function readPartnerColumn(sheet: SheetName, row: TableRow, context: ImportContext, fallback: string): string {
  const written = cellText(row.value("partner"));
  if (written === "") return fallback;
  const partner = partnerName(context, written);
  if (!partner.known) report(context, sheet, row, "partner", "warning", `Partner "${written}" is not on Partners`);
  return partner.name;
}

/** Reports a problem at a row's column. */
export function report(
  context: ImportContext,
  sheet: SheetName,
  row: TableRow,
  key: string,
  severity: "error" | "warning",
  message: string,
): Problem {
  return context.problems.add(sheet, row.row, row.column(key), severity, message);
}

/** A financial year in the plan; an unreadable FY or one outside the plan is a reason. */
export function readPlanFy(context: ImportContext, value: CellValue): Read<Fy> {
  if (isBlank(value)) return fail("FY is blank");
  const fy = readFy(value);
  if (!fy.ok) return fail(`FY ${fy.reason}`);
  if (!context.planYears.includes(fy.value)) return fail(`FY ${fy.value} is outside the plan (${planText(context)})`);
  return fy;
}

export function planText(context: ImportContext): string {
  const years = context.planYears;
  if (years.length === 0) return "the plan has no years";
  return years.length === 1 ? years[0] : `${years[0]} to ${years[years.length - 1]}`;
}

/** The project an ID cell names, or the reason it names none. */
export function readProjectRef(context: ImportContext, value: CellValue): Read<Project> {
  if (isBlank(value)) return fail("Project ID is blank");
  const project = context.projects.get(idKey(idText(value)));
  return project ? ok(project) : fail(`Project ID ${showValue(idText(value))} is not on Projects`);
}

/** The target an ID cell names, or the reason it names none. */
export function readTargetRef(context: ImportContext, value: CellValue): Read<Target> {
  if (isBlank(value)) return fail("Target ID is blank");
  const target = context.targets.get(idKey(idText(value)));
  return target ? ok(target) : fail(`Target ID ${showValue(idText(value))} is not on Targets`);
}

/** An error that leaves a row out of the model. */
export function skipRow(context: ImportContext, sheet: SheetName, row: TableRow, key: string, reason: string): Problem {
  return report(context, sheet, row, key, "error", `${reason}, so the row is not read`);
}

/** First-come IDs: a later row with an ID already used is an error and is left out. */
export function isDuplicate(
  context: ImportContext,
  sheet: SheetName,
  row: TableRow,
  key: string,
  label: string,
  id: string,
  seen: Map<string, number>,
): boolean {
  const idMatch = idKey(id);
  const first = seen.get(idMatch);
  if (first === undefined) {
    seen.set(idMatch, row.row);
    return false;
  }
  skipRow(context, sheet, row, key, `${label} ${showValue(id)} is already used in row ${first}`);
  return true;
}

/** Where a row's value came from: the cell under `key`. */
export function sourceOf(sheet: SheetName, row: TableRow, key: string): CellRef {
  return { sheet: sheet.name, cell: cellAddress(row.row, row.column(key)) };
}

/** Names match case-, space- and punctuation-insensitively; a name of only punctuation matches itself. */
export function nameKey(name: string): string {
  return normaliseName(name) || name;
}
