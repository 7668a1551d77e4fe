// The quarterly grant claim: what the accountable body sends the funder. Per project, its outputs against
// target and its spend against budget; the total claim; a sign-off block. Every figure is the report's.
import { groupBy } from "../groupBy";
import { normaliseName } from "../grid";
import type { Actual, Consortium } from "../model";
import { periodLabel, quarterDates, type CalendarDate, type Period } from "../periods";
import { poundsFromPence } from "../money";
import { spendReason } from "../reasons/spendReason";
import type { Report, SpendReport } from "../reportTypes";
import { claimUnderspendWarnings } from "../rules/yearEndUnderspend";
import { figureText } from "../words";
import { actualsAt, projectsInOrder, type TargetRow } from "./reportLookup";
import {
  SheetBuilder,
  STYLES,
  dateCell,
  figureCell,
  landscapePrint,
  moneyCell,
  range,
  ragCell,
  targetRagCell,
  ragConditionalFormats,
  ratioCell,
  sum,
  textCell,
  withConsortium,
  type CellEntry,
} from "./sheetBuilder";
import type { SheetSpec } from "./spec";
import { inputsRow } from "./inputsRow";

export function claimSheetName(period: Period): string {
  return `Claim ${periodLabel(period)}`;
}

/** Columns of the outputs table. */
const OUT = { ref: 1, target: 2, annual: 3, expected: 4, thisQuarter: 5, toDate: 6, ratio: 7, rag: 8, comment: 9 };
/** Columns of the spend table (sharing the sheet's columns with the outputs table). */
const SPEND = { line: 2, budget: 3, spend: 4, variance: 5, variancePct: 6, rag: 7, claim: 8, reason: 9 };

const WIDTHS = [18, 44, 13, 13, 13, 13, 12, 14, 40];

export const OUTPUT_HEADERS = [
  "Ref",
  "Target",
  "Annual target",
  "Expected to date",
  "Actual this quarter",
  "Actual to date",
  "Ratio",
  "RAG",
  "Comment",
];
export const SPEND_HEADERS = [
  null,
  "Budget line",
  "Budget to date",
  "Spend to date",
  "Variance",
  "Variance %",
  "RAG",
  "Claim this quarter",
  "Explanation",
];

/** The claim as a whole (the report's `claim`), labels as printed. */
export const CLAIM_TOTAL_LABELS = {
  totalAward: "Total award",
  claimedBefore: "Claimed before this quarter",
  claimThisQuarter: "Total claim this quarter",
  claimedToDate: "Claimed to date",
  remaining: "Remaining",
} as const;

export interface ClaimSheetOptions {
  preparedOn: CalendarDate;
}

