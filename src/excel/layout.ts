// A SheetSpec cut into the few large writes Office.js handles well: value blocks, style rectangles and column
// width runs. Pure: no Office.js at run time, so it is tested and benchmarked on its own.
import { columnLetters, parseCellAddress, rangeAddress } from "../core/grid";
import {
  rangeContains,
  rangeRefAddress,
  type CellContent,
  type CellRangeRef,
  type CellStyle,
  type SheetCell,
  type SheetSpec,
} from "../core/sheets/spec";
import { OPERATION_BYTES } from "./syncBudget";

/** Cells per value block: keeps each write small for Excel on the web while still few per sheet. */
export const CELLS_PER_BLOCK = 5_000;

/** Excel's column width unit is points, and a character of the default font is about 7 of them. */
export const POINTS_PER_CHARACTER = 7;

export type WrittenValue = string | number | boolean;

export interface ValueBlock {
  /** e.g. "A1:H625" */
  address: string;
  values: WrittenValue[][];
}

/**
 * A number-format write: one format over a whole range (sent as a 1×1 array, which Office.js applies to every cell
 * of the range), or a format cell by cell, where null leaves a cell's format as it is.
 */
export type FormatWrite =
  { address: string; numberFormat: string } | { address: string; numberFormats: FormatCell[][] };
export type FormatCell = string | null;

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

/** A cell's style over the range styles beneath it, property by property (the cell's own wins). */
export function effectiveStyle(spec: SheetSpec, row: number, column: number, own: CellStyle | undefined) {
  let merged: CellStyle | undefined;
  for (const { range, style } of spec.rangeStyles ?? []) {
    if (rangeContains(range, row, column)) merged = { ...merged, ...style };
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

/**
 * The spec's cells as row blocks of at most CELLS_PER_BLOCK cells, each one rectangle of values (blank between
 * cells). Their number formats go first, as numberFormatRects.
 */
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
    for (let row = top; row <= bottom; row++) {
      const rowValues: WrittenValue[] = [];
      for (let column = bounds.firstColumn; column <= bounds.lastColumn; column++) {
        const cell = byPosition.get(cellKey(row, column));
        rowValues.push(cell ? encodeCell(cell.value, undefined).value : "");
      }
      values.push(rowValues);
    }
    blocks.push({ address: rangeAddress(top, bounds.firstColumn, bottom, bounds.lastColumn), values });
  }
  return blocks;
}

/** What a number-format write costs in a request besides its argument (the range and the property). */
const RECT_WRITE_BYTES = 2 * OPERATION_BYTES;

/**
 * Every number format the spec needs on a new sheet (which is "General" throughout), as few and as small writes as
 * will do, to go before the values so text cells are already "@" when their text lands:
 *   1. each range style's format over its whole range (e.g. "@" down a template's FY column so "2009-10" stays
 *      text);
 *   2. each column's commonest format down the whole column, where that saves writes (a column of ratios is one
 *      write however long it is);
 *   3. block by block, the cells still wrong: as a few one-format rectangles, or as one array with null for the
 *      cells already right, whichever is the smaller request.
 * A format per cell for every cell would cost bytes for each one in a request Excel on the web limits to 5 MB.
 */
export function numberFormatWrites(spec: SheetSpec, cellsPerBlock = CELLS_PER_BLOCK): FormatWrite[] {
  const writes: FormatWrite[] = [];
  for (const { range, style } of spec.rangeStyles ?? []) {
    if (style.numberFormat !== undefined)
      writes.push({ address: rangeRefAddress(range), numberFormat: style.numberFormat });
  }
  const bounds = cellBounds(spec.cells);
  if (!bounds) return writes;
  const { firstRow: top, firstColumn: left, lastRow: bottom, lastColumn: right } = bounds;
  const width = right - left + 1;
  const height = bottom - top + 1;
  const at = (row: number, column: number) => (row - top) * width + (column - left);
  // What each cell has after step 1, and what it should have: null where any format will do (an empty cell the
  // spec gives no format, as between a table's rows; so a column's format may run through its gaps).
  const current: string[] = new Array<string>(width * height);
  const wanted: (string | null)[] = new Array<string | null>(width * height);
  for (let row = top; row <= bottom; row++) {
    for (let column = left; column <= right; column++) {
      const beneath = effectiveStyle(spec, row, column, undefined)?.numberFormat;
      current[at(row, column)] = beneath ?? GENERAL_FORMAT;
      wanted[at(row, column)] = beneath ?? null;
    }
  }
  for (const cell of spec.cells) {
    const style = effectiveStyle(spec, cell.row, cell.column, cell.style);
    const empty = cell.value === null && style?.numberFormat === undefined;
    if (!empty) wanted[at(cell.row, cell.column)] = encodeCell(cell.value, style).numberFormat;
  }

  // 2. Column backgrounds, neighbouring columns with the same one in one write.
  const background = columnBackgrounds(current, wanted, width, height);
  for (let j = 0; j < width;) {
    let k = j;
    while (k + 1 < width && background[k + 1] === background[j]) k++;
    const format = background[j];
    if (format !== null) {
      writes.push({ address: rangeAddress(top, left + j, bottom, left + k), numberFormat: format });
      for (let i = 0; i < height; i++) for (let c = j; c <= k; c++) current[i * width + c] = format;
    }
    j = k + 1;
  }

  // 3. What is still wrong, block by block, and within a block each run of neighbouring columns with something wrong.
  const wrong = (row: number, column: number) => {
    const format = wanted[at(row, column)];
    return format !== null && format !== current[at(row, column)];
  };
  const rowsPerBlock = Math.max(1, Math.floor(cellsPerBlock / width));
  for (let blockTop = top; blockTop <= bottom; blockTop += rowsPerBlock) {
    const blockBottom = Math.min(bottom, blockTop + rowsPerBlock - 1);
    const columns: number[] = [];
    for (let column = left; column <= right; column++) {
      for (let row = blockTop; row <= blockBottom; row++) {
        if (wrong(row, column)) {
          columns.push(column);
          break;
        }
      }
    }
    for (const [first, last] of runsOf(columns)) {
      let firstRow = blockBottom;
      let lastRow = blockTop;
      for (let row = blockTop; row <= blockBottom; row++) {
        for (let column = first; column <= last; column++) {
          if (!wrong(row, column)) continue;
          firstRow = Math.min(firstRow, row);
          lastRow = Math.max(lastRow, row);
        }
      }
      const area = { firstRow, firstColumn: first, lastRow, lastColumn: last };
      writes.push(...fixes(area, (row, column) => (wrong(row, column) ? wanted[at(row, column)] : null)));
    }
  }
  return writes;
}

