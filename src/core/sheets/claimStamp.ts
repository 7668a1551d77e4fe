// The stamp on a claim marked submitted: what it says, how it looks and where it goes, as an edit plan both
// adapters apply as it is.
import { cellAddress, type CellValue, type SheetGrid } from "../grid";
import type { CalendarDate } from "../periods";
import { formatUkDate } from "../read/dates";
import type { WorkbookEdits } from "../workbookEdits";
import { NUMBER_FORMATS, RAG_STYLE } from "./spec";

export const SUBMITTED_LABEL = "Submitted on";

/** The note on the stamp. */
export const SUBMITTED_NOTE = "This claim was marked submitted; the add-in never overwrites it.";

/** The date recorded for a submission, UK style: "20/10/2009". */
export function submittedOnText(date: CalendarDate): string {
  return formatUkDate(date);
}

/** "Submitted on 20/10/2009" */
export function submittedStampText(submittedOn: string): string {
  return `${SUBMITTED_LABEL} ${submittedOn}`;
}

const isStamp = (value: CellValue | undefined) => typeof value === "string" && value.startsWith(`${SUBMITTED_LABEL} `);

/**
 * Where the stamp goes: over an earlier stamp in column A (a claim marked twice keeps one stamp), else column A
 * two rows below everything on the sheet, so no figure moves.
 */
export function stampCell(grid: SheetGrid): { row: number; column: number } {
  let found: number | null = null;
  grid.rows.forEach((row, index) => {
    if (grid.firstColumn === 1 && isStamp(row[0])) found = grid.firstRow + index;
  });
  const lastRow = grid.rows.length === 0 ? 0 : grid.firstRow + grid.rows.length - 1;
  return { row: found ?? lastRow + 2, column: 1 };
}

/** Which sheet "mark the claim as submitted" stamps for a period, or why it cannot. */
export type ClaimToSubmit = { ok: true; sheet: string } | { ok: false; reason: string };

/**
 * The period's claim sheet (`claimSheet`, e.g. "Claim 2009-10 Q2") when it is in the workbook and not yet
 * submitted. `submittedOn` gives the date recorded for a sheet already submitted (null when it is not).
 */
export function claimToSubmit(
  claimSheet: string,
  sheetNames: readonly string[],
  submittedOn: (sheet: string) => string | null,
): ClaimToSubmit {
  const sheet = sheetNames.find((name) => name.toLowerCase() === claimSheet.toLowerCase());
  if (!sheet) {
    return {
      ok: false,
      reason: `there is no sheet "${claimSheet}": write the claim first (consortium-tracker report, or Update summary sheets)`,
    };
  }
  const on = submittedOn(sheet);
  if (on !== null) return { ok: false, reason: `"${sheet}" was already marked as submitted on ${on}` };
  return { ok: true, sheet };
}

/**
 * Marking a claim submitted, as one edit plan: the stamp below its figures (bold, on the Green fill, with a note),
 * the sheet protected, and the registry told, so no later push writes the sheet again. `claim` is the claim
 * sheet as read; a sheet protected already keeps what it has and is only recorded.
 */
export function claimStampEdits(claim: SheetGrid, submittedOn: string): WorkbookEdits {
  const at = stampCell(claim);
  return {
    createSheets: [],
    updates: [
      {
        sheet: claim.sheet,
        cell: cellAddress(at.row, at.column),
        value: submittedStampText(submittedOn),
        style: {
          numberFormat: NUMBER_FORMATS.text,
          bold: true,
          fontColor: RAG_STYLE.Green.fontColor,
          fill: RAG_STYLE.Green.fill,
        },
        note: SUBMITTED_NOTE,
      },
    ],
    appends: [],
    protectSheets: [claim.sheet],
    submitted: [{ sheet: claim.sheet, submittedOn }],
  };
}
