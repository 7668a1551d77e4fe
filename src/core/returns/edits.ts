// The edits that apply a previewed return, as plain data for a shell to write in ONE batch: updates to changed
// cells, rows appended to Actuals and Spend, a row in the Import log and one per written value in Import changes.
// Nothing is ever deleted; a return that cannot be applied gives no edits at all.
import type { CellValue, WorkbookGrids } from "../grid";
import type { CalendarDate } from "../periods";
import { readDate } from "../read/cellValues";
import type { CellContent, SheetSpec } from "../sheets/spec";
import { ACTUALS_TEMPLATE, SPEND_TEMPLATE } from "../templates";
import { Problems, textOf } from "./cells";
import { importChangesSheet, importLogSheet, logAppend, logRowValues } from "./importLog";
import { IMPORT_CHANGES_COLUMNS, IMPORT_LOG_COLUMNS } from "./layout";
import { planUpserts } from "./upserts";
import { auditAppend, type AuditEntry } from "./audit";
import { periodLabel } from "../periods";
import type { ImportLogEntry, ImportPreview, RowsAppend, WorkbookEdits } from "./types";
import { noEdits } from "../workbookEdits";

export interface EditOptions {
  /** When the import is applied, as the shell shows local time: "2010-01-20 14:05". */
  importedAt: string;
  /** The day the return came in (the tracker's "returned on"); default: the day of `importedAt`. */
  receivedOn?: CalendarDate;
  /** The command that made the change, for the Audit sheet (default "import"). */
  command?: string;
  /** Who made it, where the host says. */
  by?: string;
}

export { noEdits };

export function isEmptyEdits(edits: WorkbookEdits): boolean {
  return edits.createSheets.length === 0 && edits.updates.length === 0 && edits.appends.length === 0;
}

const KEY_HEADERS = new Set(
  [ACTUALS_TEMPLATE, SPEND_TEMPLATE].flatMap((template) =>
    template.columns
      .filter((c) => ["targetId", "projectId", "budgetLine", "fy", "quarter"].includes(c.key))
      .map((c) => c.header),
  ),
);

/**
 * The edits for a previewed return, worked out again on the master's grids as they are now (so a master edited
 * since the preview is still upserted correctly). None when the preview cannot be applied, when the return is
 * already in the Import log, or when the master now has a problem the import cannot work round.
 */
export function importEdits(preview: ImportPreview, masterGrids: WorkbookGrids, options: EditOptions): WorkbookEdits {
  if (!preview.canApply || preview.alreadyImported) return noEdits();
  const problems = new Problems();
  const plan = planUpserts(preview.upserts, masterGrids, preview.yearStartMonth, problems);
  if (problems.hasErrors) return noEdits();

  const received = readDate(options.importedAt);
  const entry: ImportLogEntry = {
    importedAt: options.importedAt,
    receivedOn: options.receivedOn ?? (received.ok ? received.value : null),
    fileName: preview.fileName,
    partner: preview.partner,
    period: preview.period,
    rowsAdded: plan.added.length,
    valuesChanged: plan.changed.length,
    contentHash: preview.contentHash,
  };
  const record = (
    sheet: string,
    cell: string,
    row: string,
    field: string,
    oldValue: CellValue,
    newValue: CellContent,
  ) => ({
    importedAt: options.importedAt,
    fileName: preview.fileName,
    partner: preview.partner,
    sheet,
    cell,
    row,
    field,
    oldValue: contentOf(oldValue),
    newValue,
  });
  const changeRows = [
    ...plan.changed.map((change, index) =>
      record(plan.updates[index].sheet, change.cell, change.key, change.field, change.oldValue, change.newValue),
    ),
    ...plan.addedCells
      .filter((cell) => !KEY_HEADERS.has(cell.field))
      .map((cell) => record(cell.sheet, cell.cell, cell.key, cell.field, null, cell.value)),
  ];
  const log = logAppend(masterGrids, importLogSheet(), IMPORT_LOG_COLUMNS, [logRowValues(entry)]);
  const changes = logAppend(masterGrids, importChangesSheet(), IMPORT_CHANGES_COLUMNS, changeRows);
  const audit = auditAppend(
    masterGrids,
    changeRows.map((change): AuditEntry => ({
      when: change.importedAt,
      command: options.command ?? "import",
      sheet: change.sheet,
      cell: change.cell,
      row: change.row,
      field: change.field,
      oldValue: change.oldValue,
      newValue: change.newValue,
      fileName: preview.fileName,
      contentHash: preview.contentHash,
      partner: preview.partner,
      period: periodLabel(preview.period),
      reason: null,
      by: options.by || null,
    })),
  );
  return {
    createSheets: [...plan.createSheets, log.create, changes.create, audit.create].filter(
      (spec): spec is SheetSpec => spec !== null,
    ),
    updates: plan.updates,
    appends: [...plan.appends, log.append, changes.append, audit.append].filter(
      (append): append is RowsAppend => append !== null,
    ),
  };
}

/** A master value as it is recorded: dates as dd/mm/yyyy text, everything else as it was. */
function contentOf(value: CellValue): CellContent {
  return value instanceof Date ? textOf(value) : value;
}
