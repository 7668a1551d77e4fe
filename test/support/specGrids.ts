// The grids a shell would read back from sheets drawn from these specs (a formula reads as its result).
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import type { SheetSpec } from "../../src/core/sheets/spec";

export function gridOfSpec(spec: SheetSpec): SheetGrid {
  const rows: CellValue[][] = [];
  for (const cell of spec.cells) {
    const value = cell.value !== null && typeof cell.value === "object" ? (cell.value.result ?? null) : cell.value;
    (rows[cell.row - 1] ??= [])[cell.column - 1] = value;
  }
  return {
    sheet: spec.name,
    rows: Array.from(rows, (row) => Array.from(row ?? [], (value) => value ?? null)),
    firstRow: 1,
    firstColumn: 1,
  };
}

export function gridsOfSpecs(specs: readonly SheetSpec[]): WorkbookGrids {
  return specs.map(gridOfSpec);
}
