// The stamp on a claim marked submitted: what it says and where it goes. Both adapters write exactly this.
import type { CellValue, SheetGrid } from "../grid";
import type { CalendarDate } from "../periods";
import { formatUkDate } from "../read/dates";

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
