// An imported partner return applied to the open workbook, all or nothing:
//   1. (1 sync) sheet names, to check every target sheet exists or is being created (and, where the host can resize
//      tables, the workbook's tables);
//   2. (1 sync) the current formulas and number formats of every cell about to change (to choose formats, and
//      to put back if the write fails), and the ranges of tables on sheets that get rows;
//   3. (1 sync) add the missing sheets, then the updates, then the appends; a table the new rows continue (Actuals
//      or Spend kept as an Excel table) is resized to take them in.
// Every edit is checked before anything is written. If step 3 fails, the sheets it added are deleted and the old
// contents (and table sizes) put back (2 more syncs).
import { rangeAddress, parseCellAddress } from "../core/grid";
import { appendedAreas, areaOf, grownLastRow } from "../core/returns/tableGrowth";
import type { WorkbookEdits } from "../core/returns/types";
import type { CellContent } from "../core/sheets/spec";
import { drawSheet } from "./drawSheet";
import { encodeCell, type WrittenValue } from "./layout";
import { supportsExcelApi, type RequirementProbe } from "./requirements";
import { sheetNameProblem } from "./sheetIo";
import { arrayBytes, SyncBudget } from "./syncBudget";

interface Target {
  sheet: string;
  address: string;
  values: CellContent[][];
  /** Loaded in step 2 when the sheet already exists. */
  before?: Excel.Range;
}

/** A table on a sheet that gets rows, with its range before the write. */
interface GrowingTable {
  table: Excel.Table;
  sheet: string;
  range: Excel.Range;
  /** Set in step 3 when the new rows continue the table: its new last row. */
  lastRow?: number;
}

/** Excel's sheet size: 1,048,576 rows by 16,384 columns (XFD). */
function onSheet(row: number, column: number): boolean {
  return row >= 1 && column >= 1 && row <= 1_048_576 && column <= 16_384;
}

/**
 * The number format a written value needs, given the cell's current one: text goes in as "@"; a number or formula
 * keeps the cell's format unless that is "@" (which would turn it into text); an empty cell keeps its format.
 */
function formatFor(value: CellContent, current: string): string {
  if (value === null) return current;
  return encodeCell(value, { numberFormat: current }).numberFormat;
}

