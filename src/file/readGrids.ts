// ExcelJS workbook → grids: every worksheet's used range as plain cell values, for the core to read.
// No fs here: this module also runs in the browser bundle.
import type ExcelJS from "exceljs";
import {
  gridFromCells,
  isPercentFormat,
  type CellValue,
  type FoundCell,
  type SheetGrid,
  type WorkbookGrids,
} from "../core/grid";

type ExcelValue = ExcelJS.CellValue;

/** Plain text of rich text runs. */
function richTextOf(value: { richText: { text: string }[] }): string {
  return value.richText.map((run) => run.text).join("");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

/**
 * One ExcelJS cell value as the core sees it: a formula as its cached result (see `isUncalculated`), rich text and hyperlinks as
 * their text, an error as its text ("#DIV/0!"), a date as a Date; empty text is an empty cell.
 */
export function plainValue(value: ExcelValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === "string") return value === "" ? null : value;
  // NaN or ±Infinity (written in the XML by some tools) is kept, so the core refuses it at its cell.
  if (typeof value === "number") return value;
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
  return holdsFormula(cell) ? plainValue(cachedResult(cell)) : plainValue(cell.value);
}

/**
 * A formula's cached result as the file holds it. Read from the cell itself: ExcelJS's `value` drops a result that
 * is 0, false or empty text, which would make a formula that sums to nothing look never calculated.
 */
function cachedResult(cell: ExcelJS.Cell): ExcelValue | undefined {
  return (cell.master as { result?: ExcelValue }).result;
}

/** A formula (plain, shared or array) as opposed to a typed value, so the core can refuse one where it wants typing. */
function holdsFormula(cell: ExcelJS.Cell): boolean {
  const value = cell.value;
  return isObject(value) && ("formula" in value || "sharedFormula" in value);
}

/** A formula whose result was never stored (files written by scripts): its value is unknown, not blank. */
function isUncalculated(cell: ExcelJS.Cell): boolean {
  if (!holdsFormula(cell)) return false;
  const result = cachedResult(cell);
  return result === undefined || result === null;
}

/**
 * The cells of one worksheet that hold a value, as a grid (an empty grid at A1 when none do), with the addresses
 * of the cells that held a formula, held one Excel never calculated, or show numbers as percentages. Time and
 * memory go with the cells held, never with the used range's area.
 */
export function readGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const found: FoundCell[] = [];
  const formulaCells: string[] = [];
  const percentCells: string[] = [];
  const uncalculatedCells: string[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (holdsFormula(cell)) formulaCells.push(cell.address);
      if (isUncalculated(cell)) uncalculatedCells.push(cell.address);
      const value = ownValue(cell);
      if (value === null) return;
      if (typeof value === "number" && isPercentFormat(cell.numFmt)) percentCells.push(cell.address);
      found.push({ row: rowNumber, column: columnNumber, value });
    });
  });
  const grid = gridFromCells(worksheet.name, found);
  grid.formulaCells = formulaCells;
  if (percentCells.length > 0) grid.percentCells = percentCells;
  if (uncalculatedCells.length > 0) grid.uncalculatedCells = uncalculatedCells;
  return grid;
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
