// .xlsx bytes → grids, read as each sheet's XML streams past: no workbook object model, so time and memory go
// with the cells that hold something. It reads cells exactly as readGrids reads them through ExcelJS (the tests
// hold the two to the same grids on every test workbook): a formula as its cached result, shared and inline text
// (rich text as its plain text), errors as their text, numbers in a date format as dates, percent formats noted,
// and the covered cells of a merge as empty. No fs here: this module also runs in the browser bundle.
import JSZip from "jszip";
import {
  cellAddress,
  columnNumber,
  gridFromCells,
  isPercentFormat,
  type CellValue,
  type SheetGrid,
} from "../core/grid";
import { attr, dirOf, REL_TYPE, relsPathOf, resolvePath, targetOf } from "./packageParts";
import {
  controlCharacterProblem,
  CONTROL_CHARACTER,
  MAX_PART_BYTES,
  missingSharedStringsProblem,
  oversizeProblem,
  PackageProblem,
  statedSizes,
  unescapeXml,
} from "./xlsxPackage";

/** One sheet as the workbook lists it, with its grid. */
export interface StreamedSheet {
  name: string;
  /** "visible", "hidden" or "veryHidden", as the workbook says. */
  state: string;
  grid: SheetGrid;
}

/** Excel's built-in number formats that ExcelJS knows by id (other ids have no format). */
export const BUILT_IN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** How a cell style shows a number: as a date, as a percentage, or as it is. */
interface NumberLook {
  date: boolean;
  percent: boolean;
}
const PLAIN: NumberLook = { date: false, percent: false };

/** A format that shows a date or time (ExcelJS's test: a date letter outside quotes and brackets). */
function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Character and entity references undone, line ends normalised, as an XML parser reads text. */
function xmlText(raw: string): string {
  const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (match, ref: string) => {
    if (ref[0] !== "#") return unescapeXml(match);
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}

/** Excel's escapes for characters XML cannot hold ("_x000D_"), undone as ExcelJS undoes them in text runs. */
function runText(text: string): string {
  return text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const T_ELEMENT = /<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g;
const PHONETIC = /<rPh\b[\s\S]*?<\/rPh>/g;

/** The texts of every <t> in a piece of XML, unescaped. */
function texts(xml: string): string[] {
  return [...xml.matchAll(T_ELEMENT)].map((m) => xmlText(m[1] ?? ""));
}

/** One shared string (<si>'s inner XML) as plain text: its runs joined, phonetic guides left out. */
function sharedString(inner: string): string | null {
  const own = inner.replace(PHONETIC, "");
  if (/<r[\s>]/.test(own)) return texts(own).map(runText).join("");
  const all = texts(own);
  return all.length === 0 ? null : runText(all[all.length - 1]);
}

/** Inline text (<is>'s inner XML): rich runs as their text; otherwise every <t> in it, as ExcelJS joins them. */
function inlineString(inner: string): string {
  if (/<r[\s>]/.test(inner)) return texts(inner.replace(PHONETIC, "")).map(runText).join("");
  return texts(inner).join("");
}

/** The stream jszip gives for one part (not in its type declarations). */
interface ChunkStream {
  on(event: "data", listener: (chunk: string) => void): ChunkStream;
  on(event: "error", listener: (error: unknown) => void): ChunkStream;
  on(event: "end", listener: () => void): ChunkStream;
  resume(): ChunkStream;
}
type StreamingEntry = JSZip.JSZipObject & { internalStream(type: "string"): ChunkStream };

/**
 * Inflates a part chunk by chunk and hands on whole elements: each time the text read so far holds `closing`,
 * everything up to its last occurrence goes to `onElements` and only the rest is kept. At the end what remains
 * goes to `onRest`. So a part is never held whole, only an element or so at a time.
 */
/**
 * The checks checkXlsxPackage makes on a part, made here for the worksheets as they are read (so they are
 * inflated once): held to the size the zip directory states, no raw control characters.
 */
interface PartGuard {
  limit: number;
  sheet: string;
}

function streamPart(
  entry: JSZip.JSZipObject,
  closing: string,
  onElements: (xml: string) => void,
  onRest: (xml: string) => void,
  guard?: PartGuard,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let pending = "";
    let failed = false;
    let seen = 0;
    const where = guard && `the sheet "${guard.sheet}"`;
    const stream = (entry as StreamingEntry).internalStream("string");
    stream
      .on("data", (chunk) => {
        if (failed) return;
        if (guard && where) {
          // A character is at least a byte, so counting characters still catches a part past its stated size.
          seen += chunk.length;
          const control = CONTROL_CHARACTER.exec(chunk);
          const problem =
            seen > guard.limit
              ? oversizeProblem(where, guard.sheet)
              : control
                ? controlCharacterProblem(control[0], where, guard.sheet)
                : null;
          if (problem) {
            failed = true;
            reject(problem);
            return;
          }
        }
        pending += chunk;
        const end = pending.lastIndexOf(closing);
        if (end < 0) return;
        const whole = pending.slice(0, end + closing.length);
        pending = pending.slice(end + closing.length);
        try {
          onElements(whole);
        } catch (error) {
          failed = true;
          reject(error);
        }
      })
      .on("error", (error) => {
        failed = true;
        const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
        reject(guard ? new PackageProblem(`is damaged: ${where} cannot be unpacked (${reason}).`, guard.sheet) : error);
      })
      .on("end", () => {
        if (failed) return;
        try {
          onRest(pending);
          resolve();
        } catch (error) {
          reject(error);
        }
      })
      .resume();
  });
}

