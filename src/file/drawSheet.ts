// Draws a SheetSpec onto an ExcelJS worksheet exactly as specified: the renderer decides nothing.
// No fs here: this module also runs in the browser bundle.
import type ExcelJS from "exceljs";
import { cellAddress } from "../core/grid";
import {
  rangeContains,
  rangeRefAddress,
  type BorderWeight,
  type CellContent,
  type CellStyle,
  type ConditionalFormat,
  type DataValidation,
  type PrintSettings,
  type SheetSpec,
} from "../core/sheets/spec";

const A4_PAPER_SIZE = 9;

/** ExcelJS has range data validations at run time but leaves them out of its type declarations. */
type WithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
};
const DEFAULT_FONT = { name: "Calibri", size: 11, family: 2 } as const;

/** "#RRGGBB" → ExcelJS ARGB "FFRRGGBB". */
export function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

/**
 * The ExcelJS value of a spec cell. A string stays a string cell (ExcelJS writes it as shared text, so
 * "=HYPERLINK(...)" from a partner sheet stays text); only `{ formula }` built by the core becomes a formula.
 */
export function excelValue(content: CellContent): ExcelJS.CellValue {
  if (content === null || typeof content !== "object") return content;
  const formula = content.formula.replace(/^=/, "");
  return content.result === undefined ? { formula } : { formula, result: content.result };
}

function fontOf(style: CellStyle): Partial<ExcelJS.Font> | undefined {
  if (style.bold === undefined && style.italic === undefined && style.fontSize === undefined && !style.fontColor) {
    return undefined;
  }
  const font: Partial<ExcelJS.Font> = { ...DEFAULT_FONT };
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  return font;
}

function alignmentOf(style: CellStyle): Partial<ExcelJS.Alignment> | undefined {
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.horizontalAlignment) alignment.horizontal = style.horizontalAlignment;
  if (style.verticalAlignment)
    alignment.vertical = style.verticalAlignment === "center" ? "middle" : style.verticalAlignment;
  if (style.wrapText) alignment.wrapText = true;
  if (style.indent) alignment.indent = style.indent;
  return Object.keys(alignment).length > 0 ? alignment : undefined;
}

function bordersOf(style: CellStyle): Partial<ExcelJS.Borders> | undefined {
  const edge = (weight: BorderWeight): Partial<ExcelJS.Border> => ({ style: weight, color: { argb: "FF808080" } });
  if (!style.border && !style.bottomBorder) return undefined;
  const borders: Partial<ExcelJS.Borders> = {};
  if (style.border) {
    borders.top = edge(style.border);
    borders.left = edge(style.border);
    borders.right = edge(style.border);
    borders.bottom = edge(style.border);
  }
  if (style.bottomBorder) borders.bottom = edge(style.bottomBorder);
  return borders;
}

/** Applies a style to one cell; each property the style leaves out keeps the cell's current value. */
export function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.numberFormat !== undefined) cell.numFmt = style.numberFormat;
  const font = fontOf(style);
  if (font) cell.font = font;
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  const alignment = alignmentOf(style);
  if (alignment) cell.alignment = alignment;
  const border = bordersOf(style);
  if (border) cell.border = border;
  if (style.unlocked) cell.protection = { locked: false };
}

/** A conditional format's differential style (fills of a dxf are given as the background colour). */
function dxfStyle(style: Pick<CellStyle, "fill" | "fontColor" | "bold">): Partial<ExcelJS.Style> {
  const dxf: Partial<ExcelJS.Style> = {};
  if (style.fill) dxf.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(style.fill) } };
  if (style.fontColor || style.bold) {
    const font: Partial<ExcelJS.Font> = {};
    if (style.fontColor) font.color = { argb: argb(style.fontColor) };
    if (style.bold) font.bold = true;
    dxf.font = font;
  }
  return dxf;
}

