// Upserts against the master's cells: for each (target or line, FY, quarter) the row that holds it is updated
// where a value differs, or a new row is appended in the master's own column order. Blank returned values never
// overwrite anything and no row is ever deleted. Used twice: for the preview and, again on the grids as they are
// when the user confirms, for the edits.
import type { CellValue, WorkbookGrids } from "../grid";
import type { Measure } from "../model";
import { isBlank, readMilestoneActual, readNumber, readPercentage } from "../read/cellValues";
import { inputSheetSpec } from "../sheets/templateSheets";
import type { CellContent, SheetSpec } from "../sheets/spec";
import { columnOf } from "../templates";
import { nameKey } from "../read/importContext";
import { Problems, textOf, valueAt } from "./cells";
import { TEMPLATE_OF, masterTable, rowKey, tableCell, type MasterTable } from "./masterTables";
import type { AddedRow, CellEdit, ChangedValue, ImportSheet, PlannedUpsert, RowsAppend } from "./types";

export interface UpsertPlan {
  added: AddedRow[];
  changed: ChangedValue[];
  updates: CellEdit[];
  appends: RowsAppend[];
  createSheets: SheetSpec[];
  /** Where each added row's values land: (sheet, cell, header, value) for the change record. */
  addedCells: { sheet: string; cell: string; key: string; field: string; value: CellContent }[];
}

export function planUpserts(
  upserts: readonly PlannedUpsert[],
  grids: WorkbookGrids,
  yearStartMonth: number,
  problems: Problems,
): UpsertPlan {
  const plan: UpsertPlan = { added: [], changed: [], updates: [], appends: [], createSheets: [], addedCells: [] };
  for (const sheet of ["Actuals", "Spend"] as ImportSheet[]) {
    const mine = upserts.filter((upsert) => upsert.sheet === sheet);
    if (mine.length === 0) continue;
    const found = masterTable(grids, sheet, yearStartMonth);
    if ("reason" in found) {
      problems.error(sheet, 1, 1, `${found.reason}, so the return cannot be imported into it`);
      continue;
    }
    planSheet(found.table, mine, problems, plan);
  }
  return plan;
}

