// Random mutations of a real workbook, of the kinds a user or an attacker can make: cells (values of every type,
// numbers that are not numbers, percentages, accountants' brackets, long and control-character text, far strays),
// formats (percent), formulas never calculated, rows, headers and sheets (dropped, renamed, doubled, moved).
// Pure: a mutation gives new grids and never changes the ones it was given.
import fc from "fast-check";
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import { cellAddress } from "../../src/core/grid";
import { TEMPLATE_SHEET_NAMES } from "../../src/core/templates";

export type Mutation =
  | { kind: "cell"; sheet: number; row: number; column: number; value: CellValue }
  | { kind: "percentFormat"; sheet: number; row: number; column: number }
  | { kind: "uncalculated"; sheet: number; row: number; column: number }
  | { kind: "deleteRow"; sheet: number; row: number }
  | { kind: "header"; sheet: number; column: number; text: string }
  | { kind: "dropSheet"; sheet: number }
  | { kind: "renameSheet"; sheet: number; name: string }
  | { kind: "doubleSheet"; sheet: number; name: string }
  | { kind: "move"; sheet: number; rows: number; columns: number };

const TRICKY_TEXT = [
  "(50)",
  "85%",
  "150%",
  "-£40",
  "1,25",
  "£1,250.00",
  "NaN",
  "Infinity",
  "-1e999",
  "=SUM(A1:A3)",
  '=HYPERLINK("http://x","x")',
  "2009-10",
  "Q5",
  "Done",
  "High",
  "T1.1",
  "P1",
  "\u0001\u0002",
  " ",
  "#N/A",
  "#DIV/0!",
];

const value: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant("x".repeat(40_000)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, -50, 1.5, 5, 0.85, 105),
  },
  { weight: 1, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 100_000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
);

/** A row or column near the data (most edits), or anywhere on the sheet (a far stray, now and then). */
const row = fc.oneof(
  { weight: 300, arbitrary: fc.integer({ min: 1, max: 220 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1_048_576 }) },
);
const column = fc.oneof(
  { weight: 50, arbitrary: fc.integer({ min: 1, max: 14 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 16_384 }) },
);
const sheet = fc.integer({ min: 0, max: 20 });
const name = fc.oneof(
  fc.constantFrom(...TEMPLATE_SHEET_NAMES),
  fc.constantFrom(...TEMPLATE_SHEET_NAMES).map((n) => ` ${n.toLowerCase()}`),
  fc.string({ minLength: 1, maxLength: 31 }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("cell" as const), sheet, row, column, value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("percentFormat" as const), sheet, row, column }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("uncalculated" as const), sheet, row, column }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteRow" as const), sheet, row }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("header" as const),
      sheet,
      column: fc.integer({ min: 1, max: 12 }),
      text: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom("Target ID", "FY", "Actual", "2011-12", "Value")),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropSheet" as const), sheet }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("renameSheet" as const), sheet, name }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("doubleSheet" as const), sheet, name }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("move" as const),
      sheet,
      rows: fc.integer({ min: 0, max: 12 }),
      columns: fc.integer({ min: 0, max: 5 }),
    }),
  },
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 6 });

/** Padding rows share one frozen empty row (a far stray must not cost a new array per row). */
const NO_CELLS: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/** A sheet's grid with one cell set (sheet coordinates), copying only what changes. */
function withCell(grid: SheetGrid, row: number, column: number, value: CellValue): SheetGrid {
  const rows = [...grid.rows];
  let firstRow = grid.firstRow;
  let firstColumn = grid.firstColumn;
  if (row < firstRow) {
    rows.unshift(...new Array<CellValue[]>(firstRow - row).fill(NO_CELLS));
    firstRow = row;
  }
  if (column < firstColumn) {
    const shift = firstColumn - column;
    for (let r = 0; r < rows.length; r++) rows[r] = [...new Array<CellValue>(shift).fill(null), ...rows[r]];
    firstColumn = column;
  }
  const r = row - firstRow;
  while (rows.length <= r) rows.push(NO_CELLS);
  const cells = [...rows[r]];
  cells[column - firstColumn] = value;
  rows[r] = cells;
  return { ...grid, rows, firstRow, firstColumn };
}

export function applyMutation(grids: WorkbookGrids, m: Mutation): WorkbookGrids {
  if (grids.length === 0) return grids;
  const index = m.sheet % grids.length;
  const grid = grids[index];
  const replace = (next: SheetGrid) => grids.map((g, i) => (i === index ? next : g));
  switch (m.kind) {
    case "cell":
      // A far stray only on an otherwise small edit: one cell, as in a real file.
      return replace(withCell(grid, m.row, m.column, m.value));
    case "percentFormat":
      return replace({
        ...grid,
        percentCells: [...(grid.percentCells ?? []), cellAddress((m.row % 220) + 1, (m.column % 14) + 1)],
      });
    case "uncalculated":
      return replace({
        ...withCell(grid, (m.row % 220) + 1, (m.column % 14) + 1, null),
        uncalculatedCells: [...(grid.uncalculatedCells ?? []), cellAddress((m.row % 220) + 1, (m.column % 14) + 1)],
      });
    case "deleteRow": {
      const r = (m.row - 1) % Math.max(1, grid.rows.length);
      return replace({ ...grid, rows: grid.rows.filter((_, i) => i !== r) });
    }
    case "header":
      return replace(withCell(grid, grid.firstRow, m.column, m.text));
    case "dropSheet":
      return grids.filter((_, i) => i !== index);
    case "renameSheet":
      return replace({ ...grid, sheet: m.name });
    case "doubleSheet":
      return [...grids, { ...grid, sheet: m.name }];
    case "move":
      return replace({ ...grid, firstRow: grid.firstRow + m.rows, firstColumn: grid.firstColumn + m.columns });
  }
}

export function applyMutations(grids: WorkbookGrids, list: readonly Mutation[]): WorkbookGrids {
  return list.reduce(applyMutation, grids);
}

/** Freezes grids all the way down, so a reader that writes to its input throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}
