// Several returns imported together (the CLI's `import master.xlsx a.xlsx b.xlsx`): each is previewed against the
// master as the returns before it would leave it, so the same return twice is "already imported" the second time
// and a later return updates the rows an earlier one added. Their edits merge into one batch.
import type { CellValue, SheetGrid, WorkbookGrids } from "../grid";
import { findGrid, parseCellAddress } from "../grid";
import { importWorkbook } from "../read/importWorkbook";
import type { CellContent, SheetSpec } from "../sheets/spec";
import { importEdits, isEmptyEdits, noEdits, type EditOptions } from "./edits";
import { readImportLog } from "./importLog";
import { previewImport, type PreviewOptions } from "./preview";
import type { ImportPreview, PartnerReturn, RowsAppend, WorkbookEdits } from "./types";

export interface BatchImport {
  /** One per return, in order. A return that cannot be applied is left out of `edits`. */
  previews: ImportPreview[];
  /** Every applicable return's edits as ONE batch. */
  edits: WorkbookEdits;
  /** The master's grids as they will be after `edits` (for a dry run's report, or a re-import). */
  grids: WorkbookGrids;
}

export function importReturns(
  masterGrids: WorkbookGrids,
  returns: readonly PartnerReturn[],
  options: PreviewOptions & EditOptions,
): BatchImport {
  let grids = masterGrids;
  const previews: ImportPreview[] = [];
  const sequence: WorkbookEdits[] = [];
  for (const partnerReturn of returns) {
    const { consortium } = importWorkbook(grids);
    const preview = previewImport(consortium, grids, partnerReturn, readImportLog(grids), options);
    previews.push(preview);
    const edits = importEdits(preview, grids, options);
    if (isEmptyEdits(edits)) continue;
    sequence.push(edits);
    grids = applyEditsToGrids(grids, edits);
  }
  return { previews, edits: mergeEdits(sequence), grids };
}

/**
 * Edits worked out one after another (each on the grids the previous ones leave) as one batch a shell can apply
 * in its fixed order (create, update, append): an update to a cell an earlier edit appends is folded into that
 * append, since the shell writes updates before appends.
 */
export function mergeEdits(sequence: readonly WorkbookEdits[]): WorkbookEdits {
  const merged = noEdits();
  for (const edits of sequence) {
    merged.createSheets.push(...edits.createSheets);
    for (const update of edits.updates) {
      const at = parseCellAddress(update.cell);
      const append =
        at && merged.appends.find((a) => a.sheet.toLowerCase() === update.sheet.toLowerCase() && holds(a, at));
      if (append && at) {
        const cells = append.rows[at.row - append.firstRow];
        while (cells.length <= at.column - append.firstColumn) cells.push(null);
        cells[at.column - append.firstColumn] = update.value;
      } else merged.updates.push({ ...update });
    }
    merged.appends.push(...edits.appends.map((append) => ({ ...append, rows: append.rows.map((row) => [...row]) })));
  }
  return merged;
}

function holds(append: RowsAppend, at: { row: number; column: number }): boolean {
  return at.row >= append.firstRow && at.row < append.firstRow + append.rows.length && at.column >= append.firstColumn;
}

/** What a shell's applyEdits does, on grids: for dry runs and chained imports. Never changes its input. */
export function applyEditsToGrids(grids: WorkbookGrids, edits: WorkbookEdits): WorkbookGrids {
  const result: SheetGrid[] = grids.map((grid) => ({ ...grid, rows: grid.rows.map((row) => [...row]) }));
  for (const spec of edits.createSheets) if (!findGrid(result, spec.name)) result.push(gridOfSpec(spec));
  const write = (sheet: string, row: number, column: number, value: CellContent) => {
    const grid = findGrid(result, sheet);
    if (!grid) throw new Error(`There is no sheet named "${sheet}"`);
    // Grow the grid to cover the cell, from wherever its used range starts.
    const firstRow = Math.min(grid.firstRow, row);
    const firstColumn = Math.min(grid.firstColumn, column);
    if (firstRow < grid.firstRow) grid.rows.unshift(...Array.from({ length: grid.firstRow - firstRow }, () => []));
    if (firstColumn < grid.firstColumn) {
      grid.rows = grid.rows.map((cells) => [
        ...new Array<CellValue>(grid.firstColumn - firstColumn).fill(null),
        ...cells,
      ]);
    }
    grid.firstRow = firstRow;
    grid.firstColumn = firstColumn;
    while (grid.rows.length <= row - firstRow) grid.rows.push([]);
    const cells = grid.rows[row - firstRow];
    while (cells.length <= column - firstColumn) cells.push(null);
    cells[column - firstColumn] = cellValueOf(value);
  };
  for (const update of edits.updates) {
    const at = parseCellAddress(update.cell);
    if (!at) throw new Error(`"${update.cell}" is not a cell address`);
    write(update.sheet, at.row, at.column, update.value);
  }
  for (const append of edits.appends) {
    append.rows.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (value !== null) write(append.sheet, append.firstRow + r, append.firstColumn + c, value);
      }),
    );
  }
  return result;
}

function cellValueOf(value: CellContent): CellValue {
  return typeof value === "object" && value !== null ? (value.result ?? null) : value;
}

/** A drawn sheet spec as a shell would read it back: its values from A1. */
export function gridOfSpec(spec: SheetSpec): SheetGrid {
  const rows: CellValue[][] = [];
  for (const cell of spec.cells) {
    while (rows.length < cell.row) rows.push([]);
    const cells = rows[cell.row - 1];
    while (cells.length < cell.column) cells.push(null);
    cells[cell.column - 1] = cellValueOf(cell.value);
  }
  return { sheet: spec.name, rows, firstRow: 1, firstColumn: 1 };
}
