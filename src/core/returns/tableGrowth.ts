// Rows appended below an Excel table belong in it (Actuals or Spend kept as a table): which tables grow, and to
// where, decided once for every shell that writes appended rows.
import { parseCellAddress } from "../grid";
import type { RowsAppend } from "./types";

/** A rectangle of a sheet in 1-based rows and columns. */
export interface Area {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

/** "Actuals!A1:G12" (or "A1") as rows and columns. */
export function areaOf(address: string): Area | null {
  const [first, last = first] = address.slice(address.lastIndexOf("!") + 1).split(":");
  const a = parseCellAddress(first);
  const b = parseCellAddress(last);
  return a && b ? { firstRow: a.row, firstColumn: a.column, lastRow: b.row, lastColumn: b.column } : null;
}

/** The areas the appends to one sheet cover (empty appends cover nothing). */
export function appendedAreas(appends: readonly RowsAppend[], sheet: string): Area[] {
  return appends
    .filter((append) => append.sheet.toLowerCase() === sheet.toLowerCase() && append.rows.length > 0)
    .map((append) => ({
      firstRow: append.firstRow,
      firstColumn: append.firstColumn,
      lastRow: append.firstRow + append.rows.length - 1,
      lastColumn: append.firstColumn + Math.max(1, ...append.rows.map((row) => row.length)) - 1,
    }));
}

/**
 * The table's new last row when appended rows continue it (they start inside it or right below it, under its
 * header, in its columns), else null. Rows appended one batch after another extend it in turn.
 */
export function grownLastRow(table: Area, appends: readonly Area[]): number | null {
  let lastRow = table.lastRow;
  for (const rows of [...appends].sort((a, b) => a.firstRow - b.firstRow)) {
    const inColumns = rows.firstColumn <= table.lastColumn && rows.lastColumn >= table.firstColumn;
    if (inColumns && rows.firstRow > table.firstRow && rows.firstRow <= lastRow + 1) {
      lastRow = Math.max(lastRow, rows.lastRow);
    }
  }
  return lastRow > table.lastRow ? lastRow : null;
}
