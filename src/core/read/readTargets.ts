// Targets: one row per target, one column per financial year holding that year's target
// (for a Milestone, the quarter of that year in which it is due).
import type { CellValue } from "../grid";
import type { Basis, Direction, Measure, Problem, RelativeTarget, Target, UnreadTarget } from "../model";
import { isToBeSetWord, readAim, relativeValues } from "../relativeTarget";
import type { Fy, Quarter } from "../periods";
import type { ColumnSpec } from "../templates";
import { BASES, DIRECTIONS, MEASURES, TARGETS_TEMPLATE, columnOf } from "../templates";
import type { Read } from "./cellValues";
import { readMilestoneDue } from "./milestoneDue";
import { cellNote, cellText, enumReader, isBlank, ok, readMeasured, readQuarter, showValue } from "./cellValues";
import type { SheetTable, TableRow, YearColumn } from "./headerRow";
import type { ImportContext } from "./importContext";
import {
  idKey,
  idText,
  isDuplicate,
  targetYearKey,
  partnerName,
  readProjectRef,
  report,
  skipRow,
  sourceOf,
} from "./importContext";

/** An enum column: blank takes the template default; anything else must be one of the options. */
function optionReader<T extends string>(spec: ColumnSpec, options: readonly T[]): (row: TableRow) => Read<T> {
  const readValue = enumReader(options);
  return (row) => {
    const value = row.value(spec.key);
    if (isBlank(value)) return ok(spec.defaultValue as T);
    const read = readValue(value);
    return read.ok ? read : { ok: false, reason: `${spec.header}: ${read.reason}` };
  };
}

interface YearValues {
  values: Partial<Record<Fy, number>>;
  dueQuarters: Partial<Record<Fy, Quarter>>;
  /** Numeric targets: the years marked To be set (their figures come from Baseline and Aim). */
  toBeSet: Fy[];
}

/** The year cells: numbers (percent rule for Percentage) or, for a Milestone, due quarters. Bad cells are left out. */
function readYears(
  table: SheetTable,
  row: TableRow,
  years: YearColumn[],
  measure: Measure,
  context: ImportContext,
  id: string,
): YearValues {
  const result: YearValues = { values: {}, dueQuarters: {}, toBeSet: [] };
  for (const year of years) {
    const value: CellValue = row.yearValue(year);
    if (isBlank(value)) continue;
    if (measure === "Milestone") {
      const due = readMilestoneDue(value, context.settings.yearStartMonth);
      if (due && (due.fy === null || due.fy === year.fy)) {
        result.dueQuarters[year.fy] = due.quarter;
        if (due.assumed) {
          context.problems.warning(
            table.sheet,
            row.row,
            year.column,
            `${id} ${year.fy}: ${showValue(value)} is read as the end of that year, due in Q${due.quarter}: ` +
              "write the quarter or month if it is due sooner",
          );
        }
      } else if (due && due.fy !== null) {
        yearProblem(
          context,
          table,
          row,
          year,
          `${id} ${year.fy}: ${showValue(value)} falls in ${due.fy}, not ${year.fy}`,
        );
      } else {
        const written = readQuarter(value, context.settings.yearStartMonth);
        const what = written.ok ? "" : written.reason.replace(/ \(write Q1.*\)$/, "");
        const message = `${what} or a month (write Q3 or December 2009) for when the milestone is due`;
        yearProblem(context, table, row, year, `${id} ${year.fy}: ${message}`);
      }
      continue;
    }
    if (typeof value === "string" && isToBeSetWord(value)) {
      result.toBeSet.push(year.fy);
      continue;
    }
    const read = readMeasured(value, measure, row.yearPercentFormatted(year));
    if (!read.ok) {
      yearProblem(context, table, row, year, `${id} ${year.fy}: ${read.reason}`);
      continue;
    }
    // A negative target ("(50)", an accountant's minus) cannot be met or missed: refused, not scored.
    if (read.value < 0) {
      yearProblem(context, table, row, year, `${id} ${year.fy}: the target ${cellText(value)} is negative`);
      continue;
    }
    result.values[year.fy] = read.value;
  }
  return result;
}

function yearProblem(
  context: ImportContext,
  table: SheetTable,
  row: TableRow,
  year: YearColumn,
  message: string,
): void {
  const id = idText(row.value("targetId"));
  context.unreadableYears.add(targetYearKey(id, year.fy));
  const problem = context.problems.error(
    table.sheet,
    row.row,
    year.column,
    `${message}, so the ${year.fy} target is not read`,
  );
  context.unreadTargets.push(unreadTarget(row, year.fy, problem));
}

/** What papers can still say about a target they cannot rate: its ID, project and description as written. */
function unreadTarget(row: TableRow, fy: Fy | null, problem: Problem): UnreadTarget {
  return {
    id: idText(row.value("targetId")),
    projectId: idText(row.value("projectId")),
    description: cellNote(row.value("target")),
    fy,
    problem,
  };
}

/** Leaves the row out with an error, and keeps it for papers to list as "Not read" (unless the row is empty of it). */
function leaveOut(context: ImportContext, table: SheetTable, row: TableRow, key: string, reason: string): void {
  const problem = skipRow(context, table.sheet, row, key, reason);
  const unread = unreadTarget(row, null, problem);
  if (unread.id !== "" || unread.description !== "") context.unreadTargets.push(unread);
}

