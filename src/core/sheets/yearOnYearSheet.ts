// Year on year: each target's full-year ratio for every year of the plan so far, and how this quarter compares
// with the same quarter last year.
import type { Consortium } from "../model";
import { compareFy, formatCalendarDate, type CalendarDate, type Fy } from "../periods";
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
} from "./sheetBuilder";
import type { SheetSpec } from "./spec";
import { inputsRow } from "./inputsRow";

export const YEAR_ON_YEAR_SHEET = "Year on year";

const PROJECT_FILL = "#F2F2F2";

export interface YearOnYearOptions {
  preparedOn: CalendarDate;
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
  const b = new SheetBuilder([10, 46, ...years.map(() => 11), 13, 11]);

  b.addRow([{ value: YEAR_ON_YEAR_SHEET, style: STYLES.title }]);
  b.addRow([textCell(consortium.settings.consortium, STYLES.label)]);
  inputsRow(b, consortium, report);
  const toDate = quarter === 4 ? "" : ` (${fy}: to date, at Q${quarter})`;
  b.addRow([
    {
      value:
        `Each year's ratio of actual to expected at Q4${toDate}. Change: this quarter's ratio against the same ` +
        `quarter last year, in percentage points. — : no ratio (a milestone, or nothing was due). ` +
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
      "Change on last year",
      "Trend",
    ],
    STYLES.header,
  );

  for (const project of projectsInOrder(consortium, report)) {
    const { targets } = project;
    if (targets.length === 0) continue;
    const projectStyle = { bold: true, fill: PROJECT_FILL };
    b.addRow([project.id, project.name, ...years.map(() => null), null, null], projectStyle);
    for (const { report: t, description } of targets) {
      const ratios = years.map((year): CellEntry => {
        if (!(year in t.fullYearRatios)) return null;
        const ratio = t.fullYearRatios[year];
        return ratio === null ? noDataCell() : ratioCell(ratio);
      });
      const change: CellEntry = t.yoyChange === null ? null : { value: t.yoyChange, style: STYLES.percentPoints };
      b.addRow([t.targetId, textCell(description, STYLES.indented), ...ratios, change, trendCell(t.trend)]);
    }
  }
  if (b.nextRow === headerRow + 1) {
    b.addRow([null, { value: `No targets for ${fy}.`, style: STYLES.muted }]);
  }

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
