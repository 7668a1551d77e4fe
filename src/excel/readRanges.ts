// Reading sheets the one-go read cannot take: too big for one response (Excel on the web refuses a response over
// about 5 MB, ResponsePayloadSizeLimitExceeded), or with something far from the data (one stray value at
// XFD1048576 makes the used range 17 billion cells, which Excel must never be asked for). Here:
//   1. (1 sync) the sheets' used ranges (addresses only);
//   2. (1 sync a level) a used range bigger than BOX_CELLS is halved, and each half asked for its own used range
//      (Range.getUsedRangeOrNullObject, ExcelApi 1.4), until every box is small or dense: empty space drops out, so
//      a stray far cell costs a few syncs, not a read of the space between;
//   3. the boxes' values in row blocks, as many blocks a sync as fit a cell budget (sized from what the cells read
//      so far weighed; halved and retried if a response is still refused).
// The grids are built from the cells that hold something (gridFromCells), so memory follows them too.
import {
  cellAddress,
  gridFromCells,
  isPercentFormat,
  rangeAddress,
  type FoundCell,
  type SheetGrid,
} from "../core/grid";
import { rangeOrigin } from "./layout";
import { cellValue, formulaCells, officeErrorCode } from "./sheetIo";

export const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/** The first read assumes about 40 bytes a cell: 100,000 cells stay well under 5 MB for ordinary sheets. */
export const CELLS_PER_READ = 100_000;

/** What each later read aims at, once the cells already read show what a cell weighs. */
export const RESPONSE_BUDGET_BYTES = 3_000_000;

/** A used box larger than this is halved and its halves' used ranges asked for, to drop the empty space. */
export const BOX_CELLS = 100_000;

export function isResponseTooLarge(error: unknown): boolean {
  return officeErrorCode(error) === RESPONSE_TOO_LARGE;
}

export interface Block {
  sheet: string;
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
  /** Known to be inside a sheet's data (not a used range stretched by a far cell): read without narrowing. */
  dense?: boolean;
}

export interface BlockReadOptions {
  /** Cells a read starts with (halved while Excel still refuses it). */
  cellsPerRead?: number;
  /** Sheets whose formulas are read too, to fill the grid's `formulaCells`. */
  withFormulas?: (sheet: string) => boolean;
  /** Sheets whose number formats are read too, to fill the grid's `percentCells`. */
  withFormats?: (sheet: string) => boolean;
  /** What each read's response aims at once a cell's weight is known; RESPONSE_BUDGET_BYTES by default. */
  budgetBytes?: number;
  /** Bytes a cell weighs in a response, by sheet ("" for any sheet), as an earlier read found. */
  bytesPerCell?: Record<string, number>;
}

export function areaOf(range: Excel.Range, sheet: string): Block {
  const { firstRow, firstColumn } = rangeOrigin(range.address);
  return {
    sheet,
    firstRow,
    firstColumn,
    lastRow: firstRow + range.rowCount - 1,
    lastColumn: firstColumn + range.columnCount - 1,
  };
}

export function cellsIn(block: Block): number {
  return (block.lastRow - block.firstRow + 1) * (block.lastColumn - block.firstColumn + 1);
}

/** A box in two: across its rows when it has more than one, else across its columns. */
function halves(block: Block): [Block, Block] {
  if (block.lastRow > block.firstRow) {
    const middle = Math.floor((block.firstRow + block.lastRow) / 2);
    return [
      { ...block, lastRow: middle },
      { ...block, firstRow: middle + 1 },
    ];
  }
  const middle = Math.floor((block.firstColumn + block.lastColumn) / 2);
  return [
    { ...block, lastColumn: middle },
    { ...block, firstColumn: middle + 1 },
  ];
}

/** Boxes that hold every used cell of the sheets, each at most BOX_CELLS or fully used. 1 sync a level. */
async function usedBoxes(context: Excel.RequestContext, boxes: Block[]): Promise<Block[]> {
  const worksheets = context.workbook.worksheets;
  const settled: Block[] = [];
  let open = boxes;
  while (open.length > 0) {
    const asked = open.flatMap((box) =>
      halves(box).map((half) => {
        const range = worksheets
          .getItem(half.sheet)
          .getRange(rangeAddress(half.firstRow, half.firstColumn, half.lastRow, half.lastColumn))
          .getUsedRangeOrNullObject(true);
        range.load("address,rowCount,columnCount");
        return { half, range };
      }),
    );
    // One request per level of halving: the number of levels is logarithmic in the sheet's size.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    open = [];
    for (const { half, range } of asked) {
      if (range.isNullObject) continue;
      const used = areaOf(range, half.sheet);
      const dense = cellsIn(used) === cellsIn(half);
      if (cellsIn(used) <= BOX_CELLS || (dense && cellsIn(used) <= BOX_CELLS * 2)) settled.push(used);
      else open.push(used);
    }
  }
  return settled;
}

