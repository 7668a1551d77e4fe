// The RAG sheet: what a consortium meeting reads. Each project with its RAG and ratio, its targets beneath it
// with their RAG this quarter, last quarter and the same quarter last year, the trend, and a legend.
import type { Consortium, ProjectRag, Settings } from "../model";
import { ragShown } from "../report";
import {
  formatCalendarDate,
  periodLabel,
  previousQuarter,
  sameQuarterLastYear,
  type CalendarDate,
  type Period,
} from "../periods";
import type { Report, TargetReport } from "../reportTypes";
import { indexReport, projectsInOrder, type ReportIndex } from "./reportLookup";
import {
  SheetBuilder,
  STYLES,
  TREND_LABEL,
  landscapePrint,
  noDataCell,
  percentText,
  range,
  ragCell,
  ragConditionalFormats,
  ratioCell,
  textCell,
  trendCell,
  withConsortium,
  type CellEntry,
  type SheetSection,
} from "./sheetBuilder";
import { RAG_STYLE, type SheetSpec } from "./spec";

export function ragSheetName(period: Period): string {
  return `RAG ${periodLabel(period)}`;
}

/** Columns of the RAG table. */
export const RAG_COLUMNS = { ref: 1, item: 2, now: 3, lastQuarter: 4, lastYear: 5, trend: 6, ratio: 7 };
const WIDTHS = [10, 50, 13, 13, 13, 11, 9];
const PROJECT_FILL = "#F2F2F2";

export interface RagSheetOptions {
  preparedOn: CalendarDate;
  /** The report at the quarter before, for the "last quarter" column. */
  previousQuarter?: Report;
  /** The report at the same quarter of the previous year. */
  sameQuarterLastYear?: Report;
  /** Further blocks written below the legend (e.g. the partner returns tracker), each after a blank row. */
  extraSections?: readonly SheetSection[];
}

export function ragSheet(consortium: Consortium, report: Report, options: RagSheetOptions): SheetSpec {
  const name = ragSheetName(report.period);
  const b = new SheetBuilder(WIDTHS);
  b.addRow([{ value: `RAG status ${periodLabel(report.period)}`, style: STYLES.title }]);
  b.addRow([textCell(consortium.settings.consortium, STYLES.label)]);
  b.addRow([
    { value: `Prepared ${formatCalendarDate(options.preparedOn)}. ${countsText(report)}`, style: STYLES.muted },
  ]);
  b.skipRows();
  const { headerRow } = addRagTable(b, consortium, report, options);
  b.skipRows();
  addRagLegend(b, consortium.settings);
  for (const section of options.extraSections ?? []) {
    b.skipRows();
    section(b);
  }
  return b.build({
    name,
    kind: "rag",
    freeze: { rows: headerRow, columns: 0 },
    print: landscapePrint({ first: headerRow, last: headerRow }, withConsortium(consortium.settings.consortium, name)),
  });
}

/** "Projects: 1 Amber, 1 Red. Targets: 1 Green, 2 Amber, 1 Red, 1 Not due." */
function countsText(report: Report): string {
  const counts = (rags: readonly ProjectRag[]) =>
    (["Green", "Amber", "Red", "Awaiting", "NotDue"] as const)
      .map((rag) => [rags.filter((r) => r === rag).length, RAG_STYLE[rag].label] as const)
      .filter(([n]) => n > 0)
      .map(([n, label]) => `${n} ${label}`)
      .join(", ") || "none";
  return `Projects: ${counts(report.projects.map((p) => p.rag))}. Targets: ${counts(report.targets.map(ragShown))}.`;
}

