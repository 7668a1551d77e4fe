// Year on year: each target's full-year ratio for every year of the plan so far, and how this quarter compares
// with the same quarter last year.
import type { Consortium } from "../model";
import { compareFy, formatCalendarDate, previousFy, type CalendarDate, type Fy } from "../periods";
import type { Report } from "../reportTypes";
import { projectsInOrder } from "./reportLookup";
import {
  SheetBuilder,
  STYLES,
  landscapePrint,
  noDataCell,
  ratioCell,
  textCell,
  trendCell,
  withConsortium,
  type CellEntry,
  type SheetBuilder as Builder,
} from "./sheetBuilder";
import type { SheetSpec } from "./spec";
import { inputsRow } from "./inputsRow";

export interface Restatement {
  /** "2009-10 Q2" */
  period: string;
  /** "T1.1 2009-10 Q2 Actual: 25 → 27" */
  what: string;
  /** When the change was made, as the Audit sheet records it. */
  changedAt: string;
  /** The day the quarter's claim was marked submitted (yyyy-mm-dd). */
  submittedOn: string;
}

export const YEAR_ON_YEAR_SHEET = "Year on year";

const PROJECT_FILL = "#F2F2F2";

export interface YearOnYearOptions {
  preparedOn: CalendarDate;
  /** Figures changed after their quarter's claim was submitted, flagged below the table. */
  restatements?: readonly Restatement[];
}

/** The plan's years up to the reporting year, plus any other year the report has a ratio for, in order. */
export function yearsShown(consortium: Consortium, report: Report): Fy[] {
  const years = new Set(consortium.planYears.filter((fy) => compareFy(fy, report.period.fy) <= 0));
  for (const t of report.targets) for (const fy of Object.keys(t.fullYearRatios)) years.add(fy);
  return [...years].sort(compareFy);
}

export function yearOnYearSheet(consortium: Consortium, report: Report, options: YearOnYearOptions): SheetSpec {
  const { fy, quarter } = report.period;
  const years = yearsShown(consortium, report);
  const b = new SheetBuilder([10, 46, ...years.map(() => 11), 12, 12, 12, 11]);

  b.addRow([{ value: YEAR_ON_YEAR_SHEET, style: STYLES.title }]);
  b.addRow([textCell(consortium.settings.consortium, STYLES.label)]);
  inputsRow(b, consortium, report);
  const toDate = quarter === 4 ? "" : ` (${fy}: to date, at Q${quarter})`;
  b.addRow([
    {
      value:
        `Each year's ratio of actual to expected at Q4${toDate}. Change: this quarter's ratio minus the same ` +
        `quarter last year's, both printed beside it, in percentage points (pts). — : no ratio (a milestone, or ` +
        `nothing was due). ` +
        `Prepared ${formatCalendarDate(options.preparedOn)}.`,
      style: STYLES.muted,
    },
  ]);
  b.skipRows();
  const headerRow = b.addRow(
    [
      "Ref",
      "Project / target",
      ...years.map((year) => (year === fy && quarter !== 4 ? `${year} to Q${quarter}` : year)),
      `${fy} at Q${quarter}`,
      `${previousFy(fy)} at Q${quarter}`,
      "Change (points)",
      "Trend",
    ],
    STYLES.header,
  );

  for (const project of projectsInOrder(consortium, report)) {
    const { targets } = project;
    if (targets.length === 0) continue;
    const projectStyle = { bold: true, fill: PROJECT_FILL };
    b.addRow([project.id, project.name, ...years.map(() => null), null, null, null, null], projectStyle);
    for (const { report: t, description } of targets) {
      const ratios = years.map((year): CellEntry => {
        if (!(year in t.fullYearRatios)) return null;
        const ratio = t.fullYearRatios[year];
        return ratio === null ? noDataCell() : ratioCell(ratio);
      });
      const compared = t.yoyChange !== null;
      const change: CellEntry = compared ? { value: points(t.yoyChange!), style: STYLES.percentPoints } : null;
      b.addRow([
        t.targetId,
        textCell(description, STYLES.indented),
        ...ratios,
        compared ? ratioCell(t.ratio) : null,
        compared ? ratioCell(t.previousYearRatio) : null,
        change,
        trendCell(t.trend),
      ]);
    }
  }
  if (b.nextRow === headerRow + 1) {
    b.addRow([null, { value: `No targets for ${fy}.`, style: STYLES.muted }]);
  }

  addRestatements(b, options.restatements ?? []);

  return b.build({
    name: YEAR_ON_YEAR_SHEET,
    kind: "yearOnYear",
    freeze: { rows: headerRow, columns: 2 },
    print: landscapePrint(
      { first: headerRow, last: headerRow },
      withConsortium(consortium.settings.consortium, YEAR_ON_YEAR_SHEET),
    ),
  });
}

/** A change in ratio (0.12) as points (12), without binary-fraction noise. */
function points(change: number): number {
  return Number((change * 100).toPrecision(12));
}

/** Each restated figure: the claim already submitted for its quarter says otherwise. */
function addRestatements(b: Builder, restated: readonly Restatement[]): void {
  if (restated.length === 0) return;
  b.skipRows();
  b.addRow([null, { value: "Restated after the claim was submitted", style: STYLES.subtitle }]);
  b.addRow([
    null,
    {
      value: "Changed on or after the day the quarter's claim was marked submitted (see the Audit sheet).",
      style: STYLES.muted,
    },
  ]);
  for (const r of restated) {
    b.addRow([
      r.period,
      textCell(`Restatement: ${r.what} (changed ${r.changedAt}; claim submitted ${r.submittedOn})`, STYLES.wrap),
    ]);
  }
}
