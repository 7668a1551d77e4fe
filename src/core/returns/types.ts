// Partner returns: the workbook each partner fills in every quarter, what the core reads back from it, the preview
// of what importing it would change, the edits that apply it, and the tracker of who has returned.
import type { CellValue } from "../grid";
import type { Measure, Problem } from "../model";
import type { CalendarDate, Fy, Period, Quarter } from "../periods";
import type { CellContent, SheetSpec } from "../sheets/spec";

/** One partner's return workbook, ready to draw: its suggested file name and its sheets. */
export interface PartnerReturnWorkbook {
  partner: string;
  fileName: string;
  sheets: SheetSpec[];
}

/** What a partner typed in a target's Actual cell. */
export type ReturnedActual =
  | { kind: "blank" }
  | { kind: "number"; amount: number }
  | { kind: "milestone"; done: boolean; completedOn: CalendarDate | null };

/** A targets-table row of a filled return. */
export interface ReturnedTarget {
  targetId: string;
  fy: Fy;
  quarter: Quarter;
  /** The measure the return was issued with (from Return info), so "85" is read as 85% for a Percentage. */
  measure: Measure;
  actual: ReturnedActual;
  evidence: string;
  comment: string;
  /** False for a row the partner added: it was not issued with the return (always a problem). */
  issued: boolean;
  /** 1-based row on the Return sheet and the A1 addresses of its input cells, for problems. */
  row: number;
  cells: { targetId: string; actual: string; evidence: string; comment: string };
}

/** A spend-table row of a filled return: one budget line the partner leads. */
export interface ReturnedSpend {
  projectId: string;
  line: string;
  fy: Fy;
  quarter: Quarter;
  /** Spend this quarter in pounds; null when left blank. */
  amount: number | null;
  explanation: string;
  issued: boolean;
  row: number;
  cells: { projectId: string; amount: string; explanation: string };
}

/** A filled return as read from its workbook. */
export interface PartnerReturn {
  fileName: string;
  /** Names of the return's sheets as found in the file. */
  sheets: { return: string; info: string };
  templateVersion: number;
  consortium: string;
  partner: string;
  period: Period;
  masterName: string;
  preparedOn: CalendarDate | null;
  dueOn: CalendarDate | null;
  /** A1 addresses of the header values on the Return sheet, for problems about them. */
  headerCells: { consortium: string; partner: string; period: string };
  /** Sheet rows of the targets and spend tables' header rows on the Return sheet. */
  tableHeaderRows: { targets: number; spend: number };
  targets: ReturnedTarget[];
  spend: ReturnedSpend[];
  /** The rows Return info says were issued (deleted ones included): target IDs, and project ID + budget line. */
  issued: { targets: string[]; lines: { projectId: string; line: string }[] };
  /** Everything found wrong while reading (also returned by readPartnerReturn); errors stop an import. */
  readProblems: Problem[];
  /** Stable hash of the return's content (not of the file's bytes). */
  contentHash: string;
}

/** One row of the Import log sheet: one applied return. */
export interface ImportLogEntry {
  /** "2010-01-20 14:05" as the shell gave it. */
  importedAt: string;
  /** The day the return came in (the tracker's "returned on"); the import day unless the shell said otherwise. */
  receivedOn: CalendarDate | null;
  fileName: string;
  partner: string;
  period: Period | null;
  rowsAdded: number;
  valuesChanged: number;
  contentHash: string;
}

export type ImportSheet = "Actuals" | "Spend";

/** A row the import would append to Actuals or Spend. */
export interface AddedRow {
  sheet: ImportSheet;
  /** "T1.1 2009-10 Q3" or "P1 Salaries 2009-10 Q3". */
  key: string;
  /** Template header → the value written, e.g. { Actual: 12, Comment: "..." }. */
  values: Record<string, CellContent>;
}

/** A value the import would change in an existing row. */
export interface ChangedValue {
  sheet: ImportSheet;
  key: string;
  /** The template header of the column, e.g. "Actual". */
  field: string;
  /** A1 address in the master. */
  cell: string;
  oldValue: CellValue;
  newValue: CellContent;
}

/** A value the return gives for a key: the template column key and what to write. */
export interface PlannedValue {
  column: string;
  value: CellContent;
  /** Only fill the cell when it is blank (the Partner column of an existing Actuals row). */
  onlyIfBlank?: boolean;
}

/** One upsert: the row keyed by target (or project and line), FY and quarter, and the values to write. */
export interface PlannedUpsert {
  sheet: ImportSheet;
  key: string;
  /** Actuals: [targetId]; Spend: [projectId, line]. */
  ids: string[];
  fy: Fy;
  quarter: Quarter;
  /** Actuals: the target's measure in the master, to compare old and new figures as the importer reads them. */
  measure: Measure | null;
  values: PlannedValue[];
  /**
   * Spend only: the partner whose line it is, and the project's lead partner (whose the master's rows are when
   * their Partner cell is blank or the sheet has no Partner column).
   */
  partner?: { name: string; lead: string };
}

export interface ImportPreview {
  fileName: string;
  partner: string;
  period: Period;
  contentHash: string;
  /** The same content is already in the Import log: nothing would change. */
  alreadyImported: boolean;
  /** The log entry of that earlier import. */
  previousImport: ImportLogEntry | null;
  added: AddedRow[];
  changed: ChangedValue[];
  /** Errors stop the import; warnings are shown and the import may go ahead. */
  problems: Problem[];
  /** No errors and not already imported. */
  canApply: boolean;
  /** What applying would write, for importEdits. */
  upserts: PlannedUpsert[];
  /** The master's year start month (quarters written as month ranges are read with it). */
  yearStartMonth: number;
}

// The edit plan every workbook change is made of (returns, settings, a claim marked submitted).
export type { CellEdit, RowsAppend, WorkbookEdits } from "../workbookEdits";

/**
 * "inWorkbook": no return was imported for the period, but the workbook already holds the partner's figures for it
 * (typed or pasted in): in, not missing.
 */
export type ReturnStatus = "returned" | "late" | "inWorkbook" | "missing";

export interface TrackerRow {
  partner: string;
  status: ReturnStatus;
  /** The first day a return for the period came in; null when missing (or the log gives no date). */
  returnedOn: CalendarDate | null;
  /** Missing and the deadline has passed (`today` after `dueOn`). */
  overdue: boolean;
  /** File names of the imports for the period, first first. */
  files: string[];
}

export interface ReturnsTracker {
  period: Period;
  /** Quarter end + Returns due days; a return that day is on time. */
  dueOn: CalendarDate;
  /** The day the tracker was worked out for ("today"), if given: a missing return before its deadline is not overdue. */
  asOf: CalendarDate | null;
  rows: TrackerRow[];
}