const damaged = (what: string) => new PackageProblem(`is damaged: its parts cannot be read as a workbook (${what}).`);

/**
 * Text held on its own, not as a slice of the chunk of XML it was found in (which would keep the whole chunk in
 * memory), and held once if it is short and seen before.
 */
function ownText(text: string, texts: Map<string, string>): string {
  const known = texts.get(text);
  if (known !== undefined) return known;
  // Shorter strings are always copied by the engine; a longer one is copied by a round trip through JSON.
  const own = text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
  if (text.length <= 64 && texts.size < 1_000_000) texts.set(own, own);
  return own;
}

async function readSharedStrings(
  zip: JSZip,
  path: string | null,
  texts: Map<string, string>,
): Promise<(string | null)[]> {
  const entry = path ? zip.file(path) : null;
  if (!entry) return [];
  const strings: (string | null)[] = [];
  const take = (xml: string) => {
    for (const m of xml.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
      const text = sharedString(m[1] ?? "");
      strings.push(text === null ? null : ownText(text, texts));
    }
  };
  await streamPart(entry, "</si>", take, take);
  return strings;
}

/** Each cell style's number look, by style index (cellXfs). */
async function readNumberLooks(zip: JSZip, path: string | null): Promise<NumberLook[]> {
  const xml = path ? await zip.file(path)?.async("string") : undefined;
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId"));
    const code = attr(m[0], "formatCode");
    if (code !== null) custom.set(id, xmlText(code));
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  return [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = parseInt(attr(m[0], "numFmtId") ?? "", 10);
    const format = id ? (custom.get(id) ?? BUILT_IN_FORMATS[id]) : undefined;
    return format ? { date: isDateFormat(format), percent: isPercentFormat(format) } : PLAIN;
  });
}

interface SheetContext {
  /** The sheet being read, for messages. */
  sheet: string;
  hasSharedStrings: boolean;
  /** The most a part may inflate to: what the zip directory states, within MAX_PART_BYTES. */
  limitOf: (part: string) => number;
  strings: (string | null)[];
  /** Each distinct short text once, so a value repeated down a column (a year, a quarter) is held once. */
  texts: Map<string, string>;
  looks: NumberLook[];
  date1904: boolean;
}

/** An Excel serial as a date, as ExcelJS turns it. */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;
const INLINE = /<is(?:\s[^>]*)?>([\s\S]*?)<\/is>/;

