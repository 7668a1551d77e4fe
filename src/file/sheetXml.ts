// SheetSpec → worksheet XML, written directly (no workbook object model): the summary sheets a report adds to a
// copy of the input workbook. It draws what drawSheet draws through ExcelJS, and writes the same XML ExcelJS would
// for it, so the sheet reads back the same (values, looks, notes, merges, frozen panes, conditional formats, print
// setup): one cell style per distinct look, text as inline strings (partner text is always text, never a formula).
// A spec with data validations or sheet protection (partner returns) is left to drawSheet.
import JSZip from "jszip";
import { cellAddress, columnLetters, rangeAddress } from "../core/grid";
import {
  rangeContains,
  rangeRefAddress,
  type CellContent,
  type CellStyle,
  type ConditionalFormat,
  type SheetSpec,
} from "../core/sheets/spec";
import { argb } from "./drawSheet";
import { escapeXml, REL_TYPE } from "./packageParts";
import { BUILT_IN_FORMATS } from "./streamGrids";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const A4_PAPER_SIZE = 9;
const BORDER_COLOR = "FF808080";

/** One sheet of the package written: a summary sheet's spec, or plain rows (the registry). */
export interface SheetToWrite {
  name: string;
  state: "visible" | "veryHidden";
  spec?: SheetSpec;
  rows?: CellContent[][];
}

/** Whether this writer draws the spec as drawSheet would (validations and protection are drawSheet's alone). */
export function canWriteDirectly(spec: SheetSpec): boolean {
  return (spec.validations ?? []).length === 0 && !spec.protection?.protect;
}

/** A cell's look as ExcelJS holds it: each part replaced whole when a style sets any of it. */
interface Look {
  numFmt?: string;
  font?: string;
  fill?: string;
  alignment?: string;
  border?: string;
  unlocked?: boolean;
}

function fontXml(style: CellStyle): string | undefined {
  if (style.bold === undefined && style.italic === undefined && style.fontSize === undefined && !style.fontColor) {
    return undefined;
  }
  const color = style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : "";
  return `<font>${style.bold ? "<b/>" : ""}${style.italic ? "<i/>" : ""}${color}<family val="2"/><sz val="${style.fontSize ?? 11}"/><name val="Calibri"/></font>`;
}

function alignmentXml(style: CellStyle): string | undefined {
  const parts: string[] = [];
  if (style.horizontalAlignment) parts.push(`horizontal="${style.horizontalAlignment}"`);
  if (style.verticalAlignment) parts.push(`vertical="${style.verticalAlignment}"`);
  if (style.wrapText) parts.push('wrapText="1"');
  if (style.indent) parts.push(`indent="${style.indent}"`);
  return parts.length > 0 ? `<alignment ${parts.join(" ")}/>` : undefined;
}

function borderXml(style: CellStyle): string | undefined {
  if (!style.border && !style.bottomBorder) return undefined;
  const edge = (tag: string, weight: string | undefined) =>
    weight ? `<${tag} style="${weight}"><color rgb="${BORDER_COLOR}"/></${tag}>` : `<${tag}/>`;
  const all = style.border;
  return `<border>${edge("left", all)}${edge("right", all)}${edge("top", all)}${edge("bottom", style.bottomBorder ?? all)}<diagonal/></border>`;
}

/** The parts a style sets, as drawSheet's applyStyle sets them. */
function lookOf(style: CellStyle): Look {
  const look: Look = {};
  if (style.numberFormat !== undefined) look.numFmt = style.numberFormat;
  const font = fontXml(style);
  if (font) look.font = font;
  if (style.fill) look.fill = argb(style.fill);
  const alignment = alignmentXml(style);
  if (alignment) look.alignment = alignment;
  const border = borderXml(style);
  if (border) look.border = border;
  if (style.unlocked) look.unlocked = true;
  return look;
}

function overlay(base: Look, top: Look): Look {
  const look = { ...base };
  for (const [key, value] of Object.entries(top) as [keyof Look, string & boolean][]) {
    if (value !== undefined) look[key] = value;
  }
  return look;
}

const BUILT_IN_IDS = new Map(Object.entries(BUILT_IN_FORMATS).map(([id, code]) => [code, Number(id)]));
BUILT_IN_IDS.set("General", 0);

