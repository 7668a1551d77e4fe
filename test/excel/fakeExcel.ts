// An in-memory stand-in for the part of the Excel JavaScript API the Office.js adapter uses, so the adapter's
// batching can be tested and benchmarked without Excel. No jest here (the benchmark imports it too).
//
// What it does emulate:
// - Batching: every property write, method call, load and proxy (getItem, getRange, format, ...) is queued and
//   runs only at context.sync(), in order. A failing call stops the batch; the calls before it stay done and
//   the ones after it are dropped (Office.js batches are not transactions).
// - Request accounting: each queued call costs 100 bytes plus its JSON arguments; a sync whose request is over
//   5,000,000 bytes is refused whole (nothing runs), as Excel on the web refuses a payload over 5 MB. Loaded
//   values count towards a 5 MB response limit the same way (the sync fails after running). Both limits can be
//   set lower to test the adapter's fallbacks on small sheets.
// - Sheets: names unique case-insensitively and checked against Excel's rules, tab positions, visibility (a
//   workbook must keep a visible sheet), rename, delete, getItemOrNullObject / getUsedRangeOrNullObject null
//   objects, protection (a protected sheet refuses value, number-format and format writes except values into
//   unlocked cells).
// - Cells: a write must match the range's size, except that a 1×1 number format applies to every cell of the
//   range and null in a number-format array leaves that cell's format (both as Office.js documents); a string
//   written into a cell whose number format is not "@" is read the way Excel reads typing: "=..." becomes a
//   formula, "1,250" / "85%" a number, "TRUE" a boolean; into an "@" cell anything stays text (a number too).
//   Formats, borders, merges, column widths, row heights, notes, conditional formats, validations, freeze
//   panes, tab colours and page layout are recorded as written.
// - Requirement sets: the fake host supports ExcelApi up to `apiVersion`; using a newer member (conditional
//   formats 1.6; freeze panes, tab colour, selection mode 1.7; data validation 1.8; page layout, getRanges,
//   indent 1.9; table resize 1.13; notes 1.18) throws ApiNotFound.
// - Tables, as far as a table's name, sheet, range and totals row go: workbook.tables loads them (with
//   items/worksheet/name), a table's getRange() reads its range, and resize() moves its bottom and right edges
//   (the header row must stay where it is).
//
// What it does NOT emulate: calculation (a formula cell reads back as the `calculate` hook's result, 0 by
// default); number-format rendering and `text`; dates typed as text ("01/02/2010" stays text even in a General
// cell); the leading-apostrophe rule; conditional formats and data validations taking effect (they are only
// recorded); how Excel resolves a border shared by two cells or applies RangeAreas formats area by area;
// whether the real host accepts a value (e.g. a zoom of 0, a 2,000-character address list, a list validation
// over 255 characters); styles beyond what is recorded; events, charts, named items, undo, workbook
// structure protection; a table growing by itself when a value is typed below it, table styles, filters and
// structured references; exact Office.js error messages and which calls fail before running; the real wire
// format (sizes are estimates, object paths charged once per object); the cell-count limits and time-outs of
// real hosts. Desktop Excel has no 5 MB limit: set both limits to Infinity to stand for it.
import type { RequirementProbe } from "../../src/excel/requirements";
import { compareApiVersions } from "../../src/excel/requirements";
import type { ExcelRun } from "../../src/excel/sheetIo";

export const REQUEST_LIMIT_BYTES = 5_000_000;
export const RESPONSE_LIMIT_BYTES = 5_000_000;
const CALL_BYTES = 100;
const MAX_ROWS = 1_048_576;
/** The most cells one load of values, formulas or formats may ask for. */
const MAX_LOADED_CELLS = 5_000_000;
const MAX_COLUMNS = 16_384;

export type FakeValue = string | number | boolean;

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  numberFormat: string;
  locked: boolean;
  /** Recorded format writes, e.g. "fill.color" → "#C6E7D8", "borders.EdgeBottom.weight" → "Thin". */
  format: Record<string, unknown>;
}

export interface FakeRecord {
  address: string;
  props: Record<string, unknown>;
}