interface MergedArea {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

/** A1-style reference ("B3" or "B3:D4") as an area, or null. */
function areaOf(ref: string): MergedArea | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const a = { row: Number(m[2]), column: columnNumber(m[1].toUpperCase()) };
  const b = m[3] ? { row: Number(m[4]), column: columnNumber(m[3].toUpperCase()) } : a;
  return {
    firstRow: Math.min(a.row, b.row),
    firstColumn: Math.min(a.column, b.column),
    lastRow: Math.max(a.row, b.row),
    lastColumn: Math.max(a.column, b.column),
  };
}

/** What one cell holds, as readGrid would see it. */
interface ReadCell {
  row: number;
  column: number;
  value: CellValue;
  formula: boolean;
  uncalculated: boolean;
  percent: boolean;
}

/** Thrown by the quick read of a sheet whose cells are not simply in order: it is read again the general way. */
class NotInOrder extends Error {}

/**
 * A grid built as the rows stream past, for the ordinary sheet: cells in row and column order, no merges, no
 * long gaps. It holds each row's values only (no object per cell), and gives the grid gridFromCells would.
 */
class GridInOrder {
  private readonly rows: CellValue[][] = [];
  private readonly starts: number[] = [];
  private count = 0;
  private firstRow = Infinity;
  private lastRow = 0;
  private firstColumn = Infinity;
  private lastColumn = 0;
  private previous = 0;
  /** The row being read, grown cell by cell; kept as a copy of exactly its length once the next row starts. */
  private growing: CellValue[] = [];
  private growingRow = 0;
  readonly formulaCells: string[] = [];
  readonly percentCells: string[] = [];
  readonly uncalculatedCells: string[] = [];

  add(row: number, column: number, cell: Omit<ReadCell, "row" | "column">): void {
    const at = key(row, column);
    if (at <= this.previous) throw new NotInOrder();
    this.previous = at;
    if (cell.formula) this.formulaCells.push(cellAddress(row, column));
    if (cell.uncalculated) this.uncalculatedCells.push(cellAddress(row, column));
    if (cell.value === null) return;
    if (cell.percent) this.percentCells.push(cellAddress(row, column));
    if (row !== this.growingRow) {
      this.seal();
      this.growing = [];
      this.growingRow = row;
      this.starts[row] = column;
    }
    const values = this.growing;
    const c = column - this.starts[row];
    if (c - values.length > 64) throw new NotInOrder();
    while (values.length < c) values.push(null);
    values.push(cell.value);
    this.count++;
    if (row < this.firstRow) this.firstRow = row;
    this.lastRow = row;
    if (column < this.firstColumn) this.firstColumn = column;
    if (column > this.lastColumn) this.lastColumn = column;
  }

  /**
   * Keeps the row read so far as a copy of exactly its length (a row grown cell by cell holds room for more), made
   * as it ends, so the grown row is let go while young rather than kept to the end of the sheet.
   */
  private seal(): void {
    if (this.growingRow > 0 && this.growing.length > 0) this.rows[this.growingRow] = this.growing.slice();
    this.growingRow = 0;
  }

  grid(name: string): SheetGrid {
    this.seal();
    let grid: SheetGrid;
    if (this.count === 0) grid = { sheet: name, rows: [], firstRow: 1, firstColumn: 1 };
    else {
      const height = this.lastRow - this.firstRow + 1;
      const width = this.lastColumn - this.firstColumn + 1;
      // gridFromCells makes a mostly empty range sparse; such a sheet is read the general way.
      if (height * width > Math.max(DENSE_CELLS, 4 * this.count)) throw new NotInOrder();
      const rows: CellValue[][] = [];
      for (let row = this.firstRow; row <= this.lastRow; row++) {
        let values = this.rows[row];
        if (!values) values = new Array<CellValue>(width).fill(null);
        else if (values.length < width || this.starts[row] > this.firstColumn) {
          const before = this.starts[row] - this.firstColumn;
          const after = width - before - values.length;
          values = [...new Array<CellValue>(before).fill(null), ...values, ...new Array<CellValue>(after).fill(null)];
        }
        rows.push(values);
      }
      grid = { sheet: name, rows, firstRow: this.firstRow, firstColumn: this.firstColumn };
    }
    grid.formulaCells = this.formulaCells;
    if (this.percentCells.length > 0) grid.percentCells = this.percentCells;
    if (this.uncalculatedCells.length > 0) grid.uncalculatedCells = this.uncalculatedCells;
    return grid;
  }
}

