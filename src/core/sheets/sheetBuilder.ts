// The small vocabulary the summary sheets and templates share: a builder that places cells row by row, the
// house styles (headers, money, ratios, RAG cells), and how figures are shown. Pure: no renderer knowledge.
import type { Measure, ProjectRag } from "../model";
import { excelSerial, type CalendarDate } from "../periods";
import type { Trend } from "../reportTypes";
import {
  NUMBER_FORMATS,
  RAG_STYLE,
  TO_BE_SET_LABEL,
  type CellContent,
  type CellRangeRef,
  type CellStyle,
  type ConditionalFormat,
  type DataValidation,
  type PrintSettings,
  type RangeStyle,
  type SheetCell,
  type SheetSpec,
  type SummaryKind,
  type TextEqualsFormat,
} from "./spec";
import { ragText } from "../words";

/** A cell's value with its own style and note. */
export interface StyledCell {
  value: CellContent;
  style?: CellStyle;
  note?: string;
}

/** What a builder places: a bare value, or a value with style and note. */
export type CellEntry = CellContent | StyledCell;

export function isStyledCell(entry: CellEntry): entry is StyledCell {
  return typeof entry === "object" && entry !== null && "value" in entry;
}

const HEADER_FILL = "#DDEBF7";
const TOTAL_FILL = "#F2F2F2";
const MUTED_COLOR = "#595959";

export const STYLES = {
  title: { bold: true, fontSize: 14 },
  subtitle: { bold: true, fontSize: 12 },
  label: { bold: true },
  header: {
    bold: true,
    fill: HEADER_FILL,
    bottomBorder: "thin",
    wrapText: true,
    verticalAlignment: "center",
  },
  money: { numberFormat: NUMBER_FORMATS.money },
  ratio: { numberFormat: NUMBER_FORMATS.ratio },
  percentPoints: { numberFormat: NUMBER_FORMATS.percentPoints },
  integer: { numberFormat: NUMBER_FORMATS.integer },
  date: { numberFormat: NUMBER_FORMATS.date, horizontalAlignment: "left" },
  wrap: { wrapText: true, verticalAlignment: "top" },
  muted: { italic: true, fontColor: MUTED_COLOR },
  total: { bold: true, fill: TOTAL_FILL, border: "thin" },
  /** An empty cell to write on by hand (sign-off lines). */
  writeOn: { bottomBorder: "thin" },
  centre: { horizontalAlignment: "center" },
  /** A target's description under its project's row. */
  indented: { indent: 1, wrapText: true },
} as const satisfies Record<string, CellStyle>;
// Frozen, so that cells can share them rather than each carry a copy (see `mergedStyle`).
for (const style of Object.values(STYLES)) Object.freeze(style);

export const PAGE_FOOTER = "Page &P of &N";

/** Page header text from workbook text: "&" starts an Excel header code, so it is doubled to print as itself. */
export function printHeaderText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** "Oxfordshire VSDP: Claim 2009-10 Q2", or just the sheet name when the consortium has no name yet. */
export function withConsortium(consortium: string, title: string): string {
  return consortium.trim() ? `${consortium.trim()}: ${title}` : title;
}

export function landscapePrint(repeatRows: { first: number; last: number } | undefined, header: string): PrintSettings {
  return {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: true,
    ...(repeatRows ? { repeatRows } : {}),
    header: printHeaderText(header),
    footer: PAGE_FOOTER,
  };
}

/** Places cells by (row, column) or a row at a time from `nextRow`; a later cell at the same place wins. */
export class SheetBuilder {
  /** The cells placed, by 1-based row, then column: `build` reads them in order, with no sort. */
  private readonly placed: SheetCell[][] = [];
  private readonly merges: CellRangeRef[] = [];
  private readonly conditionalFormats: ConditionalFormat[] = [];
  private readonly validations: DataValidation[] = [];
  private readonly rangeStyles: RangeStyle[] = [];
  /** The row `addRow` writes next. */
  nextRow = 1;

  constructor(readonly columnWidths: number[]) {}

