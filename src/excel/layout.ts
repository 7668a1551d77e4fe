// A SheetSpec cut into the few large writes Office.js handles well: value blocks, style rectangles and column
// width runs. Pure: no Office.js at run time, so it is tested and benchmarked on its own.
import { columnLetters, parseCellAddress, rangeAddress } from "../core/grid";
import type { CellContent, CellRangeRef, CellStyle, SheetCell, SheetSpec } from "../core/sheets/spec";

/** Cells per value block: keeps each write small for Excel on the web while still few per sheet. */
export const CELLS_PER_BLOCK = 5_000;

/** Excel's column width unit is points, and a character of the default font is about 7 of them. */
export const POINTS_PER_CHARACTER = 7;

export type WrittenValue = string | number | boolean;

export interface ValueBlock {
  /** e.g. "A1:H625" */
  address: string;
  /** Written first, so that text cells are already text ("@") when their values arrive. */
  numberFormats: string[][];
  values: WrittenValue[][];
}

const TEXT_FORMAT = "@";
const GENERAL_FORMAT = "General";

/**
 * How one cell is written, given its effective style. A string always goes in as text under "@", so partner text
 * such as "=HYPERLINK(...)", "1,250" or "01/02/2010" is never read by Excel as a formula, number or date. Only a
 * core-built `{formula}` becomes a formula; a number or formula never gets "@" (it would turn into text).
 */
export function encodeCell(
  value: CellContent | undefined,
  style: CellStyle | undefined,
): { value: WrittenValue; numberFormat: string } {
  const styled = style?.numberFormat;
  const nonText = styled && styled !== TEXT_FORMAT ? styled : GENERAL_FORMAT;
  if (value === null || value === undefined) return { value: "", numberFormat: styled ?? GENERAL_FORMAT };
  if (typeof value === "string") return { value, numberFormat: TEXT_FORMAT };
  if (typeof value === "number") return { value: Number.isFinite(value) ? value : "", numberFormat: nonText };
  if (typeof value === "boolean") return { value, numberFormat: nonText };
  const formula = value.formula.startsWith("=") ? value.formula : `=${value.formula}`;
  return { value: formula, numberFormat: nonText };
}

function contains(range: CellRangeRef, row: number, column: number): boolean {
  return row >= range.firstRow && row <= range.lastRow && column >= range.firstColumn && column <= range.lastColumn;
}

/** A cell's style over the range styles beneath it, property by property (the cell's own wins). */
export function effectiveStyle(spec: SheetSpec, row: number, column: number, own: CellStyle | undefined) {
  let merged: CellStyle | undefined;
  for (const { range, style } of spec.rangeStyles ?? []) {
    if (contains(range, row, column)) merged = { ...merged, ...style };
  }
  return merged ? { ...merged, ...own } : own;
}

/** The smallest rectangle holding every cell of the spec, or null when it has none. */
export function cellBounds(cells: readonly SheetCell[]): CellRangeRef | null {
  if (cells.length === 0) return null;
  let firstRow = Infinity;
  let firstColumn = Infinity;
  let lastRow = 0;
  let lastColumn = 0;
  for (const { row, column } of cells) {
    firstRow = Math.min(firstRow, row);
    firstColumn = Math.min(firstColumn, column);
    lastRow = Math.max(lastRow, row);
    lastColumn = Math.max(lastColumn, column);
  }
  return { firstRow, firstColumn, lastRow, lastColumn };
}

function cellKey(row: number, column: number): number {
  return row * 20_000 + column; // Excel has 16,384 columns
}

/** The spec's cells as row blocks of at most CELLS_PER_BLOCK cells, each one rectangle of values and formats. */
export function valueBlocks(spec: SheetSpec, cellsPerBlock = CELLS_PER_BLOCK): ValueBlock[] {
  const bounds = cellBounds(spec.cells);
  if (!bounds) return [];
  const byPosition = new Map<number, SheetCell>();
  for (const cell of spec.cells) byPosition.set(cellKey(cell.row, cell.column), cell);
  const width = bounds.lastColumn - bounds.firstColumn + 1;
  const rowsPerBlock = Math.max(1, Math.floor(cellsPerBlock / width));
  const blocks: ValueBlock[] = [];
  for (let top = bounds.firstRow; top <= bounds.lastRow; top += rowsPerBlock) {
    const bottom = Math.min(bounds.lastRow, top + rowsPerBlock - 1);
    const values: WrittenValue[][] = [];
    const numberFormats: string[][] = [];
    for (let row = top; row <= bottom; row++) {
      const rowValues: WrittenValue[] = [];
      const rowFormats: string[] = [];
      for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++) {
        const cell = byPosition.get(cellKey(row, column));
        const encoded = encodeCell(cell?.value, effectiveStyle(spec, row, column, cell?.style));
        rowValues.push(encoded.value);
        rowFormats.push(encoded.numberFormat);
      }
      values.push(rowValues);
      numberFormats.push(rowFormats);
    }
    blocks.push({ address: rangeAddress(top, bounds.firstColumn, bottom, bounds.lastColumn), numberFormats, values });
  }
  return blocks;
}

/**
 * Number formats of the range styles (e.g. "@" down a template's FY column so "2009-10" stays text), as blocks
 * written before the values; cells inside the spec's own value blocks get them again from `effectiveStyle`.
 */
