// Draws a SheetSpec onto a new worksheet exactly as specified: it queues the writes and decides nothing. Anything
// newer than the declared ExcelApi set is applied only where the host has it (see requirements.ts).
import { groupBy } from "../core/groupBy";
import { rangeAddress } from "../core/grid";
import {
  rangeRefAddress,
  type ConditionalFormat,
  type DataValidation,
  type PrintSettings,
  type SheetSpec,
} from "../core/sheets/spec";
import {
  addressLists,
  numberFormatWrites,
  rowRuns,
  styleRects,
  valueBlocks,
  widthRuns,
  type StyleRect,
  type VisualStyle,
} from "./layout";
import { supportsExcelApi, type RequirementProbe } from "./requirements";
import { arrayBytes, type SyncBudget } from "./syncBudget";

export interface DrawOptions {
  probe: RequirementProbe;
  budget: SyncBudget;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const WEIGHT = { thin: "Thin", medium: "Medium" } as const;
const ALERT_TITLE = "Consortium Tracker";

/** Queues everything the spec says about the sheet, reserving request room for each write as it goes. */
export async function drawSheet(sheet: Excel.Worksheet, spec: SheetSpec, options: DrawOptions): Promise<void> {
  const { budget, probe } = options;
  // Formats first: text cells must already be "@" when their values land.
  for (const write of numberFormatWrites(spec)) {
    const formats = "numberFormats" in write ? write.numberFormats : [[write.numberFormat]];
    await budget.reserve(2, write.address.length + arrayBytes(formats));
    sheet.getRange(write.address).numberFormat = formats;
  }
  for (const block of valueBlocks(spec)) {
    await budget.reserve(2, arrayBytes(block.values));
    sheet.getRange(block.address).values = block.values;
  }
  await drawStyles(sheet, styleRects(spec), options);
  for (const merge of spec.merges) {
    await budget.reserve(2);
    sheet.getRange(rangeRefAddress(merge)).merge(false);
  }
  for (const run of widthRuns(spec.columnWidths)) {
    await budget.reserve(2);
    sheet.getRange(run.columns).format.columnWidth = run.points;
  }
  for (const runs of groupBy(rowRuns(spec.rowHeights ?? []), (run) => String(run.height)).values()) {
    await forAreas(
      sheet,
      runs.map((run) => run.address),
      1,
      options,
      (format) => {
        format.rowHeight = runs[0].height;
      },
    );
  }
  if (supportsExcelApi("1.18", probe)) {
    for (const cell of spec.cells) {
      if (!cell.note) continue;
      await budget.reserve(1, cell.note.length);
      sheet.notes.add(
        rangeRefAddress({ firstRow: cell.row, firstColumn: cell.column, lastRow: cell.row, lastColumn: cell.column }),
        cell.note,
      );
    }
  }
  if (supportsExcelApi("1.7", probe)) {
    await budget.reserve(2);
    if (spec.tabColor) sheet.tabColor = spec.tabColor;
    const { rows = 0, columns = 0 } = spec.freeze ?? {};
    if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(rangeAddress(1, 1, rows, columns));
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
  }
  for (const format of spec.conditionalFormats) await drawConditionalFormat(sheet, format, options);
  for (const validation of spec.validations ?? []) await drawValidation(sheet, validation, options);
  await drawPrintSettings(sheet, spec.print, options);
  if (spec.protection) {
    await budget.reserve(1);
    // Last, so every write above lands before the sheet locks.
    const protection: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };
    if (supportsExcelApi("1.7", probe)) {
      protection.selectionMode = spec.protection.allowSelectLockedCells ? "Normal" : "Unlocked";
    }
    sheet.protection.protect(protection);
  }
}

/**
 * Queues `apply` on the format of every range in `addresses`: where the host has RangeAreas (1.9), once per list
 * of up to 2,000 characters of addresses, which keeps even a 10,000-row RAG column to a few writes; elsewhere
 * once per range. `calls` is what `apply` queues, for the request budget.
 */
async function forAreas(
  sheet: Excel.Worksheet,
  addresses: readonly string[],
  calls: number,
  options: DrawOptions,
  apply: (format: Excel.RangeFormat) => void,
): Promise<void> {
  const { budget } = options;
  if (supportsExcelApi("1.9", options.probe)) {
    for (const list of addressLists(addresses)) {
      await budget.reserve(2 + calls, list.length); // the areas, their format, then the calls
      apply(sheet.getRanges(list).format);
    }
    return;
  }
  for (const address of addresses) {
    await budget.reserve(2 + calls, address.length);
    apply(sheet.getRange(address).format);
  }
}

/** One format write per property value and rectangle shape (see styleRects), over all its rectangles at once. */
async function drawStyles(sheet: Excel.Worksheet, rects: StyleRect[], options: DrawOptions): Promise<void> {
  const groups = groupBy(rects, (rect) => {
    const shape = shapeOf(rect);
    return `${rect.key}|${shape.rows}|${shape.columns}`;
  });
  for (const group of groups.values()) {
    const { style } = group[0];
    const shape = shapeOf(group[0]);
    const addresses = group.map((rect) => rangeRefAddress(rect.range));
    await forAreas(sheet, addresses, styleCalls(style, shape), options, (format) =>
      applyStyle(format, style, shape, options.probe),
    );
  }
}

interface Shape {
  rows: boolean;
  columns: boolean;
}

function shapeOf(rect: StyleRect): Shape {
  return { rows: rect.range.lastRow > rect.range.firstRow, columns: rect.range.lastColumn > rect.range.firstColumn };
}

