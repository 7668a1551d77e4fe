// The summary sheets the add-in and the CLI write for a period: claim, RAG, year on year, risk register, member
// claims. Here, above both the sheets and the returns, because it puts the returns' sections on the sheets.
import type { Consortium, Problem, UnreadTarget } from "./model";
import { periodReports, ragOverTime, type PeriodReports, type RagOverTime } from "./periodView";
import type { CalendarDate, Period } from "./periods";
import type { Report } from "./reportTypes";
import { returnsRagSection } from "./returns/ragSection";
import { restatements, type Restatement } from "./returns/restatements";
import { reviewRagSection } from "./returns/reviewSection";
import type { WorkbookGrids } from "./grid";
import { returnsTracker } from "./returns/tracker";
import type { ImportLogEntry } from "./returns/types";
import { claimSheet } from "./sheets/claimSheet";
import { memberClaimsSheet } from "./sheets/memberClaimsSheet";
import { ragSheet } from "./sheets/ragSheet";
import { riskRegisterSheet } from "./sheets/riskRegisterSheet";
import type { SheetSection } from "./sheets/sheetBuilder";
import type { SheetSpec } from "./sheets/spec";
import { yearOnYearSheet } from "./sheets/yearOnYearSheet";

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
  /** Figures changed after their quarter's claim was submitted, flagged on the year-on-year sheet. */
  restatements?: readonly Restatement[];
}

/**
 * [claim, RAG, year on year, risk register, member claims] for the report's period; pure: every figure comes
 * from the reports.
 */
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
    yearOnYearSheet(consortium, report, { preparedOn, restatements: options.restatements }),
    riskRegisterSheet(consortium, report, { preparedOn }),
    memberClaimsSheet(consortium, report, { preparedOn }),
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
  /**
   * The workbook as read: when it has a Returns status sheet, the RAG sheet also gets a "Review of returns"
   * section with each partner's review status for the period.
   */
  grids?: WorkbookGrids;
  /**
   * `periodReports(consortium, problems, period)` when the caller has built them already (the command line
   * prints from them too): not built a second time.
   */
  reports?: PeriodReports;
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
  const { report, previousQuarter, sameQuarterLastYear, index } =
    options.reports ?? periodReports(consortium, problems, period);
  return summarySheets(consortium, report, {
    preparedOn,
    previousQuarter,
    sameQuarterLastYear,
    unreadTargets: options.unreadTargets,
    overTime: ragOverTime(consortium, report.period, index),
    ragSections: ragSections(consortium, report.period, preparedOn, options),
    restatements: options.grids ? restatements(options.grids) : undefined,
  });
}

/** The RAG sheet's blocks below its legend: the returns tracker, then the review of returns, when there are any. */
function ragSections(
  consortium: Consortium,
  period: Period,
  preparedOn: CalendarDate,
  options: BuildSummaryOptions,
): SheetSection[] | undefined {
  const sections = [
    options.importLog
      ? returnsRagSection(
          consortium,
          returnsTracker(consortium, period, options.importLog, consortium.settings, preparedOn),
        )
      : null,
    options.grids ? reviewRagSection(consortium, period, options.grids) : null,
  ].filter((section): section is SheetSection => section !== null);
  return sections.length > 0 ? sections : undefined;
}