export function rangeFormatBlocks(
  spec: SheetSpec,
  cellsPerBlock = CELLS_PER_BLOCK,
): { address: string; numberFormats: string[][] }[] {
  const blocks: { address: string; numberFormats: string[][] }[] = [];
  for (const { range, style } of spec.rangeStyles ?? []) {
    if (style.numberFormat === undefined) continue;
    const width = range.lastColumn - range.firstColumn + 1;
    const rowsPerBlock = Math.max(1, Math.floor(cellsPerBlock / width));
    for (let top = range.firstRow; top <= range.lastRow; top += rowsPerBlock) {
      const bottom = Math.min(range.lastRow, top + rowsPerBlock - 1);
      const row = new Array<string>(width).fill(style.numberFormat);
      blocks.push({
        address: addressOf({
          firstRow: top,
          firstColumn: range.firstColumn,
          lastRow: bottom,
          lastColumn: range.lastColumn,
        }),
        numberFormats: Array.from({ length: bottom - top + 1 }, () => row),
      });
    }
  }
  return blocks;
}

/** A cell style without its number format (that travels with the values). */
export type VisualStyle = Omit<CellStyle, "numberFormat">;

export interface StyleRect {
  range: CellRangeRef;
  style: VisualStyle;
  /** Equal keys mean equal styles. */
  key: string;
}

function visualStyle(style: CellStyle | undefined): VisualStyle | null {
  if (!style) return null;
  const entries = Object.entries(style)
    .filter(([name, value]) => name !== "numberFormat" && value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? null : (Object.fromEntries(entries) as VisualStyle);
}

/**
 * Contiguous cells with the same style become one rectangle: runs along each row, then runs stacked on equal runs
 * of the rows above. A styled table of any length costs a handful of rectangles per distinct column style.
 */
export function styleRects(spec: SheetSpec): StyleRect[] {
  // Range styles first: the cells' own styles are drawn over them and win property by property.
  const beneath: StyleRect[] = [];
  for (const { range, style } of spec.rangeStyles ?? []) {
    const visual = visualStyle(style);
    if (visual) beneath.push({ range: { ...range }, style: visual, key: JSON.stringify(visual) });
  }
  return [...beneath, ...cellStyleRects(spec.cells)];
}

function cellStyleRects(cells: readonly SheetCell[]): StyleRect[] {
  const byRow = new Map<number, { column: number; style: VisualStyle; key: string }[]>();
  for (const cell of cells) {
    const style = visualStyle(cell.style);
    if (!style) continue;
    const list = byRow.get(cell.row) ?? [];
    list.push({ column: cell.column, style, key: JSON.stringify(style) });
    byRow.set(cell.row, list);
  }
  const done: StyleRect[] = [];
  // Rectangles still growing downwards, by "firstColumn:lastColumn:key".
  let open = new Map<string, StyleRect>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cells = byRow.get(row)!.sort((a, b) => a.column - b.column);
    const next = new Map<string, StyleRect>();
    let i = 0;
    while (i < cells.length) {
      let j = i;
      while (j + 1 < cells.length && cells[j + 1].column === cells[j].column + 1 && cells[j + 1].key === cells[i].key)
        j++;
      const runKey = `${cells[i].column}:${cells[j].column}:${cells[i].key}`;
      const above = open.get(runKey);
      if (above && above.range.lastRow === row - 1) {
        above.range.lastRow = row;
        next.set(runKey, above);
        open.delete(runKey);
      } else {
        const range = { firstRow: row, firstColumn: cells[i].column, lastRow: row, lastColumn: cells[j].column };
        next.set(runKey, { range, style: cells[i].style, key: cells[i].key });
      }
      i = j + 1;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.range.firstRow - b.range.firstRow || a.range.firstColumn - b.range.firstColumn);
}

export interface WidthRun {
  /** e.g. "C:E" */
  columns: string;
  points: number;
}

/** Consecutive columns of equal width share one write. A width of 0 or less means "leave Excel's default". */
export function widthRuns(columnWidths: readonly number[]): WidthRun[] {
  const runs: WidthRun[] = [];
  let start = 0;
  for (let i = 1; i <= columnWidths.length; i++) {
    if (i < columnWidths.length && columnWidths[i] === columnWidths[start]) continue;
    const width = columnWidths[start];
    if (width > 0) {
      runs.push({
        columns: `${columnLetters(start + 1)}:${columnLetters(i)}`,
        points: Math.round(width * POINTS_PER_CHARACTER * 100) / 100,
      });
    }
    start = i;
  }
  return runs;
}

export function addressOf(range: CellRangeRef): string {
  return range.firstRow === range.lastRow && range.firstColumn === range.lastColumn
    ? `${columnLetters(range.firstColumn)}${range.firstRow}`
    : rangeAddress(range.firstRow, range.firstColumn, range.lastRow, range.lastColumn);
}

/** Joins addresses into comma-separated lists of at most `maxLength` characters (for Worksheet.getRanges). */
export function addressLists(addresses: readonly string[], maxLength = 2_000): string[] {
  const lists: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current && current.length + 1 + address.length > maxLength) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}

/** Where a used range starts, from an address such as "'Risk register'!B3:F20" or "Sheet1!A1". */
export function rangeOrigin(address: string): { firstRow: number; firstColumn: number } {
  const firstCell = parseCellAddress(address.slice(address.lastIndexOf("!") + 1).split(":")[0]);
  return firstCell ? { firstRow: firstCell.row, firstColumn: firstCell.column } : { firstRow: 1, firstColumn: 1 };
}
