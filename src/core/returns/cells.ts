// Small helpers for reading a grid by sheet coordinates and collecting problems in reading order.
import type { CellValue, SheetGrid } from "../grid";
import { cellAddress, parseCellAddress } from "../grid";
import type { Problem, Severity } from "../model";
import { readFy, readQuarter } from "../read/cellValues";
import { gridOrigin, gridValue } from "../read/headerRow";
import type { Period } from "../periods";
import { cellText } from "../read/cellValues";

/** The value at a 1-based sheet row and column (null outside the grid). */
export function valueAt(grid: SheetGrid, row: number, column: number): CellValue {
  const { firstRow, firstColumn } = gridOrigin(grid);
  if (row < firstRow || column < firstColumn) return null;
  return gridValue(grid, row - firstRow, column - firstColumn);
}

/** The last sheet row the grid covers (firstRow - 1 when it has none). */
export function lastRowOf(grid: SheetGrid): number {
  return gridOrigin(grid).firstRow + (Array.isArray(grid.rows) ? grid.rows.length : 0) - 1;
}

/** The last sheet row with any non-blank value. */
export function lastUsedRow(grid: SheetGrid): number {
  const { firstRow } = gridOrigin(grid);
  const rows = Array.isArray(grid.rows) ? grid.rows : [];
  for (let r = rows.length - 1; r >= 0; r--) {
    const row = Array.isArray(rows[r]) ? rows[r] : [];
    if (
      row.some((value) => value !== null && value !== undefined && !(typeof value === "string" && value.trim() === ""))
    ) {
      return firstRow + r;
    }
  }
  return firstRow - 1;
}

/** Text as typed (trimmed, line breaks kept); numbers, dates and TRUE/FALSE as cellText shows them. */
export function textOf(value: CellValue | undefined): string {
  return typeof value === "string" ? value.trim() : cellText(value);
}

/** Sheet coordinates of the grid's formula cells (see SheetGrid.formulaCells). */
export function formulaCellsOf(grid: SheetGrid): { row: number; column: number; address: string }[] {
  const cells: { row: number; column: number; address: string }[] = [];
  for (const address of Array.isArray(grid.formulaCells) ? grid.formulaCells : []) {
    const at = typeof address === "string" ? parseCellAddress(address) : null;
    if (at) cells.push({ ...at, address: cellAddress(at.row, at.column) });
  }
  return cells;
}

/** "2009-10 Q3" (and tolerant spellings of either half) as a period. */
export function readPeriodLabel(value: CellValue): Period | null {
  const text = textOf(value);
  const match = /^(.*?)[\s,]*(q(?:tr|uarter)?\s*\.?\s*[1-4])$/i.exec(text);
  if (!match) return null;
  const fy = readFy(match[1]);
  const quarter = readQuarter(match[2]);
  return fy.ok && quarter.ok ? { fy: fy.value, quarter: quarter.value } : null;
}

/** Problems in the order a reader meets them: by sheet (in the order given), row, then column. */
export class Problems {
  private readonly found: { problem: Problem; sheet: number; row: number; column: number; index: number }[] = [];

  constructor(private readonly sheetOrder: string[] = []) {}

  add(sheet: string, row: number, column: number, severity: Severity, message: string): void {
    const order = this.sheetOrder.indexOf(sheet);
    this.found.push({
      problem: { sheet, cell: cellAddress(Math.max(1, row), Math.max(1, column)), severity, message },
      sheet: order < 0 ? this.sheetOrder.length : order,
      row,
      column,
      index: this.found.length,
    });
  }

  error(sheet: string, row: number, column: number, message: string): void {
    this.add(sheet, row, column, "error", message);
  }

  warning(sheet: string, row: number, column: number, message: string): void {
    this.add(sheet, row, column, "warning", message);
  }

  /** A problem at an A1 address. */
  at(sheet: string, address: string, severity: Severity, message: string): void {
    const cell = parseCellAddress(address) ?? { row: 1, column: 1 };
    this.add(sheet, cell.row, cell.column, severity, message);
  }

  get hasErrors(): boolean {
    return this.found.some((found) => found.problem.severity === "error");
  }

  sorted(): Problem[] {
    return [...this.found]
      .sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.column - b.column || a.index - b.index)
      .map((found) => found.problem);
  }
}
