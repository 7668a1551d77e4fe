// The RAG sheet: what a consortium meeting reads. Its first printed page is the meeting sheet: what the figures
// rest on, each project's RAG this quarter, last quarter and the same quarter last year with its trend and its
// targets counted, then every Red and Amber target with why (reds first). The full target table follows on the
// next pages (its header repeated on each), then a legend and each project's RAG over the plan so far.
import type { Consortium, ProjectRag, Settings, UnreadTarget } from "../model";
import {
  ragOverTime,
  periodView,
  SHOWN_RAGS,
  type PeriodView,
  type ProjectView,
  type TargetView,
  type RagOverTime,
} from "../periodView";
import {
  formatCalendarDate,
  periodLabel,
  previousQuarter,
  sameQuarterLastYear,
  type CalendarDate,
  type Period,
} from "../periods";
import type { Report } from "../reportTypes";
import { percentText, ragText } from "../words";
import { inputsRow } from "./inputsRow";
import {
  SheetBuilder,
  STYLES,
  TREND_LABEL,
  landscapePrint,
  noDataCell,
  range,
  ragCell,
  targetRagCell,
  toBeSetCell,
  ragConditionalFormats,
  ratioCell,
  textCell,
  trendCell,
  withConsortium,
  type CellEntry,
  type SheetSection,
} from "./sheetBuilder";
import { RAG_STYLE, TO_BE_SET_LABEL, type CellStyle, type SheetSpec } from "./spec";

export function ragSheetName(period: Period): string {
  return `RAG ${periodLabel(period)}`;
}

/** Columns of the RAG tables. */
export const RAG_COLUMNS = { ref: 1, item: 2, now: 3, lastQuarter: 4, lastYear: 5, trend: 6, ratio: 7, why: 8 };
const WIDTHS = [11, 40, 12, 12, 12, 10, 8, 54];
const PROJECT_FILL = "#F2F2F2";
/**
 * How many projects, and how many Red, Amber and unread targets, the meeting page lists before pointing to the full
 * table (a real consortium has a dozen or so projects).
 */
export const MEETING_PROJECT_LIMIT = 40;
export const MEETING_LIST_LIMIT = 25;
/** How many awaited targets the meeting page names on its one line. */
const AWAITED_LISTED = 12;

/** A target the workbook could not read: not a RAG, so not a RAG colour; the problem's cell says where. */
export const NOT_READ = "✕ Not read";
const NOT_READ_STYLE: CellStyle = Object.freeze({
  bold: true,
  fontColor: "#8B1A1A",
  horizontalAlignment: "center",
  border: "thin",
});

export interface RagSheetOptions {
  preparedOn: CalendarDate;
  /** The report at the quarter before, for the "last quarter" column. */
  previousQuarter?: Report;
  /** The report at the same quarter of the previous year. */
  sameQuarterLastYear?: Report;
  /** Targets rows (or years) the importer could not read: listed as "Not read" with the problem's cell. */
  unreadTargets?: readonly UnreadTarget[];
  /** Each project's RAG at every quarter of the plan so far (default: worked out from the consortium). */
  overTime?: RagOverTime;
  /** Further blocks written at the end (e.g. the partner returns tracker), each after a blank row. */
  extraSections?: readonly SheetSection[];
}

