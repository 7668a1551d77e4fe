// Finds a template's header row in the first 10 rows of a sheet and gives its data rows by column key.
// Columns may be in any order, extra columns are ignored, blank rows are skipped, and the data may be an
// Excel table anywhere in the used range (the table is just a rectangle in the grid).
import type { CellValue, SheetGrid } from "../grid";
import { cellSet, normaliseName } from "../grid";
import type { Fy } from "../periods";
import { allColumns, type ColumnSpec, type SheetTemplate } from "../templates";
import { cellText, isBlank, showValue } from "./cellValues";
import { readFy } from "./fyAndQuarter";
import type { ProblemList, SheetName } from "./problems";

export const HEADER_SEARCH_ROWS = 10;

/** Looked up once: a sheet may have a million rows, and a global lookup per cell is slow in sandboxes (jest's vm). */
const isArray = Array.isArray;

export interface YearColumn {
  fy: Fy;
  /** Index into a row of the grid. */
  index: number;
  /** 1-based sheet column. */
  column: number;
}

/** One data row of a template sheet. */
export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  /** The cell under the template column `key` (null when the sheet has no such column). */
  value(key: string): CellValue;
  /** 1-based sheet column of `key`, or of the row's first column when the sheet has no such column. */
  column(key: string): number;
  /** The value in a year column (Targets). */
  yearValue(year: YearColumn): CellValue;
  /** Whether the cell under `key` is formatted as a percentage (its number is then the fraction Excel stores). */
  percentFormatted(key: string): boolean;
  /** The same for a year column. */
  yearPercentFormatted(year: YearColumn): boolean;
}

export interface SheetTable {
  sheet: SheetName;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Whether the header row has the template column `key`. */
  has(key: string): boolean;
  /** Targets only: the columns whose header reads as a financial year, in sheet order. */
  yearColumns: YearColumn[];
  rows: TableRow[];
}

/** A cell of a grid, safe against ragged rows, holes and values of the wrong type. */
export function gridValue(grid: SheetGrid, rowIndex: number, columnIndex: number): CellValue {
  const row = isArray(grid.rows) ? grid.rows[rowIndex] : undefined;
  // Bounds first: reading past a row's end is slow in V8, and a sparse grid's empty rows have no cells at all.
  if (!isArray(row) || !(columnIndex >= 0 && columnIndex < row.length)) return null;
  const value: unknown = row[columnIndex];
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) {
    return value;
  }
  return null;
}

export function gridOrigin(grid: SheetGrid): { firstRow: number; firstColumn: number } {
  const whole = (n: unknown): number => (typeof n === "number" && Number.isInteger(n) && n >= 1 && n < 1e7 ? n : 1);
  return { firstRow: whole(grid.firstRow), firstColumn: whole(grid.firstColumn) };
}

function rowCount(grid: SheetGrid): number {
  return isArray(grid.rows) ? grid.rows.length : 0;
}

function rowWidth(grid: SheetGrid, rowIndex: number): number {
  const row = isArray(grid.rows) ? grid.rows[rowIndex] : undefined;
  return isArray(row) ? row.length : 0;
}

function headerMatches(grid: SheetGrid, rowIndex: number, template: SheetTemplate): number {
  const wanted = new Set(template.columns.map((c) => normaliseName(c.header)));
  const seen = new Set<string>();
  for (let c = 0; c < rowWidth(grid, rowIndex); c++) {
    const name = normaliseName(cellText(gridValue(grid, rowIndex, c)));
    if (wanted.has(name)) seen.add(name);
  }
  return seen.size;
}

/** The index of the row among the first 10 that holds the most of the template's headers; null when none does. */
export function findHeaderRow(grid: SheetGrid, template: SheetTemplate): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, rowCount(grid)); r++) {
    const count = headerMatches(grid, r, template);
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  return best;
}

/** A header that looks meant as a year ("2009", "Year 2") but is not a financial year. */
function looksLikeYear(text: string): boolean {
  return /\b(19|20)\d{2}\b/.test(text) || /^\d{2}\s*[-/]\s*\d{2}$/.test(text);
}

/**
 * Reads a template sheet: finds its header row, reports missing required columns (the sheet is then not read:
 * every row would lack them), duplicate columns, and for Targets the financial-year columns.
 */