/** Text for an Excel formula string literal. */
function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function conditionalRule(format: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingRule {
  if (format.type === "textEquals") {
    // Whole-cell equality (case-insensitive, as Excel's "="), relative to the range's top-left cell:
    // "containsText" would also colour "Red" inside longer text.
    const topLeft = cellAddress(format.range.firstRow, format.range.firstColumn);
    return {
      type: "expression",
      priority,
      formulae: [`TRIM(${topLeft})=${formulaText(format.text)}`],
      style: dxfStyle(format.style),
    };
  }
  if (format.type === "formula") {
    return {
      type: "expression",
      priority,
      formulae: [format.formula.replace(/^=/, "")],
      style: dxfStyle(format.style),
    };
  }
  return {
    type: "cellIs",
    operator: "between",
    priority,
    formulae: [format.min, format.max],
    style: dxfStyle(format.style),
  };
}

function excelValidation(validation: DataValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: validation.allowOther ? "warning" : "stop",
    error: validation.errorMessage,
    ...(validation.prompt ? { showInputMessage: true, prompt: validation.prompt } : {}),
  };
  if (validation.list) {
    return { ...common, type: "list", formulae: [formulaText(validation.list.join(","))] };
  }
  const bounds = validation.decimal ?? validation.whole;
  if (!bounds) throw new Error("A data validation needs a list, a decimal or a whole-number rule.");
  const type = validation.decimal ? "decimal" : "whole";
  return bounds.max === undefined
    ? { ...common, type, operator: "greaterThanOrEqual", formulae: [bounds.min] }
    : { ...common, type, operator: "between", formulae: [bounds.min, bounds.max] };
}

function applyPrint(worksheet: ExcelJS.Worksheet, print: PrintSettings): void {
  worksheet.pageSetup.paperSize = A4_PAPER_SIZE as ExcelJS.PaperSize;
  worksheet.pageSetup.orientation = print.orientation;
  if (print.fitToWidth) {
    worksheet.pageSetup.fitToPage = true;
    worksheet.pageSetup.fitToWidth = 1;
    worksheet.pageSetup.fitToHeight = 0;
  }
  // ExcelJS breaks below a row: a page that starts at row r breaks below r - 1.
  for (const row of print.pageBreaksBefore ?? []) if (row > 1) worksheet.getRow(row - 1).addPageBreak();
  if (print.repeatRows) worksheet.pageSetup.printTitlesRow = `${print.repeatRows.first}:${print.repeatRows.last}`;
  // Header and footer are Excel header text already (the core doubles a literal "&"): drawn as given.
  if (print.header) worksheet.headerFooter.oddHeader = `&C${print.header}`;
  if (print.footer) worksheet.headerFooter.oddFooter = `&C${print.footer}`;
}

/** Draws the spec onto an empty worksheet (the sheet's name is the caller's business). */
export async function drawSheet(worksheet: ExcelJS.Worksheet, spec: SheetSpec): Promise<void> {
  spec.columnWidths.forEach((width, index) => {
    if (width > 0) worksheet.getColumn(index + 1).width = width;
  });
  (spec.rowHeights ?? []).forEach(({ row, height }) => {
    worksheet.getRow(row).height = height;
  });
  for (const { range, style } of spec.rangeStyles ?? []) {
    for (let row = range.firstRow; row <= range.lastRow; row++) {
      for (let column = range.firstColumn; column <= range.lastColumn; column++) {
        applyStyle(worksheet.getCell(row, column), style);
      }
    }
  }
  const rangeStyles = spec.rangeStyles ?? [];
  for (const specCell of spec.cells) {
    const cell = worksheet.getCell(specCell.row, specCell.column);
    cell.value = excelValue(specCell.value);
    // The cell's own style wins property by property over the range styles drawn beneath it.
    const beneath = rangeStyles.filter(({ range }) => rangeContains(range, specCell.row, specCell.column));
    const style: CellStyle | undefined =
      beneath.length > 0
        ? { ...beneath.reduce<CellStyle>((merged, r) => ({ ...merged, ...r.style }), {}), ...specCell.style }
        : specCell.style;
    if (style) applyStyle(cell, style);
    if (specCell.note) cell.note = specCell.note;
  }
  // Merged after the values: a covered cell written after the merge would overwrite the master.
  for (const merge of spec.merges) {
    worksheet.mergeCells(merge.firstRow, merge.firstColumn, merge.lastRow, merge.lastColumn);
  }
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    worksheet.views = [
      {
        state: "frozen",
        xSplit: spec.freeze.columns,
        ySplit: spec.freeze.rows,
        topLeftCell: cellAddress(spec.freeze.rows + 1, spec.freeze.columns + 1),
      },
    ];
  }
  spec.conditionalFormats.forEach((format, index) => {
    worksheet.addConditionalFormatting({
      ref: rangeRefAddress(format.range),
      rules: [conditionalRule(format, index + 1)],
    });
  });
  for (const validation of spec.validations ?? []) {
    (worksheet as WithValidations).dataValidations.add(rangeRefAddress(validation.range), excelValidation(validation));
  }
  applyPrint(worksheet, spec.print);
  if (spec.tabColor) worksheet.properties.tabColor = { argb: argb(spec.tabColor) };
  if (spec.protection?.protect) {
    await worksheet.protect("", {
      selectLockedCells: spec.protection.allowSelectLockedCells,
      selectUnlockedCells: true,
    });
  }
}