export function ragSheet(consortium: Consortium, report: Report, options: RagSheetOptions): SheetSpec {
  const name = ragSheetName(report.period);
  const view = periodView(
    consortium,
    report,
    { previousQuarter: options.previousQuarter, sameQuarterLastYear: options.sameQuarterLastYear },
    options.unreadTargets,
  );
  const b = new SheetBuilder(WIDTHS);
  // ---- Page 1: the meeting sheet ----
  b.addRow([{ value: `RAG status ${periodLabel(report.period)}`, style: STYLES.title }]);
  b.addRow([textCell(consortium.settings.consortium, STYLES.label)]);
  b.addRow([{ value: `Prepared ${formatCalendarDate(options.preparedOn)}. ${countsText(view)}`, style: STYLES.muted }]);
  inputsRow(b, consortium, report);
  b.skipRows();
  const headers = columnHeaders(report, options);
  const firstHeader = b.addRow([...headers, "Targets this quarter"], STYLES.header);
  const firstBody = b.nextRow;
  for (const project of view.projects.slice(0, MEETING_PROJECT_LIMIT)) addProjectRow(b, project);
  const moreProjects = view.projects.length - MEETING_PROJECT_LIMIT;
  if (moreProjects > 0) {
    b.addRow([
      null,
      { value: `…and ${moreProjects} more projects: the full table (from page 2) gives each.`, style: STYLES.muted },
    ]);
  }
  b.skipRows();
  b.addRow([{ value: "Needs attention: Red, then Amber, with why", style: STYLES.subtitle }]);
  b.addRow(
    [...headers.map((h, i) => (i === 1 ? "Target" : h)), "Why (the partner's comment, or the rule)"],
    STYLES.header,
  );
  if (view.attention.length === 0 && view.unread.length === 0) {
    b.addRow([null, { value: "No target is Red or Amber.", style: STYLES.muted }]);
  }
  // One page for the meeting: a long list stops (reds first, so ambers go first), and the full table has the rest.
  const listed = view.attention.slice(0, MEETING_LIST_LIMIT);
  for (const target of listed) addTargetRow(b, target, "meeting");
  const unreadListed = view.unread.slice(0, Math.max(0, MEETING_LIST_LIMIT - listed.length));
  for (const unread of unreadListed) addUnreadRow(b, unread);
  const more = view.attention.length - listed.length + view.unread.length - unreadListed.length;
  if (more > 0) {
    b.addRow([
      null,
      {
        value: `…and ${more} more Red, Amber or unread target${more === 1 ? "" : "s"}: the full table (from page 2) gives each with why.`,
        style: STYLES.muted,
      },
    ]);
  }
  if (view.awaiting.length > 0) {
    const ids = view.awaiting.map((t) => t.id);
    const shown =
      ids.length > AWAITED_LISTED
        ? `${ids.slice(0, AWAITED_LISTED).join(", ")} and ${ids.length - AWAITED_LISTED} more`
        : ids.join(", ");
    b.addRow([
      null,
      {
        value: `Awaiting this quarter's figure (not rated, not counted in its project): ${shown}.`,
        style: STYLES.muted,
      },
    ]);
  }
  if (view.toBeSet.length > 0) {
    const ids = view.toBeSet.map((t) => t.id).join(", ");
    b.addRow([
      null,
      {
        value: `${TO_BE_SET_LABEL} (baseline not entered: not rated, not counted in its project): ${ids}.`,
        style: STYLES.muted,
      },
    ]);
  }
  const lastOfFirstPage = b.nextRow - 1;
  b.addConditionalFormats(
    ragConditionalFormats(range(firstBody, RAG_COLUMNS.now, lastOfFirstPage, RAG_COLUMNS.lastYear)),
  );

  // ---- Next pages: every target ----
  b.skipRows();
  const tableStart = b.nextRow;
  const { headerRow } = addRagTable(b, view, headers, report);
  b.skipRows();
  addRagLegend(b, consortium.settings);
  b.skipRows();
  addRagOverTime(b, options.overTime ?? ragOverTime(consortium, report.period));
  for (const section of options.extraSections ?? []) {
    b.skipRows();
    section(b);
  }
  return b.build({
    name,
    kind: "rag",
    freeze: { rows: firstHeader, columns: 0 },
    print: {
      ...landscapePrint({ first: headerRow, last: headerRow }, withConsortium(consortium.settings.consortium, name)),
      pageBreaksBefore: [tableStart],
    },
  });
}

/** "Projects: 1 Amber, 1 Red. Targets: 1 Green, 2 Amber, 1 Red, 1 Not due." */
function countsText(view: PeriodView): string {
  const projects = countsOf(view.projects.map((p) => p.rag)) || "none";
  const targets = countsOf(view.projects.flatMap((p) => p.targets.map((t) => t.shown)));
  const notRead = view.unread.length > 0 ? `${targets ? ", " : ""}${view.unread.length} not read` : "";
  return `Projects: ${projects}. Targets: ${targets + notRead || "none"}.`;
}

function countsOf(rags: readonly ProjectRag[]): string {
  return SHOWN_RAGS.map((rag) => [rags.filter((r) => r === rag).length, RAG_STYLE[rag].label] as const)
    .filter(([n]) => n > 0)
    .map(([n, label]) => `${n} ${label}`)
    .join(", ");
}

function columnHeaders(report: Report, options: RagSheetOptions): CellEntry[] {
  const lastQuarterPeriod = options.previousQuarter?.period ?? previousQuarter(report.period);
  const lastYearPeriod = options.sameQuarterLastYear?.period ?? sameQuarterLastYear(report.period);
  // A quarter with no figures at all is said once, on its column's header; its column is all dashes.
  const earlierHeader = (label: string, period: Period, other: Report | undefined): CellEntry => {
    const value = `${label} ${periodLabel(period)}`;
    return other ? value : { value, note: `No figures for ${periodLabel(period)}.` };
  };
  return [
    "Ref",
    "Project / target",
    `This quarter ${periodLabel(report.period)}`,
    earlierHeader("Last quarter", lastQuarterPeriod, options.previousQuarter),
    earlierHeader("Last year", lastYearPeriod, options.sameQuarterLastYear),
    "Trend",
    "Ratio",
  ];
}

const earlierCell = (rag: ProjectRag | null) => (rag ? ragCell(rag) : noDataCell());

function addProjectRow(b: SheetBuilder, project: ProjectView): void {
  const projectStyle: CellStyle = { bold: true, fill: PROJECT_FILL, verticalAlignment: "top" };
  const counts = countsOf(project.targets.map((t) => t.shown));
  const unread = project.unread.length > 0 ? `${counts ? ", " : ""}${project.unread.length} not read` : "";
  b.addRow(
    [
      project.id,
      { value: project.name, style: { ...projectStyle, wrapText: true } },
      project.targets.length > 0 ? ragCell(project.rag) : noDataCell("No targets."),
      earlierCell(project.lastQuarter),
      earlierCell(project.lastYear),
      trendCell(project.trend),
      ratioCell(project.ratio),
      { value: counts + unread || "No targets this year", style: { wrapText: true, indent: 1 } },
    ],
    projectStyle,
  );
}

