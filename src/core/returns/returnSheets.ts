// The partner return workbook as sheet specs: a protected "Return" sheet (header block, instructions, a targets
// table and a spend table whose input cells alone are unlocked) and a protected "Return info" sheet holding the
// machine-readable keys the import checks.
import { columnLetters } from "../grid";
import type { Actual, Consortium, Target } from "../model";
import {
  addDays,
  formatCalendarDate,
  monthAbbreviation,
  periodLabel,
  quarterDates,
  type CalendarDate,
  type Period,
} from "../periods";
import {
  SheetBuilder,
  STYLES,
  dateCell,
  figureCell,
  isStyledCell,
  landscapePrint,
  range,
  textCell,
  type CellEntry,
} from "../sheets/sheetBuilder";
import {
  NUMBER_FORMATS,
  RAG_STYLE,
  type CellContent,
  type CellStyle,
  type DataValidation,
  type FormulaFormat,
  type SheetSpec,
} from "../sheets/spec";
import { percentText } from "../words";
import { TEMPLATE_VERSION } from "../templates";
import { issuedReturn, partnersWithReturns, samePartner, type IssuedLine, type IssuedTarget } from "./issue";
import {
  HEADER_LABELS,
  INFO_KEYS,
  INFO_ROW_COLUMNS,
  INFO_SECTION,
  RETURN_INFO_SHEET,
  RETURN_KIND,
  RETURN_SHEET,
  SPEND_COLUMNS,
  SPEND_TITLE,
  TARGET_COLUMNS,
  TARGETS_TITLE,
  columnIndex,
  type ReturnColumn,
} from "./layout";
import { CHECK_HEADER, cellCheck, checkedColumns, infoRowSalt, joinChecks, keySalt, rowSalt } from "./issuedChecks";
import type { PartnerReturnWorkbook } from "./types";

export interface ReturnOptions {
  /** The master workbook's name (file name or title), recorded in the return. */
  masterName: string;
  preparedOn: CalendarDate;
  /** Why a partner's last return for the period was returned for revision, by partner: shown on its new return. */
  revisionReasons?: ReadonlyMap<string, string>;
}

/** Pale yellow: the cells a partner fills in. */
export const INPUT_FILL = "#FFF2CC";
const INPUT: CellStyle = { unlocked: true, fill: INPUT_FILL, border: "thin" };
const INPUT_TEXT: CellStyle = { ...INPUT, numberFormat: NUMBER_FORMATS.text, wrapText: true, verticalAlignment: "top" };
const READ_ONLY_TAB = "#A6A6A6";
const REVISION: CellStyle = { bold: true, fontColor: RAG_STYLE.Red.fontColor };
const RETURN_TAB = "#FFC000";

/** The day returns for the period are due: quarter end + Returns due days. */
export function returnDueOn(period: Period, settings: Consortium["settings"]): CalendarDate {
  return addDays(quarterDates(period, settings.yearStartMonth).end, settings.returnsDueDays);
}

/** "Oct-Dec 2009" */
export function quarterMonths(period: Period, yearStartMonth: number): string {
  const { start, end } = quarterDates(period, yearStartMonth);
  const years = start.year === end.year ? `${end.year}` : `${start.year}-${end.year}`;
  return `${monthAbbreviation(start.month)}-${monthAbbreviation(end.month)} ${years}`;
}

