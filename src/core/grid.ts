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

/** Sheet, table and header names match case-, space- and punctuation-insensitively. */
export function normaliseName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function findGrid(grids: WorkbookGrids, sheetName: string): SheetGrid | undefined {
  const wanted = normaliseName(sheetName);
  return grids.find((grid) => normaliseName(grid.sheet) === wanted);
}
