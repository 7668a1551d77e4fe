// The Import log (one row per applied return) and Import changes (one row per value an import wrote, with the
// value it replaced): their sheet specs, where to append to them, and reading the log back.
import type { SheetGrid, WorkbookGrids } from "../grid";
import { findGrid, normaliseName } from "../grid";
import { isoDate, periodLabel } from "../periods";
import { readDate, readNumber } from "../read/cellValues";
import { gridOrigin } from "../read/headerRow";
import { SheetBuilder, STYLES, landscapePrint } from "../sheets/sheetBuilder";
import type { CellContent, SheetSpec } from "../sheets/spec";
import { lastUsedRow, readPeriodLabel, textOf, valueAt } from "./cells";
import { IMPORT_CHANGES_COLUMNS, IMPORT_CHANGES_SHEET, IMPORT_LOG_COLUMNS, IMPORT_LOG_SHEET } from "./layout";
import type { ImportLogEntry, RowsAppend } from "./types";

interface LogColumn {
  key: string;
  header: string;
  width: number;
}

function logSheet(name: string, columns: readonly LogColumn[], note: string): SheetSpec {
  const sheet = new SheetBuilder(columns.map((column) => column.width));
  sheet.addRow(
    columns.map((column, index) => (index === 0 ? { value: column.header, note } : column.header)),
    STYLES.header,
  );
  return sheet.build({
    name,
    kind: "importLog",
    freeze: { rows: 1, columns: 0 },
    print: landscapePrint({ first: 1, last: 1 }, name),
  });
}

export function importLogSheet(): SheetSpec {
  return logSheet(IMPORT_LOG_SHEET, IMPORT_LOG_COLUMNS, "One row per partner return imported. Written by the add-in.");
}

export function importChangesSheet(): SheetSpec {
  return logSheet(
    IMPORT_CHANGES_SHEET,
    IMPORT_CHANGES_COLUMNS,
    "Every value a partner-return import wrote, with the value it replaced. Written by the add-in.",
  );
}

/** The header row (within the first 10) and column of each header of a log sheet; null when it has none. */
function logLayout(
  grid: SheetGrid,
  columns: readonly LogColumn[],
): { headerRow: number; at: Map<string, number> } | null {
  const { firstRow, firstColumn } = gridOrigin(grid);
  for (let row = firstRow; row < firstRow + 10 && row <= lastUsedRow(grid); row++) {
    const at = new Map<string, number>();
    const width = Array.isArray(grid.rows[row - firstRow]) ? grid.rows[row - firstRow].length : 0;
    for (let column = firstColumn; column < firstColumn + width; column++) {
      const name = normaliseName(textOf(valueAt(grid, row, column)));
      const found = columns.find((c) => normaliseName(c.header) === name);
      if (found && !at.has(found.key)) at.set(found.key, column);
    }
    if (at.size >= Math.min(3, columns.length)) return { headerRow: row, at };
  }
  return null;
}

/** The applied returns recorded in the workbook's Import log (none when it has no log). */
export function readImportLog(grids: WorkbookGrids): ImportLogEntry[] {
  const grid = findGrid(grids, IMPORT_LOG_SHEET);
  const layout = grid ? logLayout(grid, IMPORT_LOG_COLUMNS) : null;
  if (!grid || !layout) return [];
  const entries: ImportLogEntry[] = [];
  for (let row = layout.headerRow + 1; row <= lastUsedRow(grid); row++) {
    const value = (key: string) => valueAt(grid, row, layout.at.get(key) ?? 0);
    const count = (key: string) => {
      const read = readNumber(value(key));
      return read.ok ? read.value : 0;
    };
    const importedAt = textOf(value("importedAt"));
    const received = readDate(value("receivedOn"));
    const fromImport = readDate(value("importedAt"));
    const entry: ImportLogEntry = {
      importedAt,
      receivedOn: received.ok ? received.value : fromImport.ok ? fromImport.value : null,
      fileName: textOf(value("fileName")),
      partner: textOf(value("partner")),
      period: readPeriodLabel(value("period")),
      rowsAdded: count("rowsAdded"),
      valuesChanged: count("valuesChanged"),
      contentHash: textOf(value("contentHash")),
    };
    if (entry.partner || entry.contentHash) entries.push(entry);
  }
  return entries;
}

/** The Import log row of an entry, as text and numbers keyed by column. */
export function logRowValues(entry: ImportLogEntry): Record<string, CellContent> {
  return {
    importedAt: entry.importedAt,
    receivedOn: entry.receivedOn ? isoDate(entry.receivedOn) : null,
    fileName: entry.fileName,
    partner: entry.partner,
    period: entry.period ? periodLabel(entry.period) : null,
    rowsAdded: entry.rowsAdded,
    valuesChanged: entry.valuesChanged,
    contentHash: entry.contentHash,
  };
}

/**
 * Where rows go on a log sheet: below its last row, in its own column order. A missing sheet is created from
 * `spec` (returned in `create`); a sheet whose header cannot be found gets the rows below it in template order.
 */
export function logAppend(
  grids: WorkbookGrids,
  spec: SheetSpec,
  columns: readonly LogColumn[],
  rows: Record<string, CellContent>[],
): { create: SheetSpec | null; append: RowsAppend | null } {
  if (rows.length === 0) return { create: null, append: null };
  const grid = findGrid(grids, spec.name);
  const layout = grid ? logLayout(grid, columns) : null;
  const at = layout?.at ?? new Map(columns.map((column, index) => [column.key, index + 1]));
  const first = Math.min(...at.values());
  const last = Math.max(...at.values());
  const cells = rows.map((values) => {
    const row: CellContent[] = new Array<CellContent>(last - first + 1).fill(null);
    for (const [key, column] of at) row[column - first] = values[key] ?? null;
    return row;
  });
  const nextRow = grid ? Math.max(lastUsedRow(grid), layout?.headerRow ?? 0) + 1 : 2;
  return {
    create: grid ? null : spec,
    append: { sheet: grid ? grid.sheet : spec.name, firstRow: nextRow, firstColumn: first, rows: cells },
  };
}
