// The partner return's own schema: sheet names, header-block labels and table columns, written once here.
// Columns that mean the same as a template column take its header from templates.ts.
import { ACTUALS_TEMPLATE, SPEND_TEMPLATE, TARGETS_TEMPLATE, columnOf, type SheetTemplate } from "../templates";

export const RETURN_SHEET = "Return";
export const RETURN_INFO_SHEET = "Return info";
export const IMPORT_LOG_SHEET = "Import log";
export const IMPORT_CHANGES_SHEET = "Import changes";

/** The value of Return info's "Kind" key: marks a workbook as a partner return. */
export const RETURN_KIND = "Partner return";

/** Section titles on the Return sheet (rows holding only one of these are not data). */
export const TARGETS_TITLE = "Targets";
export const SPEND_TITLE = "Spend";

/** The header block at the top of the Return sheet: label in column A, value in column B. */
export const HEADER_LABELS = {
  consortium: "Consortium",
  partner: "Partner",
  period: "Period",
  quarterDates: "Quarter dates",
  dueOn: "Return due by",
  templateVersion: "Template version",
  master: "Master workbook",
  preparedOn: "Prepared on",
} as const;

export type HeaderField = keyof typeof HEADER_LABELS;

/** The header fields the import checks against Return info. */
export const CHECKED_HEADER_FIELDS: readonly HeaderField[] = [
  "consortium",
  "partner",
  "period",
  "templateVersion",
  "master",
];

/** Return info keys (column A) and the values the import trusts (column B). */
export const INFO_KEYS = {
  kind: "Kind",
  templateVersion: "Template version",
  consortium: "Consortium",
  partner: "Partner",
  period: "Period",
  master: "Master workbook",
  preparedOn: "Prepared on",
  dueOn: "Return due by",
  spendGreenTolerance: "Spend green tolerance",
} as const;

export type InfoField = keyof typeof INFO_KEYS;

export interface ReturnColumn {
  key: string;
  header: string;
  width: number;
  /** A cell the partner fills in (unlocked, shaded). */
  input: boolean;
}

const fromTemplate = (template: SheetTemplate, key: string, width: number, input = false): ReturnColumn => ({
  key,
  header: columnOf(template, key).header,
  width,
  input,
});

export const TARGET_COLUMNS: readonly ReturnColumn[] = [
  fromTemplate(ACTUALS_TEMPLATE, "targetId", 11),
  fromTemplate(TARGETS_TEMPLATE, "target", 44),
  fromTemplate(TARGETS_TEMPLATE, "projectId", 11),
  fromTemplate(TARGETS_TEMPLATE, "measure", 12),
  fromTemplate(ACTUALS_TEMPLATE, "fy", 10),
  fromTemplate(ACTUALS_TEMPLATE, "quarter", 9),
  { key: "annualTarget", header: "Annual target", width: 13, input: false },
  { key: "expectedToDate", header: "Expected to date", width: 13, input: false },
  { key: "lastQuarter", header: "Last quarter's actual", width: 14, input: false },
  fromTemplate(ACTUALS_TEMPLATE, "actual", 14, true),
  fromTemplate(ACTUALS_TEMPLATE, "evidence", 30, true),
  fromTemplate(ACTUALS_TEMPLATE, "comment", 40, true),
];

export const SPEND_COLUMNS: readonly ReturnColumn[] = [
  fromTemplate(SPEND_TEMPLATE, "projectId", 11),
  fromTemplate(SPEND_TEMPLATE, "budgetLine", 26),
  fromTemplate(SPEND_TEMPLATE, "fy", 10),
  fromTemplate(SPEND_TEMPLATE, "quarter", 9),
  { key: "annualBudget", header: "Annual budget", width: 13, input: false },
  { key: "budgetToDate", header: "Budget to date", width: 13, input: false },
  { key: "spentBefore", header: "Spent before this quarter", width: 14, input: false },
  { key: "amount", header: "Spend this quarter", width: 14, input: true },
  { key: "explanation", header: "Variance explanation", width: 40, input: true },
];

/** Return info's table of issued rows: one per data row of the Return sheet. */
export const INFO_ROW_COLUMNS = ["Section", "ID", "Budget line", "FY", "Quarter", "Measure", "Return row"] as const;
export const INFO_SECTION = { target: "Target", spend: "Spend" } as const;

/** 1-based column of a table column by key. */
export function columnIndex(columns: readonly ReturnColumn[], key: string): number {
  const index = columns.findIndex((column) => column.key === key);
  if (index < 0) throw new Error(`No return column ${key}`);
  return index + 1;
}

/** Import log: one row per applied return. */
export const IMPORT_LOG_COLUMNS = [
  { key: "importedAt", header: "Imported at", width: 17 },
  { key: "receivedOn", header: "Received on", width: 12 },
  { key: "fileName", header: "File", width: 36 },
  { key: "partner", header: "Partner", width: 26 },
  { key: "period", header: "Period", width: 12 },
  { key: "rowsAdded", header: "Rows added", width: 10 },
  { key: "valuesChanged", header: "Values changed", width: 10 },
  { key: "contentHash", header: "Content hash", width: 30 },
] as const;

/** Import changes: one row per value an import wrote, with the value it replaced. */
export const IMPORT_CHANGES_COLUMNS = [
  { key: "importedAt", header: "Imported at", width: 17 },
  { key: "fileName", header: "File", width: 30 },
  { key: "partner", header: "Partner", width: 22 },
  { key: "sheet", header: "Sheet", width: 10 },
  { key: "cell", header: "Cell", width: 8 },
  { key: "row", header: "Row", width: 30 },
  { key: "field", header: "Field", width: 14 },
  { key: "oldValue", header: "Old value", width: 24 },
  { key: "newValue", header: "New value", width: 24 },
] as const;