export function claimSheet(consortium: Consortium, report: Report, options: ClaimSheetOptions): SheetSpec {
  const { settings } = consortium;
  const period = report.period;
  const name = claimSheetName(period);
  const b = new SheetBuilder(WIDTHS);

  const dates = quarterDates(period, settings.yearStartMonth);
  b.addRow([{ value: `Grant claim ${periodLabel(period)}`, style: STYLES.title }]);
  inputsRow(b, consortium, report);
  const pairs: [string, CellEntry, string, CellEntry][] = [
    ["Consortium", textCell(settings.consortium), "Period", periodLabel(period)],
    ["Accountable body", textCell(settings.accountableBody), "From", dateCell(dates.start)],
    ["Funder", textCell(settings.funder), "To", dateCell(dates.end)],
    ["Date prepared", dateCell(options.preparedOn), "", null],
  ];
  for (const [label, value, label2, value2] of pairs) {
    const row = b.addRow([{ value: label, style: STYLES.label }, value]);
    if (label2) {
      b.put(row, 4, { value: label2, style: STYLES.label });
      b.put(row, 5, value2);
    }
  }
  const headerLastRow = b.nextRow - 1;
  b.skipRows();

  const errors = report.problems.filter((p) => p.severity === "error").length;
  if (report.problems.length > 0) {
    const what = `${report.problems.length} problem${report.problems.length === 1 ? "" : "s"}`;
    b.addRow([
      null,
      {
        value: `The workbook has ${what} (${errors} error${errors === 1 ? "" : "s"}): check them before submitting this claim.`,
        style: { ...STYLES.muted, bold: true },
      },
    ]);
    b.skipRows();
  }

  const underspend = claimUnderspendWarnings(consortium, report);
  if (underspend.length > 0) {
    b.addRow([null, { value: "Underspend warning", style: { ...STYLES.label, fontColor: "#9C0006" } }]);
    for (const warning of underspend) {
      // Across the tables' width, wrapped, so the page is not widened by one long line.
      const row = b.addRow([null, { value: warning.message, style: { ...STYLES.muted, ...STYLES.wrap } }]);
      b.merge(range(row, SPEND.line, row, SPEND.reason));
    }
    b.skipRows();
  }

  const firstTableRow = b.nextRow;
  const actuals = actualsAt(consortium, period);
  // The quarter's Spend rows by line, gathered once: each line's reason reads only its own.
  const spendOfLine = groupBy(
    consortium.spend.filter((row) => row.fy === period.fy && row.quarter === period.quarter),
    (row) => lineKeyText(row.projectId, row.line, row.partner),
  );
  for (const project of projectsInOrder(consortium, report)) {
    const { summary } = project;
    const headingRow = b.addRow([project.id, { value: project.name, style: STYLES.subtitle }]);
    if (summary) {
      b.put(headingRow, OUT.ratio, ratioCell(summary.ratio, STYLES.label));
      b.put(headingRow, OUT.rag, ragCell(summary.rag));
    }
    if (project.project?.leadPartner) {
      const delivery = project.project.deliveryPartners.join(", ");
      const partners = `Lead partner: ${project.project.leadPartner}${delivery ? `; delivery partners: ${delivery}` : ""}`;
      b.addRow([null, { value: partners, style: STYLES.muted }]);
    }
    addOutputs(b, report, project.targets, actuals);
    b.skipRows();
    addSpend(b, project.spend, project.id, period, project.project?.leadPartner ?? "", (line) =>
      spendReason(
        line,
        spendOfLine.get(lineKeyText(line.projectId, line.budgetLine, line.partner)) ?? [],
        period,
        settings,
      ),
    );
    b.skipRows();
  }

  const lastTableRow = b.nextRow - 1;
  b.addRow([null, { value: "The claim", style: STYLES.subtitle }]);
  for (const key of Object.keys(CLAIM_TOTAL_LABELS) as (keyof typeof CLAIM_TOTAL_LABELS)[]) {
    const style = key === "claimThisQuarter" ? STYLES.total : STYLES.label;
    const row = b.addRow([null, { value: CLAIM_TOTAL_LABELS[key], style }]);
    b.put(row, SPEND.claim, moneyCell(report.claim[key], style));
  }
  b.addRow([
    null,
    {
      value:
        settings.totalAward === null
          ? `Total award: the Grant rate (${Math.round(settings.grantRate * 1000) / 10}%) of every Budget amount, as no Total award is set.`
          : `Total award: ${textOfPence(settings.totalAward)}, from Settings.`,
      style: STYLES.muted,
    },
  ]);
  b.addConditionalFormats(ragConditionalFormats(range(firstTableRow, SPEND.rag, lastTableRow, OUT.rag)));
  b.skipRows();

  addSignOff(b, settings.accountableBody);

  return b.build({
    name,
    kind: "claim",
    freeze: { rows: headerLastRow, columns: 0 },
    print: landscapePrint({ first: 1, last: headerLastRow }, withConsortium(settings.consortium, name)),
  });
}