export class FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  readonly cells = new Map<string, FakeCell>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly merges: string[] = [];
  readonly notes = new Map<string, string>();
  readonly conditionalFormats: FakeRecord[] = [];
  readonly validations: FakeRecord[] = [];
  readonly pageLayout: Record<string, unknown> = {};
  /** Manual page breaks, as the cell each page starts at. */
  readonly pageBreaks: string[] = [];
  readonly freeze: unknown[] = [];
  tabColor = "";
  protection: Record<string, unknown> | null = null;

  constructor(name: string) {
    this.name = name;
  }

  cell(row: number, column: number): FakeCell {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "", numberFormat: "General", locked: true, format: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  peek(row: number, column: number): FakeCell | undefined {
    return this.cells.get(`${row},${column}`);
  }

  /** The cell at an A1 address (an empty one when nothing was written). */
  at(address: string): FakeCell {
    const { row, column } = parseCell(address);
    return this.peek(row, column) ?? { value: "", numberFormat: "General", locked: true, format: {} };
  }

  /** Rows and columns of the cells holding a value or formula, or null. */
  /** The used cells' bounding box, of the whole sheet or of the cells inside `within`. */
  usedBounds(within?: Area): Area | null {
    let area: Area | null = null;
    for (const [key, cell] of this.cells) {
      if (cell.value === "" && cell.formula === undefined) continue;
      const [row, column] = key.split(",").map(Number);
      if (within && (row < within.top || row > within.bottom || column < within.left || column > within.right))
        continue;
      area = area
        ? {
            top: Math.min(area.top, row),
            left: Math.min(area.left, column),
            bottom: Math.max(area.bottom, row),
            right: Math.max(area.right, column),
          }
        : { top: row, left: column, bottom: row, right: column };
    }
    return area;
  }

  /** Every value as text rows from A1 to the last used cell (handy in assertions). */
  table(): FakeValue[][] {
    const used = this.usedBounds();
    if (!used) return [];
    const rows: FakeValue[][] = [];
    for (let row = 1; row <= used.bottom; row++) {
      const values: FakeValue[] = [];
      for (let column = 1; column <= used.right; column++) values.push(this.peek(row, column)?.value ?? "");
      rows.push(values);
    }
    return rows;
  }
}

/** An Excel table: where it is, as an area's A1 address ("A1:G12"). */
export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  address: string;
  showTotals: boolean;
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  calls: number;
  /** Refused for its size (request or response over the limit). */
  refused: boolean;
}

/** What a queued call does, for failure injection. */
export interface CallInfo {
  kind: string;
  sheet?: string;
  address?: string;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Call {
  bytes: number;
  info: CallInfo;
  run: () => void;
}

export interface FakeExcelOptions {
  /** Highest ExcelApi set the fake host supports; default "1.20" (Excel on the web today). */
  apiVersion?: string;
  /** Value a formula cell reads back as (the fake does not calculate). */
  calculate?: (formula: string) => FakeValue;
  /** Request and response limits; Excel on the web's 5 MB by default (smaller ones make tests quicker). */
  requestLimitBytes?: number;
  responseLimitBytes?: number;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly syncLog: SyncRecord[] = [];
  readonly apiVersion: string;
  readonly calculate: (formula: string) => FakeValue;
  readonly requestLimitBytes: number;
  readonly responseLimitBytes: number;
  active: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** Throws (as Excel would) when the call about to run matches: for testing failures mid-batch. */
  failWhen: ((call: CallInfo) => boolean) | null = null;
  readonly tables: FakeTable[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.20";
    this.calculate = options.calculate ?? (() => 0);
    this.requestLimitBytes = options.requestLimitBytes ?? REQUEST_LIMIT_BYTES;
    this.responseLimitBytes = options.responseLimitBytes ?? RESPONSE_LIMIT_BYTES;
  }

  /** The host's requirement-set answers, for OfficeWorkbook's `probe` option. */
  readonly probe: RequirementProbe = (set, version) =>
    set === "ExcelApi" && compareApiVersions(version, this.apiVersion) <= 0;

  /** Excel.run over this workbook. Calls left unsynced at the end are a bug in the caller: it throws. */
  readonly run: ExcelRun = async (batch) => {
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending.length > 0) throw new Error(`${context.pending.length} calls were queued but never synced`);
    return result;
  };

  get syncs(): number {
    return this.syncLog.length;
  }