/** "2009-10 Q3 return - Oxford Hub.xlsx", without characters file systems refuse. */
export function returnFileName(partner: string, period: Period): string {
  // Control characters are dropped, except tabs and line breaks, which become spaces below.
  const printable = [...partner].filter((ch) => ch.charCodeAt(0) >= 32 || /\s/.test(ch)).join("");
  const safe =
    printable
      .replace(/[\\/:*?"<>|]+/g, " ")
      .replace(/\s+/g, " ")
      .trim() || "partner";
  return `${periodLabel(period)} return - ${safe}.xlsx`;
}

/** Every partner's return for the period (partners without targets or budget lines that year get none). */
export function partnerReturnWorkbooks(
  consortium: Consortium,
  period: Period,
  options: ReturnOptions,
): PartnerReturnWorkbook[] {
  return partnersWithReturns(consortium, period).map((partner) => ({
    partner,
    fileName: returnFileName(partner, period),
    sheets: partnerReturnSheets(consortium, partner, period, options),
  }));
}

/** The "Return" and "Return info" sheets of one partner's return. */
export function partnerReturnSheets(
  consortium: Consortium,
  partner: string,
  period: Period,
  options: ReturnOptions,
): SheetSpec[] {
  const issued = issuedReturn(consortium, partner, period);
  const layout = returnLayout(issued.targets.length);
  const sheet = returnSheet(consortium, issued.partner, period, issued.targets, issued.lines, layout, options);
  return [sheet, infoSheet(sheet, consortium, issued.partner, period, issued.targets, issued.lines, layout, options)];
}

// ---- Layout --------------------------------------------------------------------------------------------------

/** Where things sit on the Return sheet: fixed for the header block, then each table after the instructions. */
export interface ReturnLayout {
  headerRows: Record<keyof typeof HEADER_LABELS, number>;
  instructionsTitleRow: number;
  targetsTitleRow: number;
  targetsHeaderRow: number;
  firstTargetRow: number;
  spendTitleRow: number;
  spendHeaderRow: number;
  firstSpendRow: number;
}

const INSTRUCTION_COUNT = 6;

export function returnLayout(targetCount: number): ReturnLayout {
  const headerRows = {} as Record<keyof typeof HEADER_LABELS, number>;
  (Object.keys(HEADER_LABELS) as (keyof typeof HEADER_LABELS)[]).forEach((field, index) => {
    headerRows[field] = 4 + index;
  });
  const instructionsTitleRow = 4 + Object.keys(HEADER_LABELS).length + 1;
  const targetsTitleRow = instructionsTitleRow + INSTRUCTION_COUNT + 2;
  const targetsHeaderRow = targetsTitleRow + 1;
  const firstTargetRow = targetsHeaderRow + 1;
  const spendTitleRow = firstTargetRow + targetCount + 1;
  return {
    headerRows,
    instructionsTitleRow,
    targetsTitleRow,
    targetsHeaderRow,
    firstTargetRow,
    spendTitleRow,
    spendHeaderRow: spendTitleRow + 1,
    firstSpendRow: spendTitleRow + 2,
  };
}

function columnWidths(): number[] {
  const count = Math.max(TARGET_COLUMNS.length, SPEND_COLUMNS.length);
  return Array.from({ length: count }, (_, i) => Math.max(TARGET_COLUMNS[i]?.width ?? 0, SPEND_COLUMNS[i]?.width ?? 0));
}

// ---- The Return sheet ----------------------------------------------------------------------------------------

function returnSheet(
  consortium: Consortium,
  partner: string,
  period: Period,
  targets: IssuedTarget[],
  lines: IssuedLine[],
  layout: ReturnLayout,
  options: ReturnOptions,
): SheetSpec {
  const { settings } = consortium;
  const dueOn = returnDueOn(period, settings);
  const widths = columnWidths();
  const lastColumn = widths.length;
  const sheet = new SheetBuilder(widths);
  const label = periodLabel(period);

  sheet.put(1, 1, `Quarterly return ${label}: ${partner}`, STYLES.title);
  sheet.put(
    2,
    1,
    textCell(
      `${settings.consortium}. Please return it to ${settings.accountableBody || "the accountable body"} by ${formatCalendarDate(dueOn)}.`,
      STYLES.muted,
    ),
  );

  const revision = [...(options.revisionReasons ?? new Map<string, string>())].find(([name]) =>
    samePartner(name, partner),
  )?.[1];
  if (revision) {
    sheet.put(3, 1, textCell(`Returned for revision: ${revision}. Please correct it and send it back.`, REVISION));
  }

  const header: Record<keyof typeof HEADER_LABELS, CellEntry> = {
    consortium: textCell(settings.consortium),
    partner: textCell(partner),
    period: label,
    quarterDates: quarterMonths(period, settings.yearStartMonth),
    dueOn: dateCell(dueOn),
    templateVersion: { value: TEMPLATE_VERSION, style: { horizontalAlignment: "left" } },
    master: textCell(options.masterName),
    preparedOn: dateCell(options.preparedOn),
  };
  for (const field of Object.keys(HEADER_LABELS) as (keyof typeof HEADER_LABELS)[]) {
    const row = layout.headerRows[field];
    sheet.put(row, 1, HEADER_LABELS[field], STYLES.label);
    sheet.put(row, 2, header[field]);
  }

  sheet.put(layout.instructionsTitleRow, 1, "How to fill in this return", STYLES.subtitle);
  instructions(settings.spendGreenTolerance, settings.accountableBody, dueOn).forEach((text, index) => {
    const row = layout.instructionsTitleRow + 1 + index;
    sheet.put(row, 1, text);
    sheet.merge(range(row, 1, row, lastColumn));
  });

  sheet.put(
    layout.targetsTitleRow,
    1,
    targets.length > 0 ? TARGETS_TITLE : `${TARGETS_TITLE}: none this quarter`,
    STYLES.subtitle,
  );
  headerRow(sheet, layout.targetsHeaderRow, TARGET_COLUMNS);
  targets.forEach((issued, index) => targetRow(sheet, layout.firstTargetRow + index, issued, period));

  sheet.put(
    layout.spendTitleRow,
    1,
    lines.length > 0 ? SPEND_TITLE : `${SPEND_TITLE}: no budget lines this quarter`,
    STYLES.subtitle,
  );
  headerRow(sheet, layout.spendHeaderRow, SPEND_COLUMNS);
  sheet.put(
    layout.spendHeaderRow,
    columnIndex(SPEND_COLUMNS, "explanation"),
    {
      value: SPEND_COLUMNS[columnIndex(SPEND_COLUMNS, "explanation") - 1].header,
      note: `Required when spend to date is more than ${percentText(settings.spendGreenTolerance)} above or below the budget to date: the cell turns red until it is filled in.`,
    },
    STYLES.header,
  );
  lines.forEach((line, index) => spendRow(sheet, layout.firstSpendRow + index, line, period));
  if (lines.length > 0)
    sheet.addConditionalFormats([
      explanationRequired(layout.firstSpendRow, lines.length, settings.spendGreenTolerance),
    ]);

  const spec = sheet.build({
    name: RETURN_SHEET,
    kind: "partnerReturn",
    print: landscapePrint(
      { first: layout.targetsHeaderRow, last: layout.targetsHeaderRow },
      `${settings.consortium}: return ${label}, ${partner}`,
    ),
    tabColor: RETURN_TAB,
  });
  spec.validations = mergeValidations(spec.validations ?? []);
  spec.protection = { protect: true, allowSelectLockedCells: true };
  return spec;
}

function instructions(tolerance: number, accountableBody: string, dueOn: CalendarDate): string[] {
  const lines = [
    "Fill in the yellow cells only. Everything else is protected so that it cannot be changed by mistake (no password is needed to read it).",
    "Actual: the figure for this quarter only, not the total to date (for a Level target, the level reached at the end of the quarter). Type percentages as e.g. 85%.",
    "For a milestone, choose Done or Not done, or type the date it was completed as dd/mm/yyyy. Evidence: where the evidence is kept. Comment: progress or any shortfall.",
    `Spend this quarter: eligible spend in pounds on each budget line in this quarter only. If spend to date is more than ${percentText(tolerance)} above or below the budget to date, explain why in Variance explanation (it turns red until you do).`,
    "Please do not add, delete or move rows, change the header, or paste formulas: the return is checked when it is imported, and a changed return is sent back.",
    `Save the workbook and send it to ${accountableBody.trim() || "the accountable body"} by ${formatCalendarDate(dueOn)}.`,
  ];
  if (lines.length !== INSTRUCTION_COUNT) throw new Error("Instruction count out of step with the layout");
  return lines;
}

function headerRow(sheet: SheetBuilder, row: number, columns: readonly ReturnColumn[]): void {
  columns.forEach((column, index) => sheet.put(row, index + 1, column.header, STYLES.header));
}

function targetRow(sheet: SheetBuilder, row: number, issued: IssuedTarget, period: Period): void {
  const { target } = issued;
  const at = (key: string) => columnIndex(TARGET_COLUMNS, key);
  const milestone = target.measure === "Milestone";
  sheet.put(row, at("targetId"), textCell(target.id));
  sheet.put(row, at("target"), textCell(target.description, STYLES.wrap));
  sheet.put(row, at("projectId"), textCell(target.projectId));
  sheet.put(row, at("measure"), target.measure);
  sheet.put(row, at("fy"), period.fy);
  sheet.put(row, at("quarter"), `Q${period.quarter}`);
  sheet.put(
    row,
    at("annualTarget"),
    milestone ? `Due Q${issued.dueQuarter}` : figureCell(issued.annualTarget, target.measure),
  );
  sheet.put(row, at("expectedToDate"), milestone ? null : figureCell(issued.expectedToDate, target.measure));
  sheet.put(row, at("lastQuarter"), lastQuarterCell(target, issued.lastQuarter));
  const actualColumn = at("actual");
  sheet.put(row, actualColumn, null, milestone ? INPUT_TEXT : { ...INPUT, numberFormat: actualFormat(target) });
  sheet.put(row, at("evidence"), null, INPUT_TEXT);
  sheet.put(row, at("comment"), null, INPUT_TEXT);
  sheet.addValidation(actualValidation(target, row, actualColumn));
}

function actualFormat(target: Target): string {
  if (target.measure === "Percentage") return "0%";
  if (target.measure === "Currency") return NUMBER_FORMATS.money;
  return NUMBER_FORMATS.number;
}

function lastQuarterCell(target: Target, actual: Actual | null): CellEntry {
  if (!actual) return null;
  if (target.measure === "Milestone") {
    if (actual.completedOn) return dateCell(actual.completedOn);
    return actual.done ? "Done" : "Not done";
  }
  return figureCell(actual.amount, target.measure);
}

function actualValidation(target: Target, row: number, column: number): DataValidation {
  const at = range(row, column);
  if (target.measure === "Milestone") {
    return {
      range: at,
      list: ["Done", "Not done"],
      allowOther: true,
      errorMessage: "Choose Done or Not done, or type the date the milestone was completed as dd/mm/yyyy.",
      prompt: "Done, Not done, or the completion date (dd/mm/yyyy).",
    };
  }
  const what =
    target.basis === "Level"
      ? "The level reached at the end of this quarter"
      : "This quarter's figure only, not the total to date";
  const example = target.measure === "Percentage" ? " (e.g. 85%)" : target.measure === "Currency" ? " in pounds" : "";
  return {
    range: at,
    decimal: { min: 0 },
    errorMessage: `Type a number of 0 or more${example}.`,
    prompt: `${what}${example}.`,
  };
}

function spendRow(sheet: SheetBuilder, row: number, line: IssuedLine, period: Period): void {
  const at = (key: string) => columnIndex(SPEND_COLUMNS, key);
  sheet.put(row, at("projectId"), textCell(line.projectId));
  sheet.put(row, at("budgetLine"), textCell(line.line));
  sheet.put(row, at("fy"), period.fy);
  sheet.put(row, at("quarter"), `Q${period.quarter}`);
  sheet.put(row, at("annualBudget"), { value: line.annualBudget, style: STYLES.money });
  sheet.put(row, at("budgetToDate"), { value: line.budgetToDate, style: STYLES.money });
  sheet.put(row, at("spentBefore"), { value: line.spentBefore, style: STYLES.money });
  sheet.put(row, at("amount"), null, { ...INPUT, numberFormat: NUMBER_FORMATS.money });
  sheet.put(row, at("explanation"), null, INPUT_TEXT);
  sheet.addValidation({
    range: range(row, at("amount")),
    decimal: { min: 0 },
    errorMessage: "Type the amount spent this quarter in pounds: a number of 0 or more.",
    prompt: "Eligible spend on this line in this quarter only, in pounds.",
  });
}

/**
 * Red while the explanation is empty and spend to date (spent before + this quarter) is more than the green
 * tolerance off the budget to date: |spent - budget| > tolerance x |budget| (with no budget, any spend).
 */
export function explanationRequired(firstRow: number, count: number, tolerance: number): FormulaFormat {
  const col = (key: string) => `$${columnLetters(columnIndex(SPEND_COLUMNS, key))}${firstRow}`;
  const spent = `${col("spentBefore")}+${col("amount")}`;
  const formula =
    `AND(ISNUMBER(${col("amount")}),LEN(TRIM(${col("explanation")}))=0,` +
    `ABS(${spent}-${col("budgetToDate")})>${tolerance}*ABS(${col("budgetToDate")}))`;
  const explanation = columnIndex(SPEND_COLUMNS, "explanation");
  return {
    type: "formula",
    range: range(firstRow, explanation, firstRow + count - 1, explanation),
    formula,
    style: { fill: RAG_STYLE.Red.fill, fontColor: RAG_STYLE.Red.fontColor },
  };
}

/** Joins validations of consecutive cells in one column that say the same thing, so the sheet carries few rules. */
function mergeValidations(validations: DataValidation[]): DataValidation[] {
  const merged: DataValidation[] = [];
  for (const validation of validations) {
    const last = merged[merged.length - 1];
    const { range: at, ...rule } = validation;
    if (
      last &&
      last.range.firstColumn === at.firstColumn &&
      last.range.lastColumn === at.lastColumn &&
      last.range.lastRow + 1 === at.firstRow &&
      JSON.stringify({ ...last, range: undefined }) === JSON.stringify({ ...rule, range: undefined })
    ) {
      last.range = { ...last.range, lastRow: at.lastRow };
    } else merged.push({ ...validation, range: { ...at } });
  }
  return merged;
}

// ---- Return info ----------------------------------------------------------------------------------------------

/** The Return sheet's cell values by row and column, for the checks of its locked cells. */
function lockedCellsOf(spec: SheetSpec): (row: number, column: number) => CellContent {
  const values = new Map(spec.cells.map((cell) => [`${cell.row}:${cell.column}`, cell.value]));
  return (row, column) => values.get(`${row}:${column}`) ?? null;
}

function infoSheet(
  returnSpec: SheetSpec,
  consortium: Consortium,
  partner: string,
  period: Period,
  targets: IssuedTarget[],
  lines: IssuedLine[],
  layout: ReturnLayout,
  options: ReturnOptions,
): SheetSpec {
  const { settings } = consortium;
  const sheet = new SheetBuilder([22, 36, 26, 10, 9, 12, 11, 24]);
  sheet.put(1, 1, RETURN_INFO_SHEET, STYLES.title);
  sheet.put(
    2,
    1,
    "The accountable body's add-in reads this sheet to check the return. Please leave it exactly as it is.",
    STYLES.muted,
  );
  sheet.nextRow = 4;
  sheet.addRow(["Key", "Value", CHECK_HEADER], STYLES.header);
  const values: Record<keyof typeof INFO_KEYS, CellEntry> = {
    kind: RETURN_KIND,
    templateVersion: { value: TEMPLATE_VERSION, style: { horizontalAlignment: "left" } },
    consortium: textCell(settings.consortium),
    partner: textCell(partner),
    period: periodLabel(period),
    master: textCell(options.masterName),
    preparedOn: dateCell(options.preparedOn),
    dueOn: dateCell(returnDueOn(period, settings)),
    spendGreenTolerance: {
      value: settings.spendGreenTolerance,
      style: { numberFormat: "0%", horizontalAlignment: "left" },
    },
  };
  for (const field of Object.keys(INFO_KEYS) as (keyof typeof INFO_KEYS)[]) {
    const entry = values[field];
    const check = cellCheck(keySalt(INFO_KEYS[field]), isStyledCell(entry) ? entry.value : entry);
    sheet.addRow([{ value: INFO_KEYS[field], style: STYLES.label }, entry, { value: check, style: STYLES.muted }]);
  }
  sheet.skipRows();
  sheet.addRow([...INFO_ROW_COLUMNS, CHECK_HEADER], STYLES.header);
  const lockedValue = lockedCellsOf(returnSpec);
  let issuedIndex = 0;
  const issuedRow = (section: "target" | "spend", cells: CellContent[], id: string, line: string, row: number) => {
    const index = issuedIndex++;
    const checks = [
      ...cells.map((cell, i) => cellCheck(infoRowSalt(index, INFO_ROW_COLUMNS[i]), cell)),
      ...checkedColumns(section).map(({ key, column }) =>
        cellCheck(rowSalt(section, id, line, key), lockedValue(row, column)),
      ),
    ];
    sheet.addRow([...cells.map((cell) => (typeof cell === "string" ? textCell(cell) : cell)), joinChecks(checks)]);
  };
  targets.forEach(({ target }, index) => {
    const row = layout.firstTargetRow + index;
    issuedRow(
      "target",
      [INFO_SECTION.target, target.id, null, period.fy, `Q${period.quarter}`, target.measure, row],
      target.id,
      "",
      row,
    );
  });
  lines.forEach((line, index) => {
    const row = layout.firstSpendRow + index;
    issuedRow(
      "spend",
      [INFO_SECTION.spend, line.projectId, line.line, period.fy, `Q${period.quarter}`, null, row],
      line.projectId,
      line.line,
      row,
    );
  });
  const spec = sheet.build({
    name: RETURN_INFO_SHEET,
    kind: "partnerReturn",
    print: landscapePrint(undefined, `${settings.consortium}: return info`),
    tabColor: READ_ONLY_TAB,
  });
  spec.protection = { protect: true, allowSelectLockedCells: true };
  return spec;
}
