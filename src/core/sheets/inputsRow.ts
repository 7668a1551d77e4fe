// The line under a summary sheet's title that says what its figures rest on: how many read problems the workbook
// has, and which partners' figures for the period are in. No paper looks more certain than its inputs.
import { inputsText, paperInputs, type PaperInputs } from "../inputs";
import type { Consortium } from "../model";
import type { Report } from "../reportTypes";
import type { SheetBuilder } from "./sheetBuilder";
import type { CellStyle } from "./spec";

/** Plain when all is in and read; bold dark red when anything is missing or unread, so it is not skimmed past. */
const CAUTION: CellStyle = Object.freeze({ bold: true, fontColor: "#8B1A1A" });
const ALL_IN: CellStyle = Object.freeze({ italic: true, fontColor: "#595959" });

// The summary sheets of one period all state the same inputs: worked out once per report, not once per sheet.
const worked = new WeakMap<object, { consortium: Consortium; inputs: PaperInputs }>();

function inputsOf(consortium: Consortium, report: Pick<Report, "period" | "problems">): PaperInputs {
  const known = worked.get(report);
  if (known && known.consortium === consortium) return known.inputs;
  const inputs = paperInputs(consortium, report);
  worked.set(report, { consortium, inputs });
  return inputs;
}

export function needsCaution(inputs: PaperInputs): boolean {
  return inputs.errors + inputs.warnings > 0 || inputs.partners.some((p) => !p.figuresIn);
}

/**
 * Adds the inputs statement at `b.nextRow` and returns its row: one unwrapped cell whose text runs on over the
 * empty cells beside it, as the sheets' other subtitles do (no merge: a copy that keeps the input sheets writes a
 * merged area's hidden cells differently from a whole write).
 */
export function inputsRow(
  b: SheetBuilder,
  consortium: Consortium,
  report: Pick<Report, "period" | "problems">,
): number {
  const inputs = inputsOf(consortium, report);
  return b.addRow([{ value: inputsText(inputs), style: needsCaution(inputs) ? CAUTION : ALL_IN }]);
}