/** Meeting-page rows read from the top: a wrapped description or reason beside one-line cells. */
const TOP: CellStyle = Object.freeze({ verticalAlignment: "top" });
/** The Why column sits beside right-aligned ratios: indented so the two do not run together. */
const WHY_STYLE: CellStyle = Object.freeze({ ...STYLES.wrap, indent: 1 });
const WHY_IN_TABLE: CellStyle = Object.freeze({ wrapText: true, indent: 1 });

/**
 * A target's row: on the meeting page read from the top; in the full table indented under its project, with no
 * style on empty cells (the table has a row per target, and every placed cell is a write).
 */
function addTargetRow(b: SheetBuilder, t: TargetView, place: "meeting" | "table"): void {
  const meeting = place === "meeting";
  b.addRow(
    [
      t.id,
      textCell(t.description, meeting ? { wrapText: true } : STYLES.indented),
      targetRagCell(t.shown, t.report.toBeSet),
      earlierCell(t.lastQuarter),
      earlierCell(t.lastYear),
      trendCell(t.report.trend),
      ratioCell(t.report.ratio),
      // The partner's own words are workbook text: always a text cell.
      t.reasonText ? textCell(t.reasonText, meeting ? WHY_STYLE : WHY_IN_TABLE) : null,
    ],
    meeting ? TOP : undefined,
  );
}

function addUnreadRow(b: SheetBuilder, unread: UnreadTarget): void {
  const { problem } = unread;
  const year = unread.fy ? `Its ${unread.fy} target` : "The row";
  b.addRow(
    [
      textCell(unread.id),
      textCell(unread.description || "(no description)", { indent: 1, wrapText: true }),
      { value: NOT_READ, style: NOT_READ_STYLE },
      null,
      null,
      null,
      null,
      textCell(
        `${year} could not be read: ${problem.sheet}!${problem.cell}: ${problem.message}. See Check data.`,
        WHY_STYLE,
      ),
    ],
    TOP,
  );
}

/** Row of a Targets sheet cell address ("H12" is 12); targets and problems sort by it to keep the sheet's order. */
function sheetRow(cell: string): number {
  const digits = /\d+$/.exec(cell);
  return digits ? Number(digits[0]) : Number.MAX_SAFE_INTEGER;
}

/** The table of every project and its targets, from `b.nextRow`; returns its header and last rows. */
function addRagTable(
  b: SheetBuilder,
  view: PeriodView,
  headers: CellEntry[],
  report: Report,
): { headerRow: number; lastRow: number } {
  const headerRow = b.addRow([...headers, "Why (the partner's comment, or the rule)"], STYLES.header);
  for (const project of view.projects) {
    addProjectRow(b, project);
    // A target that could not be read stays in its place on the Targets sheet's order.
    const rows = [
      ...project.targets.map((t) => ({ at: sheetRow(t.source), add: () => addTargetRow(b, t, "table") })),
      ...project.unread.map((u) => ({ at: sheetRow(u.problem.cell), add: () => addUnreadRow(b, u) })),
    ].sort((x, y) => x.at - y.at);
    for (const row of rows) row.add();
  }
  if (view.unreadElsewhere.length > 0) {
    b.addRow([null, { value: "Targets whose project could not be read", style: { bold: true, fill: PROJECT_FILL } }]);
    for (const unread of view.unreadElsewhere) addUnreadRow(b, unread);
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
  explain(
    toBeSetCell(),
    "Set on a baseline that is not entered yet: no target for the year, so not rated (never Red) and not counted.",
  );
  explain(
    { value: NOT_READ, style: NOT_READ_STYLE },
    "The workbook could not read this target: see the cell named, and Check data.",
  );
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

/**
 * Each project's RAG at every quarter of the plan so far: one row per project, one column per quarter. Symbol and
 * word, coloured by conditional formats alone: a large consortium's table would otherwise cost a style per cell.
 */
function addRagOverTime(b: SheetBuilder, overTime: RagOverTime): void {
  b.addRow([{ value: "RAG over time", style: STYLES.subtitle }]);
  // Quarters run across columns 3 onwards, several to a column band, so a long plan wraps onto further bands.
  const perBand = RAG_COLUMNS.why - RAG_COLUMNS.now;
  for (let first = 0; first < overTime.periods.length; first += perBand) {
    if (first > 0) b.skipRows();
    const periods = overTime.periods.slice(first, first + perBand);
    const header = b.addRow(["Ref", "Project", ...periods.map(periodLabel)], STYLES.header);
    for (const project of overTime.projects) {
      b.addRow([
        project.id,
        textCell(project.name, { wrapText: true }),
        ...project.rags.slice(first, first + perBand).map(ragText),
      ]);
    }
    b.addConditionalFormats(ragConditionalFormats(range(header + 1, 3, b.nextRow - 1, 2 + periods.length)));
  }
}