function planSheet(table: MasterTable, upserts: readonly PlannedUpsert[], problems: Problems, plan: UpsertPlan): void {
  const template = TEMPLATE_OF[table.sheet];
  const sheetName = table.grid?.sheet ?? template.name;
  const header = (column: string) => columnOf(template, column).header;
  const warnedColumns = new Set<string>();
  const hasColumn = (column: string, what: string): boolean => {
    if (table.columns.has(column)) return true;
    if (!warnedColumns.has(column)) {
      warnedColumns.add(column);
      problems.warning(
        sheetName,
        table.headerRow,
        1,
        `${sheetName} has no "${header(column)}" column, so ${what} from returns are not recorded: add the column to keep them`,
      );
    }
    return false;
  };
  const appended: CellContent[][] = [];
  const first = Math.min(...table.columns.values());
  const last = Math.max(...table.columns.values());

  for (const upsert of upserts) {
    const rows = (table.rows.get(rowKey(table.sheet, upsert.ids, upsert.fy, upsert.quarter)) ?? []).filter((row) =>
      isPartnersRow(table, row, upsert),
    );
    if (rows.length > 1) {
      problems.error(
        sheetName,
        rows[1],
        table.columns.get(template.columns[0].key) ?? 1,
        `${sheetName} has ${rows.length} rows for ${upsert.key} (rows ${rows.join(", ")}): keep one before importing this return`,
      );
      continue;
    }
    if (rows.length === 1) {
      const row = rows[0];
      for (const planned of upsert.values) {
        if (!hasColumn(planned.column, `${header(planned.column).toLowerCase()} values`)) continue;
        const cell = tableCell(table, row, planned.column) as string;
        const old = valueAtCell(table, row, planned.column);
        if (planned.onlyIfBlank && !isBlank(old)) continue;
        if (sameValue(planned.column, old, planned.value, upsert.measure)) continue;
        plan.changed.push({
          sheet: table.sheet,
          key: upsert.key,
          field: header(planned.column),
          cell,
          oldValue: old,
          newValue: planned.value,
        });
        plan.updates.push({ sheet: sheetName, cell, value: planned.value });
      }
      continue;
    }
    // A new row: the key columns, then every value the return gives, each under the master's own column.
    const row = table.nextRow + appended.length;
    const cells: CellContent[] = new Array<CellContent>(last - first + 1).fill(null);
    const keyValues: [string, CellContent][] =
      table.sheet === "Actuals"
        ? [["targetId", upsert.ids[0]]]
        : [
            ["projectId", upsert.ids[0]],
            ["budgetLine", upsert.ids[1]],
          ];
    keyValues.push(["fy", upsert.fy], ["quarter", `Q${upsert.quarter}`]);
    if (upsert.partner) {
      const { name, lead } = upsert.partner;
      if (!table.columns.has("partner") && nameKey(name) !== nameKey(lead)) {
        problems.error(
          sheetName,
          table.headerRow,
          first,
          `${sheetName} has no "Partner" column, so spend of ${name} on ${upsert.key} would read as ${lead || "the project's lead partner"}'s: add a Partner column, then import this return`,
        );
        continue;
      }
      if (table.columns.has("partner")) keyValues.push(["partner", name]);
    }
    const values: Record<string, CellContent> = {};
    for (const [column, value] of [
      ...keyValues,
      ...upsert.values.map((v): [string, CellContent] => [v.column, v.value]),
    ]) {
      if (!hasColumn(column, `${header(column).toLowerCase()} values`)) continue;
      const at = table.columns.get(column) as number;
      cells[at - first] = value;
      values[header(column)] = value;
      plan.addedCells.push({
        sheet: sheetName,
        cell: tableCell(table, row, column) as string,
        key: upsert.key,
        field: header(column),
        value,
      });
    }
    appended.push(cells);
    plan.added.push({ sheet: table.sheet, key: upsert.key, values });
  }
  if (appended.length > 0) {
    if (!table.grid) plan.createSheets.push(inputSheetSpec(template, []));
    plan.appends.push({ sheet: sheetName, firstRow: table.nextRow, firstColumn: first, rows: appended });
  }
}

/** A Spend row is the upsert's partner's when its Partner cell names it, or is blank (or absent) for the lead. */
function isPartnersRow(table: MasterTable, row: number, upsert: PlannedUpsert): boolean {
  if (!upsert.partner) return true;
  const written = textOf(valueAtCell(table, row, "partner"));
  return nameKey(written === "" ? upsert.partner.lead : written) === nameKey(upsert.partner.name);
}

function valueAtCell(table: MasterTable, row: number, column: string): CellValue {
  const at = table.columns.get(column);
  return table.grid && at !== undefined ? valueAt(table.grid, row, at) : null;
}

/** Whether the master already says what the return says, read the way the importer reads it. */
function sameValue(column: string, old: CellValue, value: CellContent, measure: Measure | null): boolean {
  if (typeof value === "object" && value !== null) return false;
  if (isBlank(old)) return value === null || value === "";
  if (column === "actual" && measure === "Milestone") {
    const before = readMilestoneActual(old);
    const after = readMilestoneActual(value);
    if (!before.ok || !after.ok) return false;
    const date = (d: { year: number; month: number; day: number } | null) => (d ? `${d.year}-${d.month}-${d.day}` : "");
    // "Done" over a completion date says nothing new: the date is kept.
    return (
      before.value.done === after.value.done &&
      (after.value.completedOn === null || date(before.value.completedOn) === date(after.value.completedOn))
    );
  }
  if (column === "actual" || column === "amount") {
    const before = measure === "Percentage" ? readPercentage(old) : readNumber(old);
    if (!before.ok || typeof value !== "number") return false;
    return Math.abs(before.value - value) <= 1e-9 * Math.max(1, Math.abs(value));
  }
  return textOf(old) === (typeof value === "string" ? value.trim() : textOf(value));
}