  /** Adds a sheet directly (test set-up: no sync), with optional values from A1. */
  addSheet(name: string, rows: (FakeValue | null)[][] = [], options: { numberFormat?: string } = {}): FakeSheet {
    const sheet = new FakeSheet(name);
    rows.forEach((values, r) =>
      values.forEach((value, c) => {
        if (value === null || value === "") return;
        const cell = sheet.cell(r + 1, c + 1);
        cell.value = value;
        if (options.numberFormat) cell.numberFormat = options.numberFormat;
      }),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  /** Adds a table over an area of a sheet (test set-up: no sync). */
  addTable(sheet: FakeSheet, name: string, address: string, options: { showTotals?: boolean } = {}): FakeTable {
    const table = { name, sheet, address, showTotals: options.showTotals ?? false };
    this.tables.push(table);
    return table;
  }

  /** Makes the first call matching `predicate` fail (later ones, e.g. while undoing, succeed). */
  failOnce(predicate: (call: CallInfo) => boolean): void {
    let failed = false;
    this.failWhen = (call) => {
      if (failed || !predicate(call)) return false;
      failed = true;
      return true;
    };
  }

  sheet(name: string): FakeSheet {
    const found = this.find(name);
    if (!found) throw new Error(`No sheet ${name} (sheets: ${this.sheets.map((s) => s.name).join(", ")})`);
    return found;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  names(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  requireApi(version: string, member: string): void {
    if (compareApiVersions(version, this.apiVersion) > 0) {
      throw new FakeOfficeError("ApiNotFound", `${member} needs ExcelApi ${version}; this host has ${this.apiVersion}`);
    }
  }
}

class FakeContext {
  pending: Call[] = [];
  readonly workbook: { worksheets: WorksheetsProxy; tables: TablesProxy; getSelectedRange(): RangeProxy };
  private responseBytes = 0;

  constructor(readonly excel: FakeExcel) {
    const worksheets = new WorksheetsProxy(this);
    this.workbook = {
      worksheets,
      tables: new TablesProxy(this),
      // The cells last selected (select()), else A1 of the active sheet.
      getSelectedRange: () => {
        const selection = this.excel.selection;
        const sheet = selection ? worksheets.getItem(selection.sheet) : worksheets.getActiveWorksheet();
        return sheet.getRange(selection?.address ?? "A1");
      },
    };
  }

  /** `paths` counts the object paths (navigations such as format.font) the call needs besides itself. */
  queue(info: CallInfo, args: unknown, run: () => void, paths = 0): void {
    const bytes = CALL_BYTES * (1 + paths) + (args === undefined ? 0 : JSON.stringify(args).length);
    this.pending.push({ bytes, info, run });
  }

  respond(data: unknown): void {
    this.responseBytes += JSON.stringify(data ?? null).length;
  }

  async sync(): Promise<void> {
    const calls = this.pending;
    this.pending = [];
    this.responseBytes = 0;
    const requestBytes = calls.reduce((sum, call) => sum + call.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, calls: calls.length, refused: false };
    this.excel.syncLog.push(record);
    if (requestBytes > this.excel.requestLimitBytes) {
      record.refused = true;
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `request of ${requestBytes} bytes`);
    }
    for (const call of calls) {
      if (this.excel.failWhen?.(call.info)) {
        throw new FakeOfficeError("GeneralException", `injected failure at ${JSON.stringify(call.info)}`);
      }
      call.run();
    }
    record.responseBytes = this.responseBytes;
    if (this.responseBytes > this.excel.responseLimitBytes) {
      record.refused = true;
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `response of ${this.responseBytes} bytes`);
    }
  }
}

/** A value resolved when the batch runs (once), like an Office.js proxy object. */
class Lazy<T> {
  private resolved = false;
  private value: T | undefined;

  constructor(private readonly resolve: () => T) {}

  get(): T {
    if (!this.resolved) {
      this.value = this.resolve();
      this.resolved = true;
    }
    return this.value as T;
  }

  get isResolved(): boolean {
    return this.resolved;
  }
}

function notLoaded(what: string): never {
  throw new FakeOfficeError("PropertyNotLoaded", `${what} was read before it was loaded and synced`);
}

const SHEET_NAME_RULE = /[*?:/\\[\]]/;

class WorksheetsProxy {
  private loadedItems: SheetProxy[] | null = null;

  constructor(private readonly context: FakeContext) {}

  private get excel(): FakeExcel {
    return this.context.excel;
  }

  load(properties: string): void {
    const wanted = properties.split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.context.queue({ kind: "load" }, properties, () => {
      this.loadedItems = this.excel.sheets.map((sheet) => {
        const proxy = new SheetProxy(this.context, new Lazy(() => sheet), "items");
        proxy.snapshot(wanted);
        return proxy;
      });
      this.context.respond(this.loadedItems.map((item) => item.loadedProperties()));
    });
  }

  get items(): SheetProxy[] {
    return this.loadedItems ?? notLoaded("worksheets.items");
  }

  getItem(name: string): SheetProxy {
    const proxy = new SheetProxy(
      this.context,
      new Lazy(() => {
        const found = this.excel.find(name);
        if (!found) throw new FakeOfficeError("ItemNotFound", `no sheet named ${name}`);
        return found;
      }),
      name,
    );
    this.context.queue({ kind: "getItem", sheet: name }, name, () => proxy.resolveNow());
    return proxy;
  }

  getActiveWorksheet(): SheetProxy {
    const proxy = new SheetProxy(
      this.context,
      new Lazy(() => this.excel.active ?? this.excel.sheets.find((sheet) => sheet.visibility === "Visible") ?? null),
      "(active)",
    );
    this.context.queue({ kind: "getActiveWorksheet" }, undefined, () => proxy.resolveNow());
    return proxy;
  }

  getItemOrNullObject(name: string): SheetProxy {
    const proxy = new SheetProxy(this.context, new Lazy(() => this.excel.find(name) ?? null), name);
    this.context.queue({ kind: "getItemOrNullObject", sheet: name }, name, () => proxy.resolveNow());
    return proxy;
  }

  add(name: string): SheetProxy {
    const proxy = new SheetProxy(
      this.context,
      new Lazy(() => {
        checkSheetName(this.excel, name);
        const sheet = new FakeSheet(name);
        this.excel.sheets.push(sheet);
        return sheet;
      }),
      name,
    );
    this.context.queue({ kind: "add", sheet: name }, name, () => proxy.resolveNow());
    return proxy;
  }
}

class TablesProxy {
  private loadedItems: TableProxy[] | null = null;

  constructor(private readonly context: FakeContext) {}

  load(properties: string): void {
    const wanted = properties.split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.context.queue({ kind: "load" }, properties, () => {
      this.loadedItems = this.context.excel.tables.map((table) => new TableProxy(this.context, table, wanted));
      this.context.respond(this.loadedItems.map((item) => item.loaded));
    });
  }

  get items(): TableProxy[] {
    return this.loadedItems ?? notLoaded("tables.items");
  }
}

class TableProxy {
  readonly loaded: Record<string, unknown> = {};

  constructor(
    private readonly context: FakeContext,
    private readonly table: FakeTable,
    properties: string[],
  ) {
    for (const property of properties) {
      if (property === "name") this.loaded.name = table.name;
      else if (property === "showTotals") this.loaded.showTotals = table.showTotals;
      else if (property === "worksheet/name") this.loaded.worksheet = { name: table.sheet.name };
      else throw new Error(`The fake cannot load table.${property}`);
    }
  }

  private read<T>(property: string): T {
    if (!(property in this.loaded)) notLoaded(`table.${property}`);
    return this.loaded[property] as T;
  }

  get name(): string {
    return this.read("name");
  }

  get showTotals(): boolean {
    return this.read("showTotals");
  }

  get worksheet(): { name: string } {
    return this.read("worksheet");
  }

  private sheetProxy(): SheetProxy {
    return new SheetProxy(this.context, new Lazy(() => this.table.sheet), this.table.sheet.name);
  }

  getRange(): RangeProxy {
    // The table's range as it is when the call runs.
    return new RangeProxy(this.context, this.sheetProxy(), () => this.table.address, false);
  }

  resize(range: RangeProxy | string): void {
    this.context.excel.requireApi("1.13", "Table.resize");
    const address = typeof range === "string" ? range : range.addressText();
    this.context.queue({ kind: "resizeTable", sheet: this.table.sheet.name, address }, address, () => {
      const before = parseArea(this.table.address);
      const after = parseArea(address);
      if (after.top !== before.top || after.bottom <= after.top) {
        throw new FakeOfficeError("InvalidArgument", `a table's header row must stay at row ${before.top}`);
      }
      this.table.address = areaAddress(after);
    });
  }
}

function checkSheetName(excel: FakeExcel, name: string, except?: FakeSheet): void {
  if (name.length === 0 || name.length > 31 || SHEET_NAME_RULE.test(name) || /^'|'$/.test(name)) {
    throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid sheet name`);
  }
  const clash = excel.find(name);
  if (clash && clash !== except) throw new FakeOfficeError("ItemAlreadyExists", `a sheet named ${name} exists`);
}

class SheetProxy {
  private loaded: Record<string, unknown> | null = null;
  private readonly children = new Map<string, unknown>();

  constructor(
    private readonly context: FakeContext,
    private readonly target: Lazy<FakeSheet | null>,
    readonly label: string,
  ) {}

  private get excel(): FakeExcel {
    return this.context.excel;
  }

  resolveNow(): void {
    this.target.get();
  }

  /** The sheet, or an error when it is a null object. */
  sheet(): FakeSheet {
    const sheet = this.target.get();
    if (!sheet) throw new FakeOfficeError("InvalidObjectPath", `sheet ${this.label} is a null object`);
    return sheet;
  }

  snapshot(properties: string[]): void {
    const sheet = this.target.get();
    this.loaded = { ...this.loaded };
    for (const property of properties) {
      if (property === "name") this.loaded.name = sheet?.name;
      else if (property === "position") this.loaded.position = sheet ? this.excel.sheets.indexOf(sheet) : undefined;
      else if (property === "visibility") this.loaded.visibility = sheet?.visibility;
      else throw new Error(`The fake cannot load worksheet.${property}`);
    }
  }

  loadedProperties(): Record<string, unknown> {
    return this.loaded ?? {};
  }

  load(properties: string): void {
    const wanted = properties.split(",").map((p) => p.trim());
    this.context.queue({ kind: "load", sheet: this.label }, properties, () => {
      this.snapshot(wanted);
      this.context.respond(this.loaded);
    });
  }

  get isNullObject(): boolean {
    if (!this.target.isResolved) notLoaded(`isNullObject of ${this.label}`);
    return this.target.get() === null;
  }

  private read<T>(property: string): T {
    if (!this.loaded || !(property in this.loaded)) notLoaded(`worksheet.${property}`);
    return this.loaded[property] as T;
  }

  private write(kind: string, value: unknown, apply: (sheet: FakeSheet) => void): void {
    this.context.queue({ kind, sheet: this.label }, value, () => apply(this.sheet()));
  }

  get name(): string {
    return this.read("name");
  }

  set name(value: string) {
    this.write("rename", value, (sheet) => {
      checkSheetName(this.excel, value, sheet);
      sheet.name = value;
    });
  }

  get position(): number {
    return this.read("position");
  }

  set position(value: number) {
    this.write("position", value, (sheet) => {
      const sheets = this.excel.sheets;
      if (value < 0 || value >= sheets.length) throw new FakeOfficeError("InvalidArgument", `position ${value}`);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }

  get visibility(): string {
    return this.read("visibility");
  }

  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.write("visibility", value, (sheet) => {
      const othersVisible = this.excel.sheets.some((s) => s !== sheet && s.visibility === "Visible");
      if (value !== "Visible" && !othersVisible) throw new FakeOfficeError("InvalidOperation", "last visible sheet");
      sheet.visibility = value;
    });
  }

  set tabColor(value: string) {
    this.excel.requireApi("1.7", "Worksheet.tabColor");
    this.write("tabColor", value, (sheet) => {
      sheet.tabColor = value;
    });
  }

  delete(): void {
    this.write("delete", undefined, (sheet) => {
      const othersVisible = this.excel.sheets.some((s) => s !== sheet && s.visibility === "Visible");
      if (!othersVisible) throw new FakeOfficeError("InvalidOperation", "cannot delete the last visible sheet");
      this.excel.sheets.splice(this.excel.sheets.indexOf(sheet), 1);
      if (this.excel.active === sheet) this.excel.active = null;
    });
  }

  activate(): void {
    this.write("activate", undefined, (sheet) => {
      this.excel.active = sheet;
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this, address === undefined ? null : address, false);
  }

  getRanges(addresses: string): RangeProxy {
    this.excel.requireApi("1.9", "Worksheet.getRanges");
    return new RangeProxy(this.context, this, addresses, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly; // the fake keeps values only, so both kinds of used range agree
    return new RangeProxy(this.context, this, null, true);
  }

  private child<T>(key: string, make: () => T): T {
    if (!this.children.has(key)) this.children.set(key, make());
    return this.children.get(key) as T;
  }

  get freezePanes() {
    this.excel.requireApi("1.7", "Worksheet.freezePanes");
    return this.child("freezePanes", () => ({
      freezeAt: (range: string) => this.write("freeze", range, (sheet) => void sheet.freeze.push({ at: range })),
      freezeRows: (rows: number) => this.write("freeze", rows, (sheet) => void sheet.freeze.push({ rows })),
      freezeColumns: (columns: number) => this.write("freeze", columns, (sheet) => void sheet.freeze.push({ columns })),
    }));
  }

  get protection() {
    return this.child("protection", () => {
      let loadedProtected: boolean | undefined;
      return {
        protect: (options?: Record<string, unknown>) => {
          if (options && "selectionMode" in options) this.excel.requireApi("1.7", "selectionMode");
          this.write("protect", options ?? {}, (sheet) => {
            if (sheet.protection) throw new FakeOfficeError("InvalidOperation", "the sheet is already protected");
            sheet.protection = { ...options };
          });
        },
        load: (property: string) => {
          this.context.queue({ kind: "load", sheet: this.label }, property, () => {
            const sheet = this.target.get();
            loadedProtected = sheet ? sheet.protection !== null : undefined;
            this.context.respond(loadedProtected);
          });
        },
        get protected(): boolean {
          return loadedProtected ?? notLoaded("protection.protected");
        },
      };
    });
  }

  get pageLayout() {
    this.excel.requireApi("1.9", "Worksheet.pageLayout");
    return this.child("pageLayout", () =>
      recorder((path, value) =>
        this.write("pageLayout", value, (sheet) => {
          sheet.pageLayout[path] = value;
        }),
      ),
    );
  }

  get horizontalPageBreaks() {
    this.excel.requireApi("1.9", "Worksheet.horizontalPageBreaks");
    return this.child("horizontalPageBreaks", () => ({
      add: (at: string) => this.write("pageBreak", at, (sheet) => void sheet.pageBreaks.push(at)),
    }));
  }

  get notes() {
    this.excel.requireApi("1.18", "Worksheet.notes");
    return this.child("notes", () => ({
      add: (cell: string | RangeProxy, content: string) => {
        const address = typeof cell === "string" ? cell : cell.addressText();
        this.write("note", { address, content }, (sheet) => {
          sheet.notes.set(address.replace(/\$/g, ""), content);
        });
      },
    }));
  }
}

/**
 * Records property writes and method calls below an object (format, page layout, conditional formats) as
 * dotted paths: `format.borders.getItem("EdgeTop").style = "Continuous"` → "borders.EdgeTop.style".
 */
function recorder(
  onSet: (path: string, value: unknown, newPaths: number) => void,
  prefix = "",
  seen = new Set<string>(),
): Record<string, unknown> {
  const target = function () {} as unknown as Record<string, unknown>;
  // Office.js sends each object path (format, format.font, borders.getItem("EdgeTop")) once per object.
  const newPaths = (path: string) => {
    const parts = path.split(".");
    let count = 0;
    for (let i = 1; i < parts.length; i++) {
      const head = parts.slice(0, i).join(".");
      if (!seen.has(head)) {
        seen.add(head);
        count++;
      }
    }
    return count;
  };
  return new Proxy(target, {
    get(_target, property) {
      if (typeof property !== "string") return undefined;
      if (property === "getItem") return (key: string) => recorder(onSet, `${prefix}${key}.`, seen);
      return recorder(onSet, `${prefix}${property}.`, seen);
    },
    set(_target, property, value) {
      const path = `${prefix}${String(property)}`;
      onSet(path, value, newPaths(path));
      return true;
    },
    apply(_target, _this, args) {
      const path = `${prefix.replace(/\.$/, "")}()`;
      onSet(path, args, newPaths(path));
      return undefined;
    },
  });
}

export function parseCell(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!match) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a cell`);
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(match[2]), column };
}

function letters(column: number): string {
  let text = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

/** "A1", "A1:C3", "C:E" (whole columns) or "2:4" (whole rows) as an area. */
export function parseArea(address: string): Area {
  const local = address.slice(address.lastIndexOf("!") + 1).trim();
  const [first, last = first] = local.split(":");
  if (/^\$?[A-Z]{1,3}$/i.test(first) && /^\$?[A-Z]{1,3}$/i.test(last)) {
    return { top: 1, left: parseCell(`${first}1`).column, bottom: MAX_ROWS, right: parseCell(`${last}1`).column };
  }
  if (/^\$?\d+$/.test(first) && /^\$?\d+$/.test(last)) {
    return { top: Number(first.replace("$", "")), left: 1, bottom: Number(last.replace("$", "")), right: MAX_COLUMNS };
  }
  const a = parseCell(first);
  const b = parseCell(last);
  const area = {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
  if (area.bottom > MAX_ROWS || area.right > MAX_COLUMNS) throw new FakeOfficeError("InvalidArgument", address);
  return area;
}

function areaAddress(area: Area): string {
  const first = `${letters(area.left)}${area.top}`;
  const last = `${letters(area.right)}${area.bottom}`;
  return first === last ? first : `${first}:${last}`;
}

function quotedSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** How Excel reads a string typed into a cell that is not formatted as text. */
function typed(text: string): { value: FakeValue; formula?: string } {
  if (text.startsWith("=") && text.length > 1) return { value: 0, formula: text };
  const number = /^\s*([-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (number && /\d/.test(number[1])) {
    const value = Number(number[1].replace(/,/g, ""));
    return { value: number[5] ? value / 100 : value };
  }
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  return { value: text };
}

class RangeProxy {
  private nullObject = false;
  private loaded: Record<string, unknown> | null = null;
  private readonly lazyAreas: Lazy<Area[] | null>;
  private formatRecorder: Record<string, unknown> | null = null;

  private readonly requested: string | null;

  constructor(
    private readonly context: FakeContext,
    private readonly owner: SheetProxy,
    requested: string | null | (() => string),
    used: boolean,
    /** A range's own used range (Range.getUsedRangeOrNullObject): the used cells inside this range. */
    within?: RangeProxy,
    /** Range.getIntersectionOrNullObject: the part of a range inside an address. */
    intersect?: { of: RangeProxy; address: string },
  ) {
    // A table's range is worked out when the batch runs (a function); any other range is fixed when queued.
    const resolveAddress = typeof requested === "function" ? requested : null;
    this.requested = typeof requested === "function" ? null : requested;
    this.lazyAreas = new Lazy(() => {
      if (resolveAddress) return [parseArea(resolveAddress())];
      if (intersect) {
        const a = intersect.of.single();
        const b = parseArea(intersect.address);
        const overlap = {
          top: Math.max(a.top, b.top),
          left: Math.max(a.left, b.left),
          bottom: Math.min(a.bottom, b.bottom),
          right: Math.min(a.right, b.right),
        };
        return overlap.top <= overlap.bottom && overlap.left <= overlap.right ? [overlap] : null;
      }
      const sheet = this.owner.sheet();
      if (used) {
        const bounds = sheet.usedBounds(within?.single());
        return bounds ? [bounds] : null;
      }
      if (this.requested === null) return [{ top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS }];
      return this.requested.split(",").map(parseArea);
    });
    const info = { kind: used ? "getUsedRange" : "getRange", address: this.requested ?? undefined };
    this.context.queue(info, this.requested, () => {
      if (used || intersect) {
        try {
          this.lazyAreas.get();
        } catch (error) {
          // A used range of a null sheet is itself a null object.
          if (!(error instanceof FakeOfficeError && error.code === "InvalidObjectPath")) throw error;
          this.nullObject = true;
        }
      } else this.lazyAreas.get();
    });
  }

  private get excel(): FakeExcel {
    return this.context.excel;
  }

  private areas(): Area[] {
    if (this.nullObject) throw new FakeOfficeError("InvalidObjectPath", "the range is a null object");
    const areas = this.lazyAreas.get();
    if (!areas) throw new FakeOfficeError("InvalidObjectPath", "the range is a null object");
    return areas;
  }

  addressText(): string {
    return this.requested ?? "";
  }

  get isNullObject(): boolean {
    if (!this.lazyAreas.isResolved && !this.nullObject) notLoaded("isNullObject of a range");
    return this.nullObject || this.lazyAreas.get() === null;
  }

  /** Range.getIntersectionOrNullObject (ExcelApi 1.4): the part of this range inside the address, or a null object. */
  getIntersectionOrNullObject(address: string): RangeProxy {
    this.excel.requireApi("1.4", "Range.getIntersectionOrNullObject");
    return new RangeProxy(this.context, this.owner, null, false, undefined, { of: this, address });
  }

  /** Range.getUsedRangeOrNullObject (ExcelApi 1.4): the used cells inside this range, or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    this.excel.requireApi("1.4", "Range.getUsedRangeOrNullObject");
    return new RangeProxy(this.context, this.owner, null, true, this);
  }

  single(): Area {
    const areas = this.areas();
    if (areas.length !== 1) throw new FakeOfficeError("InvalidOperation", "a multi-area range has no values");
    return areas[0];
  }

  /** The cells written so far that lie in the range. */
  private existingCells(): FakeCell[] {
    const sheet = this.owner.sheet();
    const areas = this.areas();
    const found: FakeCell[] = [];
    for (const [key, cell] of sheet.cells) {
      const [row, column] = key.split(",").map(Number);
      if (areas.some((a) => row >= a.top && row <= a.bottom && column >= a.left && column <= a.right)) found.push(cell);
    }
    return found;
  }

  private checkShape(rows: unknown[][], what: string): Area {
    const area = this.single();
    const height = area.bottom - area.top + 1;
    const width = area.right - area.left + 1;
    if (
      !Array.isArray(rows) ||
      rows.length !== height ||
      rows.some((row) => !Array.isArray(row) || row.length !== width)
    ) {
      throw new FakeOfficeError("InvalidArgument", `${what} does not match the size of ${areaAddress(area)}`);
    }
    return area;
  }

  private checkWritable(sheet: FakeSheet, area: Area, valuesOnly: boolean): void {
    if (!sheet.protection) return;
    if (valuesOnly) {
      for (let row = area.top; row <= area.bottom; row++) {
        for (let column = area.left; column <= area.right; column++) {
          if (sheet.peek(row, column)?.locked ?? true)
            throw new FakeOfficeError("AccessDenied", "the sheet is protected");
        }
      }
      return;
    }
    throw new FakeOfficeError("AccessDenied", "the sheet is protected");
  }

  set values(rows: FakeValue[][]) {
    this.context.queue({ kind: "values", sheet: this.sheetLabel(), address: this.requested ?? "" }, rows, () => {
      const area = this.checkShape(rows, "values");
      const sheet = this.owner.sheet();
      this.checkWritable(sheet, area, true);
      rows.forEach((values, r) =>
        values.forEach((value, c) => {
          const cell = sheet.cell(area.top + r, area.left + c);
          delete cell.formula;
          if (cell.numberFormat === "@") {
            cell.value = typeof value === "string" ? value : String(value);
          } else if (typeof value === "string") {
            const read = typed(value);
            cell.value = read.formula ? this.excel.calculate(read.formula) : read.value;
            if (read.formula) cell.formula = read.formula;
          } else {
            cell.value = value;
          }
        }),
      );
    });
  }

  set formulas(rows: FakeValue[][]) {
    this.values = rows;
  }

  set numberFormat(rows: (string | null)[][]) {
    this.context.queue({ kind: "numberFormat", sheet: this.sheetLabel(), address: this.requested ?? "" }, rows, () => {
      // A 1×1 array is applied to every cell of the range, as Office.js documents for numberFormat.
      const single = rows.length === 1 && rows[0]?.length === 1 ? rows[0][0] : undefined;
      const area = single === undefined ? this.checkShape(rows, "numberFormat") : this.single();
      const sheet = this.owner.sheet();
      this.checkWritable(sheet, area, false);
      for (let row = area.top; row <= area.bottom; row++) {
        for (let column = area.left; column <= area.right; column++) {
          const format = single ?? rows[row - area.top][column - area.left];
          if (format !== null) sheet.cell(row, column).numberFormat = format; // null leaves the cell's format
        }
      }
    });
  }

  private sheetLabel(): string {
    return this.owner.label;
  }

  load(properties: string): void {
    const wanted = properties.split(",").map((p) => p.trim());
    this.context.queue({ kind: "load", address: this.requested ?? "" }, properties, () => {
      if (this.isNullObject) return;
      const sheet = this.owner.sheet();
      const area = this.single();
      const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
      const sized = wanted.some((p) => p === "values" || p === "formulas" || p === "numberFormat");
      // Real Excel stalls or runs out of memory long before: a reader must never ask for a range this size.
      if (sized && cells > MAX_LOADED_CELLS) {
        throw new Error(`The fake refuses to load ${cells.toLocaleString("en-GB")} cells at once`);
      }
      const grid = <T>(cellValue: (cell: FakeCell | undefined) => T): T[][] =>
        Array.from({ length: area.bottom - area.top + 1 }, (_, r) =>
          Array.from({ length: area.right - area.left + 1 }, (_, c) =>
            cellValue(sheet.peek(area.top + r, area.left + c)),
          ),
        );
      const loaded: Record<string, unknown> = {};
      for (const property of wanted) {
        if (property === "address") loaded.address = `${quotedSheet(sheet.name)}!${areaAddress(area)}`;
        else if (property === "values") loaded.values = grid((cell) => cell?.value ?? "");
        else if (property === "formulas") loaded.formulas = grid((cell) => cell?.formula ?? cell?.value ?? "");
        else if (property === "numberFormat") loaded.numberFormat = grid((cell) => cell?.numberFormat ?? "General");
        else if (property === "rowCount") loaded.rowCount = area.bottom - area.top + 1;
        else if (property === "columnCount") loaded.columnCount = area.right - area.left + 1;
        else throw new Error(`The fake cannot load range.${property}`);
      }
      this.loaded = loaded;
      this.context.respond(loaded);
    });
  }

  private read<T>(property: string): T {
    if (!this.loaded || !(property in this.loaded)) notLoaded(`range.${property}`);
    return this.loaded[property] as T;
  }

  get address(): string {
    return this.read("address");
  }

  get values(): FakeValue[][] {
    return this.read("values");
  }

  get formulas(): FakeValue[][] {
    return this.read("formulas");
  }

  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }

  get rowCount(): number {
    return this.read("rowCount");
  }

  get columnCount(): number {
    return this.read("columnCount");
  }

  get format(): Record<string, unknown> {
    if (!this.formatRecorder) {
      this.formatRecorder = recorder((path, value, newPaths) => {
        if (path === "indentLevel") this.excel.requireApi("1.9", "RangeFormat.indentLevel");
        const info = { kind: "format", sheet: this.sheetLabel(), address: this.requested ?? "" };
        this.context.queue(
          info,
          { path, value },
          () => {
            const sheet = this.owner.sheet();
            if (path === "columnWidth") {
              for (const area of this.areas())
                for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, value as number);
              return;
            }
            if (path === "rowHeight") {
              for (const area of this.areas())
                for (let r = area.top; r <= area.bottom; r++) sheet.rowHeights.set(r, value as number);
              return;
            }
            if (sheet.protection) throw new FakeOfficeError("AccessDenied", "the sheet is protected");
            this.applyFormat(path, value);
          },
          newPaths,
        );
      });
    }
    return this.formatRecorder;
  }

  private applyFormat(path: string, value: unknown): void {
    const edge = /^borders\.(\w+)\.(style|weight)$/.exec(path);
    for (const area of this.areas()) {
      for (let row = area.top; row <= area.bottom; row++) {
        for (let column = area.left; column <= area.right; column++) {
          const cell = this.owner.sheet().cell(row, column);
          if (path === "protection.locked") cell.locked = Boolean(value);
          else if (edge) {
            // Edges of the area land on the cells along it; inside edges on every cell between.
            const [, name, what] = edge;
            const sides: string[] = [];
            if (name === "EdgeTop" && row === area.top) sides.push("top");
            if (name === "EdgeBottom" && row === area.bottom) sides.push("bottom");
            if (name === "EdgeLeft" && column === area.left) sides.push("left");
            if (name === "EdgeRight" && column === area.right) sides.push("right");
            if (name === "InsideHorizontal") {
              if (row < area.bottom) sides.push("bottom");
              if (row > area.top) sides.push("top");
            }
            if (name === "InsideVertical") {
              if (column < area.right) sides.push("right");
              if (column > area.left) sides.push("left");
            }
            for (const side of sides) cell.format[`border.${side}.${what}`] = value;
          } else cell.format[path] = value;
        }
      }
    }
  }

  merge(across?: boolean): void {
    this.context.queue({ kind: "merge", sheet: this.sheetLabel(), address: this.requested ?? "" }, across, () => {
      const area = this.single();
      const sheet = this.owner.sheet();
      if (sheet.protection) throw new FakeOfficeError("AccessDenied", "the sheet is protected");
      sheet.merges.push(areaAddress(area));
      for (let row = area.top; row <= area.bottom; row++) {
        for (let column = area.left; column <= area.right; column++) {
          if (row === area.top && column === area.left) continue;
          const cell = sheet.peek(row, column);
          if (cell) {
            cell.value = "";
            delete cell.formula;
          }
        }
      }
    });
  }

  select(): void {
    this.context.queue({ kind: "select", sheet: this.sheetLabel(), address: this.requested ?? "" }, undefined, () => {
      const sheet = this.owner.sheet();
      this.areas();
      this.excel.selection = { sheet: sheet.name, address: this.requested ?? "" };
    });
  }

  clear(applyTo?: string): void {
    this.context.queue({ kind: "clear", sheet: this.sheetLabel(), address: this.requested ?? "" }, applyTo, () => {
      const sheet = this.owner.sheet();
      if (sheet.protection) throw new FakeOfficeError("AccessDenied", "the sheet is protected");
      this.existingCells().forEach((cell) => {
        cell.value = "";
        delete cell.formula;
        if (applyTo !== "Contents") {
          cell.numberFormat = "General";
          cell.format = {};
        }
      });
    });
  }

  get conditionalFormats() {
    this.excel.requireApi("1.6", "Range.conditionalFormats");
    return {
      add: (type: string) => {
        const record: FakeRecord = { address: this.requested ?? "", props: { type } };
        this.context.queue(
          { kind: "conditionalFormat", sheet: this.sheetLabel(), address: this.requested ?? "" },
          type,
          () => {
            this.areas();
            this.owner.sheet().conditionalFormats.push(record);
          },
        );
        return recorder((path, value) =>
          this.context.queue({ kind: "conditionalFormat", sheet: this.sheetLabel() }, value, () => {
            record.props[path] = value;
          }),
        );
      },
    };
  }

  get dataValidation() {
    this.excel.requireApi("1.8", "Range.dataValidation");
    const record: FakeRecord = { address: this.requested ?? "", props: {} };
    let added = false;
    return recorder((path, value) =>
      this.context.queue(
        { kind: "dataValidation", sheet: this.sheetLabel(), address: this.requested ?? "" },
        value,
        () => {
          if (!added) {
            this.areas();
            this.owner.sheet().validations.push(record);
            added = true;
          }
          record.props[path] = value;
        },
      ),
    );
  }
}
