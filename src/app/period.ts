// Which period a report is for, and the reports the pane shows for it: the same rules wherever asked.
import type { Consortium, Problem } from "../core/model";
import { compareFy, previousFy, sameQuarterLastYear, type Fy, type Period } from "../core/periods";
import { buildReport, defaultPeriod } from "../core/report";
import type { Report } from "../core/reportTypes";

/** The FYs the period picker offers: the plan's years, plus the default period's year if outside the plan. */
export function yearsToReport(consortium: Consortium): Fy[] {
  const years = new Set(consortium.planYears);
  const fallback = defaultPeriod(consortium);
  if (fallback) years.add(fallback.fy);
  return [...years].sort(compareFy);
}

/** The period the user chose, while its year is still offered; otherwise the default period. */
export function periodFor(consortium: Consortium, chosen: Period | null): Period | null {
  if (chosen && yearsToReport(consortium).includes(chosen.fy)) return chosen;
  return defaultPeriod(consortium);
}

export interface PeriodReports {
  report: Report;
  /** The same quarter of the previous year, when that year is offered. */
  lastYear: Report | null;
}

/** The reports at `period`. Nothing is caught here: a failure is a fault to show, never "no data". */
export function periodReportsFor(consortium: Consortium, problems: readonly Problem[], period: Period): PeriodReports {
  const report = buildReport(consortium, problems, period);
  const lastYear = yearsToReport(consortium).includes(previousFy(period.fy))
    ? buildReport(consortium, [], sameQuarterLastYear(period))
    : null;
  return { report, lastYear };
}
