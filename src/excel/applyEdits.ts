// An imported partner return applied to the open workbook, all or nothing:
//   1. (1 sync) sheet names, to check every target sheet exists or is being created (and, where the host can resize
//      tables, the workbook's tables);
//   2. (1 sync) the current formulas and number formats of every cell about to change (to choose formats, and
//      to put back if the write fails), and the ranges of tables on sheets that get rows;
//   3. (1 sync) add the missing sheets, then the updates (with their looks and notes), then the appends; a table
//      the new rows continue (Actuals or Spend kept as an Excel table) is resized to take them in; then the sheets
//      to protect are protected and the registry records the sheets submitted.
// Every edit is checked before anything is written. If step 3 fails, the sheets it added are deleted and the old
// contents (and table sizes, and the registry) put back (2 more syncs).
import { rangeAddress, parseCellAddress } from "../core/grid";
import { markSubmitted, readRegistry, REGISTRY_SHEET, registryRows } from "../core/sheets/registry";
import { appendedAreas, areaOf, grownLastRow } from "../core/returns/tableGrowth";
import type { WorkbookEdits } from "../core/returns/types";
import type { CellContent, CellStyle } from "../core/sheets/spec";
import { drawSheet } from "./drawSheet";
import { encodeCell, type WrittenValue } from "./layout";
import { supportsExcelApi, type RequirementProbe } from "./requirements";
import { writeRegistrySheet } from "./pushSummary";
import { gridOf, sheetNameProblem } from "./sheetIo";
import { arrayBytes, SyncBudget } from "./syncBudget";

interface Target {
  sheet: string;
  address: string;
  values: CellContent[][];
  /** An update's look and note (appends have none). */
  style?: CellStyle;
  note?: string;
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
    targets.push({
      sheet: update.sheet,
      address: update.cell,
      values: [[update.value]],
      ...(update.style ? { style: update.style } : {}),
      ...(update.note ? { note: update.note } : {}),
    });
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
  const actualName = (sheet: string) =>
    worksheets.items.find((item) => item.name.toLowerCase() === sheet.toLowerCase());
  for (const entry of edits.submitted ?? []) {
    if (!actualName(entry.sheet)) throw new Error(`There is no sheet named "${entry.sheet}".`);
  }
  const protecting = (edits.protectSheets ?? [])
    .filter((sheet) => present.has(sheet.toLowerCase()))
    .map((sheet) => ({ sheet, protection: worksheets.getItem(sheet).protection }));
  for (const { protection } of protecting) protection.load("protected");
  const registryExists = present.has(REGISTRY_SHEET.toLowerCase());
  const registryUsed =
    (edits.submitted ?? []).length > 0 && registryExists
      ? worksheets.getItem(REGISTRY_SHEET).getUsedRangeOrNullObject(true)
      : null;
  registryUsed?.load("address,values");
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
  if (targets.some((target) => target.before) || growing.length > 0 || protecting.length > 0 || registryUsed) {
    await context.sync();
  }
  // A protected sheet takes no writes: it is left as it is, and only recorded (see WorkbookEdits).
  const lockedAlready = new Set(
    protecting.filter(({ protection }) => protection.protected).map(({ sheet }) => sheet.toLowerCase()),
  );
  const writes = targets.filter((target) => !lockedAlready.has(target.sheet.toLowerCase()));
  const registryBefore = registryExists
    ? readRegistry(registryUsed ? gridOf(REGISTRY_SHEET, registryUsed) : undefined)
    : [];

  try {
    const budget = new SyncBudget(context, requestBudgetBytes);
    for (const spec of creating) {
      await budget.reserve(1);
      await drawSheet(worksheets.add(spec.name), spec, { probe, budget });
    }
    for (const target of writes) {
      const formats = target.values.map((row, r) =>
        row.map(
          (value, c) =>
            target.style?.numberFormat ?? formatFor(value, String(target.before?.numberFormat[r][c] ?? "General")),
        ),
      );
      const values: WrittenValue[][] = target.values.map((row) =>
        row.map((value) => encodeCell(value, undefined).value),
      );
      await budget.reserve(3, arrayBytes(formats) + arrayBytes(values));
      const range = worksheets.getItem(target.sheet).getRange(target.address);
      range.numberFormat = formats; // text cells become "@" before their values land
      range.values = values;
      if (target.style) {
        await budget.reserve(4);
        applyLook(range, target.style);
      }
      if (target.note && supportsExcelApi("1.18", probe)) {
        await budget.reserve(1);
        worksheets.getItem(target.sheet).notes.add(range, target.note);
      }
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
    for (const { sheet } of protecting.filter(({ sheet }) => !lockedAlready.has(sheet.toLowerCase()))) {
      await budget.reserve(1);
      worksheets.getItem(sheet).protection.protect({ allowFormatColumns: true, allowFormatRows: true });
    }
    if ((edits.submitted ?? []).length > 0) {
      let registry = registryBefore;
      for (const entry of edits.submitted ?? []) {
        registry = markSubmitted(registry, actualName(entry.sheet)!.name, entry.submittedOn);
      }
      await budget.reserve(4, arrayBytes(registryRows(registry)));
      writeRegistrySheet(worksheets, registryRows(registry), registryExists);
    }
    await budget.flush();
  } catch (error) {
    await restore(
      context,
      creating.map((spec) => spec.name),
      writes,
      growing.filter((candidate) => candidate.lastRow !== undefined),
      probe,
      (edits.submitted ?? []).length > 0 ? { rows: registryRows(registryBefore), existed: registryExists } : null,
    );
    throw error;
  }
}

/** An update's look: only what the plan says (bold, font colour, fill); the number format goes with the value. */
function applyLook(range: Excel.Range, style: CellStyle): void {
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.italic !== undefined) range.format.font.italic = style.italic;
  if (style.fontColor) range.format.font.color = style.fontColor;
  if (style.fill) range.format.fill.color = style.fill;
}

async function restore(
  context: Excel.RequestContext,
  added: string[],
  targets: Target[],
  grown: GrowingTable[],
  probe: RequirementProbe,
  registry: { rows: string[][]; existed: boolean } | null,
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
    if (registry?.existed) writeRegistrySheet(worksheets, registry.rows, true);
    else if (registry && present.has(REGISTRY_SHEET.toLowerCase())) worksheets.getItem(REGISTRY_SHEET).delete();
    await context.sync();
  } catch {
    // The original error is the one worth showing.
  }
}
