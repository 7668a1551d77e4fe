// The roll-up workbook: one row per consortium, those needing attention first, and each consortium's projects
// with their RAG this quarter and at the same quarter last year.
import { formatCalendarDate, periodLabel, type CalendarDate, type Period } from "../periods";
import {
  SheetBuilder,
  STYLES,
  landscapePrint,
  moneyCell,
  noDataCell,
  ragCell,
  ratioCell,
  textCell,
  type CellEntry,
} from "../sheets/sheetBuilder";
import type { SheetSpec } from "../sheets/spec";
import { byAttention, type RollupEntry } from "./consortiumSummary";

export function rollupSheetName(period: Period): string {
  return `Roll-up ${periodLabel(period)}`;
}

export function rollupProjectsSheetName(period: Period): string {
  return `Roll-up projects ${periodLabel(period)}`;
}

const COLUMNS = [
  "Consortium",
  "File",
  "Red projects",
  "Amber projects",
  "Green projects",
  "Awaiting projects",
  "Red targets",
  "Amber targets",
  "Green targets",
  "Awaiting targets",
  "Not due targets",
  "Budget to date",
  "Spend to date",
  "Variance",
  "Claimed to date",
  "Remaining award",
  "Figures in",
  "Read errors",
  "Read warnings",
  "Red targets same quarter last year",
  "Green targets same quarter last year",
  "Needs attention because",
];
/** A consortium's row reads along one line: every cell at the top, beside a name or reason that wraps. */
const ROW_STYLE = { verticalAlignment: "top" } as const;
const WIDTHS = [34, 24, 9, 9, 9, 9, 9, 9, 9, 9, 9, 13, 13, 9, 13, 13, 10, 9, 10, 11, 11, 48];

/** [the consortia sheet, the projects sheet], consortia needing attention first. */
export function rollupSheets(entries: readonly RollupEntry[], period: Period, preparedOn: CalendarDate): SheetSpec[] {
  const ordered = byAttention(entries);
  return [consortiaSheet(ordered, period, preparedOn), projectsSheet(ordered, period)];
}

function consortiaSheet(ordered: readonly RollupEntry[], period: Period, preparedOn: CalendarDate): SheetSpec {
  const name = rollupSheetName(period);
  const b = new SheetBuilder(WIDTHS);
  const unread = ordered.filter((entry) => !entry.read).length;
  b.addRow([{ value: `Consortia at ${periodLabel(period)}`, style: STYLES.title }]);
  b.addRow([
    {
      value:
        `${ordered.length} workbook${ordered.length === 1 ? "" : "s"}${unread > 0 ? `, ${unread} could not be read` : ""}. ` +
        "Each consortium is rated by its own thresholds; those needing attention come first. " +
        `Prepared ${formatCalendarDate(preparedOn)}.`,
      style: STYLES.muted,
    },
  ]);
  b.skipRows();
  const headerRow = b.addRow(COLUMNS, STYLES.header);
  for (const entry of ordered) {
    if (!entry.read) {
      b.addRow(
        [
          noDataCell(),
          textCell(entry.source),
          ...COLUMNS.slice(2, -1).map(() => null),
          textCell(entry.problem, STYLES.wrap),
        ],
        ROW_STYLE,
      );
      continue;
    }
    const variance: CellEntry =
      entry.spend.variancePct === null ? noDataCell() : { value: entry.spend.variancePct, style: STYLES.ratio };
    const lastYear = entry.targetsLastYear;
    b.addRow(
      [
        textCell(entry.consortium || "(no name)", STYLES.wrap),
        textCell(entry.source),
        entry.projectRags.Red,
        entry.projectRags.Amber,
        entry.projectRags.Green,
        entry.projectRags.Awaiting,
        entry.targets.Red,
        entry.targets.Amber,
        entry.targets.Green,
        entry.targets.Awaiting,
        entry.targets.NotDue,
        moneyCell(entry.spend.budgetToDate),
        moneyCell(entry.spend.spendToDate),
        variance,
        moneyCell(entry.claim.claimedToDate),
        moneyCell(entry.claim.remaining),
        textCell(`${entry.returns.in} of ${entry.returns.expected}`),
        entry.problems.errors,
        entry.problems.warnings,
        lastYear ? lastYear.Red : noDataCell(),
        lastYear ? lastYear.Green : noDataCell(),
        textCell(attentionText(entry), STYLES.wrap),
      ],
      ROW_STYLE,
    );
  }
  return b.build({
    name,
    kind: "rollup",
    freeze: { rows: headerRow, columns: 1 },
    print: landscapePrint({ first: headerRow, last: headerRow }, name),
  });
}

/** Why a consortium needs attention, in words: "2 Red projects; 3 partners' figures awaited; 1 read error". */
export function attentionText(entry: Extract<RollupEntry, { read: true }>): string {
  const parts: string[] = [];
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? "" : "s"}`;
  if (entry.problems.errors > 0) parts.push(n(entry.problems.errors, "read error"));
  if (entry.projectRags.Red > 0) parts.push(n(entry.projectRags.Red, "Red project"));
  if (entry.targets.Red > 0) parts.push(n(entry.targets.Red, "Red target"));
  if (entry.projectRags.Amber > 0) parts.push(n(entry.projectRags.Amber, "Amber project"));
  const awaited = entry.returns.awaited.length;
  if (awaited > 0) parts.push(`figures awaited from ${entry.returns.awaited.join(", ")}`);
  return parts.join("; ");
}

function projectsSheet(ordered: readonly RollupEntry[], period: Period): SheetSpec {
  const name = rollupProjectsSheetName(period);
  const b = new SheetBuilder([34, 10, 46, 13, 9, 13]);
  b.addRow([{ value: `Projects at ${periodLabel(period)}`, style: STYLES.title }]);
  b.skipRows();
  const headerRow = b.addRow(
    ["Consortium", "Project ID", "Project", "RAG", "Ratio", "Same quarter last year"],
    STYLES.header,
  );
  for (const entry of ordered) {
    if (!entry.read) continue;
    for (const project of entry.projects) {
      b.addRow([
        textCell(entry.consortium || entry.source),
        textCell(project.projectId),
        textCell(project.name, STYLES.wrap),
        ragCell(project.rag),
        ratioCell(project.ratio),
        project.lastYearRag ? ragCell(project.lastYearRag) : noDataCell(),
      ]);
    }
  }
  return b.build({
    name,
    kind: "rollup",
    freeze: { rows: headerRow, columns: 0 },
    print: landscapePrint({ first: headerRow, last: headerRow }, name),
  });
}