/** The styles part: every distinct look once, and the differential styles of conditional formats. */
class StyleBook {
  private readonly numFmts = new Map<string, number>();
  private readonly fonts = new Map<string, number>([
    ['<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>', 0],
  ]);
  private readonly fills = new Map<string, number>([
    ['<fill><patternFill patternType="none"/></fill>', 0],
    ['<fill><patternFill patternType="gray125"/></fill>', 1],
  ]);
  private readonly borders = new Map<string, number>([
    ["<border><left/><right/><top/><bottom/><diagonal/></border>", 0],
  ]);
  private readonly xfs = new Map<string, number>([
    ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0],
  ]);
  private readonly dxfs = new Map<string, number>();
  private readonly byStyle = new WeakMap<CellStyle, number>();

  /** The style index of a spec style drawn on its own (cached by the style object, which the core often shares). */
  xfOfStyle(style: CellStyle): number {
    let xf = this.byStyle.get(style);
    if (xf === undefined) {
      xf = this.xfOf(lookOf(style));
      this.byStyle.set(style, xf);
    }
    return xf;
  }

  xfOf(look: Look): number {
    const numFmtId = look.numFmt === undefined ? 0 : this.numFmtId(look.numFmt);
    const fontId = look.font ? index(this.fonts, look.font) : 0;
    const fillId = look.fill
      ? index(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${look.fill}"/></patternFill></fill>`)
      : 0;
    const borderId = look.border ? index(this.borders, look.border) : 0;
    const applied = [
      numFmtId ? ' applyNumberFormat="1"' : "",
      fontId ? ' applyFont="1"' : "",
      fillId ? ' applyFill="1"' : "",
      borderId ? ' applyBorder="1"' : "",
      look.alignment ? ' applyAlignment="1"' : "",
      look.unlocked ? ' applyProtection="1"' : "",
    ].join("");
    const inner = `${look.alignment ?? ""}${look.unlocked ? '<protection locked="0"/>' : ""}`;
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    return index(this.xfs, inner ? `${head}>${inner}</xf>` : `${head}/>`);
  }

  dxfOf(style: Pick<CellStyle, "fill" | "fontColor" | "bold">): number {
    let font = "";
    if (style.fontColor || style.bold) {
      font = `<font>${style.bold ? "<b/>" : ""}${style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : ""}</font>`;
    }
    const fill = style.fill
      ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(style.fill)}"/></patternFill></fill>`
      : "";
    return index(this.dxfs, `<dxf>${font}${fill}</dxf>`);
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_IDS.get(code);
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  xml(): string {
    const list = (tag: string, items: Map<string, number>) =>
      `<${tag} count="${items.size}">${[...items.keys()].join("")}</${tag}>`;
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts.length > 0 ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
      list("fonts", this.fonts) +
      list("fills", this.fills) +
      list("borders", this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list("dxfs", this.dxfs) +
      "</styleSheet>"
    );
  }
}

function index(map: Map<string, number>, key: string): number {
  let at = map.get(key);
  if (at === undefined) {
    at = map.size;
    map.set(key, at);
  }
  return at;
}

/** Text as XML content; leading or trailing spaces and line breaks kept. */
function textElement(text: string): string {
  const preserve = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<t${preserve}>${escapeXml(text)}</t>`;
}

/** A cell's XML: text is always an inline string, so nothing a partner typed can become a formula. */
function cellXml(address: string, xf: number, value: CellContent | undefined): string {
  const s = xf ? ` s="${xf}"` : "";
  if (value === null || value === undefined) return `<c r="${address}"${s}/>`;
  if (typeof value === "string") return `<c r="${address}"${s} t="inlineStr"><is>${textElement(value)}</is></c>`;
  if (typeof value === "number") {
    return Number.isFinite(value) ? `<c r="${address}"${s}><v>${value}</v></c>` : `<c r="${address}"${s}/>`;
  }
  if (typeof value === "boolean") return `<c r="${address}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const formula = `<f>${escapeXml(value.formula.replace(/^=/, ""))}</f>`;
  if (value.result === undefined) return `<c r="${address}"${s}>${formula}</c>`;
  if (typeof value.result === "string") {
    return `<c r="${address}"${s} t="str">${formula}<v>${escapeXml(value.result)}</v></c>`;
  }
  return `<c r="${address}"${s}>${formula}<v>${value.result}</v></c>`;
}