  /** Places one cell; a null value is placed only when it carries a style or note (a fill, a line to sign on). */
  put(row: number, column: number, entry: CellEntry, style?: CellStyle): void {
    const cell = isStyledCell(entry) ? entry : { value: entry };
    const merged = mergedStyle(style, cell.style);
    if (cell.value === null && !merged && !cell.note) return;
    (this.placed[row] ??= [])[column] = sheetCell(row, column, cell.value, merged, cell.note || undefined);
  }

  /** Writes entries left to right at `nextRow` from `firstColumn`, moves on a row and returns the row written. */
  addRow(entries: readonly CellEntry[], style?: CellStyle, firstColumn = 1): number {
    const row = this.nextRow;
    entries.forEach((entry, i) => this.put(row, firstColumn + i, entry, style));
    this.nextRow++;
    return row;
  }

  skipRows(count = 1): void {
    this.nextRow += count;
  }

  merge(range: CellRangeRef): void {
    this.merges.push(range);
  }

  addConditionalFormats(formats: readonly ConditionalFormat[]): void {
    this.conditionalFormats.push(...formats);
  }

  addValidation(validation: DataValidation): void {
    this.validations.push(validation);
  }

  addRangeStyle(rangeStyle: RangeStyle): void {
    this.rangeStyles.push(rangeStyle);
  }

  /** The value placed at (row, column), if any. */
  valueAt(row: number, column: number): CellContent | undefined {
    return this.placed[row]?.[column]?.value;
  }

  build(meta: {
    name: string;
    kind: SummaryKind;
    print: PrintSettings;
    freeze?: { rows: number; columns: number };
    tabColor?: string;
  }): SheetSpec {
    const cells: SheetCell[] = [];
    // Index loops: the rows and columns not written are holes, which for-of reads slowly.
    for (let r = 0; r < this.placed.length; r++) {
      const row = this.placed[r];
      if (row) for (let c = 0; c < row.length; c++) if (row[c]) cells.push(row[c]);
    }
    const spec: SheetSpec = {
      name: meta.name,
      kind: meta.kind,
      cells,
      columnWidths: [...this.columnWidths],
      merges: [...this.merges],
      conditionalFormats: [...this.conditionalFormats],
      print: meta.print,
    };
    if (meta.freeze) spec.freeze = meta.freeze;
    const rowHeights = wrappedRowHeights(cells, this.columnWidths, this.merges);
    if (rowHeights.length > 0) spec.rowHeights = rowHeights;
    if (this.validations.length > 0) spec.validations = [...this.validations];
    if (this.rangeStyles.length > 0) spec.rangeStyles = [...this.rangeStyles];
    if (meta.tabColor) spec.tabColor = meta.tabColor;
    return spec;
  }
}

const LINE_HEIGHT_POINTS = 15; // Calibri 11: Excel's default row height
const DEFAULT_FONT_SIZE = 11;

/** Lines a wrapped text needs in a column this many characters wide (a little generous: bold, wide letters). */
function linesNeeded(text: string, widthInCharacters: number): number {
  const perLine = Math.max(1, Math.floor(widthInCharacters * 0.95));
  // Most cells: one paragraph no longer than a line, so its words fit on one.
  if (text.length <= perLine && !text.includes("\n")) return 1;
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    for (const word of paragraph.split(/\s+/)) {
      if (word === "") continue;
      const needed = line === 0 ? word.length : line + 1 + word.length;
      if (needed <= perLine) line = needed;
      else {
        lines += line === 0 ? Math.ceil(word.length / perLine) - 1 : 1;
        line = line === 0 ? word.length % perLine || perLine : Math.min(word.length, perLine);
      }
    }
    lines += 1;
  }
  return lines;
}

