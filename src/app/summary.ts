// Update summary sheets: the workbook read once, the sheets for the period built by the core, then pushed.
import type { PeriodReports } from "../core/periodView";
import type { CalendarDate, Period } from "../core/periods";
import { buildSummarySheets } from "../core/summarySheets";
import type { PushOutcome, WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { periodFor } from "./period";
import { snapshotData, type WorkbookData } from "./workbook";

export type UpdateOutcome =
  /** The workbook names no financial year: nothing was written. */
  | { kind: "noPeriod" }
  | {
      kind: "updated";
      period: Period;
      push: PushOutcome;
      /** Error problems in the data the sheets were made from (their figures leave out what could not be read). */
      errors: number;
      /** The data the sheets were made from, as read before the push. */
      read: WorkbookData;
      /** The workbook as the push left it, when the adapter says (no need to read it again); else null. */
      after: WorkbookData | null;
    };

/**
 * Pushes the summary sheets for `period` made from `data` (already read). With `basis`, the snapshot `data` was
 * read from in this same action, the push plans from it rather than reading again (see WorkbookPort). `reports`:
 * the period's reports when the caller has them already (built from `data` at `period`), not built again.
 */
export async function pushSummary(
  port: WorkbookPort,
  data: WorkbookData,
  period: Period,
  today: CalendarDate,
  basis?: WorkbookSnapshot,
  reports?: PeriodReports,
): Promise<PushOutcome> {
  // With an Import log, the RAG sheet also says whose returns for the period are in.
  const specs = buildSummarySheets(data.consortium, data.problems, period, today, {
    importLog: data.importLog,
    grids: data.grids,
    unreadTargets: data.unreadTargets,
    reports,
  });
  return port.pushSummarySheets(specs, basis);
}

/**
 * Reads the workbook, then writes the summary sheets for the chosen period (or the default one); the outcome
 * carries the workbook as the push left it where the adapter knows it, so the pane need not read it again.
 */
export async function updateSummarySheets(
  port: WorkbookPort,
  options: { chosen: Period | null; today: CalendarDate },
): Promise<UpdateOutcome> {
  // One read, then one write planned from it: in Excel, two round trips whenever they fit.
  const basis = await port.readWorkbook();
  const read = snapshotData(basis);
  const period = periodFor(read.consortium, options.chosen);
  if (!period) return { kind: "noPeriod" };
  const push = await pushSummary(port, read, period, options.today, basis);
  const errors = read.problems.filter((problem) => problem.severity === "error").length;
  return { kind: "updated", period, push, errors, read, after: push.after ? snapshotData(push.after) : null };
}
