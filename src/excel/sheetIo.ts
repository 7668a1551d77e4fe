// Small pieces the Office.js adapter shares: used ranges as grids, sheet-name rules, temporary names.
import { cellAddress, isPercentFormat, type CellValue, type SheetGrid } from "../core/grid";
import { rangeOrigin } from "./layout";
export { MAX_SHEET_NAME, sheetNameProblem } from "../core/sheets/sheetNames";

/** Runs a batch against the workbook: Excel.run inside Excel; a fake in tests and the benchmark. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A cell as Office.js returns it: "" for empty, numbers for numbers and dates (serials), booleans, text. */
export function cellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * A loaded used range (address and values) as a grid; a null object (nothing on the sheet) is an empty grid.
 * With `formulas` (the range's formulas loaded too) the grid lists the cells holding a formula; with `formats`
 * (its number formats loaded too), the numbers shown as percentages.
 */
export function gridOf(sheet: string, used: Excel.Range, formulas = false, formats = false): SheetGrid {
  if (used.isNullObject)
    return { sheet, rows: [], firstRow: 1, firstColumn: 1, ...(formulas ? { formulaCells: [] } : {}) };
  const { firstRow, firstColumn } = rangeOrigin(used.address);
  const rows = (used.values as unknown[][]).map((row) => row.map(cellValue));
  const grid: SheetGrid = { sheet, rows, firstRow, firstColumn };
  if (formulas)
    grid.formulaCells = formulaCells(used.values as unknown[][], used.formulas as unknown[][], firstRow, firstColumn);
  if (formats) {
    const numberFormats = used.numberFormat as unknown[][];
    const percentCells: string[] = [];
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (typeof value === "number" && isPercentFormat(numberFormats[r]?.[c])) {
          percentCells.push(cellAddress(firstRow + r, firstColumn + c));
        }
      }),
    );
    if (percentCells.length > 0) grid.percentCells = percentCells;
  }
  return grid;
}

/**
 * A1 addresses of the cells holding a formula, from a block's values and formulas. Text typed as text that starts
 * with "=" (a partner's "=HYPERLINK(...)" in an "@" cell) reads back the same in both, so it is not a formula;
 * a formula reads back as its result among the values.
 */
export function formulaCells(
  values: unknown[][],
  formulas: unknown[][],
  firstRow: number,
  firstColumn: number,
): string[] {
  const cells: string[] = [];
  formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      if (typeof formula === "string" && formula.startsWith("=") && formula !== values[r]?.[c]) {
        cells.push(cellAddress(firstRow + r, firstColumn + c));
      }
    }),
  );
  return cells;
}

/** The last row holding a value, 0 when none. */
export function lastRowOf(grid: SheetGrid): number {
  return grid.rows.length === 0 ? 0 : grid.firstRow + grid.rows.length - 1;
}

/** Names like "~tracker 3" that no sheet has (compared case-insensitively, as Excel does). */
export function freeNames(prefix: string, count: number, taken: Iterable<string>): string[] {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  const names: string[] = [];
  for (let n = 1; names.length < count; n++) {
    const name = `${prefix} ${n}`;
    if (!used.has(name.toLowerCase())) names.push(name);
  }
  return names;
}

/** The error code Office.js puts on a failed request (e.g. "ItemNotFound"), if any. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}