export async function applyEdits(
  context: Excel.RequestContext,
  edits: WorkbookEdits,
  probe: RequirementProbe,
  requestBudgetBytes?: number,
) {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  // Tables grow only where the host can resize one; elsewhere the rows simply go below it.
  const tables = supportsExcelApi("1.13", probe) ? context.workbook.tables : null;
  tables?.load("items/name,items/showTotals,items/worksheet/name");
  await context.sync();
  const present = new Set(worksheets.items.map((sheet) => sheet.name.toLowerCase()));
  const creating = edits.createSheets.filter(
    (spec, index, all) =>
      !present.has(spec.name.toLowerCase()) &&
      all.findIndex((other) => other.name.toLowerCase() === spec.name.toLowerCase()) === index,
  );
  for (const spec of creating) {
    const problem = sheetNameProblem(spec.name);
    if (problem) throw new Error(`Cannot add the sheet: ${problem}.`);
  }
  const created = new Set(creating.map((spec) => spec.name.toLowerCase()));
  const targets: Target[] = [];
  for (const update of edits.updates) {
    const at = parseCellAddress(update.cell);
    if (!at || !onSheet(at.row, at.column)) throw new Error(`"${update.cell}" is not a cell address.`);
    targets.push({ sheet: update.sheet, address: update.cell, values: [[update.value]] });
  }
  for (const append of edits.appends) {
    const width = Math.max(0, ...append.rows.map((row) => row.length));
    const lastRow = append.firstRow + Math.max(0, append.rows.length - 1);
    const lastColumn = append.firstColumn + Math.max(0, width - 1);
    const valid = [append.firstRow, append.firstColumn].every((n) => Number.isInteger(n) && n >= 1);
    if (!valid || !onSheet(lastRow, lastColumn)) {
      throw new Error(`Rows for "${append.sheet}" must start at a cell of the sheet and fit on it.`);
    }
    if (append.rows.length === 0 || width === 0) continue;
    const values = append.rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null));
    const last = { row: append.firstRow + values.length - 1, column: append.firstColumn + width - 1 };
    const address = rangeAddress(append.firstRow, append.firstColumn, last.row, last.column);
    targets.push({ sheet: append.sheet, address, values });
  }
  for (const target of targets) {
    const key = target.sheet.toLowerCase();
    if (!present.has(key) && !created.has(key)) throw new Error(`There is no sheet named "${target.sheet}".`);
  }
  // Checked, all of it: now read what is about to change.
  for (const target of targets) {
    if (!present.has(target.sheet.toLowerCase())) continue;
    target.before = worksheets.getItem(target.sheet).getRange(target.address);
    target.before.load("formulas,numberFormat");
  }
  const appendedSheets = new Set(edits.appends.map((append) => append.sheet.toLowerCase()));
  const growing: GrowingTable[] = (tables?.items ?? [])
    .filter((table) => !table.showTotals && appendedSheets.has(table.worksheet.name.toLowerCase()))
    .map((table) => ({ table, sheet: table.worksheet.name, range: table.getRange() }));
  for (const candidate of growing) candidate.range.load("address");
  if (targets.some((target) => target.before) || growing.length > 0) await context.sync();

  try {
    const budget = new SyncBudget(context, requestBudgetBytes);
    for (const spec of creating) {
      await budget.reserve(1);
      await drawSheet(worksheets.add(spec.name), spec, { probe, budget });
    }
    for (const target of targets) {
      const formats = target.values.map((row, r) =>
        row.map((value, c) => formatFor(value, String(target.before?.numberFormat[r][c] ?? "General"))),
      );
      const values: WrittenValue[][] = target.values.map((row) =>
        row.map((value) => encodeCell(value, undefined).value),
      );
      await budget.reserve(3, arrayBytes(formats) + arrayBytes(values));
      const range = worksheets.getItem(target.sheet).getRange(target.address);
      range.numberFormat = formats; // text cells become "@" before their values land
      range.values = values;
    }
    for (const candidate of growing) {
      const area = areaOf(candidate.range.address);
      const appended = appendedAreas(edits.appends, candidate.sheet);
      const lastRow = area ? grownLastRow(area, appended) : null;
      if (!area || lastRow === null) continue; // not rows of this table
      await budget.reserve(2);
      const grown = worksheets
        .getItem(candidate.sheet)
        .getRange(rangeAddress(area.firstRow, area.firstColumn, lastRow, area.lastColumn));
      if (supportsExcelApi("1.13", probe)) candidate.table.resize(grown);
      candidate.lastRow = lastRow;
    }
    await budget.flush();
  } catch (error) {
    await restore(
      context,
      creating.map((spec) => spec.name),
      targets,
      growing.filter((candidate) => candidate.lastRow !== undefined),
      probe,
    );
    throw error;
  }
}

async function restore(
  context: Excel.RequestContext,
  added: string[],
  targets: Target[],
  grown: GrowingTable[],
  probe: RequirementProbe,
): Promise<void> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const present = new Set(worksheets.items.map((sheet) => sheet.name.toLowerCase()));
    for (const name of added) if (present.has(name.toLowerCase())) worksheets.getItem(name).delete();
    for (const target of targets) {
      if (!target.before) continue;
      const range = worksheets.getItem(target.sheet).getRange(target.address);
      range.numberFormat = target.before.numberFormat;
      range.formulas = target.before.formulas;
    }
    for (const { table, sheet, range } of grown) {
      // Back to its own range (the address read before the write).
      const original = worksheets.getItem(sheet).getRange(range.address.slice(range.address.lastIndexOf("!") + 1));
      if (supportsExcelApi("1.13", probe)) table.resize(original);
    }
    await context.sync();
  } catch {
    // The original error is the one worth showing.
  }
}
