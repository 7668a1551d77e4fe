// A master consortium as grids, a partner "filling in" a return by program, and a tiny stand-in for a shell that
// draws sheet specs into grids and applies WorkbookEdits, so the whole round trip runs in the pure core.
//
// The master (plan 2008-09 to 2010-11), reporting 2009-10 Q3 (Oct-Dec 2009, returns due 15 Jan 2010):
//   Partners  OCVA (accountable body), Oxford Volunteer Centre (lead), Banbury CVS (delivery), Wantage CVS (member)
//   Projects  P1 Volunteer centres (lead Oxford Volunteer Centre), P2 Information (lead OCVA)
//   Targets   T1.1 volunteers placed, Annual 100 / 120 / 140 (owner: P1's lead)
//             T1.2 volunteer satisfaction, Percentage, Level, 2009-10 80%
//             T1.3 market town information point, Milestone due Q4 2009-10
//             T1.4 Banbury placements, 2009-10 40, owner Banbury CVS
//             T2.1 groups given information, 2009-10 10 (owner: P2's lead, OCVA)
//   Actuals   (columns in the sheet's own order FY | Quarter | Target ID | Partner | Actual | Notes | Comment | Evidence,
//             under a title row) T1.1 Q1 26, Q2 25, Q3 28 (entered by the finance officer, no partner);
//             T1.2 Q2 82%; T2.1 Q1 2
//   Budget    2009-10: P1 Salaries 3,000 a quarter, P1 Running costs 500 a quarter, P2 Salaries 1,000 a quarter
//   Spend     2009-10: P1 Salaries Q1 3,000, Q2 2,900; P1 Running costs Q1 500, Q2 400
import type { CellValue, SheetGrid, WorkbookGrids } from "../../../src/core/grid";
import { findGrid, normaliseName, parseCellAddress } from "../../../src/core/grid";
import type { Period } from "../../../src/core/periods";
import type { WorkbookEdits } from "../../../src/core/returns/types";
import type { CellContent, SheetSpec } from "../../../src/core/sheets/spec";
import { SETTINGS_KEYS, columnOf, templateFor, type TemplateSheetName } from "../../../src/core/templates";

export const Q3: Period = { fy: "2009-10", quarter: 3 };
export const Q2: Period = { fy: "2009-10", quarter: 2 };
export const OVC = "Oxford Volunteer Centre";
export const BANBURY = "Banbury CVS";
export const CONSORTIUM = "Oxfordshire VCS Partnership";
export const HYPERLINK_TEXT = '=HYPERLINK("http://evidence.example/t11")';

const header = (sheet: TemplateSheetName, key: string) => columnOf(templateFor(sheet), key).header;
const headers = (sheet: TemplateSheetName) => templateFor(sheet).columns.map((column) => column.header);

function grid(sheet: string, rows: CellValue[][]): SheetGrid {
  return { sheet, rows, firstRow: 1, firstColumn: 1 };
}

export function masterGrids(options: { consortium?: string } = {}): WorkbookGrids {
  const key = (field: keyof typeof SETTINGS_KEYS) => SETTINGS_KEYS[field].key;
  return [
    grid("Settings", [
      headers("Settings"),
      [key("consortium"), options.consortium ?? CONSORTIUM],
      [key("accountableBody"), "OCVA"],
      [key("returnsDueDays"), 15],
    ]),
    grid("Partners", [
      headers("Partners"),
      ["OCVA", "Accountable body", ""],
      [OVC, "Lead partner", ""],
      [BANBURY, "Delivery partner", ""],
      ["Wantage CVS", "Member", ""],
    ]),
    grid("Projects", [
      headers("Projects"),
      ["P1", "Volunteer centres", "Volunteering", OVC, BANBURY],
      ["P2", "Information", "Information", "OCVA", null],
    ]),
    grid("Targets", [
      [...headers("Targets"), "2008-09", "2009-10", "2010-11"],
      ["T1.1", "P1", "Volunteers placed", "Number", "Higher", "Annual", null, 100, 120, 140],
      ["T1.2", "P1", "Volunteer satisfaction", "Percentage", "Higher", "Level", null, null, 0.8, null],
      ["T1.3", "P1", "Market town information point open", "Milestone", null, null, null, null, "Q4", null],
      ["T1.4", "P1", "Banbury placements", "Number", "Higher", "Annual", BANBURY, null, 40, null],
      ["T2.1", "P2", "Groups given information", "Number", "Higher", "Annual", null, null, 10, null],
    ]),
    grid("Actuals", [
      ["Quarterly actuals (kept by the finance officer)"],
      [
        header("Actuals", "fy"),
        header("Actuals", "quarter"),
        header("Actuals", "targetId"),
        header("Actuals", "partner"),
        header("Actuals", "actual"),
        "Notes",
        header("Actuals", "comment"),
        header("Actuals", "evidence"),
      ],
      ["2009-10", "Q1", "T1.1", OVC, 26, "checked", null, null],
      ["2009-10", "Q2", "T1.1", OVC, 25, null, "Summer is slow", null],
      ["2009-10", "Q3", "T1.1", null, 28, "phoned in", null, null],
      ["2009-10", "Q2", "T1.2", OVC, 0.82, null, null, null],
      ["2009-10", "Q1", "T2.1", "OCVA", 2, null, null, null],
    ]),
    grid("Budget", [
      headers("Budget"),
      ["P1", "Salaries", "2009-10", 3000, 3000, 3000, 3000],
      ["P1", "Running costs", "2009-10", 500, 500, 500, 500],
      ["P2", "Salaries", "2009-10", 1000, 1000, 1000, 1000],
    ]),
    grid("Spend", [
      headers("Spend"),
      ["P1", "Salaries", "2009-10", "Q1", 3000, null],
      ["P1", "Salaries", "2009-10", "Q2", 2900, null],
      ["P1", "Running costs", "2009-10", "Q1", 500, null],
      ["P1", "Running costs", "2009-10", "Q2", 400, null],
    ]),
  ];
}

