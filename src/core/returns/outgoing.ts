// The returns the accountable body sends out for a quarter, as every shell offers them: one workbook per partner
// under a file name unique in one folder, with what each asks for; or, where the host cannot save files, the same
// sheets written into the master under names that say whose return they are.
import type { Consortium } from "../model";
import { periodLabel, type CalendarDate, type Period } from "../periods";
import type { SheetSpec } from "../sheets/spec";
import { issuedReturn, partnersWithoutReturns } from "./issue";
import { RETURN_INFO_SHEET, RETURN_SHEET } from "./layout";
import { partnerReturnWorkbooks, returnDueOn, type ReturnOptions } from "./returnSheets";
import type { PartnerReturnWorkbook } from "./types";
import { MAX_SHEET_NAME } from "../sheets/sheetNames";

export interface OutgoingReturn extends PartnerReturnWorkbook {
  /** How many targets and budget lines the return asks about. */
  targets: number;
  lines: number;
}

export interface OutgoingReturns {
  period: Period;
  /** Quarter end + Settings "Returns due" days. */
  dueOn: CalendarDate;
  /** One per partner with targets or budget lines in the period's FY (none: there is nothing to send). */
  returns: OutgoingReturn[];
  /** Partners on Partners with no targets or budget lines of their own that FY: they get no return. */
  nothingToReport: string[];
}

export function outgoingReturns(consortium: Consortium, period: Period, options: ReturnOptions): OutgoingReturns {
  const books = partnerReturnWorkbooks(consortium, period, options);
  const names = uniqueFileNames(books.map((book) => book.fileName));
  return {
    period,
    dueOn: returnDueOn(period, consortium.settings),
    returns: books.map((book, index) => {
      const issued = issuedReturn(consortium, book.partner, period);
      return { ...book, fileName: names[index], targets: issued.targets.length, lines: issued.lines.length };
    }),
    nothingToReport: partnersWithoutReturns(consortium, period),
  };
}

/** File names made unique in one folder (two partner names can clean up to the same name): "... (2).xlsx". */
export function uniqueFileNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = name.replace(/\.xlsx$/i, ` (${n}).xlsx`);
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * Each return's two sheets renamed for the master: "Return ORCC 2009-10 Q3" and "Return info ORCC 2009-10 Q3",
 * the partner's name shortened to fit Excel's 31 characters, and never a name in `taken` (nor one used twice) so
 * nothing is written over. Copied together into a workbook of their own, the two sheets import as a return.
 */
export function returnsAsSheets(
  returns: readonly PartnerReturnWorkbook[],
  period: Period,
  taken: Iterable<string>,
): SheetSpec[] {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  const specs: SheetSpec[] = [];
  for (const book of returns) {
    for (const spec of book.sheets) {
      const prefix = spec.name === RETURN_INFO_SHEET ? RETURN_INFO_SHEET : RETURN_SHEET;
      const name = freeSheetName(prefix, book.partner, periodLabel(period), used);
      used.add(name.toLowerCase());
      specs.push({ ...spec, name });
    }
  }
  return specs;
}

/** "Return ORCC 2009-10 Q3", or with " (2)" after it when that is taken; the partner is cut to make room. */
function freeSheetName(prefix: string, partner: string, label: string, used: ReadonlySet<string>): string {
  // Excel refuses : \ / ? * [ ] in a sheet name, and an apostrophe at either end.
  const cleaned = partner
    .replace(/[:\\/?*[\]]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (let n = 1; ; n++) {
    const tail = ` ${label}${n === 1 ? "" : ` (${n})`}`;
    const room = MAX_SHEET_NAME - prefix.length - 1 - tail.length;
    const name = `${prefix} ${cleaned.slice(0, Math.max(0, room)).replace(/['\s]+$/, "")}`.trimEnd() + tail;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** "No return for OCVA, Wantage CVS: nothing of theirs to report for 2009-10 Q3." or "" when everyone gets one. */
export function nothingToReportSentence(outgoing: Pick<OutgoingReturns, "period" | "nothingToReport">): string {
  const { nothingToReport, period } = outgoing;
  if (nothingToReport.length === 0) return "";
  const whose = nothingToReport.length === 1 ? "its" : "their";
  return `No return for ${nothingToReport.join(", ")}: no targets or budget lines of ${whose} own to report for ${periodLabel(period)}.`;
}
