// The four summary sheets the add-in and the CLI write for a period: claim, RAG, year on year, risk register.
import type { Consortium, Problem, UnreadTarget } from "../model";
import { periodReports, ragOverTime, type RagOverTime } from "../periodView";
import type { CalendarDate, Period } from "../periods";
import type { Report } from "../reportTypes";
import { returnsRagSection } from "../returns/ragSection";
import { returnsTracker } from "../returns/tracker";
import type { ImportLogEntry } from "../returns/types";
import { claimSheet } from "./claimSheet";
import { ragSheet } from "./ragSheet";
import { riskRegisterSheet } from "./riskRegisterSheet";
import type { SheetSection } from "./sheetBuilder";
import type { SheetSpec } from "./spec";
import { yearOnYearSheet } from "./yearOnYearSheet";

export interface SummaryOptions {
  preparedOn: CalendarDate;
  /** The report at the quarter before, for the RAG sheet's "last quarter" column. */
  previousQuarter?: Report;
  /** The report at the same quarter last year, for the RAG sheet's "last year" column. */
  sameQuarterLastYear?: Report;
  /** Further blocks for the RAG sheet, below its legend (e.g. the partner returns tracker). */
  ragSections?: readonly SheetSection[];
  /** Targets the importer could not read: the RAG sheet lists them as "Not read". */
  unreadTargets?: readonly UnreadTarget[];
  /** Each project's RAG at every quarter of the plan so far, for the RAG sheet. */
  overTime?: RagOverTime;
}

/** [claim, RAG, year on year, risk register] for the report's period; pure: every figure comes from the reports. */
export function summarySheets(consortium: Consortium, report: Report, options: SummaryOptions): SheetSpec[] {
  const { preparedOn } = options;
  return [
    claimSheet(consortium, report, { preparedOn }),
    ragSheet(consortium, report, {
      preparedOn,
      previousQuarter: options.previousQuarter,
      sameQuarterLastYear: options.sameQuarterLastYear,
      extraSections: options.ragSections,
      unreadTargets: options.unreadTargets,
      overTime: options.overTime,
    }),
    yearOnYearSheet(consortium, report, { preparedOn }),
    riskRegisterSheet(consortium, report, { preparedOn }),
  ];
}

export interface BuildSummaryOptions {
  /**
   * The workbook's Import log (`keptImportLog(grids)` in returns/ragSection): when given, the RAG sheet gets a
   * "Partner returns" section saying who has returned for the period, who was late and who is missing, as of
   * `preparedOn`. Leave it out for a workbook that does not collect partner returns.
   */
  importLog?: readonly ImportLogEntry[];
  /** The importer's `unreadTargets`: listed on the RAG sheet as "Not read", never silently left out. */
  unreadTargets?: readonly UnreadTarget[];
}

/**
 * Builds the report at `period` (default: the latest period with data) and at the two periods the RAG sheet
 * compares with, then the summary sheets. A comparison period before the plan starts is left out.
 */
export function buildSummarySheets(
  consortium: Consortium,
  problems: readonly Problem[],
  period: Period | undefined,
  preparedOn: CalendarDate,
  options: BuildSummaryOptions = {},
): SheetSpec[] {
  // Grouped once for the three reports and the RAG over time.
  const { report, previousQuarter, sameQuarterLastYear, index } = periodReports(consortium, problems, period);
  return summarySheets(consortium, report, {
    preparedOn,
    previousQuarter,
    sameQuarterLastYear,
    unreadTargets: options.unreadTargets,
    overTime: ragOverTime(consortium, report.period, index),
    ragSections: options.importLog
      ? [
          returnsRagSection(
            consortium,
            returnsTracker(consortium, report.period, options.importLog, consortium.settings, preparedOn),
          ),
        ]
      : undefined,
  });
}
