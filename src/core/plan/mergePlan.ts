// A reviewed proposal added to a workbook that already has rows: never over a row already there. A project whose
// ID is taken is kept as it is; a target or risk already there (same project and words) is left out; new ones
// take the next free ID. Rows go below the last row of each sheet, under the sheet's own headers; a sheet the
// workbook lacks is added. Everything left out is reported.
import { cellText, readFy } from "../read/cellValues";
import { findGrid, normaliseName, type SheetGrid, type WorkbookGrids } from "../grid";
import { gridOrigin } from "../read/headerRow";
import { findHeaderRow } from "../read/headerRow";
import type { RowsAppend, WorkbookEdits } from "../returns/types";
import type { CellContent } from "../sheets/spec";
import { inputSheetSpec } from "../sheets/templateSheets";
import { allColumns, PROJECTS_TEMPLATE, RISKS_TEMPLATE, TARGETS_TEMPLATE, type SheetTemplate } from "../templates";
import { projectRows, riskRows, targetRows } from "./planSheets";
import type { PlanProposal } from "./planTypes";
import type { CellEntry } from "../sheets/sheetBuilder";

export interface PlanMerge {
  edits: WorkbookEdits;
  /** What was added, for the user: "Targets: T1.1 ... (12 rows)". */
  added: string[];
  /** What was left out, and why. */
  leftOut: string[];
}

interface ExistingSheet {
  grid: SheetGrid;
  headerIndex: number;
  /** Sheet column (1-based) of each template key, and of each FY. */
  columns: Map<string, number>;
  lastRow: number;
}

function plainValue(entry: CellEntry): CellContent {
  return typeof entry === "object" && entry !== null && "value" in entry ? entry.value : entry;
}

function existingSheet(grids: WorkbookGrids, template: SheetTemplate): ExistingSheet | null {
  const grid = findGrid(grids, template.name);
  if (!grid) return null;
  const headerIndex = findHeaderRow(grid, template);
  if (headerIndex === null) return null;
  const { firstRow, firstColumn } = gridOrigin(grid);
  const columns = new Map<string, number>();
  (grid.rows[headerIndex] ?? []).forEach((value, c) => {
    const name = normaliseName(cellText(value));
    const spec = allColumns(template).find((column) => normaliseName(column.header) === name);
    if (spec && !columns.has(spec.key)) columns.set(spec.key, firstColumn + c);
    const fy = template.hasYearColumns && !spec ? readFy(value) : null;
    if (fy?.ok && !columns.has(fy.value)) columns.set(fy.value, firstColumn + c);
  });
  let last = headerIndex;
  grid.rows.forEach((row, r) => {
    if (row.some((value) => cellText(value) !== "")) last = Math.max(last, r);
  });
  return { grid, headerIndex, columns, lastRow: firstRow + last };
}

function columnValues(sheet: ExistingSheet, key: string): string[] {
  const column = sheet.columns.get(key);
  if (column === undefined) return [];
  const { firstColumn } = gridOrigin(sheet.grid);
  return sheet.grid.rows.slice(sheet.headerIndex + 1).map((row) => cellText(row[column - firstColumn] ?? null));
}

/** The next free ID like `wanted` ("T1.3" → "T1.4" ... ; "R2" → "R3" ...). */
function freeId(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  const match = /^(.*?)(\d+)$/.exec(wanted);
  const stem = match ? match[1] : `${wanted}-`;
  let n = match ? Number(match[2]) : 1;
  while (taken.has(`${stem}${n}`.toLowerCase())) n++;
  return `${stem}${n}`;
}

/** Rows (in template column order, then years) placed in the sheet's own columns, below its last row. */
function appendTo(
  sheet: ExistingSheet,
  template: SheetTemplate,
  years: readonly string[],
  rows: CellEntry[][],
  leftOut: string[],
): RowsAppend {
  const keys = [
    ...template.columns.map((c) => c.key),
    ...(template.hasYearColumns ? years : []),
    ...(template.trailingColumns ?? []).map((c) => c.key),
  ];
  const missing = keys.filter((key, i) => !sheet.columns.has(key) && rows.some((row) => plainValue(row[i]) !== null));
  for (const key of missing) leftOut.push(`${template.name} has no "${key}" column: those values are not written`);
  const used = [...sheet.columns.values()];
  const firstColumn = Math.min(...used);
  const width = Math.max(...used) - firstColumn + 1;
  return {
    sheet: sheet.grid.sheet,
    firstRow: sheet.lastRow + 1,
    firstColumn,
    rows: rows.map((row) => {
      const placed: CellContent[] = new Array<CellContent>(width).fill(null);
      keys.forEach((key, i) => {
        const column = sheet.columns.get(key);
        if (column !== undefined) placed[column - firstColumn] = plainValue(row[i] ?? null);
      });
      return placed;
    }),
  };
}