export function readTable(
  grid: SheetGrid,
  template: SheetTemplate,
  sheet: SheetName,
  problems: ProblemList,
): SheetTable | null {
  const { firstRow, firstColumn } = gridOrigin(grid);
  const headerIndex = findHeaderRow(grid, template);
  if (headerIndex === null) {
    const headers = template.columns.filter((c) => c.required).map((c) => `"${c.header}"`);
    problems.error(
      sheet,
      firstRow,
      firstColumn,
      `${sheet.name} has no header row: none of its first ${HEADER_SEARCH_ROWS} rows has the headers ${headers.join(", ")}`,
    );
    return null;
  }
  const headerRow = firstRow + headerIndex;
  const columns = new Map<string, number>();
  const yearColumns: YearColumn[] = [];
  const specs = allColumns(template);
  for (let c = 0; c < rowWidth(grid, headerIndex); c++) {
    const value = gridValue(grid, headerIndex, c);
    const name = normaliseName(cellText(value));
    const spec = specs.find((s) => normaliseName(s.header) === name);
    if (spec) {
      if (columns.has(spec.key)) {
        problems.warning(sheet, headerRow, firstColumn + c, `A second "${spec.header}" column: only the first is read`);
      } else columns.set(spec.key, c);
      continue;
    }
    if (!template.hasYearColumns || isBlank(value)) continue;
    const fy = readFy(value);
    if (fy.ok) {
      const earlier = yearColumns.find((y) => y.fy === fy.value);
      if (earlier) {
        problems.error(sheet, headerRow, firstColumn + c, `A second ${fy.value} column: only the first is read`);
      } else yearColumns.push({ fy: fy.value, index: c, column: firstColumn + c });
    } else if (looksLikeYear(cellText(value))) {
      problems.warning(
        sheet,
        headerRow,
        firstColumn + c,
        `Column ${showValue(value)} is not read as a year: head a year column with its financial year, e.g. 2009-10`,
      );
    }
  }
  const missing = template.columns.filter((spec) => spec.required && !columns.has(spec.key));
  if (missing.length > 0) {
    problems.error(sheet, headerRow, firstColumn, missingMessage(sheet, headerRow, missing));
    return null;
  }
  return {
    sheet,
    headerRow,
    has: (key) => columns.has(key),
    yearColumns,
    rows: dataRows(grid, headerIndex, columns, yearColumns),
  };
}

function missingMessage(sheet: SheetName, headerRow: number, missing: ColumnSpec[]): string {
  const names = missing.map((spec) => `"${spec.header}"`).join(", ");
  const noun = missing.length === 1 ? "column" : "columns";
  return `${sheet.name} has no ${names} ${noun} in its header row (row ${headerRow}), so the sheet is not read`;
}

function dataRows(
  grid: SheetGrid,
  headerIndex: number,
  columns: Map<string, number>,
  yearColumns: YearColumn[],
): TableRow[] {
  const layout: TableLayout = { grid, ...gridOrigin(grid), columns, isPercent: cellSet(grid.percentCells) };
  const indexes = [...columns.values(), ...yearColumns.map((y) => y.index)];
  const rows: TableRow[] = [];
  for (let r = headerIndex + 1; r < rowCount(grid); r++) {
    if (!isBlankRow(grid, r, indexes)) rows.push(new GridRow(layout, r));
  }
  return rows;
}

/** Blank in every template column: not a data row. */
function isBlankRow(grid: SheetGrid, rowIndex: number, columnIndexes: readonly number[]): boolean {
  for (const c of columnIndexes) if (!isBlank(gridValue(grid, rowIndex, c))) return false;
  return true;
}

/** Where a table's cells are, shared by all its rows. */
interface TableLayout {
  grid: SheetGrid;
  firstRow: number;
  firstColumn: number;
  /** Index into a grid row of each template column the sheet has. */
  columns: Map<string, number>;
  /** Whether a cell (1-based sheet row and column) is formatted as a percentage. */
  isPercent: (row: number, column: number) => boolean;
}

/** A data row that reads its cells from the grid when asked: one small object per row, however wide the sheet. */
class GridRow implements TableRow {
  constructor(
    private readonly layout: TableLayout,
    private readonly index: number,
  ) {}

  get row(): number {
    return this.layout.firstRow + this.index;
  }

  value(key: string): CellValue {
    const c = this.layout.columns.get(key);
    return c === undefined ? null : gridValue(this.layout.grid, this.index, c);
  }

  column(key: string): number {
    return this.layout.firstColumn + (this.layout.columns.get(key) ?? 0);
  }

  yearValue(year: YearColumn): CellValue {
    return gridValue(this.layout.grid, this.index, year.index);
  }

  percentFormatted(key: string): boolean {
    const c = this.layout.columns.get(key);
    return c !== undefined && this.layout.isPercent(this.row, this.layout.firstColumn + c);
  }

  yearPercentFormatted(year: YearColumn): boolean {
    return this.layout.isPercent(this.row, year.column);
  }
}