/**
 * The writes that give the cells of `area` their formats (`fix` says which, null where a cell is already right):
 * one-format rectangles, or one array with null for the cells already right, whichever is the smaller request.
 */
function fixes(area: CellRangeRef, fix: (row: number, column: number) => string | null): FormatWrite[] {
  const byFormat = new Map<string, { row: number; column: number }[]>();
  const cells: FormatCell[][] = [];
  let arrayBytes = 0;
  for (let row = area.firstRow; row <= area.lastRow; row++) {
    const line: FormatCell[] = [];
    for (let column = area.firstColumn; column <= area.lastColumn; column++) {
      const format = fix(row, column);
      line.push(format);
      arrayBytes += format === null ? 5 : format.length + 3; // as JSON: null, or the quoted format, and a comma
      if (format === null) continue;
      const positions = byFormat.get(format) ?? [];
      positions.push({ row, column });
      byFormat.set(format, positions);
    }
    cells.push(line);
  }
  const rects = [...byFormat]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([numberFormat, positions]) =>
      rectangles(positions).map((range) => ({ address: rangeRefAddress(range), numberFormat })),
    );
  const asArray = RECT_WRITE_BYTES + arrayBytes; // one write too, of a bigger argument
  return rects.length * RECT_WRITE_BYTES <= asArray
    ? rects
    : [{ address: rangeRefAddress(area), numberFormats: cells }];
}

/** Sorted numbers as runs of consecutive ones: [2, 3, 4, 7] → [[2, 4], [7, 7]]. */
function runsOf(numbers: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of numbers) {
    const last = runs[runs.length - 1];
    if (last && last[1] === n - 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/** Per column, its commonest wanted format if writing it down the column leaves fewer cells to fix, else null. */
function columnBackgrounds(
  current: readonly string[],
  wanted: readonly (string | null)[],
  width: number,
  height: number,
): (string | null)[] {
  const backgrounds: (string | null)[] = [];
  for (let j = 0; j < width; j++) {
    const counts = new Map<string, number>();
    let cared = 0; // cells that need a particular format
    let wrongNow = 0;
    for (let i = 0; i < height; i++) {
      const format = wanted[i * width + j];
      if (format === null) continue;
      cared++;
      counts.set(format, (counts.get(format) ?? 0) + 1);
      if (format !== current[i * width + j]) wrongNow++;
    }
    let best: string | null = null;
    let bestCount = 0;
    for (const [format, count] of counts) {
      if (count > bestCount) [best, bestCount] = [format, count];
    }
    // Worth one write when it leaves fewer cells to fix than it would take.
    backgrounds.push(best !== null && cared - bestCount + 1 < wrongNow ? best : null);
  }
  return backgrounds;
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

/** Consecutive rows of equal height as one range each ("A12:A20": setting a range's row height sets its rows'). */
export function rowRuns(rowHeights: readonly { row: number; height: number }[]): { address: string; height: number }[] {
  const sorted = [...rowHeights].sort((a, b) => a.row - b.row);
  const runs: { first: number; last: number; height: number }[] = [];
  for (const { row, height } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.last === row - 1 && last.height === height) last.last = row;
    else runs.push({ first: row, last: row, height });
  }
  return runs.map(({ first, last, height }) => ({
    address: rangeRefAddress({ firstRow: first, firstColumn: 1, lastRow: last, lastColumn: 1 }),
    height,
  }));
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