/** The table of projects and their targets, from `b.nextRow`; returns its header and last rows. */
export function addRagTable(
  b: SheetBuilder,
  consortium: Consortium,
  report: Report,
  options: Pick<RagSheetOptions, "previousQuarter" | "sameQuarterLastYear">,
): { headerRow: number; lastRow: number } {
  const lastQuarterPeriod = options.previousQuarter?.period ?? previousQuarter(report.period);
  const lastYearPeriod = options.sameQuarterLastYear?.period ?? sameQuarterLastYear(report.period);
  // A quarter with no figures at all is said once, on its column's header; its column is all dashes.
  const earlierHeader = (label: string, period: Period, other: Report | undefined): CellEntry => {
    const value = `${label} ${periodLabel(period)}`;
    return other ? value : { value, note: `No figures for ${periodLabel(period)}.` };
  };
  const headerRow = b.addRow(
    [
      "Ref",
      "Project / target",
      `This quarter ${periodLabel(report.period)}`,
      earlierHeader("Last quarter", lastQuarterPeriod, options.previousQuarter),
      earlierHeader("Last year", lastYearPeriod, options.sameQuarterLastYear),
      "Trend",
      "Ratio",
    ],
    STYLES.header,
  );

  const lastQuarter = options.previousQuarter && indexReport(options.previousQuarter);
  const lastYear = options.sameQuarterLastYear && indexReport(options.sameQuarterLastYear);
  const earlier = (other: ReportIndex | undefined, find: (r: ReportIndex) => ProjectRag | undefined) => {
    const found = other && find(other);
    return found ? ragCell(found) : noDataCell();
  };

  for (const project of projectsInOrder(consortium, report)) {
    const { summary } = project;
    const projectStyle = { bold: true, fill: PROJECT_FILL };
    b.addRow(
      [
        project.id,
        { value: project.name, style: { ...projectStyle, wrapText: true } },
        summary ? ragCell(summary.rag) : noDataCell("No targets."),
        earlier(lastQuarter, (r) => r.projects.get(project.id)?.rag),
        earlier(lastYear, (r) => r.projects.get(project.id)?.rag),
        null,
        ratioCell(summary?.ratio ?? null),
      ],
      projectStyle,
    );
    for (const { report: t, description } of project.targets) {
      const row: CellEntry[] = [
        t.targetId,
        textCell(description, STYLES.indented),
        ragCell(ragShown(t)),
        earlier(lastQuarter, (r) => shownOf(r.targets.get(t.targetId))),
        earlier(lastYear, (r) => shownOf(r.targets.get(t.targetId))),
        trendCell(t.trend),
        ratioCell(t.ratio),
      ];
      b.addRow(row);
    }
  }
  const lastRow = b.nextRow - 1;
  if (lastRow > headerRow) {
    b.addConditionalFormats(
      ragConditionalFormats(range(headerRow + 1, RAG_COLUMNS.now, lastRow, RAG_COLUMNS.lastYear)),
    );
  } else {
    b.addRow([null, { value: `No projects or targets for ${report.period.fy}.`, style: STYLES.muted }]);
  }
  return { headerRow, lastRow };
}

const shownOf = (target: TargetReport | undefined) => target && ragShown(target);

/** What the colours, ratios, project rows and trend arrows mean, with this workbook's thresholds. */
export function addRagLegend(b: SheetBuilder, settings: Settings): void {
  const green = percentText(settings.greenThreshold);
  const amber = percentText(settings.amberThreshold);
  b.addRow([{ value: "How to read this sheet", style: STYLES.subtitle }]);
  const explain = (key: CellEntry, text: string) => b.addRow([key, text]);
  explain(ragCell("Green"), `Ratio at or above ${green}, or the milestone is done.`);
  explain(ragCell("Amber"), `Ratio at or above ${amber} and below ${green}, or the milestone is due this quarter.`);
  explain(ragCell("Red"), `Ratio below ${amber}, or the milestone is overdue.`);
  explain(ragCell("NotDue"), "Nothing is expected yet, or the milestone is due in a later quarter.");
  explain(ragCell("Awaiting"), "The quarter's figure is not in yet: not rated, and not counted in its project's RAG.");
  const label = (text: string) => ({ value: text, style: STYLES.label });
  explain(label("Ratio"), "Actual to date ÷ expected to date (expected ÷ actual where lower is better).");
  explain(
    label("Project"),
    settings.projectRollup === "Worst"
      ? "The worst RAG of its targets; its ratio is the average of their scores."
      : "Average of its targets' scores: ratios capped at 100%; milestones Green 100%, Amber 50%, Red 0%.",
  );
  explain(
    label("Trend"),
    `Ratio against the same quarter last year: ${TREND_LABEL.up} 5 points or more, ` +
      `${TREND_LABEL.down} 5 points or more, otherwise ${TREND_LABEL.level}. The Year on year sheet has the figures.`,
  );
  explain(noDataCell(), "Nothing to compare with: no figures for that quarter, or nothing was due then.");
}
