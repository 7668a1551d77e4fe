// Update summary sheets: the workbook read once, the sheets for the period built by the core, then pushed.
import type { CalendarDate, Period } from "../core/periods";
import { buildSummarySheets } from "../core/summarySheets";
import type { PushOutcome, WorkbookPort } from "../workbook/port";
import { periodFor } from "./period";
import { loadWorkbook, type WorkbookData } from "./workbook";

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
    };

/** Pushes the summary sheets for `period` made from `data` (already read). */
export async function pushSummary(
  port: WorkbookPort,
  data: WorkbookData,
  period: Period,
  today: CalendarDate,
): Promise<PushOutcome> {
  // With an Import log, the RAG sheet also says whose returns for the period are in.
  const specs = buildSummarySheets(data.consortium, data.problems, period, today, {
    importLog: data.importLog,
    grids: data.grids,
    unreadTargets: data.unreadTargets,
  });
  return port.pushSummarySheets(specs);
}

/** Reads the workbook, then writes the summary sheets for the chosen period (or the default one). */
export async function updateSummarySheets(
  port: WorkbookPort,
  options: { chosen: Period | null; today: CalendarDate },
): Promise<UpdateOutcome> {
  const read = await loadWorkbook(port);
  const period = periodFor(read.consortium, options.chosen);
  if (!period) return { kind: "noPeriod" };
  const push = await pushSummary(port, read, period, options.today);
  const errors = read.problems.filter((problem) => problem.severity === "error").length;
  return { kind: "updated", period, push, errors, read };
}