interface PlacedCell {
  row: number;
  column: number;
  xf: number;
  value?: CellContent;
}

/** The cells to write in order, and each one's style index (apart, so the spec's own cells can be used as they are). */
interface Placed {
  cells: readonly { row: number; column: number; value?: CellContent }[];
  xfs: ArrayLike<number>;
}

/**
 * Where a sheet's XML goes: UTF-8 bytes, encoded a batch at a time into one growing buffer, so a sheet of a
 * million cells is never a million strings (or one string of them) at once. Plain text where there is no encoder.
 */
class XmlSink {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;
  private pending = "";
  private readonly encoder = typeof TextEncoder === "undefined" ? null : new TextEncoder();
  private text = "";

  write(piece: string): void {
    this.pending += piece;
    if (this.pending.length > 1 << 16) this.flush();
  }

  private flush(): void {
    if (!this.encoder) this.text += this.pending;
    else if (this.pending) {
      const chunk = this.encoder.encode(this.pending);
      this.chunks.push(chunk);
      this.length += chunk.length;
    }
    this.pending = "";
  }

  /** The whole part (chunks joined once, at the end: never a buffer grown by copying). */
  content(): Uint8Array | string {
    this.flush();
    if (!this.encoder) return this.text;
    const bytes = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks.splice(0)) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }
}

const cellKey = (row: number, column: number) => row * 16_384 + column - 1;

/**
 * The cells of the ordinary summary sheet (no range styles, cells in order, each address once) placed without a
 * copy of each cell: the spec's own cells, with the few a merge covers laid in. Null for any other sheet.
 */
function placeCellsInOrder(spec: SheetSpec, styles: StyleBook): Placed | null {
  if ((spec.rangeStyles ?? []).length > 0) return null;
  const cells = spec.cells;
  for (let i = 1; i < cells.length; i++) {
    if (cellKey(cells[i].row, cells[i].column) <= cellKey(cells[i - 1].row, cells[i - 1].column)) return null;
  }
  const xfs = new Uint32Array(cells.length);
  cells.forEach((cell, i) => {
    xfs[i] = cell.style ? styles.xfOfStyle(cell.style) : 0;
  });
  if (spec.merges.length === 0) return { cells, xfs };
  // A merge's covered cells take its first cell's look and hold nothing: laid in the general way, but only within
  // the merged areas (a few cells), then woven into the sheet's own cells, which stay as they are.
  const merged = new Set<number>();
  for (const merge of spec.merges) {
    for (let row = merge.firstRow; row <= merge.lastRow; row++) {
      for (let column = merge.firstColumn; column <= merge.lastColumn; column++) merged.add(cellKey(row, column));
    }
  }
  const inMerges = new Map<number, PlacedCell>();
  cells.forEach((cell, i) => {
    const key = cellKey(cell.row, cell.column);
    if (merged.has(key)) inMerges.set(key, { row: cell.row, column: cell.column, xf: xfs[i], value: cell.value });
  });
  const laid = withMerges(inMerges, spec);
  const woven: { row: number; column: number; value?: CellContent }[] = [];
  const wovenXfs: number[] = [];
  let m = 0;
  const lay = (cell: PlacedCell) => {
    woven.push(cell);
    wovenXfs.push(cell.xf);
  };
  cells.forEach((cell, i) => {
    const key = cellKey(cell.row, cell.column);
    while (m < laid.length && cellKey(laid[m].row, laid[m].column) < key) lay(laid[m++]);
    if (merged.has(key)) return;
    woven.push(cell);
    wovenXfs.push(xfs[i]);
  });
  while (m < laid.length) lay(laid[m++]);
  return { cells: woven, xfs: wovenXfs };
}

function fromPlacedCells(cells: PlacedCell[]): Placed {
  return { cells, xfs: cells.map((cell) => cell.xf) };
}