/** What one sheet's read has found so far. */
export interface Found {
  cells: FoundCell[];
  formulaCells?: string[];
  percentCells?: string[];
}

/** An empty find for the sheet, with room for formulas and percentages where the options ask for them. */
export function foundFor(sheet: string, options: BlockReadOptions): Found {
  return {
    cells: [],
    ...(options.withFormulas?.(sheet) ? { formulaCells: [] } : {}),
    ...(options.withFormats?.(sheet) ? { percentCells: [] } : {}),
  };
}

/** The grid of what was found on a sheet. */
export function gridOfFound(name: string, found: Found): SheetGrid {
  const grid = gridFromCells(name, found.cells);
  if (found.formulaCells) grid.formulaCells = found.formulaCells;
  if (found.percentCells && found.percentCells.length > 0) grid.percentCells = found.percentCells;
  return grid;
}

/** The used cells of the named sheets (which exist): grids built from the cells that hold something. */
export async function readGridsInBlocks(
  context: Excel.RequestContext,
  names: readonly string[],
  options: BlockReadOptions = {},
): Promise<Map<string, SheetGrid>> {
  const worksheets = context.workbook.worksheets;
  const used = names.map((name) => {
    const range = worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load("address,rowCount,columnCount");
    return { name, range };
  });
  await context.sync();

  const found = new Map<string, Found>();
  const boxes: Block[] = [];
  for (const { name, range } of used) {
    found.set(name, foundFor(name, options));
    if (!range.isNullObject) boxes.push(areaOf(range, name));
  }
  await readBoxes(context, boxes, found, options);
  return new Map(names.map((name) => [name, gridOfFound(name, found.get(name)!)]));
}

/**
 * Reads the cells of the boxes into `found` (which has an entry for each box's sheet): a box bigger than BOX_CELLS
 * is first narrowed to its used parts, then the values are read in row blocks, as many blocks a sync as fit.
 * Returns what a cell of each sheet weighed in the responses (bytes).
 */
export async function readBoxes(
  context: Excel.RequestContext,
  boxes: readonly Block[],
  found: Map<string, Found>,
  options: BlockReadOptions = {},
): Promise<Map<string, number>> {
  const small = boxes.filter((box) => box.dense || cellsIn(box) <= BOX_CELLS);
  const big = boxes.filter((box) => !box.dense && cellsIn(box) > BOX_CELLS);
  const settled = [...small, ...(big.length > 0 ? await usedBoxes(context, big) : [])];
  return readBlocks(context, settled, found, options);
}