/** The edits that add a proposal's rows to a workbook, with what was added and left out. */
export function mergePlan(proposal: PlanProposal, grids: WorkbookGrids): PlanMerge {
  const edits: WorkbookEdits = { createSheets: [], updates: [], appends: [] };
  const added: string[] = [];
  const leftOut: string[] = [];
  const years = proposal.years;

  const projects = existingSheet(grids, PROJECTS_TEMPLATE);
  const takenProjects = new Set((projects ? columnValues(projects, "projectId") : []).map((id) => id.toLowerCase()));
  const newProjects = proposal.projects.filter((project) => {
    if (!takenProjects.has(project.id.toLowerCase())) return true;
    leftOut.push(`Project ${project.id} is on Projects already: kept as it is (the plan calls it "${project.name}")`);
    return false;
  });

  const targetsSheet = existingSheet(grids, TARGETS_TEMPLATE);
  const takenTargets = new Set(
    (targetsSheet ? columnValues(targetsSheet, "targetId") : []).map((id) => id.toLowerCase()),
  );
  const existingTargets = new Set(
    targetsSheet
      ? columnValues(targetsSheet, "projectId").map(
          (project, i) => `${project.toLowerCase()}|${columnValues(targetsSheet, "target")[i].toLowerCase()}`,
        )
      : [],
  );
  const newTargets = proposal.targets
    .filter((target) => {
      const there = existingTargets.has(`${target.projectId.toLowerCase()}|${target.description.toLowerCase()}`);
      if (there) leftOut.push(`${target.id} "${target.description}" is on Targets already: left out`);
      return !there;
    })
    .map((target) => {
      const id = freeId(target.id, takenTargets);
      takenTargets.add(id.toLowerCase());
      return id === target.id ? target : { ...target, id };
    });

  const risksSheet = existingSheet(grids, RISKS_TEMPLATE);
  const takenRisks = new Set((risksSheet ? columnValues(risksSheet, "riskId") : []).map((id) => id.toLowerCase()));
  const existingRisks = new Set((risksSheet ? columnValues(risksSheet, "risk") : []).map((text) => text.toLowerCase()));
  const newRisks = proposal.risks
    .filter((risk) => {
      const there = existingRisks.has(risk.description.toLowerCase());
      if (there) leftOut.push(`${risk.id} "${risk.description}" is on Risks already: left out`);
      return !there;
    })
    .map((risk) => {
      const id = freeId(risk.id, takenRisks);
      takenRisks.add(id.toLowerCase());
      return id === risk.id ? risk : { ...risk, id };
    });

  const merged: PlanProposal = { ...proposal, projects: newProjects, targets: newTargets, risks: newRisks };
  const sheets: [SheetTemplate, ExistingSheet | null, CellEntry[][], string[]][] = [
    [PROJECTS_TEMPLATE, projects, projectRows(merged), newProjects.map((p) => p.id)],
    [TARGETS_TEMPLATE, targetsSheet, targetRows(merged), newTargets.map((t) => t.id)],
    [RISKS_TEMPLATE, risksSheet, riskRows(merged), newRisks.map((r) => r.id)],
  ];
  for (const [template, sheet, rows, ids] of sheets) {
    if (rows.length === 0) continue;
    if (sheet) edits.appends.push(appendTo(sheet, template, years, rows, leftOut));
    else if (findGrid(grids, template.name)) {
      leftOut.push(`${template.name} has no header row to add below: its ${rows.length} rows are not added`);
      continue;
    } else edits.createSheets.push(inputSheetSpec(template, rows, years));
    added.push(`${template.name}: ${ids.join(", ")}`);
  }
  return { edits, added, leftOut };
}