/** The calls applyStyle queues for a style (each object navigation counts as one), for the request budget. */
function styleCalls(style: VisualStyle, shape: Shape): number {
  let calls = 0;
  const font = [style.bold, style.italic, style.fontSize, style.fontColor].filter((v) => v !== undefined).length;
  if (font > 0) calls += 1 + font;
  if (style.fill) calls += 2;
  calls += [style.horizontalAlignment, style.verticalAlignment, style.wrapText, style.indent].filter(
    (v) => v !== undefined,
  ).length;
  const allRound = style.border ? 4 + (shape.rows ? 1 : 0) + (shape.columns ? 1 : 0) : 0;
  const bottom = style.bottomBorder ? (shape.rows ? 2 : 1) : 0;
  if (allRound + bottom > 0) calls += 1 + 3 * (allRound + bottom); // borders, then each edge and its two settings
  if (style.unlocked !== undefined) calls += 2;
  return calls;
}

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

function applyStyle(format: Excel.RangeFormat, style: VisualStyle, shape: Shape, probe: RequirementProbe): void {
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize) format.font.size = style.fontSize;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.fill) format.fill.color = style.fill;
  if (style.horizontalAlignment) format.horizontalAlignment = HORIZONTAL[style.horizontalAlignment];
  if (style.verticalAlignment) format.verticalAlignment = VERTICAL[style.verticalAlignment];
  if (style.wrapText !== undefined) format.wrapText = style.wrapText;
  if (style.indent !== undefined && supportsExcelApi("1.9", probe)) format.indentLevel = style.indent;
  if (style.border) {
    const edges: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    // Inside edges only exist for ranges of more than one row or column.
    if (shape.rows) edges.push("InsideHorizontal");
    if (shape.columns) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = WEIGHT[style.border];
    }
  }
  if (style.bottomBorder) {
    const edges: Edge[] = shape.rows ? ["EdgeBottom", "InsideHorizontal"] : ["EdgeBottom"];
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = WEIGHT[style.bottomBorder];
    }
  }
  if (style.unlocked !== undefined) format.protection.locked = !style.unlocked;
}

/**
 * A RAG word or a number band is a cell-value rule (Excel's "=" on text is whole-cell and case-insensitive); a
 * core-built formula is a custom rule, its references relative to the range's top-left cell.
 */
async function drawConditionalFormat(sheet: Excel.Worksheet, format: ConditionalFormat, options: DrawOptions) {
  if (!supportsExcelApi("1.6", options.probe)) return; // the static fills are already drawn
  await options.budget.reserve(6, format.type === "formula" ? format.formula.length : 0);
  const formats = sheet.getRange(rangeRefAddress(format.range)).conditionalFormats;
  let look: Excel.ConditionalRangeFormat;
  if (format.type === "formula") {
    const custom = formats.add("Custom").custom;
    custom.rule.formula = format.formula.startsWith("=") ? format.formula : `=${format.formula}`;
    look = custom.format;
  } else {
    const cellValue = formats.add("CellValue").cellValue;
    cellValue.rule =
      format.type === "textEquals"
        ? { formula1: `="${format.text.replace(/"/g, '""')}"`, operator: "EqualTo" }
        : { formula1: String(format.min), formula2: String(format.max), operator: "Between" };
    look = cellValue.format;
  }
  if (format.style.fill) look.fill.color = format.style.fill;
  if (format.style.fontColor) look.font.color = format.style.fontColor;
  if (format.style.bold) look.font.bold = true;
}

function numberRule(bounds: { min: number; max?: number }): Excel.BasicDataValidation {
  return bounds.max === undefined
    ? { formula1: bounds.min, operator: "GreaterThanOrEqualTo" }
    : { formula1: bounds.min, formula2: bounds.max, operator: "Between" };
}

async function drawValidation(sheet: Excel.Worksheet, validation: DataValidation, options: DrawOptions) {
  if (!supportsExcelApi("1.8", options.probe)) return; // the importer reports bad values anyway
  await options.budget.reserve(3, JSON.stringify(validation).length);
  const target = sheet.getRange(rangeRefAddress(validation.range)).dataValidation;
  if (validation.list) target.rule = { list: { inCellDropDown: true, source: validation.list.join(",") } };
  else if (validation.decimal) target.rule = { decimal: numberRule(validation.decimal) };
  else if (validation.whole) target.rule = { wholeNumber: numberRule(validation.whole) };
  target.errorAlert = {
    message: validation.errorMessage,
    showAlert: true,
    style: validation.allowOther ? "Warning" : "Stop",
    title: ALERT_TITLE,
  };
  if (validation.prompt) target.prompt = { message: validation.prompt, showPrompt: true, title: ALERT_TITLE };
}

async function drawPrintSettings(sheet: Excel.Worksheet, print: PrintSettings, options: DrawOptions) {
  if (!supportsExcelApi("1.9", options.probe)) return; // Excel's default page setup still prints everything
  const breaks = (print.pageBreaksBefore ?? []).filter((row) => row > 1);
  await options.budget.reserve(6 + breaks.length);
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = print.paperSize;
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.first}:$${print.repeatRows.last}`);
  if (print.header) layout.headersFooters.defaultForAllPages.centerHeader = print.header;
  if (print.footer) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
  // A break above each row that starts a page (page breaks are ExcelApi 1.9, as page layout is).
  for (const row of breaks) sheet.horizontalPageBreaks.add(`A${row}`);
}