/** The project's targets; `actuals` are the quarter's Actuals rows by target. */
function addOutputs(b: SheetBuilder, report: Report, targets: TargetRow[], actuals: Map<string, Actual>): void {
  if (targets.length === 0) {
    b.addRow([null, { value: `No targets for ${report.period.fy}.`, style: STYLES.muted }]);
    return;
  }
  b.addRow(OUTPUT_HEADERS, STYLES.header);
  for (const { report: t, description } of targets) {
    const actual = actuals.get(t.targetId);
    const comment = textCell(actual?.comment, STYLES.wrap);
    // Why: expected, actual and ratio are on the same row; a target to be set says so rather than Not due.
    const rag = targetRagCell(t.rag, t.toBeSet);
    if (t.measure === "Milestone") {
      b.addRow([
        t.targetId,
        textCell(description, STYLES.wrap),
        { value: `Due Q${t.target}`, style: STYLES.centre },
        null,
        { value: actual?.done ? "Done" : "Not done", style: STYLES.centre },
        { value: t.rag === "Green" ? "Done" : "Not done", style: STYLES.centre },
        null,
        rag,
        comment,
      ]);
      continue;
    }
    const thisQuarter: CellEntry =
      actual && actual.amount !== null
        ? figureCell(actual.amount, t.measure)
        : { value: "No return", style: { ...STYLES.muted, horizontalAlignment: "right" } };
    const missing = t.missingQuarters.length
      ? `No return for ${t.missingQuarters.map((q) => `Q${q}`).join(", ")}: counted as 0.`
      : undefined;
    const toDate = figureCell(t.actualToDate, t.measure);
    b.addRow([
      t.targetId,
      textCell(description, STYLES.wrap),
      figureCell(t.target, t.measure),
      figureCell(t.expectedToDate, t.measure),
      thisQuarter,
      missing ? { ...toDate, note: missing } : toDate,
      ratioCell(t.ratio),
      rag,
      comment,
    ]);
  }
}

function textOfPence(pence: number): string {
  return figureText(poundsFromPence(pence), "Currency");
}

/** The budget line, naming its partner when that is not the project's lead (whose lines are unmarked). */
function lineLabel(line: SpendReport, lead: string): string {
  const own = line.partner.trim() === "" || normaliseName(line.partner) === normaliseName(lead);
  return own ? line.budgetLine : `${line.budgetLine} (${line.partner})`;
}

function addSpend(
  b: SheetBuilder,
  lines: SpendReport[],
  projectId: string,
  period: Period,
  lead: string,
  reasonOf: (line: SpendReport) => string | null,
): void {
  if (lines.length === 0) {
    b.addRow([null, { value: `No budget or spend recorded for ${period.fy}.`, style: STYLES.muted }]);
    return;
  }
  b.addRow(SPEND_HEADERS, STYLES.header);
  for (const line of lines) {
    b.addRow([
      null,
      textCell(lineLabel(line, lead)),
      moneyCell(line.budgetToDate),
      moneyCell(line.spendToDate),
      moneyCell(line.variance),
      ratioCell(line.variancePct),
      ragCell(line.rag),
      moneyCell(line.claimThisQuarter),
      textCell(reasonOf(line), STYLES.wrap),
    ]);
  }
  const budget = sum(lines.map((l) => l.budgetToDate));
  const spend = sum(lines.map((l) => l.spendToDate));
  b.addRow(
    [
      null,
      `Total for ${projectId}`,
      moneyCell(budget),
      moneyCell(spend),
      moneyCell(spend - budget),
      ratioCell(budget === 0 ? null : (spend - budget) / budget),
      null,
      moneyCell(sum(lines.map((l) => l.claimThisQuarter))),
    ],
    STYLES.total,
  );
}

/** Lines the accountable body fills in by hand: who prepared and who approved the claim. */
function addSignOff(b: SheetBuilder, accountableBody: string): void {
  b.addRow([{ value: "Sign-off", style: STYLES.subtitle }]);
  b.addRow([null, { value: "For the accountable body:", style: STYLES.label }, textCell(accountableBody)]);
  b.addRow([
    null,
    {
      value: `I confirm that the outputs and eligible spend above are a true record for the period.`,
      style: STYLES.muted,
    },
  ]);
  b.skipRows();
  for (const label of ["Name", "Position", "Signature", "Date"]) {
    const row = b.nextRow;
    b.put(row, 1, { value: label === "Name" ? "Prepared by" : label, style: STYLES.label });
    b.put(row, 2, { value: null, style: STYLES.writeOn });
    b.put(row, 4, { value: label === "Name" ? "Approved by" : label, style: STYLES.label });
    for (let column = 5; column <= 7; column++) b.put(row, column, { value: null, style: STYLES.writeOn });
    b.skipRows(2); // room to write by hand
  }
}

/** One budget line of one partner as a map key (no name can collide with another through the separator). */
function lineKeyText(projectId: string, line: string, partner: string): string {
  return JSON.stringify([projectId, line, partner]);
}
