// The line under a summary sheet's title that says what its figures rest on: how many read problems the workbook
// has, and which partners' figures for the period are in. No paper looks more certain than its inputs.
import { inputsText, paperInputs, type PaperInputs } from "../inputs";
import type { Consortium } from "../model";
import type { Report } from "../reportTypes";
import { range, type SheetBuilder } from "./sheetBuilder";
import type { CellStyle } from "./spec";

/** Plain when all is in and read; bold dark red when anything is missing or unread, so it is not skimmed past. */
const CAUTION: CellStyle = { bold: true, fontColor: "#8B1A1A", wrapText: true, verticalAlignment: "top" };
const ALL_IN: CellStyle = { italic: true, fontColor: "#595959", wrapText: true, verticalAlignment: "top" };

export function needsCaution(inputs: PaperInputs): boolean {
  return inputs.errors + inputs.warnings > 0 || inputs.partners.some((p) => !p.figuresIn);
}

/** Adds the inputs statement at `b.nextRow`, across the sheet's width, and returns its row. */
export function inputsRow(
  b: SheetBuilder,
  consortium: Consortium,
  report: Pick<Report, "period" | "problems">,
): number {
  const inputs = paperInputs(consortium, report);
  const row = b.addRow([{ value: inputsText(inputs), style: needsCaution(inputs) ? CAUTION : ALL_IN }]);
  const width = Math.max(1, b.columnWidths.length);
  if (width > 1) b.merge(range(row, 1, row, width));
  return row;
}