// ---- A shell in miniature -------------------------------------------------------------------------------------

function contentValue(value: CellContent): CellValue {
  if (typeof value === "object" && value !== null) return value.result ?? null;
  return value;
}

/** A sheet spec drawn into a grid from A1, as a shell would read it back. */
export function specToGrid(spec: SheetSpec): SheetGrid {
  const rows: CellValue[][] = [];
  for (const cell of spec.cells) {
    while (rows.length < cell.row) rows.push([]);
    const row = rows[cell.row - 1];
    while (row.length < cell.column) row.push(null);
    row[cell.column - 1] = contentValue(cell.value);
  }
  return { sheet: spec.name, rows, firstRow: 1, firstColumn: 1 };
}

export function cloneGrids(grids: WorkbookGrids): WorkbookGrids {
  return grids.map((g) => ({
    ...g,
    rows: g.rows.map((row) => [...row]),
    ...(g.formulaCells ? { formulaCells: [...g.formulaCells] } : {}),
  }));
}

function sheetOf(grids: WorkbookGrids, sheet: string): SheetGrid {
  const found = findGrid(grids, sheet);
  if (!found) throw new Error(`No sheet ${sheet}`);
  return found;
}

/** Sets a cell (A1 address) of a grid that starts at A1, growing it as needed. */
export function setCell(grids: WorkbookGrids, sheet: string, address: string, value: CellValue): void {
  const grid = sheetOf(grids, sheet);
  const at = parseCellAddress(address);
  if (!at) throw new Error(address);
  while (grid.rows.length < at.row) grid.rows.push([]);
  const row = grid.rows[at.row - 1];
  while (row.length < at.column) row.push(null);
  row[at.column - 1] = value;
}

export function cellOf(grids: WorkbookGrids, sheet: string, address: string): CellValue {
  const at = parseCellAddress(address);
  if (!at) throw new Error(address);
  return sheetOf(grids, sheet).rows[at.row - 1]?.[at.column - 1] ?? null;
}

/** Deletes a whole sheet row, as a user would (the rows below move up). */
export function deleteRow(grids: WorkbookGrids, sheet: string, row: number): void {
  sheetOf(grids, sheet).rows.splice(row - 1, 1);
}

export function insertRow(grids: WorkbookGrids, sheet: string, row: number, values: CellValue[]): void {
  sheetOf(grids, sheet).rows.splice(row - 1, 0, values);
}

/** The sheet row whose column A reads `text`. */
export function rowWith(grids: WorkbookGrids, sheet: string, text: string, column = 1): number {
  const index = sheetOf(grids, sheet).rows.findIndex(
    (row) => normaliseName(String(row[column - 1] ?? "")) === normaliseName(text),
  );
  if (index < 0) throw new Error(`No row with ${text} on ${sheet}`);
  return index + 1;
}

/** What a shell's applyEdits does: create missing sheets, write updates, then append rows. */
export function applyEdits(grids: WorkbookGrids, edits: WorkbookEdits): WorkbookGrids {
  const result = cloneGrids(grids);
  for (const spec of edits.createSheets) if (!findGrid(result, spec.name)) result.push(specToGrid(spec));
  for (const update of edits.updates) setCell(result, update.sheet, update.cell, contentValue(update.value));
  for (const append of edits.appends) {
    const grid = sheetOf(result, append.sheet);
    append.rows.forEach((values, r) =>
      values.forEach((value, c) => {
        if (value === null) return;
        const row = append.firstRow + r;
        const column = append.firstColumn + c;
        while (grid.rows.length < row) grid.rows.push([]);
        const cells = grid.rows[row - 1];
        while (cells.length < column) cells.push(null);
        cells[column - 1] = contentValue(value);
      }),
    );
  }
  return result;
}
