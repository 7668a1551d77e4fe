// Summary sheets as plain data: what to draw, decided entirely by the core. A renderer (Office.js or
// ExcelJS) draws a SheetSpec exactly and decides nothing. Rows and columns are 1-based.
import { cellAddress, rangeAddress } from "../grid";
import type { ProjectRag } from "../model";

/** What kind of sheet the add-in wrote; also recorded in the workbook so the add-in recognises its own sheets. */
export type SummaryKind =
  | "claim"
  /** What changed on a submitted claim, and the difference to claim or repay. */
  | "adjustment"
  /** Each partner's spend and what the accountable body owes it for the quarter. */
  | "memberClaims"
  | "rag"
  | "yearOnYear"
  | "riskRegister"
  | "returnsTracker"
  | "partnerReturn"
  | "importLog"
  /** The review status of partners' returns, and the audit trail of changes to Actuals and Spend. */
  | "returnsStatus"
  | "audit"
  /** A roll-up of many consortia's workbooks at one period. */
  | "rollup"
  /** A blank (or example) input sheet laid out from a template of templates.ts. */
  | "template"
  /** The Instructions sheet that explains the templates in plain English. */
  | "instructions";

export type HorizontalAlignment = "left" | "center" | "right";
export type BorderWeight = "thin" | "medium";

export interface CellStyle {
  /** Excel number format, e.g. '"£"#,##0.00', '0%', '@'. */
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  /** Solid fill, "#RRGGBB". */
  fill?: string;
  horizontalAlignment?: HorizontalAlignment;
  verticalAlignment?: "top" | "center" | "bottom";
  wrapText?: boolean;
  /** Indent level (for targets beneath their project). */
  indent?: number;
  /** Border on all four edges of the cell. */
  border?: BorderWeight;
  /** Border on the bottom edge only (e.g. a header row). */
  bottomBorder?: BorderWeight;
  /** Input cells of a partner return: left unlocked when the sheet is protected. */
  unlocked?: boolean;
}

/**
 * A cell's content. A string is always text: a renderer must write it so that Excel never reads it as a
 * formula or a number (text from partner sheets such as "=HYPERLINK(...)" stays text).
 * A number is a number (dates are Excel serials with a date numberFormat).
 * `formula` is only ever built by the core itself from cell addresses, never from workbook text.
 */
export type CellContent = string | number | boolean | null | { formula: string; result?: number | string };

export interface SheetCell {
  row: number;
  column: number;
  value: CellContent;
  style?: CellStyle;
  /**
   * Hover note (an Excel cell note) for what the sheet cannot show in cells: a header's meaning, a figure read
   * from odd text. Never one per row as a matter of course: each note is a call of its own when drawn, so notes
   * on every target would grow the request with the consortium (and they do not print); what every row needs
   * goes in a column, what every row shares in a legend.
   */
  note?: string;
}

