// Grids: what a shell hands the core. A sheet's cell values as a rectangle, with where it sits.

/**
 * One cell's value as a shell reads it. Numbers are numbers (a date may arrive as an Excel serial
 * number or a JS Date); text is text; an empty cell is null. A formula arrives as its calculated result.
 */
export type CellValue = string | number | boolean | Date | null;

export interface SheetGrid {
  /** The sheet's name as it appears in the workbook. */
  sheet: string;
  /** Row-major values; rows may have different lengths. */
  rows: CellValue[][];
  /** 1-based row number of rows[0] in the sheet (a used range need not start at A1). */
  firstRow: number;
  /** 1-based column number of rows[x][0]. */
  firstColumn: number;
  /**
   * Optional: A1 addresses (sheet coordinates, e.g. "J21") of the cells that held a formula. A shell that can
   * tell fills it, so the core can refuse a formula pasted where a typed value belongs (partner returns).
   */
  formulaCells?: string[];
  /**
   * Optional: A1 addresses of the cells whose number format is a percentage, so a number there is read as the
   * fraction Excel stores (150% is 1.5), not by the "a plain number above 1 is a percentage" rule.
   */
  percentCells?: string[];
  /**
   * Optional: A1 addresses of the cells holding a formula with no stored result (files written by scripts): their
   * value is unknown, not blank, so the core reports them rather than read them as empty.
   */
  uncalculatedCells?: string[];
}

/** One cell that holds something, in sheet coordinates. */
export interface FoundCell {
  row: number;
  column: number;
  value: CellValue;
}

/** Every empty row of a sparse grid is this one frozen array (it must never be written to). */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/** Up to this many cells (or four times the cells held), a grid is a full rectangle of values and nulls. */
const DENSE_CELLS = 1_000_000;

/**
 * A grid from the cells that hold something, costing memory in proportion to them and to the rows they span.
 * An ordinary sheet is a full rectangle (blanks as null); one whose used range is mostly empty (a stray value at
 * XFD1048576) is sparse instead: empty rows share one frozen array and a row is only as long as its last cell,
 * with holes between, which the core reads as blank. Never a rows-times-columns allocation.
 */
export function gridFromCells(sheet: string, cells: readonly FoundCell[]): SheetGrid {
  if (cells.length === 0) return { sheet, rows: [], firstRow: 1, firstColumn: 1 };
  let firstRow = Infinity;
  let firstColumn = Infinity;
  let lastRow = 0;
  let lastColumn = 0;
  for (const cell of cells) {
    if (cell.row < firstRow) firstRow = cell.row;
    if (cell.row > lastRow) lastRow = cell.row;
    if (cell.column < firstColumn) firstColumn = cell.column;
    if (cell.column > lastColumn) lastColumn = cell.column;
  }
  const height = lastRow - firstRow + 1;
  const width = lastColumn - firstColumn + 1;
  const dense = height * width <= Math.max(DENSE_CELLS, 4 * cells.length);
  // Pushed, not `new Array(height)`: V8 keeps a large preallocated array as a slow dictionary.
  const rows: CellValue[][] = [];
  for (let r = 0; r < height; r++) rows.push(dense ? new Array<CellValue>(width).fill(null) : EMPTY_ROW);
  // Cells in row order, then column order, so a sparse grid's ordinary rows fill left to right.
  const ordered = dense ? cells : [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  for (const { row, column, value } of ordered) {
    const r = row - firstRow;
    if (rows[r] === EMPTY_ROW) rows[r] = [];
    const cellsOfRow = rows[r];
    const c = column - firstColumn;
    // A short gap is filled with nulls so the row stays a plain array; a long one is left as holes.
    if (c - cellsOfRow.length <= 64) while (cellsOfRow.length < c) cellsOfRow.push(null);
    cellsOfRow[c] = value;
  }
  return { sheet, rows, firstRow, firstColumn };
}

/**
 * Whether an Excel number format shows numbers as percentages (scaled by 100): a "%" outside quoted text,
 * escapes and [colour] or [condition] brackets. "0%", "0.0%;[Red]-0.0%" are; "0\\%" and '0"%"' are not.
 */
export function isPercentFormat(format: unknown): boolean {
  if (typeof format !== "string" || !format.includes("%")) return false;
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").includes("%");
}

/** The sheets of a workbook that the core reads, by sheet name. */
export type WorkbookGrids = SheetGrid[];

/** "A", "B", ... "Z", "AA" for 1-based column numbers. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 address of a 1-based row and column. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** "A1:C4" from 1-based corners. */
export function rangeAddress(firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): string {
  return `${cellAddress(firstRow, firstColumn)}:${cellAddress(lastRow, lastColumn)}`;
}

export function parseCellAddress(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  return match ? { row: Number(match[2]), column: columnNumber(match[1]) } : null;
}

/**
 * A grid's list of A1 addresses (percentCells, uncalculatedCells) as a lookup by 1-based sheet row and column.
 * Anything that is not a list of addresses counts as no cells: a shell's mistake must not throw in the core.
 */
export function cellSet(addresses: unknown): (row: number, column: number) => boolean {
  if (!Array.isArray(addresses) || addresses.length === 0) return () => false;
  const cells = new Set<string>();
  for (const address of addresses) {
    const at = typeof address === "string" ? parseCellAddress(address) : null;
    if (at) cells.add(`${at.row}:${at.column}`);
  }
  return (row, column) => cells.has(`${row}:${column}`);
}

/** Sheet, table and header names match case-, space- and punctuation-insensitively. */
export function normaliseName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function findGrid(grids: WorkbookGrids, sheetName: string): SheetGrid | undefined {
  const wanted = normaliseName(sheetName);
  return grids.find((grid) => normaliseName(grid.sheet) === wanted);
}
