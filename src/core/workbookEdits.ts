// An edit plan: every change the tool makes to cells already in a workbook, as data the core works out and both
// workbook adapters apply through applyEdits, translating and deciding nothing. Partner returns, review decisions,
// Settings written from the pane and a claim marked submitted are all edit plans.
import type { CellContent, CellStyle, SheetSpec } from "./sheets/spec";

/** One cell to overwrite. A string is text (never a formula, whatever it starts with). */
export interface CellEdit {
  sheet: string;
  /** A1 address. */
  cell: string;
  value: CellContent;
  /** The cell's look; without one, the cell keeps its own (a text value is still written as text). */
  style?: CellStyle;
  /** A hover note on the cell, where the host can add one. */
  note?: string;
}

/** Rows to write below a sheet's data, from `firstRow` and `firstColumn`. A null cell is left empty. */
export interface RowsAppend {
  sheet: string;
  firstRow: number;
  firstColumn: number;
  rows: CellContent[][];
}

/** A claim sheet recorded as submitted in the add-in's hidden registry, so no later push writes it again. */
export interface SubmittedSheet {
  sheet: string;
  /** The day it was submitted, as the stamp says it ("20/10/2009"). */
  submittedOn: string;
}

/**
 * Edits to apply in ONE batch (all or nothing): create the missing sheets first (a sheet that already exists is
 * never touched by `createSheets`), then the updates, then the appends, then the protection and the registry.
 * Nothing is ever deleted.
 */
export interface WorkbookEdits {
  createSheets: SheetSpec[];
  updates: CellEdit[];
  appends: RowsAppend[];
  /**
   * Sheets to protect (no password; cells readable and selectable) once written. A sheet that is protected already
   * is left exactly as it is: its updates are not written (a protected sheet takes none).
   */
  protectSheets?: string[];
  /** Sheets to record as submitted in the registry. */
  submitted?: SubmittedSheet[];
}

/** Nothing to change. */
export function noEdits(): WorkbookEdits {
  return { createSheets: [], updates: [], appends: [] };
}

/** Two plans as one batch: `first`'s edits of each kind before `second`'s. */
export function combineEdits(first: WorkbookEdits, second: WorkbookEdits): WorkbookEdits {
  const combined: WorkbookEdits = {
    createSheets: [...first.createSheets, ...second.createSheets],
    updates: [...first.updates, ...second.updates],
    appends: [...first.appends, ...second.appends],
  };
  const protect = [...(first.protectSheets ?? []), ...(second.protectSheets ?? [])];
  if (protect.length > 0) combined.protectSheets = protect;
  const submitted = [...(first.submitted ?? []), ...(second.submitted ?? [])];
  if (submitted.length > 0) combined.submitted = submitted;
  return combined;
}
