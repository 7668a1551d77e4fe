// Settings written from the pane, as an edit plan: each setting's value cell where the sheet already has its key,
// else a new key/value row below the sheet's last row; a workbook without a Settings sheet gets one. Where the
// keys and values are is settingsLayout's decision, the same one the importer reads them by.
import { cellAddress, findGrid, type WorkbookGrids } from "./grid";
import { gridOrigin, gridValue } from "./read/headerRow";
import { settingOfKey, settingsLayout } from "./read/readSettings";
import { NUMBER_FORMATS, type CellStyle, type SheetSpec } from "./sheets/spec";
import { PERCENT_SETTINGS, SETTINGS_KEYS, SETTINGS_TEMPLATE, type SettingsField } from "./templates";
import type { CellEdit, WorkbookEdits } from "./workbookEdits";

export type SettingsValues = Partial<Record<SettingsField, string | number>>;

/** A new Settings sheet: the Key | Value header alone, the rows come as edits. */
function settingsSheet(): SheetSpec {
  return {
    name: SETTINGS_TEMPLATE.name,
    kind: "template",
    cells: SETTINGS_TEMPLATE.columns.map((column, index) => ({
      row: 1,
      column: index + 1,
      value: column.header,
      style: { bold: true, numberFormat: NUMBER_FORMATS.text },
    })),
    columnWidths: SETTINGS_TEMPLATE.columns.map((column) => column.width),
    merges: [],
    conditionalFormats: [],
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true },
  };
}

/** A percentage setting shows as one ("95%"); another number in the general format; text stays text. */
function valueStyle(field: SettingsField, value: string | number): CellStyle {
  if (typeof value === "string") return { numberFormat: NUMBER_FORMATS.text };
  return { numberFormat: PERCENT_SETTINGS.includes(field) ? NUMBER_FORMATS.ratio : "General" };
}

export function settingsEdits(grids: WorkbookGrids, values: SettingsValues): WorkbookEdits {
  const grid = findGrid(grids, SETTINGS_TEMPLATE.name);
  const sheet = grid?.sheet ?? SETTINGS_TEMPLATE.name;
  // Sheet rows and columns, 1-based.
  let headerRow = 1;
  let keyColumn = 1;
  let valueColumn = 2;
  let lastRow = 1;
  const rowOf = new Map<SettingsField, number>();
  if (grid && grid.rows.length > 0) {
    const { firstRow, firstColumn } = gridOrigin(grid);
    const layout = settingsLayout(grid);
    headerRow = layout.header === null ? firstRow - 1 : firstRow + layout.header;
    keyColumn = firstColumn + layout.keyIndex;
    valueColumn = firstColumn + layout.valueIndex;
    lastRow = Math.max(headerRow, firstRow + grid.rows.length - 1);
    for (let r = layout.header === null ? 0 : layout.header + 1; r < grid.rows.length; r++) {
      const field = settingOfKey(gridValue(grid, r, layout.keyIndex));
      // The first row of a key is the one read (a repeat is ignored, with a warning): so it is the one written.
      if (field && !rowOf.has(field)) rowOf.set(field, firstRow + r);
    }
  }
  const updates: CellEdit[] = [];
  for (const [field, value] of Object.entries(values) as [SettingsField, string | number | undefined][]) {
    if (value === undefined) continue;
    let row = rowOf.get(field);
    if (row === undefined) {
      row = ++lastRow;
      rowOf.set(field, row);
      updates.push({ sheet, cell: cellAddress(row, keyColumn), value: SETTINGS_KEYS[field].key });
    }
    updates.push({ sheet, cell: cellAddress(row, valueColumn), value, style: valueStyle(field, value) });
  }
  return { createSheets: grid ? [] : [settingsSheet()], updates, appends: [] };
}
