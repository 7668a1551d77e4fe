// The Workbook port: everything the task pane asks of a workbook. The Office.js adapter (src/excel/)
// fulfils it inside Excel; the ExcelJS adapter (src/file/) fulfils it in the standalone browser mode.
// The task pane never calls Office.js or ExcelJS itself.
import type { CellValue, WorkbookGrids } from "../core/grid";
import type { WorkbookEdits } from "../core/returns/types";
import type { SheetSpec } from "../core/sheets/spec";

/** What happened to each summary sheet a push asked for: the core's plan says it (see registry.ts). */
export type { PushedSheet } from "../core/sheets/registry";
import type { PushedSheet } from "../core/sheets/registry";

export interface PushOutcome {
  sheets: PushedSheet[];
  /**
   * After a push from a basis (Excel): the workbook as the push left it, i.e. the basis with the written sheets'
   * values, the registry as written and the tabs as they now are, so the pane need not read the workbook again.
   */
  after?: WorkbookSnapshot;
}

/** A sheet of the workbook as the tab bar shows it. */
export interface SheetTab {
  name: string;
  /** 0-based tab position. */
  position: number;
  visible: boolean;
}

/**
 * The workbook as one read found it: what an action needs before it decides anything.
 * `grids` holds the sheets the core reads (as readInputSheets), the registry, and every sheet the registry names
 * that is still there (their values decide whether a push may replace them, and what a submitted claim showed).
 */
export interface WorkbookSnapshot {
  grids: WorkbookGrids;
  /** Every sheet, hidden ones too, in tab order. */
  sheets: SheetTab[];
  /** The sheet the user is looking at. */
  active: string;
}

export interface InsertOutcome {
  inserted: string[];
  /** Sheets already in the workbook, left exactly as they were. */
  skipped: string[];
}

export interface WorkbookPort {
  /** A label for the workbook, e.g. the file name in standalone mode. */
  readonly label: string;
  /** The template sheets (and any others), read in one go. */
  readInputSheets(): Promise<WorkbookGrids>;
  /**
   * The sheets the core reads, the registry and the summary sheets it names, with every sheet's name, tab position
   * and visibility: in Excel one round trip whenever the response fits (see src/excel/readWorkbook.ts).
   */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** Names of every visible sheet, in tab order. */
  sheetNames(): Promise<string[]>;
  /** Adds the given sheets; a sheet whose name already exists is never touched. */
  insertSheets(specs: SheetSpec[]): Promise<InsertOutcome>;
  /**
   * Writes summary sheets as planSummaryPush decides. An existing sheet is replaced only if the add-in wrote it
   * and nobody has edited it since; otherwise it is kept and the new one written as its "(2)" copy. A submitted
   * claim is never written again: unchanged, nothing is written; changed, an adjustment sheet is.
   * All or nothing: a failure leaves the workbook as it was.
   *
   * With a `basis`, the push plans from it instead of reading the workbook again (in Excel: draw and swap in one
   * round trip). The basis must be fresh: read by readWorkbook in the same action, with nothing written since.
   * A sheet the plan needs that the basis lacks is read after all.
   */
  pushSummarySheets(specs: SheetSpec[], basis?: WorkbookSnapshot): Promise<PushOutcome>;
  /** The named sheets as they are (any sheet, not only the templates): a sheet not in the workbook is left out. */
  readSheets(names: readonly string[]): Promise<WorkbookGrids>;
  /** Activates the sheet and selects the cell (A1 address). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Applies an edit plan the core made (an explicit user action: partner returns, a review decision, Settings, a
   * claim marked submitted): creates `createSheets` that are missing, then writes `updates` and `appends` (strings
   * as text, never formulas), then protects `protectSheets` and records `submitted` in the registry, all in one
   * batch: a failure changes nothing. The adapter translates the plan and decides nothing itself.
   */
  applyEdits(edits: WorkbookEdits): Promise<void>;
  /** The values of the cells the user has selected (Excel only), e.g. a plan's key-target table. */
  readSelection?(): Promise<CellValue[][]>;
}

/** Standalone mode only: the ExcelJS workbook can be saved as a file. */
export interface DownloadableWorkbook extends WorkbookPort {
  toBytes(): Promise<Uint8Array>;
}