/** As gridFromCells: up to this many cells (or four times those held) a grid is a full rectangle. */
const DENSE_CELLS = 1_000_000;

/** One worksheet part read row by row into a grid: quickly when its cells come in order, else the general way. */
async function readSheet(entry: JSZip.JSZipObject, name: string, context: SheetContext): Promise<SheetGrid> {
  try {
    return await readSheetAs(entry, name, context, new GridInOrder());
  } catch (error) {
    if (!(error instanceof NotInOrder)) throw error;
    return readSheetAs(entry, name, context, null);
  }
}

async function readSheetAs(
  entry: JSZip.JSZipObject,
  name: string,
  context: SheetContext,
  inOrder: GridInOrder | null,
): Promise<SheetGrid> {
  const cells: ReadCell[] = [];
  let lastRow = 0;
  let tail = "";

  const readRows = (xml: string) => {
    for (const row of xml.matchAll(ROW)) {
      const number = parseInt(attr(row[1], "r") ?? "", 10);
      const rowNumber = Number.isFinite(number) && number > 0 ? number : lastRow + 1;
      lastRow = rowNumber;
      if (row[2] === undefined) continue;
      let previousColumn = 0;
      for (const cell of row[2].matchAll(CELL)) {
        const head = cell[1];
        const ref = attr(head, "r");
        const fromRef = ref === null ? null : /^\$?([A-Za-z]{1,3})/.exec(ref);
        const column = fromRef ? columnNumber(fromRef[1].toUpperCase()) : previousColumn + 1;
        const read = readCell(head, cell[2] ?? "", context);
        // A cell with neither content nor a style is passed over as if absent (ExcelJS does so).
        if (read !== null || parseInt(attr(head, "s") ?? "", 10)) previousColumn = column;
        if (read === null) continue;
        if (inOrder) inOrder.add(rowNumber, column, read);
        else cells.push({ row: rowNumber, column, ...read });
      }
    }
  };
  await streamPart(
    entry,
    "</row>",
    readRows,
    (rest) => {
      tail = rest;
    },
    { limit: context.limitOf(entry.name), sheet: name },
  );
  // The rows are read: what follows them (merges, formats) is small.
  const merges = [...tail.matchAll(/<mergeCell\b[^>]*>/g)]
    .map((m) => areaOf(xmlText(attr(m[0], "ref") ?? "")))
    .filter((area): area is MergedArea => area !== null);
  if (inOrder && merges.length > 0) throw new NotInOrder();
  return inOrder ? inOrder.grid(name) : gridOfCells(name, cells, merges);
}

