// Filled returns coming back, as every shell imports them: each file's sheets read as a return, all of them
// previewed together against the master (importReturns), and an outcome per file. A file that is not a return,
// or one with errors, is never applied; the others in the same batch still are.
import { normaliseName, type WorkbookGrids } from "../grid";
import type { Problem } from "../model";
import { importReturns } from "./batch";
import type { EditOptions } from "./edits";
import { RETURN_INFO_SHEET, RETURN_SHEET } from "./layout";
import type { PreviewOptions } from "./preview";
import { readPartnerReturn } from "./readReturn";
import type { ImportPreview, PartnerReturn, WorkbookEdits } from "./types";

/** One return file as a shell read it: its name (no folder) and its sheets. */
export interface ReturnFile {
  fileName: string;
  grids: WorkbookGrids;
}

/** "ready": can be applied; "already": the same return is in the Import log; "refused": errors, or not a return. */
export type ReturnOutcome = "ready" | "already" | "refused";

export interface IncomingReturn {
  fileName: string;
  /** Null when the file could not be read as a partner return at all. */
  preview: ImportPreview | null;
  /** What was wrong with a file that could not be read as a return (the preview lists the others' problems). */
  problems: Problem[];
  outcome: ReturnOutcome;
}

export interface IncomingReturns {
  /** One per file, in order. */
  returns: IncomingReturn[];
  /** Every "ready" return's edits as ONE batch (all or nothing). */
  edits: WorkbookEdits;
  /** The master as it will be after `edits`. */
  grids: WorkbookGrids;
}

export function importReturnFiles(
  masterGrids: WorkbookGrids,
  files: readonly ReturnFile[],
  options: PreviewOptions & EditOptions,
): IncomingReturns {
  const read = files.map(readReturnFile);
  const readable = read.flatMap((r) => (r.return ? [r.return] : []));
  const batch = importReturns(masterGrids, readable, options);
  // Previews come back in the order of the readable returns.
  let next = 0;
  const returns = files.map((file, index): IncomingReturn => {
    const preview = read[index].return ? batch.previews[next++] : null;
    let outcome: ReturnOutcome = "refused";
    if (preview?.alreadyImported) outcome = "already";
    else if (preview?.canApply) outcome = "ready";
    return { fileName: file.fileName, preview, problems: preview ? [] : read[index].problems, outcome };
  });
  return { returns, edits: batch.edits, grids: batch.grids };
}

/**
 * One file read as a partner return. Its sheets may also carry the names "Return …" and "Return info …" they get
 * when written into the master (returnsAsSheets) and copied out into a workbook of their own: problems then name
 * the sheets as they are in the file.
 */
export function readReturnFile(file: ReturnFile): { return: PartnerReturn | null; problems: Problem[] } {
  const { grids, restore } = returnSheetsOf(file.grids);
  const read = readPartnerReturn(grids, file.fileName);
  const renamed = (problems: Problem[]) => problems.map((problem) => ({ ...problem, sheet: restore(problem.sheet) }));
  const found = read.return;
  return {
    return: found && {
      ...found,
      sheets: { return: restore(found.sheets.return), info: restore(found.sheets.info) },
      readProblems: renamed(found.readProblems),
    },
    problems: renamed(read.problems),
  };
}

/** The grids with a copied-out return's two sheets under the reader's names, and how to name them back. */
function returnSheetsOf(grids: WorkbookGrids): { grids: WorkbookGrids; restore: (sheet: string) => string } {
  const unchanged = { grids, restore: (sheet: string) => sheet };
  const returnKey = normaliseName(RETURN_SHEET);
  const infoKey = normaliseName(RETURN_INFO_SHEET);
  const keys = grids.map((grid) => normaliseName(grid.sheet));
  if (keys.includes(returnKey) || keys.includes(infoKey)) return unchanged;
  const infos = grids.filter((_, i) => keys[i].startsWith(infoKey));
  const returns = grids.filter((_, i) => keys[i].startsWith(returnKey) && !keys[i].startsWith(infoKey));
  // Only an unmistakable pair: a workbook holding several partners' sheets is not one return.
  if (infos.length !== 1 || returns.length !== 1) return unchanged;
  const original = new Map([
    [RETURN_SHEET, returns[0].sheet],
    [RETURN_INFO_SHEET, infos[0].sheet],
  ]);
  const rename = (sheet: string) => (sheet === returns[0].sheet ? RETURN_SHEET : RETURN_INFO_SHEET);
  return {
    grids: grids.map((grid) =>
      grid === returns[0] || grid === infos[0] ? { ...grid, sheet: rename(grid.sheet) } : grid,
    ),
    restore: (sheet) => original.get(sheet) ?? sheet,
  };
}

/** Local time as the Import log records it: "2010-01-20 14:05". */
export function importTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