function withMerges(placed: Map<number, PlacedCell>, spec: SheetSpec): PlacedCell[] {
  for (const merge of spec.merges) {
    const master = placed.get(cellKey(merge.firstRow, merge.firstColumn));
    const xf = master?.xf ?? 0;
    if (!master) {
      placed.set(cellKey(merge.firstRow, merge.firstColumn), { row: merge.firstRow, column: merge.firstColumn, xf });
    }
    for (let row = merge.firstRow; row <= merge.lastRow; row++) {
      for (let column = merge.firstColumn; column <= merge.lastColumn; column++) {
        if (row === merge.firstRow && column === merge.firstColumn) continue;
        placed.set(cellKey(row, column), { row, column, xf });
      }
    }
  }
  return [...placed.entries()].sort((a, b) => a[0] - b[0]).map(([, cell]) => cell);
}

/** The cells of a spec as drawSheet leaves them: range styles beneath, each cell's own on top, merges last. */
function placeCells(spec: SheetSpec, styles: StyleBook): Placed {
  const rangeStyles = spec.rangeStyles ?? [];
  const looks = new Map<number, Look>();
  for (const { range, style } of rangeStyles) {
    const look = lookOf(style);
    for (let row = range.firstRow; row <= range.lastRow; row++) {
      for (let column = range.firstColumn; column <= range.lastColumn; column++) {
        const key = cellKey(row, column);
        looks.set(key, overlay(looks.get(key) ?? {}, look));
      }
    }
  }
  const placed = new Map<number, PlacedCell>();
  for (const [key, look] of looks) {
    placed.set(key, { row: Math.floor(key / 16_384), column: (key % 16_384) + 1, xf: styles.xfOf(look) });
  }
  for (const cell of spec.cells) {
    const key = cellKey(cell.row, cell.column);
    let xf: number;
    if (rangeStyles.length === 0 && !placed.has(key)) {
      xf = cell.style ? styles.xfOfStyle(cell.style) : 0;
    } else {
      // As drawSheet: the range styles beneath merged property by property, the cell's own style winning.
      const beneath = rangeStyles.filter(({ range }) => rangeContains(range, cell.row, cell.column));
      const merged = { ...beneath.reduce<CellStyle>((all, r) => ({ ...all, ...r.style }), {}), ...cell.style };
      const before = looks.get(key) ?? {};
      const look = overlay(before, lookOf(merged));
      looks.set(key, look);
      xf = styles.xfOf(look);
    }
    placed.set(key, { row: cell.row, column: cell.column, xf, value: cell.value });
  }
  return fromPlacedCells(withMerges(placed, spec));
}

function writeSheetData(sink: XmlSink, { cells, xfs }: Placed, heights: Map<number, number>, xfOffset: number): void {
  const rowOpen = (row: number) => {
    const height = heights.get(row);
    return height === undefined ? `<row r="${row}">` : `<row r="${row}" ht="${height}" customHeight="1">`;
  };
  const heightRows = [...heights.keys()].sort((a, b) => a - b);
  let h = 0;
  let current = 0;
  sink.write("<sheetData>");
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const xf = xfs[i];
    if (cell.row !== current) {
      if (current) sink.write("</row>");
      // Rows with a height but no cells come in their place.
      while (h < heightRows.length && heightRows[h] < cell.row) sink.write(`${rowOpen(heightRows[h++])}</row>`);
      if (heightRows[h] === cell.row) h++;
      current = cell.row;
      sink.write(rowOpen(current));
    }
    if (cell.value !== undefined || xf) {
      sink.write(cellXml(cellAddress(cell.row, cell.column), xf ? xf + xfOffset : 0, cell.value));
    }
  }
  if (current) sink.write("</row>");
  while (h < heightRows.length) sink.write(`${rowOpen(heightRows[h++])}</row>`);
  sink.write("</sheetData>");
}