/** A cell's reading (null for a cell that holds nothing: only a style, or nothing at all). */
function readCell(head: string, inner: string, context: SheetContext): Omit<ReadCell, "row" | "column"> | null {
  const type = attr(head, "t");
  const style = parseInt(attr(head, "s") ?? "", 10);
  const look = (style && context.looks[style]) || PLAIN;
  const formulaMatch = inner.includes("<f") ? FORMULA.exec(inner) : null;
  const hasFormula = formulaMatch !== null && (Boolean(formulaMatch[2]) || attr(formulaMatch[1], "t") !== null);
  let raw: string | undefined;
  if (type === "inlineStr" && !hasFormula) {
    const is = INLINE.exec(inner);
    if (is) raw = inlineString(is[1]);
    if (raw === "") raw = undefined;
  } else {
    const v = inner.includes("<v") ? VALUE.exec(inner) : null;
    if (v && v[1] !== "") raw = xmlText(v[1]);
  }
  const number = (text: string): CellValue => {
    const n = parseFloat(text);
    return look.date ? validDate(serialDate(n, context.date1904)) : n;
  };
  if (hasFormula) {
    let result: CellValue = null;
    if (raw) {
      if (type === "str") result = raw.includes("&") ? unescapeXml(raw) : raw;
      else if (type === "b") result = parseInt(raw, 10) !== 0;
      else if (type === "e") result = raw;
      else result = number(raw);
    }
    const value = result === "" ? null : typeof result === "string" ? ownText(result, context.texts) : result;
    return { value, formula: true, uncalculated: !raw, percent: typeof value === "number" && look.percent };
  }
  if (raw === undefined) return null;
  let value: CellValue;
  switch (type) {
    case "s": {
      const index = parseInt(raw, 10);
      if (!context.hasSharedStrings) throw missingSharedStringsProblem(context.sheet);
      if (!(index >= 0 && index < context.strings.length))
        throw damaged(`a cell refers to shared text ${raw} that is not there`);
      value = context.strings[index];
      break;
    }
    case "str":
      value = raw.includes("&") ? unescapeXml(raw) : raw;
      break;
    case "inlineStr":
      value = raw;
      break;
    case "b":
      value = parseInt(raw, 10) !== 0;
      break;
    case "e":
      value = raw;
      break;
    default:
      value = number(raw);
  }
  if (typeof value === "string") value = value === "" ? null : ownText(value, context.texts);
  return { value, formula: false, uncalculated: false, percent: typeof value === "number" && look.percent };
}

function validDate(date: Date): Date | null {
  return Number.isNaN(date.getTime()) ? null : date;
}

const key = (row: number, column: number) => row * 20000 + column;

/**
 * The cells read, as readGrid makes its grid: in row then column order, a later cell at the same address replacing
 * an earlier one (as in ExcelJS), and the covered cells of a merge empty, though each takes its first cell's
 * formula (ExcelJS gives a covered cell its first cell's value).
 */
function gridOfCells(name: string, read: ReadCell[], merges: MergedArea[]): SheetGrid {
  let cells = read;
  let ordered = true;
  for (let i = 1; i < cells.length && ordered; i++) {
    ordered = key(cells[i].row, cells[i].column) > key(cells[i - 1].row, cells[i - 1].column);
  }
  if (!ordered) cells = inOrder(cells);
  if (merges.length > 0) {
    for (let i = 0; i < merges.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = merges[i];
        const b = merges[j];
        const overlap =
          a.firstRow <= b.lastRow &&
          b.firstRow <= a.lastRow &&
          a.firstColumn <= b.lastColumn &&
          b.firstColumn <= a.lastColumn;
        if (overlap) throw damaged("two merged areas overlap");
      }
    }
    const masters = new Map(cells.map((cell) => [key(cell.row, cell.column), cell]));
    const covered = new Set<number>();
    const added: ReadCell[] = [];
    for (const area of merges) {
      const master = masters.get(key(area.firstRow, area.firstColumn));
      for (let row = area.firstRow; row <= area.lastRow; row++) {
        for (let column = area.firstColumn; column <= area.lastColumn; column++) {
          if (row === area.firstRow && column === area.firstColumn) continue;
          covered.add(key(row, column));
          if (master?.formula) {
            added.push({ row, column, value: null, formula: true, uncalculated: master.uncalculated, percent: false });
          }
        }
      }
    }
    cells = cells.filter((cell) => !covered.has(key(cell.row, cell.column)));
    if (added.length > 0) cells = inOrder([...cells, ...added]);
  }
  const formulaCells: string[] = [];
  const percentCells: string[] = [];
  const uncalculatedCells: string[] = [];
  const found: ReadCell[] = [];
  for (const cell of cells) {
    if (cell.formula) formulaCells.push(cellAddress(cell.row, cell.column));
    if (cell.uncalculated) uncalculatedCells.push(cellAddress(cell.row, cell.column));
    if (cell.value === null) continue;
    if (cell.percent) percentCells.push(cellAddress(cell.row, cell.column));
    found.push(cell);
  }
  const grid = gridFromCells(name, found);
  grid.formulaCells = formulaCells;
  if (percentCells.length > 0) grid.percentCells = percentCells;
  if (uncalculatedCells.length > 0) grid.uncalculatedCells = uncalculatedCells;
  return grid;
}

