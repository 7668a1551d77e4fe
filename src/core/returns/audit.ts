// The Audit sheet: every change the add-in or the CLI makes to Actuals or Spend (imports) and every review
// decision (accepted, returned for revision, reopened), one row per value, appended and never rewritten: when,
// which command, what (sheet, cell, old → new), which return file and its content hash, and who where the host
// says.
import { findGrid, normaliseName, type WorkbookGrids } from "../grid";
import { gridOrigin } from "../read/headerRow";
import { SheetBuilder, STYLES, landscapePrint } from "../sheets/sheetBuilder";
import type { CellContent, SheetSpec } from "../sheets/spec";
import { lastUsedRow, textOf, valueAt } from "./cells";
import { periodLabel, type Period } from "../periods";
import { logAppend } from "./importLog";
import type { RowsAppend, WorkbookEdits } from "./types";

export const AUDIT_SHEET = "Audit";

export const AUDIT_COLUMNS = [
  { key: "when", header: "When", width: 17 },
  { key: "command", header: "Command", width: 12 },
  { key: "sheet", header: "Sheet", width: 14 },
  { key: "cell", header: "Cell", width: 8 },
  { key: "row", header: "Row", width: 28 },
  { key: "field", header: "Field", width: 12 },
  { key: "oldValue", header: "Old value", width: 20 },
  { key: "newValue", header: "New value", width: 20 },
  { key: "fileName", header: "Return file", width: 32 },
  { key: "contentHash", header: "Content hash", width: 30 },
  { key: "partner", header: "Partner", width: 24 },
  { key: "period", header: "Period", width: 11 },
  { key: "reason", header: "Reason", width: 36 },
  { key: "by", header: "By", width: 16 },
] as const;

export type AuditKey = (typeof AUDIT_COLUMNS)[number]["key"];
export type AuditEntry = Record<AuditKey, CellContent>;

export function auditSheet(): SheetSpec {
  const sheet = new SheetBuilder(AUDIT_COLUMNS.map((column) => column.width));
  sheet.addRow(
    AUDIT_COLUMNS.map((column, index) =>
      index === 0
        ? {
            value: column.header,
            note: "Every change the add-in or the command line made to Actuals or Spend, and every review decision. Rows are only ever added.",
          }
        : column.header,
    ),
    STYLES.header,
  );
  return sheet.build({
    name: AUDIT_SHEET,
    kind: "audit",
    freeze: { rows: 1, columns: 0 },
    print: landscapePrint({ first: 1, last: 1 }, AUDIT_SHEET),
  });
}

/** Where audit rows go: below the Audit sheet's last row (the sheet is created when missing). */
export function auditAppend(
  grids: WorkbookGrids,
  entries: readonly AuditEntry[],
): { create: SheetSpec | null; append: RowsAppend | null } {
  return logAppend(grids, auditSheet(), AUDIT_COLUMNS, [...entries]);
}

/** A claim marked as submitted: who, when, by which command (the CLI's "submit", or "pane"). */
export interface ClaimSubmission {
  sheet: string;
  period: Period;
  /** dd/mm/yyyy, as stamped on the sheet. */
  submittedOn: string;
  at: string;
  command: string;
  /** Blank when the host does not say. */
  by?: string;
}

/** The Audit row recording a claim marked as submitted, as edits (the Audit sheet is created when missing). */
export function claimSubmittedEdits(grids: WorkbookGrids, claim: ClaimSubmission): WorkbookEdits {
  const entry: AuditEntry = {
    when: claim.at,
    command: claim.command,
    sheet: claim.sheet,
    cell: null,
    row: `${claim.sheet} marked submitted on ${claim.submittedOn}`,
    field: "Status",
    oldValue: "Not submitted",
    newValue: `Submitted on ${claim.submittedOn}`,
    fileName: null,
    contentHash: null,
    partner: null,
    period: periodLabel(claim.period),
    reason: null,
    by: claim.by || null,
  };
  const { create, append } = auditAppend(grids, [entry]);
  return { createSheets: create ? [create] : [], updates: [], appends: append ? [append] : [] };
}

/** The Audit sheet's rows, as text by column key (none when the workbook has no Audit sheet). */
export function readAudit(grids: WorkbookGrids): Record<AuditKey, string>[] {
  const grid = findGrid(grids, AUDIT_SHEET);
  if (!grid) return [];
  const { firstRow } = gridOrigin(grid);
  const at = new Map<string, number>();
  let headerRow = 0;
  for (let row = firstRow; row < firstRow + 10 && row <= lastUsedRow(grid) && headerRow === 0; row++) {
    at.clear();
    for (let column = 1; column <= 40; column++) {
      const name = normaliseName(textOf(valueAt(grid, row, column)));
      const found = AUDIT_COLUMNS.find((c) => normaliseName(c.header) === name);
      if (found && !at.has(found.key)) at.set(found.key, column);
    }
    if (at.has("when") && at.has("sheet") && at.has("period")) headerRow = row;
  }
  if (headerRow === 0) return [];
  const rows: Record<AuditKey, string>[] = [];
  for (let row = headerRow + 1; row <= lastUsedRow(grid); row++) {
    const entry = Object.fromEntries(
      AUDIT_COLUMNS.map((column) => [column.key, textOf(valueAt(grid, row, at.get(column.key) ?? 0))]),
    ) as Record<AuditKey, string>;
    if (entry.when !== "" || entry.sheet !== "") rows.push(entry);
  }
  return rows;
}