function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function conditionalXml(format: ConditionalFormat, priority: number, styles: StyleBook, dxfOffset: number): string {
  const dxfId = styles.dxfOf(format.style) + dxfOffset;
  let rule: string;
  if (format.type === "textEquals") {
    const topLeft = cellAddress(format.range.firstRow, format.range.firstColumn);
    rule = `<cfRule type="expression" dxfId="${dxfId}" priority="${priority}"><formula>${escapeXml(`TRIM(${topLeft})=${formulaText(format.text)}`)}</formula></cfRule>`;
  } else if (format.type === "formula") {
    rule = `<cfRule type="expression" dxfId="${dxfId}" priority="${priority}"><formula>${escapeXml(format.formula.replace(/^=/, ""))}</formula></cfRule>`;
  } else {
    rule = `<cfRule type="cellIs" dxfId="${dxfId}" priority="${priority}" operator="between"><formula>${format.min}</formula><formula>${format.max}</formula></cfRule>`;
  }
  return `<conditionalFormatting sqref="${rangeRefAddress(format.range)}">${rule}</conditionalFormatting>`;
}

function viewsXml(freeze: SheetSpec["freeze"]): string {
  if (!freeze || (freeze.rows <= 0 && freeze.columns <= 0)) return "";
  const pane = freeze.rows > 0 ? (freeze.columns > 0 ? "bottomRight" : "bottomLeft") : "topRight";
  const split = `${freeze.columns > 0 ? ` xSplit="${freeze.columns}"` : ""}${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ""}`;
  const topLeft = cellAddress(freeze.rows + 1, freeze.columns + 1);
  return `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`;
}

function colsXml(widths: readonly number[]): string {
  const cols = widths
    .map((width, index) =>
      width > 0 ? `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>` : "",
    )
    .join("");
  return cols ? `<cols>${cols}</cols>` : "";
}

function printXml(spec: SheetSpec): string {
  const print = spec.print;
  const fit = print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : "";
  let xml =
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="${A4_PAPER_SIZE}" orientation="${print.orientation}"${fit}/>`;
  if (print.header || print.footer) {
    xml += `<headerFooter>${print.header ? `<oddHeader>${escapeXml(`&C${print.header}`)}</oddHeader>` : ""}${print.footer ? `<oddFooter>${escapeXml(`&C${print.footer}`)}</oddFooter>` : ""}</headerFooter>`;
  }
  // A page that starts at row r breaks below r - 1 (as drawSheet asks ExcelJS to).
  const breaks = (print.pageBreaksBefore ?? []).filter((row) => row > 1);
  if (breaks.length > 0) {
    const brks = breaks.map((row) => `<brk id="${row - 1}" max="16838" man="1"/>`).join("");
    xml += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${brks}</rowBreaks>`;
  }
  return xml;
}

interface Note {
  row: number;
  column: number;
  text: string;
}