export interface CellRangeRef {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

/** Whether the cell at row, column lies in the range. */
export function rangeContains(range: CellRangeRef, row: number, column: number): boolean {
  return row >= range.firstRow && row <= range.lastRow && column >= range.firstColumn && column <= range.lastColumn;
}

/** The range's A1 address: "B3" for one cell, "B3:D9" for more. */
export function rangeRefAddress(range: CellRangeRef): string {
  return range.firstRow === range.lastRow && range.firstColumn === range.lastColumn
    ? cellAddress(range.firstRow, range.firstColumn)
    : rangeAddress(range.firstRow, range.firstColumn, range.lastRow, range.lastColumn);
}

/** Fill cells whose text equals `text` (RAG words), so a user who edits a RAG cell sees the colour follow. */
export interface TextEqualsFormat {
  type: "textEquals";
  range: CellRangeRef;
  text: string;
  style: Pick<CellStyle, "fill" | "fontColor" | "bold">;
}

/** Fill cells whose number is within [min, max] (e.g. risk scores 15-25 red, heat map cells). */
export interface NumberBetweenFormat {
  type: "numberBetween";
  range: CellRangeRef;
  min: number;
  max: number;
  style: Pick<CellStyle, "fill" | "fontColor" | "bold">;
}

/**
 * Fill cells for which an Excel formula is TRUE, e.g. a partner return's variance explanation that is empty while
 * the spend beside it is beyond tolerance. The core builds the formula from cell addresses only, never from
 * workbook text. Written without the leading "=" (Office.js wants one added, ExcelJS "expression" rules do not);
 * relative references are as seen from the range's top-left cell, as in Excel's own dialog.
 */
export interface FormulaFormat {
  type: "formula";
  range: CellRangeRef;
  formula: string;
  style: Pick<CellStyle, "fill" | "fontColor" | "bold">;
}

export type ConditionalFormat = TextEqualsFormat | NumberBetweenFormat | FormulaFormat;

export interface DataValidation {
  range: CellRangeRef;
  /** A drop-down list of these options... */
  list?: readonly string[];
  /** ...or a decimal/whole number at or above a minimum. */
  decimal?: { min: number; max?: number };
  whole?: { min: number; max?: number };
  /** Shown when the value is rejected. */
  errorMessage: string;
  /**
   * Offer the list (or range) but accept other entries after a warning (Excel's "Warning" error style) instead
   * of rejecting them: e.g. a risk rating may be written "Medium to high". Absent or false: reject ("Stop").
   */
  allowOther?: boolean;
  /** Shown when the cell is selected. */
  prompt?: string;
}

/**
 * A style for every cell of a range, drawn before `cells` (whose own styles win): e.g. text format on the FY
 * column of a template so Excel keeps "2009-10" as typed instead of turning it into a date.
 */
export interface RangeStyle {
  range: CellRangeRef;
  style: CellStyle;
}

export interface PrintSettings {
  orientation: "portrait" | "landscape";
  paperSize: "A4";
  /** Fit all columns on one page width; rows flow onto as many pages as needed. */
  fitToWidth: boolean;
  /** Rows that start a new printed page (a manual page break above each), e.g. the full table after a summary. */
  pageBreaksBefore?: number[];
  /** Rows repeated at the top of every printed page, e.g. { first: 5, last: 5 }. */
  repeatRows?: { first: number; last: number };
  /** Shown centred in the page header. */
  header?: string;
  /** Shown in the page footer, e.g. "Page &P of &N". */
  footer?: string;
}

export interface SheetProtection {
  /** Protected without a password: readable, with only `unlocked` cells editable. */
  protect: true;
  allowSelectLockedCells: boolean;
}

export interface SheetSpec {
  name: string;
  kind: SummaryKind;
  cells: SheetCell[];
  /** Width in characters of each column, index 0 = column A. */
  columnWidths: number[];
  merges: CellRangeRef[];
  /**
   * Heights in points of rows that need more than one line (wrapped text), since neither Excel nor other
   * spreadsheet programs reliably grow a row for wrapped text in a file they open. Other rows keep the default.
   */
  rowHeights?: { row: number; height: number }[];
  /** Rows and columns kept in view when scrolling. */
  freeze?: { rows: number; columns: number };
  conditionalFormats: ConditionalFormat[];
  validations?: DataValidation[];
  /** Styles of whole ranges, e.g. the empty input rows of a template column. */
  rangeStyles?: RangeStyle[];
  print: PrintSettings;
  protection?: SheetProtection;
  tabColor?: string;
}

/** RAG colours: fills paired with the RAG word (never colour alone); chosen for colour-blind readers. */
export const RAG_STYLE: Record<ProjectRag, { fill: string; fontColor: string; label: string; symbol: string }> = {
  Green: { fill: "#C6E7D8", fontColor: "#0B5D3B", label: "Green", symbol: "●" },
  Amber: { fill: "#FFE3A3", fontColor: "#7A4B00", label: "Amber", symbol: "▲" },
  Red: { fill: "#F5C0C0", fontColor: "#8B1A1A", label: "Red", symbol: "■" },
  NotDue: { fill: "#E7E6E6", fontColor: "#404040", label: "Not due", symbol: "○" },
  // Neutral, not a judgement: the quarter's figures are not in yet.
  Awaiting: { fill: "#DDEBF7", fontColor: "#1F3864", label: "Awaiting", symbol: "◇" },
};

/**
 * What papers show for a target to be set (its baseline not entered) in place of a RAG: the word on Not due's
 * neutral fill and symbol, since it is not rated and never Red.
 */
export const TO_BE_SET_LABEL = "Target to be set";

export const NUMBER_FORMATS = {
  money: '"£"#,##0.00;[Red]-"£"#,##0.00',
  wholeMoney: '"£"#,##0;[Red]-"£"#,##0',
  ratio: "0%",
  /** A change in percentage points, written as points (the value is the change x 100): never with a % sign. */
  percentPoints: '+0" pts";-0" pts";0" pts"',
  number: "#,##0.##",
  integer: "#,##0",
  date: "dd/mm/yyyy",
  text: "@",
} as const;
