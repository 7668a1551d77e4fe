// ExcelJS workbook → grids: every worksheet's used range as plain cell values, for the core to read.
// No fs here: this module also runs in the browser bundle.
import type ExcelJS from "exceljs";
import type { CellValue, SheetGrid, WorkbookGrids } from "../core/grid";

type ExcelValue = ExcelJS.CellValue;

/** Plain text of rich text runs. */
function richTextOf(value: { richText: { text: string }[] }): string {
  return value.richText.map((run) => run.text).join("");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

/**
 * One ExcelJS cell value as the core sees it: a formula as its cached result, rich text and hyperlinks as
 * their text, an error as its text ("#DIV/0!"), a date as a Date; empty text is an empty cell.
 */
export function plainValue(value: ExcelValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (!isObject(value)) return null;
  if ("richText" in value && Array.isArray(value.richText)) {
    return plainValue(richTextOf(value as unknown as ExcelJS.CellRichTextValue));
  }
  if ("error" in value && typeof value.error === "string") return value.error;
  // A formula (plain, shared or array) arrives as its cached result; none cached reads as empty.
  if ("formula" in value || "sharedFormula" in value || "result" in value) {
    return plainValue(value.result as ExcelValue | undefined);
  }
  // A hyperlink's text may itself be rich text.
  if ("hyperlink" in value && "text" in value) return plainValue(value.text as ExcelValue);
  if ("text" in value && typeof value.text === "string") return plainValue(value.text);
  return null;
}

/** The cell's own value; the covered cells of a merge read as empty (ExcelJS repeats the master's value). */
function ownValue(cell: ExcelJS.Cell): CellValue {
  if (cell.isMerged && cell.master !== cell) return null;
  return plainValue(cell.value);
}

/** A formula (plain, shared or array) as opposed to a typed value, so the core can refuse one where it wants typing. */
function holdsFormula(cell: ExcelJS.Cell): boolean {
  const value = cell.value;
  return isObject(value) && ("formula" in value || "sharedFormula" in value);
}

/**
 * The used range of one worksheet (cells with a value), or an empty grid at A1, with the addresses of the cells
 * that held a formula.
 */
export function readGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const found: { row: number; column: number; value: CellValue }[] = [];
  const formulaCells: string[] = [];
  let firstRow = Infinity;
  let firstColumn = Infinity;
  let lastRow = 0;
  let lastColumn = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (holdsFormula(cell)) formulaCells.push(cell.address);
      const value = ownValue(cell);
      if (value === null) return;
      found.push({ row: rowNumber, column: columnNumber, value });
      firstRow = Math.min(firstRow, rowNumber);
      lastRow = Math.max(lastRow, rowNumber);
      firstColumn = Math.min(firstColumn, columnNumber);
      lastColumn = Math.max(lastColumn, columnNumber);
    });
  });
  if (found.length === 0) return { sheet: worksheet.name, rows: [], firstRow: 1, firstColumn: 1, formulaCells };
  const width = lastColumn - firstColumn + 1;
  const rows: CellValue[][] = Array.from({ length: lastRow - firstRow + 1 }, () =>
    new Array<CellValue>(width).fill(null),
  );
  for (const { row, column, value } of found) rows[row - firstRow][column - firstColumn] = value;
  return { sheet: worksheet.name, rows, firstRow, firstColumn, formulaCells };
}

/** Every worksheet in tab order (hidden ones too, unless `visibleOnly`). */
export function readGrids(
  workbook: ExcelJS.Workbook,
  options: { visibleOnly?: boolean; skip?: string[] } = {},
): WorkbookGrids {
  const skip = new Set((options.skip ?? []).map((name) => name.toLowerCase()));
  return workbook.worksheets
    .filter((sheet) => !(options.visibleOnly && sheet.state !== "visible"))
    .filter((sheet) => !skip.has(sheet.name.toLowerCase()))
    .map(readGrid);
}