function commentsXml(notes: Note[]): string {
  const comments = notes
    .map(
      (n) =>
        `<comment ref="${cellAddress(n.row, n.column)}" authorId="0"><text><r>${textElement(n.text)}</r></text></comment>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>Author</author></authors><commentList>${comments}</commentList></comments>`;
}

/** The notes' hover boxes, as ExcelJS draws them (Excel shows a note only with its shape). */
function vmlXml(notes: Note[]): string {
  const shapes = notes.map((n, i) => {
    const top = Math.max(n.row - 2, 0);
    const anchor = [n.column, 6, top, 14, n.column + 2, 2, top + 4, 16].join(", ");
    return (
      `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute; margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
      '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm"><div style="text-align:left"/></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:Locked>True</x:Locked><x:AutoFill>False</x:AutoFill><x:LockText>True</x:LockText><x:Row>${n.row - 1}</x:Row><x:Column>${n.column - 1}</x:Column></x:ClientData></v:shape>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes.join("")}</xml>`
  );
}

/** One worksheet part, with its notes' parts when it has notes. */
function worksheetParts(
  sheet: SheetToWrite,
  styles: StyleBook,
  offsets: StyleOffsets,
): { xml: Uint8Array | string; notes: Note[] } {
  const spec: SheetSpec =
    sheet.spec ??
    ({
      name: sheet.name,
      kind: "template",
      cells: (sheet.rows ?? []).flatMap((values, r) =>
        values.map((value, c) => ({ row: r + 1, column: c + 1, value })).filter((cell) => cell.value !== null),
      ),
      columnWidths: [],
      merges: [],
      conditionalFormats: [],
      print: { orientation: "portrait", paperSize: "A4", fitToWidth: false },
    } satisfies SheetSpec);
  const placed = placeCellsInOrder(spec, styles) ?? placeCells(spec, styles);
  const { cells } = placed;
  const heights = new Map((spec.rowHeights ?? []).map(({ row, height }) => [row, height]));
  const notes = spec.cells
    .filter((cell) => cell.note)
    .map((cell) => ({ row: cell.row, column: cell.column, text: cell.note! }));
  const lastRow = cells.reduce((last, cell) => Math.max(last, cell.row), 1);
  const lastColumn = cells.reduce((last, cell) => Math.max(last, cell.column), 1);
  const sheetPr =
    spec.tabColor || spec.print.fitToWidth
      ? `<sheetPr>${spec.tabColor ? `<tabColor rgb="${argb(spec.tabColor)}"/>` : ""}${spec.print.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`
      : "";
  const merges =
    spec.merges.length > 0
      ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${rangeAddress(m.firstRow, m.firstColumn, m.lastRow, m.lastColumn)}"/>`).join("")}</mergeCells>`
      : "";
  const formats = spec.conditionalFormats
    .map((format, i) => conditionalXml(format, i + 1, styles, offsets.dxf))
    .join("");
  const sink = new XmlSink();
  sink.write(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_TYPE}">` +
      sheetPr +
      `<dimension ref="A1:${columnLetters(lastColumn)}${lastRow}"/>` +
      viewsXml(spec.freeze) +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      colsXml(spec.columnWidths),
  );
  writeSheetData(sink, placed, heights, offsets.xf);
  sink.write(
    merges +
      formats +
      (sheet.spec ? printXml(spec) : "") +
      (notes.length > 0 ? '<legacyDrawing r:id="rId2"/>' : "") +
      "</worksheet>",
  );
  return { xml: sink.content(), notes };
}

/** Excel's quoting of a sheet name in a reference ('Claim 2009-10 Q2'!$1:$6). */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A package holding only these sheets (no other parts it does not need), to be laid into a copy of the input
 * workbook by copyKeepingInputs. Left unzipped: the copy is zipped once.
 */
/** How far the written styles' indexes move when laid after the original's (none for a package of its own). */
export interface StyleOffsets {
  xf: number;
  dxf: number;
}

export function writtenPackage(sheets: readonly SheetToWrite[], offsets: StyleOffsets = { xf: 0, dxf: 0 }): JSZip {
  const zip = new JSZip();
  const styles = new StyleBook();
  const sheetElements: string[] = [];
  const rels: string[] = [];
  const names: string[] = [];
  sheets.forEach((sheet, i) => {
    const n = i + 1;
    const { xml, notes } = worksheetParts(sheet, styles, offsets);
    zip.file(`xl/worksheets/sheet${n}.xml`, xml);
    if (notes.length > 0) {
      zip.file(`xl/comments${n}.xml`, commentsXml(notes));
      zip.file(`xl/drawings/vmlDrawing${n}.vml`, vmlXml(notes));
      zip.file(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${REL_TYPE}/comments" Target="../comments${n}.xml"/>` +
          `<Relationship Id="rId2" Type="${REL_TYPE}/vmlDrawing" Target="../drawings/vmlDrawing${n}.vml"/></Relationships>`,
      );
    }
    const state = sheet.state === "visible" ? "" : ` state="${sheet.state}"`;
    sheetElements.push(`<sheet name="${escapeXml(sheet.name)}" sheetId="${n}"${state} r:id="rId${n}"/>`);
    rels.push(`<Relationship Id="rId${n}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    const repeat = sheet.spec?.print.repeatRows;
    if (repeat) {
      const ref = `${quotedSheet(sheet.name)}!$${repeat.first}:$${repeat.last}`;
      names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(ref)}</definedName>`);
    }
  });
  rels.push(`<Relationship Id="rIdStyles" Type="${REL_TYPE}/styles" Target="styles.xml"/>`);
  zip.file("xl/styles.xml", styles.xml());
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_TYPE}"><sheets>${sheetElements.join("")}</sheets>` +
      (names.length > 0 ? `<definedNames>${names.join("")}</definedNames>` : "") +
      "</workbook>",
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  return zip;
}