/** Reads the blocks' cells into `found`, as many blocks a sync as the response budget allows. */
async function readBlocks(
  context: Excel.RequestContext,
  boxes: readonly Block[],
  found: Map<string, Found>,
  options: BlockReadOptions,
): Promise<Map<string, number>> {
  const { withFormulas = () => false, withFormats = () => false } = options;
  // What a response may hold: the budget asked for, halved each time Excel still refuses one.
  let budgetBytes = options.budgetBytes ?? RESPONSE_BUDGET_BYTES;
  const worksheets = context.workbook.worksheets;
  // What a cell of each sheet weighs in a response, once known (from an earlier read, or from these reads).
  const weights = new Map<string, number>(Object.entries(options.bytesPerCell ?? {}));
  const weightOf = (sheet: string) => weights.get(sheet) ?? weights.get("") ?? 0;
  // Until a sheet's weight is known, a read holds at most cellsPerRead of its cells (halved while refused).
  let unknownCells = options.cellsPerRead ?? (budgetBytes === Infinity ? Infinity : CELLS_PER_READ);
  const cellsPerBlock = (sheet: string) =>
    weightOf(sheet) > 0 ? Math.max(1, Math.floor(budgetBytes / weightOf(sheet))) : unknownCells;

  const blocks: Block[] = boxes.flatMap((box) => split(box, cellsPerBlock(box.sheet)));
  const queueBlock = (block: Block) => {
    const address = rangeAddress(block.firstRow, block.firstColumn, block.lastRow, block.lastColumn);
    const range = worksheets.getItem(block.sheet).getRange(address);
    // Literal lists, so the linter can see what is loaded.
    if (withFormulas(block.sheet)) range.load("values,formulas");
    else if (withFormats(block.sheet)) range.load("values,numberFormat");
    else range.load("values");
    return { block, range };
  };
  let next = 0;
  while (next < blocks.length) {
    const group: { block: Block; range: Excel.Range }[] = [];
    let share = 0; // of the response budget, 1 = all of it
    for (; next < blocks.length; next++) {
      const block = blocks[next];
      const part = cellsIn(block) / cellsPerBlock(block.sheet);
      if (group.length > 0 && share + part > 1) {
        // Fill the rest of this response with the block's first rows; the others start the next one.
        const rows = Math.floor(
          ((1 - share) * cellsPerBlock(block.sheet)) / (block.lastColumn - block.firstColumn + 1),
        );
        if (rows >= 1 && block.firstRow + rows <= block.lastRow) {
          const head = { ...block, lastRow: block.firstRow + rows - 1 };
          blocks.splice(next, 1, head, { ...block, firstRow: block.firstRow + rows });
          group.push(queueBlock(head));
          next++;
        }
        break;
      }
      group.push(queueBlock(block));
      share += part;
    }
    try {
      // One request per group of blocks is the point here: each must stay under the response limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      // Still too big for one response: the same blocks, split finer (a single row cannot be split).
      const single = group.length === 1 && group[0].block.firstRow === group[0].block.lastRow;
      if (!isResponseTooLarge(error) || single) throw error;
      next -= group.length;
      const known = group.filter(({ block }) => weightOf(block.sheet) > 0);
      const unknown = group.filter(({ block }) => weightOf(block.sheet) === 0);
      const knownBytes = known.reduce((sum, { block }) => sum + cellsIn(block) * weightOf(block.sheet), 0);
      if (known.length > 0) budgetBytes = Math.max(1, Math.floor(Math.min(budgetBytes, knownBytes) / 2));
      const unknownTotal = unknown.reduce((sum, { block }) => sum + cellsIn(block), 0);
      if (unknown.length > 0) unknownCells = Math.max(1, Math.floor(Math.min(unknownCells, unknownTotal) / 2));
      blocks.splice(next, group.length, ...group.flatMap(({ block }) => split(block, cellsPerBlock(block.sheet))));
      continue;
    }
    const weighed = new Map<string, { cells: number; bytes: number }>();
    for (const { block, range } of group) {
      const bytes = addCells(found.get(block.sheet)!, block, range);
      const sheet = weighed.get(block.sheet) ?? { cells: 0, bytes: 0 };
      weighed.set(block.sheet, { cells: sheet.cells + cellsIn(block), bytes: sheet.bytes + bytes });
    }
    // Size the next reads by what these cells actually weighed (short codes and numbers weigh far less than the
    // 40 bytes assumed at first), aiming at the response budget a sync.
    for (const [sheet, { cells, bytes }] of weighed) {
      if (cells > 0 && bytes > 0) weights.set(sheet, bytes / cells);
    }
  }
  weights.delete("");
  return weights;
}

/** Adds a read block's cells to what was found on its sheet; returns what the block weighed in the response. */
function addCells(sheet: Found, block: Block, range: Excel.Range): number {
  const values = range.values as unknown[][];
  const formats = sheet.percentCells ? (range.numberFormat as unknown[][]) : null;
  values.forEach((row, r) =>
    row.forEach((raw, c) => {
      const value = cellValue(raw);
      if (value === null) return;
      const at = { row: block.firstRow + r, column: block.firstColumn + c };
      sheet.cells.push({ ...at, value });
      if (formats && typeof value === "number" && isPercentFormat(formats[r]?.[c])) {
        sheet.percentCells!.push(cellAddress(at.row, at.column));
      }
    }),
  );
  let bytes = JSON.stringify(values).length;
  if (sheet.formulaCells) {
    const formulas = range.formulas as unknown[][];
    sheet.formulaCells.push(...formulaCells(values, formulas, block.firstRow, block.firstColumn));
    bytes += JSON.stringify(formulas).length;
  }
  if (formats) bytes += JSON.stringify(formats).length;
  return bytes;
}

/** A block as row blocks of at most `cells` cells. */
function split(block: Block, cells: number): Block[] {
  const width = block.lastColumn - block.firstColumn + 1;
  const rows = Math.max(1, Math.floor(cells / width));
  const parts: Block[] = [];
  for (let top = block.firstRow; top <= block.lastRow; top += rows) {
    parts.push({ ...block, firstRow: top, lastRow: Math.min(block.lastRow, top + rows - 1) });
  }
  return parts;
}