export function readTargets(table: SheetTable, years: YearColumn[], context: ImportContext): Target[] {
  const targets: Target[] = [];
  const seen = new Map<string, number>();
  const column = (key: string) => columnOf(TARGETS_TEMPLATE, key);
  const readMeasure = optionReader(column("measure"), MEASURES);
  const readDirection = optionReader<Direction>(column("direction"), DIRECTIONS);
  const readBasis = optionReader<Basis>(column("basis"), BASES);
  for (const row of table.rows) {
    const id = idText(row.value("targetId"));
    if (id === "") {
      leaveOut(context, table, row, "targetId", "Target ID is blank");
      continue;
    }
    if (isDuplicate(context, table.sheet, row, "targetId", "Target ID", id, seen)) continue;
    const project = readProjectRef(context, row.value("projectId"));
    if (!project.ok) {
      leaveOut(context, table, row, "projectId", `${id}: ${project.reason}`);
      continue;
    }
    const measure = readMeasure(row);
    const direction = readDirection(row);
    const basis = readBasis(row);
    const bad = [
      { key: "measure", read: measure },
      { key: "direction", read: direction },
      { key: "basis", read: basis },
    ].find((option) => !option.read.ok);
    if (bad && !bad.read.ok) {
      leaveOut(context, table, row, bad.key, `${id}: ${bad.read.reason}`);
      continue;
    }
    if (!measure.ok || !direction.ok || !basis.ok) continue;
    const description = cellNote(row.value("target"));
    if (description === "") report(context, table.sheet, row, "target", "warning", `${id} has no description`);
    const { values, dueQuarters, toBeSet } = readYears(table, row, years, measure.value, context, id);
    const relative = readRelative(table, row, measure.value, toBeSet, context, id);
    if (relative) Object.assign(values, relativeValues(relative));
    if (Object.keys(values).length === 0 && Object.keys(dueQuarters).length === 0 && toBeSet.length === 0) {
      const what = measure.value === "Milestone" ? "due quarter" : "target";
      report(context, table.sheet, row, "targetId", "warning", `${id} has no ${what} in any year of the plan`);
    }
    const target: Target = {
      id,
      projectId: project.value.id,
      description,
      measure: measure.value,
      direction: direction.value,
      basis: basis.value,
      owner: readOwner(context, table, row, project.value.leadPartner),
      values,
      dueQuarters,
      ...(relative ? { relative } : {}),
      source: sourceOf(table.sheet, row, "targetId"),
    };
    context.targets.set(idKey(id), target);
    targets.push(target);
  }
  return targets;
}

/** The Owner column, else the project's lead partner. */
function readOwner(context: ImportContext, table: SheetTable, row: TableRow, leadPartner: string): string {
  const owner = cellText(row.value("owner"));
  if (owner === "") return leadPartner;
  const partner = partnerName(context, owner);
  if (!partner.known) report(context, table.sheet, row, "owner", "warning", `Owner "${owner}" is not on Partners`);
  return partner.name;
}

/**
 * Baseline and Aim, for a numeric target with years marked To be set. A baseline that cannot be read is an error on
 * its cell and the years stay to be set; an Aim that states no change, or none, leaves them to be set too. Baseline
 * or Aim on a row with no year marked To be set is not used, with a warning.
 */
function readRelative(
  table: SheetTable,
  row: TableRow,
  measure: Measure,
  years: Fy[],
  context: ImportContext,
  id: string,
): RelativeTarget | null {
  const baselineCell = row.value("baseline");
  const aimText = cellText(row.value("aim"));
  if (years.length === 0) {
    if (measure !== "Milestone" && (!isBlank(baselineCell) || aimText !== "")) {
      const key = aimText !== "" ? "aim" : "baseline";
      const message = `${id} has a Baseline or Aim but no year marked To be set, so they are not used`;
      report(context, table.sheet, row, key, "warning", message);
    }
    return null;
  }
  let baseline: number | null = null;
  if (!isBlank(baselineCell)) {
    const read = readMeasured(baselineCell, measure, row.percentFormatted("baseline"));
    if (read.ok && read.value >= 0) baseline = read.value;
    else {
      const why = read.ok ? `the baseline ${cellText(baselineCell)} is negative` : read.reason;
      report(context, table.sheet, row, "baseline", "error", `${id} Baseline: ${why}, so its target stays to be set`);
    }
  }
  const aim = readAim(aimText);
  if (aimText !== "" && aim === null) {
    const message = `${id} Aim: "${aimText}" is not read as a change on the baseline (write e.g. +50% or +10% a year)`;
    report(context, table.sheet, row, "aim", "warning", message);
  }
  const missingColumn = (["baseline", "aim"] as const).find((key) => !table.has(key));
  if (missingColumn) {
    const header = columnOf(TARGETS_TEMPLATE, missingColumn).header;
    const message = `${id} has years To be set but Targets has no ${header} column: add it after the year columns`;
    report(context, table.sheet, row, "targetId", "warning", message);
  }
  return {
    baseline,
    change: aim?.change ?? null,
    yearOnYear: aim?.yearOnYear ?? false,
    aim: aimText,
    years,
    baselineSource: sourceOf(table.sheet, row, table.has("baseline") ? "baseline" : "targetId"),
    aimSource: sourceOf(table.sheet, row, table.has("aim") ? "aim" : "targetId"),
  };
}
