// Reading sheets too big for one response. Excel on the web refuses a response over about 5 MB
// (ResponsePayloadSizeLimitExceeded); the adapter first reads everything in one sync, and only when that is
// refused reads the same sheets again here: their used-range addresses first, then the values in row blocks,
// as many blocks a sync as fit a cell budget (sized from what the cells read so far weighed; halved and retried if
// a response is still refused).
import { rangeAddress, type SheetGrid } from "../core/grid";
import { rangeOrigin } from "./layout";
import { cellValue, formulaCells, gridOf, officeErrorCode } from "./sheetIo";

export const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/** The first read assumes about 40 bytes a cell: 100,000 cells stay well under 5 MB for ordinary sheets. */
export const CELLS_PER_READ = 100_000;

/** What each later read aims at, once the cells already read show what a cell weighs. */
export const RESPONSE_BUDGET_BYTES = 3_000_000;

export function isResponseTooLarge(error: unknown): boolean {
  return officeErrorCode(error) === RESPONSE_TOO_LARGE;
}

interface Block {
  sheet: string;
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

export interface BlockReadOptions {
  /** Cells a read starts with (halved while Excel still refuses it). */
  cellsPerRead?: number;
  /** Sheets whose formulas are read too, to fill the grid's `formulaCells`. */
  withFormulas?: (sheet: string) => boolean;
}

/** The used ranges of the named sheets (which exist), read in row blocks. 1 sync for addresses, then 1 per budget. */
export async function readGridsInBlocks(
  context: Excel.RequestContext,
  names: readonly string[],
  options: BlockReadOptions = {},
): Promise<Map<string, SheetGrid>> {
  const { cellsPerRead = CELLS_PER_READ, withFormulas = () => false } = options;
  const worksheets = context.workbook.worksheets;
  const used = names.map((name) => {
    const range = worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load("address,rowCount,columnCount");
    return { name, range };
  });
  await context.sync();

  const grids = new Map<string, SheetGrid>();
  const blocks: Block[] = [];
  for (const { name, range } of used) {
    if (range.isNullObject) {
      grids.set(name, { ...gridOf(name, range), ...(withFormulas(name) ? { formulaCells: [] } : {}) });
      continue;
    }
    const { firstRow, firstColumn } = rangeOrigin(range.address);
    grids.set(name, {
      sheet: name,
      rows: [],
      firstRow,
      firstColumn,
      ...(withFormulas(name) ? { formulaCells: [] } : {}),
    });
    const lastColumn = firstColumn + range.columnCount - 1;
    const rowsPerBlock = Math.max(1, Math.floor(cellsPerRead / range.columnCount));
    for (let top = firstRow; top < firstRow + range.rowCount; top += rowsPerBlock) {
      const lastRow = Math.min(firstRow + range.rowCount - 1, top + rowsPerBlock - 1);
      blocks.push({ sheet: name, firstRow: top, firstColumn, lastRow, lastColumn });
    }
  }

  let budget = cellsPerRead;
  let next = 0;
  while (next < blocks.length) {
    const group: { block: Block; range: Excel.Range }[] = [];
    let cells = 0;
    for (; next < blocks.length; next++) {
      const block = blocks[next];
      const size = (block.lastRow - block.firstRow + 1) * (block.lastColumn - block.firstColumn + 1);
      if (group.length > 0 && cells + size > budget) break;
      const address = rangeAddress(block.firstRow, block.firstColumn, block.lastRow, block.lastColumn);
      const range = worksheets.getItem(block.sheet).getRange(address);
      if (withFormulas(block.sheet)) range.load("values,formulas");
      else range.load("values");
      group.push({ block, range });
      cells += size;
    }
    try {
      // One request per group of blocks is the point here: each must stay under the response limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      // Still too big for one response: the same blocks, split finer (a single row block cannot be split).
      if (!isResponseTooLarge(error) || budget <= 1) throw error;
      next -= group.length;
      budget = Math.floor(budget / 2);
      blocks.splice(next, group.length, ...group.flatMap(({ block }) => split(block, budget)));
      continue;
    }
    let bytes = 0;
    for (const { block, range } of group) {
      const grid = grids.get(block.sheet)!;
      for (const row of range.values as unknown[][]) grid.rows.push(row.map(cellValue));
      bytes += JSON.stringify(range.values).length;
      if (grid.formulaCells) {
        const values = range.values as unknown[][];
        const formulas = range.formulas as unknown[][];
        grid.formulaCells.push(...formulaCells(values, formulas, block.firstRow, block.firstColumn));
        bytes += JSON.stringify(formulas).length;
      }
    }
    // Size the next reads by what these cells actually weighed (short codes and numbers weigh far less than the
    // 40 bytes assumed at first), aiming at RESPONSE_BUDGET_BYTES a sync.
    if (cells > 0 && bytes > 0) budget = Math.max(1_000, Math.floor((RESPONSE_BUDGET_BYTES * cells) / bytes));
  }
  return grids;
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
