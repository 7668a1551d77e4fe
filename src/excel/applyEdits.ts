// An imported partner return applied to the open workbook, all or nothing:
//   1. (1 sync) sheet names, to check every target sheet exists or is being created;
//   2. (1 sync) the current formulas and number formats of every cell about to change (to choose formats, and
//      to put back if the write fails);
//   3. (1 sync) add the missing sheets, then the updates, then the appends.
// If step 3 fails, the sheets it added are deleted and the old contents written back (2 more syncs).
import { rangeAddress, parseCellAddress } from "../core/grid";
import type { WorkbookEdits } from "../core/returns/types";
import type { CellContent } from "../core/sheets/spec";
import { drawSheet } from "./drawSheet";
import { encodeCell, type WrittenValue } from "./layout";
import type { RequirementProbe } from "./requirements";
import { sheetNameProblem } from "./sheetIo";
import { arrayBytes, SyncBudget } from "./syncBudget";

interface Target {
  sheet: string;
  address: string;
  values: CellContent[][];
  /** Loaded in step 2 when the sheet already exists. */
  before?: Excel.Range;
}

/**
 * The number format a written value needs, given the cell's current one: text goes in as "@"; a number or formula
 * keeps the cell's format unless that is "@" (which would turn it into text); an empty cell keeps its format.
 */
function formatFor(value: CellContent, current: string): string {
  if (value === null) return current;
  return encodeCell(value, { numberFormat: current }).numberFormat;
}

export async function applyEdits(context: Excel.RequestContext, edits: WorkbookEdits, probe: RequirementProbe) {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
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
    if (!parseCellAddress(update.cell)) throw new Error(`"${update.cell}" is not a cell address.`);
    targets.push({ sheet: update.sheet, address: update.cell, values: [[update.value]] });
  }
  for (const append of edits.appends) {
    const valid = [append.firstRow, append.firstColumn].every((n) => Number.isInteger(n) && n >= 1);
    if (!valid) throw new Error(`Rows for "${append.sheet}" must start at a cell of the sheet.`);
    const width = Math.max(0, ...append.rows.map((row) => row.length));
    if (append.rows.length === 0 || width === 0) continue;
    const values = append.rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null));
    const last = { row: append.firstRow + values.length - 1, column: append.firstColumn + width - 1 };
    const address = rangeAddress(append.firstRow, append.firstColumn, last.row, last.column);
    targets.push({ sheet: append.sheet, address, values });
  }
  for (const target of targets) {
    const key = target.sheet.toLowerCase();
    if (!present.has(key) && !created.has(key)) throw new Error(`There is no sheet named "${target.sheet}".`);
    if (!present.has(key)) continue;
    target.before = worksheets.getItem(target.sheet).getRange(target.address);
    target.before.load("formulas,numberFormat");
  }
  if (targets.some((target) => target.before)) await context.sync();

  try {
    const budget = new SyncBudget(context);
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
    await budget.flush();
  } catch (error) {
    await restore(
      context,
      creating.map((spec) => spec.name),
      targets,
    );
    throw error;
  }
}

async function restore(context: Excel.RequestContext, added: string[], targets: Target[]): Promise<void> {
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
    await context.sync();
  } catch {
    // The original error is the one worth showing.
  }
}
