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
type VisualProperty = keyof VisualStyle;

/**
 * The order properties are drawn in: a bottom border after the all-round border it refines, so it wins on the
 * cell's bottom edge as it would in one cell's style.
 */
const PROPERTY_ORDER: readonly VisualProperty[] = [
  "fill",
  "fontColor",
  "bold",
  "italic",
  "fontSize",
  "horizontalAlignment",
  "verticalAlignment",
  "wrapText",
  "indent",
  "border",
  "bottomBorder",
  "unlocked",
];

export interface StyleRect {
  range: CellRangeRef;
  /** One property and its value. */
  style: VisualStyle;
  /** Equal keys mean equal styles. */
  key: string;
}

/**
 * Styles cut property by property into rectangles: for each property and value, runs of neighbouring cells along
 * each row, stacked onto equal runs of the rows above. A table's borders, bold headers and alignments cost a
 * rectangle each whatever its length; only what changes from row to row (a RAG cell's fill) costs more, and then
 * only that property is written again. Range styles come first, so the cells' own styles win over them.
 */
export function styleRects(spec: SheetSpec): StyleRect[] {
  const rects: StyleRect[] = [];
  for (const { range, style } of spec.rangeStyles ?? []) {
    for (const property of PROPERTY_ORDER) {
      const value = style[property];
      if (value === undefined) continue;
      const one = { [property]: value } as VisualStyle;
      rects.push({ range: { ...range }, style: one, key: JSON.stringify(one) });
    }
  }
  const buckets = new Map<string, { style: VisualStyle; cells: { row: number; column: number }[] }>();
  for (const cell of spec.cells) {
    if (!cell.style) continue;
    for (const property of PROPERTY_ORDER) {
      const value = cell.style[property];
      if (value === undefined) continue;
      const one = { [property]: value } as VisualStyle;
      const key = JSON.stringify(one);
      const bucket = buckets.get(key) ?? { style: one, cells: [] };
      bucket.cells.push({ row: cell.row, column: cell.column });
      buckets.set(key, bucket);
    }
  }
  const order = (key: string) => PROPERTY_ORDER.indexOf(Object.keys(JSON.parse(key))[0] as VisualProperty);
  const keys = [...buckets.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  for (const key of keys) {
    const { style, cells } = buckets.get(key)!;
    for (const range of rectangles(cells)) rects.push({ range, style, key });
  }
  return rects;
}

/** Cells covered by rectangles: runs along each row, each stacked onto an equal run in the row above. */
function rectangles(cells: { row: number; column: number }[]): CellRangeRef[] {
  const byRow = new Map<number, number[]>();
  for (const { row, column } of cells) {
    const columns = byRow.get(row) ?? [];
    columns.push(column);
    byRow.set(row, columns);
  }
  const done: CellRangeRef[] = [];
  let open = new Map<string, CellRangeRef>(); // still growing downwards, by "first:last" column
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const columns = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const next = new Map<string, CellRangeRef>();
    let i = 0;
    while (i < columns.length) {
      let j = i;
      while (j + 1 < columns.length && columns[j + 1] === columns[j] + 1) j++;
      const runKey = `${columns[i]}:${columns[j]}`;
      const above = open.get(runKey);
      if (above && above.lastRow === row - 1) {
        above.lastRow = row;
        open.delete(runKey);
        next.set(runKey, above);
      } else {
        next.set(runKey, { firstRow: row, firstColumn: columns[i], lastRow: row, lastColumn: columns[j] });
      }
      i = j + 1;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.firstRow - b.firstRow || a.firstColumn - b.firstColumn);
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