/** Cells sorted by address, the last of any at the same address kept. */
function inOrder(cells: ReadCell[]): ReadCell[] {
  const byAddress = new Map<number, ReadCell>();
  for (const cell of cells) byAddress.set(key(cell.row, cell.column), cell);
  return [...byAddress.values()].sort((a, b) => a.row - b.row || a.column - b.column);
}

/** A part a sheet refers to (its notes, a drawing) that the package lacks is damage, said as such. */
async function checkSheetRelations(zip: JSZip, part: string, sheet: string): Promise<void> {
  const rels = await zip.file(relsPathOf(part))?.async("string");
  for (const rel of rels?.match(/<Relationship\b[^>]*>/g) ?? []) {
    const target = attr(rel, "Target");
    if (target === null || attr(rel, "TargetMode") === "External") continue;
    const wanted = resolvePath(dirOf(part), xmlText(target));
    if (!zip.file(wanted)) {
      throw new PackageProblem(`is damaged: the sheet "${sheet}" refers to a part that is missing (${wanted}).`, sheet);
    }
  }
}

/**
 * Every worksheet of the package in tab order, with its grid. The package is assumed checked
 * (checkXlsxPackage, which may leave the worksheets' own checks to this read); a part that cannot be read as a
 * sheet throws a PackageProblem.
 */
export async function streamSheets(bytes: Uint8Array): Promise<StreamedSheet[]> {
  const zip = await JSZip.loadAsync(bytes);
  const rootRels = await zip.file("_rels/.rels")?.async("string");
  const workbookPath = (rootRels && targetOf(rootRels, `${REL_TYPE}/officeDocument`, "")) || "xl/workbook.xml";
  const workbookXml = await zip.file(workbookPath)?.async("string");
  const relsXml = await zip.file(relsPathOf(workbookPath))?.async("string");
  if (workbookXml === undefined || relsXml === undefined) throw damaged("the workbook part is missing");
  const baseDir = dirOf(workbookPath);
  const texts = new Map<string, string>();
  const sizes = statedSizes(bytes);
  // Found by its relationship, or where Excel puts it (ExcelJS looks only there).
  const sharedStringsPath = targetOf(relsXml, `${REL_TYPE}/sharedStrings`, baseDir) ?? `${baseDir}sharedStrings.xml`;
  const context: SheetContext = {
    sheet: "",
    hasSharedStrings: zip.file(sharedStringsPath) !== null,
    limitOf: (part) => Math.min(sizes.get(part) ?? 0, MAX_PART_BYTES),
    strings: await readSharedStrings(zip, sharedStringsPath, texts),
    looks: await readNumberLooks(zip, targetOf(relsXml, `${REL_TYPE}/styles`, baseDir)),
    date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml),
    texts,
  };
  const rels = new Map<string, { type: string; target: string }>();
  for (const rel of relsXml.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(rel, "Id");
    const target = attr(rel, "Target");
    if (id !== null && target !== null) rels.set(id, { type: attr(rel, "Type") ?? "", target });
  }
  const sheets: StreamedSheet[] = [];
  for (const element of workbookXml.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = xmlText(attr(element, "name") ?? "");
    const id = /\s[\w-]+:id="([^"]*)"/.exec(element)?.[1];
    const rel = id === undefined ? undefined : rels.get(id);
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    const part = resolvePath(baseDir, rel.target);
    const entry = zip.file(part);
    if (!entry) continue;
    await checkSheetRelations(zip, part, name);
    const grid = await readSheet(entry, name, { ...context, sheet: name });
    sheets.push({ name, state: attr(element, "state") ?? "visible", grid });
  }
  return sheets;
}
