// What the pane shows of a workbook, made where the workbook's session is (in the worker in standalone mode): the
// figures the core works out from the whole consortium, for the chosen period, so that the pane is handed only
// what it draws. A large consortium's model (a hundred thousand actuals) never crosses to the pane's thread.
import type { Problem, Settings } from "../../core/model";
import { paperInputs, type PaperInputs } from "../../core/inputs";
import type { CalendarDate, Fy, Period } from "../../core/periods";
import { periodView, type PeriodView } from "../../core/periodView";
import { partnersWithReturns } from "../../core/returns/issue";
import { nextReturnsDue, type ReturnsDue } from "../../core/returns/nextDue";
import { returnsStatuses, type PartnerStatus } from "../../core/returns/status";
import { returnsTracker } from "../../core/returns/tracker";
import type { ReturnsTracker } from "../../core/returns/types";
import { claimUnderspendWarnings } from "../../core/rules/yearEndUnderspend";
import { periodFor, periodReportsFor, yearsToReport } from "../../app/period";
import type { WorkbookData } from "../../app/workbook";
import { riskSummary, type RiskSummary } from "./overview";
import { errorText } from "./wording";

/** The period the pane reports at, and the day it is (for what is overdue). */
export interface Viewing {
  chosen: Period | null;
  today: CalendarDate;
}

/** The pane's view of the chosen period. */
export interface PeriodPane {
  /** The period shown: the one chosen while its year is offered, else the default; null with no year to report. */
  period: Period | null;
  /** The years the period picker offers. */
  fyOptions: Fy[];
  /** Why the report could not be made (a fault, shown with its message); null when it was. */
  reportError: string | null;
  overview: PeriodView | null;
  inputs: PaperInputs | null;
  risks: RiskSummary | null;
  /** Year-end underspend warnings for the claim. */
  underspend: string[];
  /** Each partner's return for the period: its review status. */
  statuses: PartnerStatus[];
  /** The partners with targets or budget lines of their own in the period. */
  expected: string[];
  /** Who has returned for the period; null when the workbook has no Import log. */
  tracker: ReturnsTracker | null;
}

/** What the pane holds of a workbook: what it draws, never the workbook's grids or its whole model. */
export interface PaneData {
  problems: Problem[];
  unreadTargets: WorkbookData["unreadTargets"];
  sheetNames: string[];
  registry: WorkbookData["registry"];
  importLog: WorkbookData["importLog"];
  settings: Settings;
  planYears: Fy[];
  projectCount: number;
  /** The quarter whose returns go out next, and why. */
  due: ReturnsDue | null;
  view: PeriodPane;
}

export function periodPane(data: WorkbookData, viewing: Viewing): PeriodPane {
  const { consortium } = data;
  const fyOptions = yearsToReport(consortium);
  const period = periodFor(consortium, viewing.chosen);
  const shown: PeriodPane = {
    period,
    fyOptions,
    reportError: null,
    overview: null,
    inputs: null,
    risks: null,
    underspend: [],
    statuses: period ? returnsStatuses(consortium, period, data.grids) : [],
    expected: period ? partnersWithReturns(consortium, period) : [],
    tracker:
      period && data.importLog
        ? returnsTracker(consortium, period, data.importLog, consortium.settings, viewing.today)
        : null,
  };
  if (!period) return shown;
  // Not caught as "no data": a report that cannot be made is a fault, shown with its message.
  try {
    const { report, lastYear } = periodReportsFor(consortium, data.problems, period);
    return {
      ...shown,
      overview: periodView(consortium, report, { sameQuarterLastYear: lastYear }, data.unreadTargets ?? []),
      inputs: paperInputs(consortium, report),
      risks: riskSummary(consortium, report),
      underspend: claimUnderspendWarnings(consortium, report).map((warning) => warning.message),
    };
  } catch (error) {
    return { ...shown, reportError: errorText(error) };
  }
}

export function paneData(data: WorkbookData, viewing: Viewing): PaneData {
  const { consortium } = data;
  return {
    problems: data.problems,
    unreadTargets: data.unreadTargets,
    sheetNames: data.sheetNames,
    registry: data.registry,
    importLog: data.importLog,
    settings: consortium.settings,
    planYears: consortium.planYears,
    projectCount: consortium.projects.length,
    due: nextReturnsDue(consortium),
    view: periodPane(data, viewing),
  };
}
