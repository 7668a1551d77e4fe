// Reading a workbook for every use case: grids in, then the import (typed model and problems), the registry of
// the add-in's sheets and the Import log of partner returns. The pane and the command line both start here.
import { findGrid, type WorkbookGrids } from "../core/grid";
import type { ImportResult } from "../core/model";
import { importWorkbook } from "../core/read/importWorkbook";
import { keptImportLog } from "../core/returns/ragSection";
import type { ImportLogEntry } from "../core/returns/types";
import { readRegistry, REGISTRY_SHEET, type RegistryEntry } from "../core/sheets/registry";
import type { WorkbookPort, WorkbookSnapshot } from "../workbook/port";

export interface WorkbookData extends ImportResult {
  sheetNames: string[];
  /** The add-in's registry as the adapter hands it back with the grids (an adapter may keep it to itself). */
  registry: RegistryEntry[];
  /** The partner returns imported so far; undefined when the workbook has no Import log (none ever imported). */
  importLog: ImportLogEntry[] | undefined;
  /** The sheets as read, for what the core reads beyond the model (the review status of returns). */
  grids: WorkbookGrids;
}

/** The workbook's data from grids already read. */
export function workbookData(grids: WorkbookGrids, sheetNames: string[]): WorkbookData {
  return {
    ...importWorkbook(grids),
    sheetNames,
    registry: readRegistry(findGrid(grids, REGISTRY_SHEET)),
    importLog: keptImportLog(grids),
    grids,
  };
}

/** The workbook's data from one read of it (the visible sheets are the ones the pane names). */
export function snapshotData(snapshot: WorkbookSnapshot): WorkbookData {
  const visible = snapshot.sheets.filter((sheet) => sheet.visible).map((sheet) => sheet.name);
  return workbookData(snapshot.grids, visible);
}

/**
 * Reads the workbook in one go (in Excel, one round trip where it fits): its template sheets and the others the
 * core reads, the registry and the summary sheets it names, and the names of its sheets.
 */
export async function loadWorkbook(port: WorkbookPort): Promise<WorkbookData> {
  return snapshotData(await port.readWorkbook());
}

/**
 * An action that writes, then reads the workbook again: the write's outcome always comes back, with the fresh
 * data, or with the error of the read that failed after it (the workbook was written all the same).
 */
export type Refreshed<T> =
  { outcome: T; data: WorkbookData; refreshError?: undefined } | { outcome: T; data: null; refreshError: unknown };

/**
 * Commit then refresh: `commit`'s failure is the action's (nothing written); a failed read after it is said apart.
 * An outcome that already says how the workbook was left (`written`: a push from a fresh read) needs no read.
 */
export async function commitThenRefresh<T>(
  port: WorkbookPort,
  commit: () => Promise<T>,
  written: (outcome: T) => WorkbookData | null = () => null,
): Promise<Refreshed<T>> {
  const outcome = await commit();
  const known = written(outcome);
  if (known) return { outcome, data: known };
  try {
    return { outcome, data: await loadWorkbook(port) };
  } catch (refreshError) {
    return { outcome, data: null, refreshError };
  }
}