/** Row heights for rows whose wrapped text needs more than one line (merged cells count their full width). */
function wrappedRowHeights(
  cells: readonly SheetCell[],
  columnWidths: readonly number[],
  merges: readonly CellRangeRef[],
): { row: number; height: number }[] {
  const heights = new Map<number, number>();
  const mergeAt = new Map(merges.map((m) => [`${m.firstRow},${m.firstColumn}`, m]));
  for (const cell of cells) {
    if (!cell.style?.wrapText || typeof cell.value !== "string") continue;
    const merge = mergeAt.size === 0 ? undefined : mergeAt.get(`${cell.row},${cell.column}`);
    if (merge && merge.lastRow > merge.firstRow) continue; // a tall merge already has room
    let width = 0;
    for (let column = cell.column; column <= (merge?.lastColumn ?? cell.column); column++) {
      width += columnWidths[column - 1] ?? 8.43;
    }
    const scale = (cell.style.fontSize ?? DEFAULT_FONT_SIZE) / DEFAULT_FONT_SIZE;
    const lines = linesNeeded(cell.value, width / scale);
    if (lines > 1) heights.set(cell.row, Math.max(heights.get(cell.row) ?? 0, lines * LINE_HEIGHT_POINTS * scale));
  }
  return [...heights.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}

/**
 * A cell's style: the row's, overridden by the cell's own. A frozen style (a house style) is shared, as nobody can
 * change it; any other is copied, so whoever made it may go on changing their object.
 */
function mergedStyle(rowStyle: CellStyle | undefined, own: CellStyle | undefined): CellStyle | undefined {
  if (rowStyle && own) return Object.assign({}, rowStyle, own);
  const style = rowStyle ?? own;
  return style && (Object.isFrozen(style) ? style : { ...style });
}

/**
 * A house style (frozen), or a new style with `extra` over it. Object.assign rather than `{ ...base, ...extra }`,
 * which V8 makes several times slower, and summary sheets make one for nearly every cell.
 */
function withStyle(base: Readonly<CellStyle>, extra: CellStyle | undefined): CellStyle {
  return extra ? Object.assign({}, base, extra) : base;
}

/** A placed cell, made with all its keys at once (in this order), leaving out a missing style or note. */
function sheetCell(row: number, column: number, value: CellContent, style?: CellStyle, note?: string): SheetCell {
  if (style) return note ? { row, column, value, style, note } : { row, column, value, style };
  return note ? { row, column, value, note } : { row, column, value };
}

/**
 * A block of rows another module adds to a sheet (e.g. the partner returns area under the RAG sheet): it writes
 * from `builder.nextRow` on, and may add its own conditional formats and merges.
 */
export type SheetSection = (builder: SheetBuilder) => void;

export function range(
  firstRow: number,
  firstColumn: number,
  lastRow = firstRow,
  lastColumn = firstColumn,
): CellRangeRef {
  return { firstRow, firstColumn, lastRow, lastColumn };
}

// ---- Cells -------------------------------------------------------------------------------------------------

/** Workbook text as a text cell (never a formula, whatever it starts with); blank text gives an empty cell. */
export function textCell(text: string | null | undefined, style?: CellStyle): StyledCell {
  return {
    value: text === undefined || text === null || text.trim() === "" ? null : text,
    ...(style ? { style } : {}),
  };
}

export function moneyCell(amount: number | null, style?: CellStyle): StyledCell {
  return { value: amount, style: withStyle(STYLES.money, style) };
}

export function ratioCell(ratio: number | null, style?: CellStyle): StyledCell {
  return { value: ratio, style: withStyle(STYLES.ratio, style) };
}

export function dateCell(date: CalendarDate, style?: CellStyle): StyledCell {
  return { value: excelSerial(date), style: withStyle(STYLES.date, style) };
}

/** RAG cells' styles, shared (frozen) like the house styles. */
const RAG_CELL_STYLES: Record<ProjectRag, CellStyle> = {
  Green: ragCellStyle("Green"),
  Amber: ragCellStyle("Amber"),
  Red: ragCellStyle("Red"),
  NotDue: ragCellStyle("NotDue"),
  Awaiting: ragCellStyle("Awaiting"),
};

function ragCellStyle(rag: ProjectRag): CellStyle {
  return Object.freeze({
    fill: RAG_STYLE[rag].fill,
    fontColor: RAG_STYLE[rag].fontColor,
    horizontalAlignment: "center",
  });
}

/** A RAG status as symbol and word (never colour alone) on its colour-blind-safe fill. */
export function ragCell(rag: ProjectRag): StyledCell {
  return { value: ragText(rag), style: RAG_CELL_STYLES[rag] };
}

/** What papers write for a target to be set: Not due's symbol and fill, with its own word (it is not rated). */
export function toBeSetCell(): StyledCell {
  return { value: `${RAG_STYLE.NotDue.symbol} ${TO_BE_SET_LABEL}`, style: RAG_CELL_STYLES.NotDue };
}

/** A target's status cell: "○ Target to be set" while it waits for its baseline, else its RAG shown. */
export function targetRagCell(shown: ProjectRag, toBeSet: boolean): StyledCell {
  return toBeSet ? toBeSetCell() : ragCell(shown);
}

export const RAG_WORDS: readonly string[] = (Object.keys(RAG_STYLE) as ProjectRag[]).map(ragText);

/**
 * The fill follows the RAG when a user types over a RAG cell: the symbol and word as the sheet writes them, or the
 * bare word as a person types it.
 */
export function ragConditionalFormats(over: CellRangeRef): TextEqualsFormat[] {
  return (Object.keys(RAG_STYLE) as ProjectRag[]).flatMap((rag) =>
    [ragText(rag), RAG_STYLE[rag].label].map((text) => ragFormat(over, rag, text)),
  );
}

function ragFormat(over: CellRangeRef, rag: ProjectRag, text: string): TextEqualsFormat {
  return {
    type: "textEquals",
    range: over,
    text,
    style: { fill: RAG_STYLE[rag].fill, fontColor: RAG_STYLE[rag].fontColor },
  };
}

/** Trend as arrow AND word, so it reads without the symbol font too. */
export const TREND_LABEL: Record<Trend, string> = { up: "▲ up", down: "▼ down", level: "► level" };

export function trendCell(trend: Trend | null): StyledCell {
  if (trend === null) return { value: null };
  return { value: TREND_LABEL[trend], style: STYLES.centre };
}

const NO_DATA_STYLE: CellStyle = Object.freeze({ ...STYLES.muted, ...STYLES.centre });

/** A cell shown when there is nothing to compare with: a dash, explained by the sheet's legend or by `note`. */
export function noDataCell(note?: string): StyledCell {
  return note ? { value: "—", style: NO_DATA_STYLE, note } : { value: "—", style: NO_DATA_STYLE };
}

// ---- Figures -------------------------------------------------------------------------------------------------

const FIGURE_FORMATS = {
  wholePercent: "0%",
  percent: "0.0%",
  money: NUMBER_FORMATS.money,
  whole: NUMBER_FORMATS.integer,
  decimals: "#,##0.0#",
} as const;
type FigureFormat = (typeof FIGURE_FORMATS)[keyof typeof FIGURE_FORMATS];

/** Each figure format's style, shared (frozen) like the house styles. */
const FIGURE_STYLES = Object.fromEntries(
  Object.values(FIGURE_FORMATS).map((numberFormat) => [numberFormat, Object.freeze({ numberFormat })]),
) as Record<FigureFormat, CellStyle>;

/** Number format for a target figure: % for Percentage, £ for Currency, whole or two decimals otherwise. */
export function figureFormat(value: number, measure: Measure): FigureFormat {
  if (measure === "Percentage") {
    return Number.isInteger(Math.round(value * 1e6) / 1e4) ? FIGURE_FORMATS.wholePercent : FIGURE_FORMATS.percent;
  }
  if (measure === "Currency") return FIGURE_FORMATS.money;
  return Number.isInteger(Math.round(value * 1e6) / 1e6) ? FIGURE_FORMATS.whole : FIGURE_FORMATS.decimals;
}

export function figureCell(value: number | null, measure: Measure, style?: CellStyle): StyledCell {
  if (value === null) return { value: null, ...(style ? { style } : {}) };
  return { value, style: withStyle(FIGURE_STYLES[figureFormat(value, measure)], style) };
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
