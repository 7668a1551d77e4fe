// The master's Actuals and Spend sheets as the import sees them: where each template column sits (the master's
// own column order), which sheet rows hold each (target or line, FY, quarter), and the first free row below.
// Header rows are found by the importer's own detection.
import type { SheetGrid, WorkbookGrids } from "../grid";
import { cellAddress, findGrid, normaliseName } from "../grid";
import type { Quarter } from "../periods";
import { cellText, readFy, readQuarter } from "../read/cellValues";
import { findHeaderRow, gridOrigin, gridValue } from "../read/headerRow";
import { idKey, idText, nameKey } from "../read/importContext";
import { ACTUALS_TEMPLATE, SPEND_TEMPLATE, type SheetTemplate } from "../templates";
import { lastUsedRow, valueAt } from "./cells";
import type { ImportSheet } from "./types";

export interface MasterTable {
  sheet: ImportSheet;
  /** Null when the workbook has no such sheet (Spend is optional): the import then adds it. */
  grid: SheetGrid | null;
  headerRow: number;
  /** Template column key → 1-based sheet column, for the columns the sheet has. */
  columns: Map<string, number>;
  /** Row key → the sheet rows holding it (more than one is a problem in the master). */
  rows: Map<string, number[]>;
  /** The first row below everything on the sheet. */
  nextRow: number;
}

export const TEMPLATE_OF: Record<ImportSheet, SheetTemplate> = { Actuals: ACTUALS_TEMPLATE, Spend: SPEND_TEMPLATE };

/** Actuals rows are keyed by target; Spend rows by project and budget line (named like the importer matches them). */
export function rowKey(sheet: ImportSheet, ids: readonly string[], fy: string, quarter: Quarter): string {
  const idPart = sheet === "Actuals" ? idKey(ids[0]) : `${idKey(ids[0])}\u0000${nameKey(ids[1] ?? "")}`;
  return `${idPart}\u0000${fy}\u0000${quarter}`;
}

/** The columns of a header row, first occurrence of each template header (as the importer reads them). */
function headerColumns(grid: SheetGrid, headerRow: number, template: SheetTemplate): Map<string, number> {
  const { firstColumn, firstRow } = gridOrigin(grid);
  const columns = new Map<string, number>();
  const row = grid.rows[headerRow - firstRow] ?? [];
  for (let c = 0; c < row.length; c++) {
    const name = normaliseName(cellText(gridValue(grid, headerRow - firstRow, c)));
    const spec = template.columns.find((s) => normaliseName(s.header) === name);
    if (spec && !columns.has(spec.key)) columns.set(spec.key, firstColumn + c);
  }
  return columns;
}

/**
 * The master's table for the sheet; a reason instead when the sheet is there but unreadable (no header row or
 * a required column missing). A missing Spend sheet is an empty table to be created; a missing Actuals sheet is
 * a reason (it is required).
 */
export function masterTable(
  grids: WorkbookGrids,
  sheet: ImportSheet,
  yearStartMonth: number,
): { table: MasterTable } | { reason: string } {
  const template = TEMPLATE_OF[sheet];
  const grid = findGrid(grids, sheet);
  if (!grid) {
    if (sheet === "Actuals") return { reason: "The workbook has no Actuals sheet" };
    const columns = new Map(template.columns.map((column, index) => [column.key, index + 1]));
    return { table: { sheet, grid: null, headerRow: 1, columns, rows: new Map(), nextRow: 2 } };
  }
  const headerIndex = findHeaderRow(grid, template);
  const headerRow = headerIndex === null ? null : gridOrigin(grid).firstRow + headerIndex;
  const columns = headerRow === null ? new Map<string, number>() : headerColumns(grid, headerRow, template);
  const missing = template.columns.filter((column) => column.required && !columns.has(column.key));
  if (headerRow === null || missing.length > 0) {
    return {
      reason: `${grid.sheet} has no header row with ${template.columns
        .filter((c) => c.required)
        .map((c) => `"${c.header}"`)
        .join(", ")} in its first 10 rows`,
    };
  }
  const ids = sheet === "Actuals" ? ["targetId"] : ["projectId", "budgetLine"];
  const rows = new Map<string, number[]>();
  for (let row = headerRow + 1; row <= lastUsedRow(grid); row++) {
    const idValues = ids.map((key) => idText(valueAt(grid, row, columns.get(key) ?? 0)));
    if (idValues.some((id) => id === "")) continue;
    const fy = readFy(valueAt(grid, row, columns.get("fy") ?? 0));
    const quarter = readQuarter(valueAt(grid, row, columns.get("quarter") ?? 0), yearStartMonth);
    if (!fy.ok || !quarter.ok) continue;
    const key = rowKey(sheet, idValues, fy.value, quarter.value);
    rows.set(key, [...(rows.get(key) ?? []), row]);
  }
  return {
    table: { sheet, grid, headerRow, columns, rows, nextRow: Math.max(lastUsedRow(grid), headerRow) + 1 },
  };
}

/** A1 address of a column of a row in the table. */
export function tableCell(table: MasterTable, row: number, column: string): string | null {
  const at = table.columns.get(column);
  return at === undefined ? null : cellAddress(row, at);
}
