// The Workbook port over an ExcelJS workbook: the CLI and the standalone (browser) mode use it.
// No fs here: bytes in, bytes out, so this module also runs in the browser bundle.
import ExcelJS from "exceljs";
import type JSZip from "jszip";
import { cellAddress, parseCellAddress, type SheetGrid, type WorkbookGrids } from "../core/grid";
import type { WorkbookEdits } from "../core/returns/types";
import {
  fingerprintOfGrid,
  markSubmitted,
  planSummaryPush,
  pushedSheets,
  readRegistry,
  REGISTRY_SHEET,
  registryRows,
  sheetsToReadForPush,
  type PushPlan,
  type RegistryEntry,
} from "../core/sheets/registry";
import type { SheetSpec } from "../core/sheets/spec";
import type { DownloadableWorkbook, InsertOutcome, PushOutcome, WorkbookSnapshot } from "../workbook/port";
import { applyStyle, drawSheet, excelValue } from "./drawSheet";
import { readGrid, readGrids } from "./readGrids";
import { canWriteDirectly, writtenPackage } from "./sheetXml";
import { streamSheets, type StreamedSheet } from "./streamGrids";
import { checkXlsxPackage, PackageProblem } from "./xlsxPackage";
import { sheetNameProblem } from "../core/sheets/sheetNames";
import { appendedAreas, areaOf, grownLastRow, type Area } from "../core/returns/tableGrowth";

/** ExcelJS keeps a worksheet's tab position in `orderNo` but leaves it out of its type declarations. */
type OrderedWorksheet = ExcelJS.Worksheet & { orderNo: number };

export { SUBMITTED_LABEL } from "../core/sheets/claimStamp";

export interface XlsxWorkbookOptions {
  /** The clock for "Written at" in the registry (tests pass a fixed one). */
  now?: () => Date;
}

/** ExcelJS keeps a sheet's manual page breaks on the sheet itself (its model lists them, but setting one ignores them). */
type WithRowBreaks = ExcelJS.Worksheet & { rowBreaks: ExcelJS.RowBreak[] };

/** A sheet read by streaming, its grid let go (null) once the caller said it needs it no more (releaseGrids). */
type HeldSheet = Omit<StreamedSheet, "grid"> & { grid: SheetGrid | null };

/** The grids of these sheets, or null when any was let go (then a read loads the workbook from its bytes). */
function heldGrids(sheets: readonly HeldSheet[]): SheetGrid[] | null {
  const grids: SheetGrid[] = [];
  for (const sheet of sheets) {
    if (!sheet.grid) return null;
    grids.push(sheet.grid);
  }
  return grids;
}

/** One sheet of a workbook read by streaming and not yet loaded into ExcelJS: an input sheet or a summary sheet to write. */
interface StreamedEntry {
  name: string;
  state: string;
  from: "original" | "written";
}

export class XlsxWorkbook implements DownloadableWorkbook {
  private selection: { sheet: string; cell: string } | null = null;
  /** The bytes it was opened from and the sheets they held, for a copy that keeps those sheets as they were. */
  private original: { bytes: Uint8Array; sheets: WeakSet<ExcelJS.Worksheet> } | null = null;
  /** Set by anything that changes a sheet in place (imports, settings, a claim stamp, a selection). */
  private changedInPlace = false;
  /**
   * A workbook opened from bytes is read by streaming (its sheets as grids) and loaded into ExcelJS only when
   * something needs to change it in place: a report reads, adds summary sheets and saves without ever loading it.
   */
  private streamed: HeldSheet[] | null = null;
  /**
   * Once a push is pending, the input sheets' names and states alone: every read after a push loads the workbook
   * from its bytes, so the streamed grids are let go (at 50,000 targets, over 100 MB the copy need not hold).
   */
  private listed: { name: string; state: string }[] | null = null;
  /** Summary sheets pushed while not loaded: written straight into the copy, or drawn when it loads. */
  private pending: PushPlan | null = null;
  private model: ExcelJS.Workbook | null;

  private constructor(
    workbook: ExcelJS.Workbook | null,
    readonly label: string,
    private readonly options: XlsxWorkbookOptions,
  ) {
    this.model = workbook;
  }

  /** The ExcelJS workbook: only once loaded (every method that changes a sheet in place loads it first). */
  private get workbook(): ExcelJS.Workbook {
    if (!this.model) throw new Error("The workbook is not loaded yet.");
    return this.model;
  }

  /**
   * Opens .xlsx bytes; throws when they are not a readable workbook (a PackageProblem saying what is wrong with
   * the file, when the package check can tell, before ExcelJS inflates anything).
   */
  static async fromBytes(bytes: Uint8Array, label: string, options: XlsxWorkbookOptions = {}): Promise<XlsxWorkbook> {
    // The worksheets are checked as they are read, so each is inflated once.
    await checkXlsxPackage(bytes, { worksheetsReadAfter: true });
    let streamed: StreamedSheet[];
    try {
      streamed = await streamSheets(bytes);
    } catch (error) {
      if (error instanceof PackageProblem) throw error;
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new PackageProblem(`is damaged: its parts cannot be read as a workbook (${reason}).`);
    }
    const opened = new XlsxWorkbook(null, label, options);
    opened.original = { bytes, sheets: new WeakSet() };
    opened.streamed = streamed;
    return opened;
  }

  /** The ExcelJS workbook of these bytes, or a PackageProblem saying the file is damaged. */
  private static async loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    try {
      // ExcelJS declares a Node Buffer, but its zip reader takes any Uint8Array (and must, in the browser).
      await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
      // A package ExcelJS half-read (a part it needs missing) fails here rather than later, in the middle of a read.
      readGrids(workbook);
    } catch (error) {
      // The package check passed, so this is damage inside a part: said plainly, not as the loader's internals.
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      const internal = /Cannot read propert|undefined|null|is not a function|is not iterable/.test(reason);
      throw new PackageProblem(`is damaged: its parts cannot be read as a workbook${internal ? "" : ` (${reason})`}.`);
    }
    return workbook;
  }

  /**
   * Loads the workbook into ExcelJS if it was read by streaming, drawing any summary sheets pushed meanwhile, so
   * that what follows sees the same workbook either way.
   */
  private async materialise(): Promise<void> {
    if (this.model || !this.original) return;
    const workbook = await XlsxWorkbook.loadExcel(this.original.bytes);
    this.model = workbook;
    this.original.sheets = new WeakSet(workbook.worksheets);
    this.streamed = null;
    this.listed = null;
    const plan = this.pending;
    this.pending = null;
    if (plan) await this.applyPlan(plan);
  }

  /** The sheets in tab order while read by streaming: the input sheets, with any pushed summary sheets laid in. */
  private streamedEntries(): StreamedEntry[] {
    const entries: StreamedEntry[] = (this.streamed ?? this.listed ?? []).map(({ name, state }) => ({
      name,
      state,
      from: "original",
    }));
    if (!this.pending) return entries;
    const lower = (name: string) => name.toLowerCase();
    for (const write of this.pending.writes) {
      const entry: StreamedEntry = { name: write.writeAs, state: "visible", from: "written" };
      const at = write.replaces ? entries.findIndex((e) => lower(e.name) === lower(write.writeAs)) : -1;
      if (at >= 0) entries[at] = entry;
      else entries.push(entry);
    }
    const withoutRegistry = entries.filter((e) => lower(e.name) !== lower(REGISTRY_SHEET));
    withoutRegistry.push({ name: REGISTRY_SHEET, state: "veryHidden", from: "written" });
    return withoutRegistry;
  }

  /** A new workbook with no sheets. */
  static blank(label: string, options: XlsxWorkbookOptions = {}): XlsxWorkbook {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Consortium Tracker";
    return new XlsxWorkbook(workbook, label, options);
  }

  /** The ExcelJS workbook underneath, loaded if it was read by streaming (for tests; the task pane never uses it). */
  async excel(): Promise<ExcelJS.Workbook> {
    await this.materialise();
    return this.workbook;
  }

  /**
   * Lets go of the grids of these sheets, read by streaming, which the caller has read and will not ask for again
   * (the command line's report: the template sheets, once imported), so they need not stay in memory; a later read
   * of them loads the workbook from its bytes. The registry is always kept. Nothing to do once loaded.
   */
  releaseGrids(sheets: readonly string[]): void {
    const names = new Set(sheets.map((name) => name.toLowerCase()));
    names.delete(REGISTRY_SHEET.toLowerCase());
    for (const sheet of this.streamed ?? []) if (names.has(sheet.name.toLowerCase())) sheet.grid = null;
  }

  /** The cell last selected with `selectCell`, if any. */
  get selectedCell(): { sheet: string; cell: string } | null {
    return this.selection;
  }

  async readInputSheets(): Promise<WorkbookGrids> {
    const registry = REGISTRY_SHEET.toLowerCase();
    const held =
      this.streamed && !this.pending
        ? heldGrids(this.streamed.filter((sheet) => sheet.name.toLowerCase() !== registry))
        : null;
    if (held) return held;
    await this.materialise();
    return readGrids(this.workbook, { skip: [REGISTRY_SHEET] });
  }

  /** Every sheet is in memory: the snapshot holds them all, the registry too (a push with it reads nothing). */
  async readWorkbook(): Promise<WorkbookSnapshot> {
    const held = this.streamed && !this.pending ? heldGrids(this.streamed) : null;
    if (this.streamed && held) {
      const sheets = this.streamed.map((sheet, position) => ({
        name: sheet.name,
        position,
        visible: sheet.state === "visible",
      }));
      const active = sheets.find((sheet) => sheet.visible)?.name ?? "";
      return { grids: held, sheets, active };
    }
    await this.materialise();
    const sheets = this.workbook.worksheets.map((sheet, position) => ({
      name: sheet.name,
      position,
      visible: sheet.state === "visible",
    }));
    const active = sheets[this.workbook.views?.[0]?.activeTab ?? 0] ?? sheets.find((sheet) => sheet.visible);
    return { grids: readGrids(this.workbook), sheets, active: active?.name ?? "" };
  }

  async sheetNames(): Promise<string[]> {
    if (!this.model)
      return this.streamedEntries()
        .filter((e) => e.state === "visible")
        .map((e) => e.name);
    return this.workbook.worksheets.filter((sheet) => sheet.state === "visible").map((sheet) => sheet.name);
  }

  async readSheets(names: readonly string[]): Promise<WorkbookGrids> {
    const streamed = this.streamed;
    const held =
      streamed && !this.pending
        ? heldGrids(names.flatMap((name) => streamed.filter((s) => s.name.toLowerCase() === name.toLowerCase())))
        : null;
    if (held) return held;
    await this.materialise();
    return names.flatMap((name) => {
      const sheet = this.find(name);
      return sheet ? [readGrid(sheet)] : [];
    });
  }

  async insertSheets(specs: SheetSpec[]): Promise<InsertOutcome> {
    await this.materialise();
    const inserted: string[] = [];
    const skipped: string[] = [];
    for (const spec of specs) {
      if (this.find(spec.name)) {
        skipped.push(spec.name);
        continue;
      }
      const problem = sheetNameProblem(spec.name);
      if (problem) throw new Error(`Cannot add the sheet: ${problem}.`);
      const worksheet = this.workbook.addWorksheet(spec.name);
      try {
        await drawSheet(worksheet, spec);
      } catch (error) {
        this.workbook.removeWorksheet(worksheet.id);
        throw error;
      }
      inserted.push(spec.name);
    }
    return { inserted, skipped };
  }

  /**
   * Plans every sheet first (planSummaryPush), draws each under a temporary name, and only when all drew
   * without error swaps them in and rewrites the registry: a failure leaves the workbook as it was.
   */
  async pushSummarySheets(specs: SheetSpec[]): Promise<PushOutcome> {
    // Read by streaming and nothing pushed yet: planned now, written when saved (or drawn if it loads first).
    // Sheets with validations or protection are drawn by ExcelJS, so they load the workbook first.
    const wanted = new Set(sheetsToReadForPush(specs));
    const letGo = (this.streamed ?? []).some((sheet) => !sheet.grid && wanted.has(sheet.name.toLowerCase()));
    if (this.pending || letGo || !specs.every(canWriteDirectly)) await this.materialise();
    const streaming = !this.model;
    const existing = new Map<string, string | null>();
    const grids = new Map<string, SheetGrid>();
    const sheets = streaming
      ? (this.streamed ?? []).map((sheet) => ({ name: sheet.name, read: () => sheet.grid }))
      : this.workbook.worksheets.map((sheet) => ({ name: sheet.name, read: () => readGrid(sheet) }));
    for (const sheet of sheets) {
      const key = sheet.name.toLowerCase();
      const grid = wanted.has(key) ? sheet.read() : null;
      if (grid) grids.set(key, grid);
      existing.set(sheet.name, grid ? fingerprintOfGrid(grid) : null);
    }
    const plan = planSummaryPush(specs, existing, this.registry(), this.now().toISOString(), grids);
    for (const write of plan.writes) {
      const problem = sheetNameProblem(write.writeAs);
      if (problem) throw new Error(`Cannot write the summary sheets: ${problem}.`);
    }
    if (streaming) {
      this.pending = plan;
      this.listed = (this.streamed ?? []).map(({ name, state }) => ({ name, state }));
      this.streamed = null;
    } else await this.applyPlan(plan);
    return { sheets: pushedSheets(plan) };
  }

  /** Draws a plan's sheets, each under a temporary name, and only when all drew swaps them in with the registry. */
  private async applyPlan(plan: PushPlan): Promise<void> {
    const drawn: ExcelJS.Worksheet[] = [];
    try {
      for (const write of plan.writes) {
        const worksheet = this.workbook.addWorksheet(this.temporaryName());
        drawn.push(worksheet);
        await drawSheet(worksheet, write.spec);
      }
    } catch (error) {
      for (const worksheet of drawn) this.workbook.removeWorksheet(worksheet.id);
      throw error;
    }

    // Nothing below can fail on valid names: swap the drawn sheets in.
    plan.writes.forEach((write, index) => {
      const worksheet = drawn[index] as OrderedWorksheet;
      if (write.replaces) {
        const old = this.find(write.writeAs) as OrderedWorksheet;
        worksheet.orderNo = old.orderNo;
        this.workbook.removeWorksheet(old.id);
      }
      worksheet.name = write.writeAs;
    });
    this.writeRegistry(plan.registry);
  }

  /**
   * Applies an imported partner return in one batch: every sheet and address is checked and every new sheet drawn
   * (under a temporary name) before anything in the workbook changes, so a failure changes nothing.
   */
  async applyEdits(edits: WorkbookEdits): Promise<void> {
    await this.materialise();
    this.changedInPlace = true;
    // A protected sheet takes no writes: it is left as it is, and only recorded (see WorkbookEdits).
    const isProtected = (sheet: string) => Boolean(sheetProtection(this.find(sheet))?.sheet);
    const protecting = (edits.protectSheets ?? []).filter((sheet) => this.find(sheet) && !isProtected(sheet));
    const lockedAlready = new Set(
      (edits.protectSheets ?? []).filter((sheet) => isProtected(sheet)).map((sheet) => sheet.toLowerCase()),
    );
    const updates = edits.updates.filter((update) => !lockedAlready.has(update.sheet.toLowerCase()));
    for (const entry of edits.submitted ?? []) {
      if (!this.find(entry.sheet)) throw new Error(`There is no sheet named "${entry.sheet}".`);
    }
    const creating = edits.createSheets.filter(
      (spec, index, all) =>
        !this.find(spec.name) &&
        all.findIndex((other) => other.name.toLowerCase() === spec.name.toLowerCase()) === index,
    );
    for (const spec of creating) {
      const problem = sheetNameProblem(spec.name);
      if (problem) throw new Error(`Cannot add the sheet: ${problem}.`);
    }
    const willExist = (sheet: string) =>
      Boolean(this.find(sheet)) || creating.some((spec) => spec.name.toLowerCase() === sheet.toLowerCase());
    for (const update of updates) {
      if (!willExist(update.sheet)) throw new Error(`There is no sheet named "${update.sheet}".`);
      if (!parseCellAddress(update.cell)) throw new Error(`"${update.cell}" is not a cell address.`);
    }
    for (const append of edits.appends) {
      if (!willExist(append.sheet)) throw new Error(`There is no sheet named "${append.sheet}".`);
      if (!(
        Number.isInteger(append.firstRow) &&
        append.firstRow >= 1 &&
        Number.isInteger(append.firstColumn) &&
        append.firstColumn >= 1
      )) {
        throw new Error(`Rows for "${append.sheet}" must start at a cell of the sheet.`);
      }
    }

    const drawn: ExcelJS.Worksheet[] = [];
    try {
      for (const spec of creating) {
        const worksheet = this.workbook.addWorksheet(this.temporaryName());
        drawn.push(worksheet);
        await drawSheet(worksheet, spec);
      }
    } catch (error) {
      for (const worksheet of drawn) this.workbook.removeWorksheet(worksheet.id);
      throw error;
    }

    creating.forEach((spec, index) => {
      drawn[index].name = spec.name;
    });
    for (const update of updates) {
      const { row, column } = parseCellAddress(update.cell)!;
      const cell = this.find(update.sheet)!.getCell(row, column);
      cell.value = excelValue(update.value);
      if (update.style) applyStyle(cell, update.style);
      if (update.note) cell.note = update.note;
    }
    for (const append of edits.appends) {
      const sheet = this.find(append.sheet)!;
      append.rows.forEach((values, r) => {
        values.forEach((value, c) => {
          if (value !== null) sheet.getCell(append.firstRow + r, append.firstColumn + c).value = excelValue(value);
        });
      });
    }
    for (const sheet of new Set(edits.appends.map((append) => this.find(append.sheet)!))) {
      growTables(sheet, appendedAreas(edits.appends, sheet.name));
    }
    for (const sheet of protecting) {
      await this.find(sheet)!.protect("", { selectLockedCells: true, selectUnlockedCells: true });
    }
    if (edits.submitted && edits.submitted.length > 0) {
      let registry = this.registry();
      for (const entry of edits.submitted) {
        registry = markSubmitted(registry, this.find(entry.sheet)!.name, entry.submittedOn);
      }
      this.writeRegistry(registry);
    }
  }

  /** Remembers the cell and makes it the sheet's active cell, so the saved file opens there. */
  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.materialise();
    const worksheet = this.find(sheet);
    if (!worksheet) return;
    this.selection = { sheet: worksheet.name, cell };
    this.changedInPlace = true;
    const [view] = worksheet.views;
    worksheet.views = [{ ...(view ?? { state: "normal" }), activeCell: cell }];
    const index = this.workbook.worksheets.indexOf(worksheet);
    const [bookView] = this.workbook.views;
    this.workbook.views = [{ ...defaultBookView(), ...bookView, activeTab: index, firstSheet: 0 }];
  }

  async toBytes(): Promise<Uint8Array<ArrayBuffer>> {
    await this.materialise();
    const written: ArrayBuffer | ArrayBufferView = await this.workbook.xlsx.writeBuffer();
    // A Node Buffer (a view on a shared pool) or an ArrayBuffer in the browser: copy into a plain Uint8Array.
    const view = ArrayBuffer.isView(written)
      ? new Uint8Array(written.buffer, written.byteOffset, written.byteLength)
      : new Uint8Array(written);
    const bytes = new Uint8Array(new ArrayBuffer(view.byteLength));
    bytes.set(view);
    return bytes;
  }

  /**
   * The workbook as .xlsx bytes that keep every sheet it was opened with byte for byte, when only whole sheets
   * were added or replaced since (summary sheets, the registry): those are written on their own and laid into the
   * original package. Anything else (a sheet changed in place, a package this cannot lay into) is written whole.
   */
  async toBytesKeepingInputs(): Promise<Uint8Array<ArrayBuffer>> {
    if (!this.model && this.original) return this.streamedCopy(this.original.bytes);
    if (!this.original || this.changedInPlace) return this.toBytes();
    const { sheets: originals, bytes: originalBytes } = this.original;
    const written = new ExcelJS.Workbook();
    written.creator = this.workbook.creator;
    const sheets = this.workbook.worksheets.map((worksheet) => {
      if (originals.has(worksheet)) return { name: worksheet.name, from: "original" as const };
      const copy = written.addWorksheet(worksheet.name, { state: worksheet.state });
      const model = worksheet.model as ExcelJS.WorksheetModel & { merges?: string[] };
      copy.model = { ...model, id: copy.id, name: worksheet.name, mergeCells: [] } as ExcelJS.WorksheetModel;
      // Merged the way drawSheet merges them, so the covered cells take the first cell's look (its borders).
      for (const merge of model.merges ?? []) copy.mergeCells(merge);
      // Nor does setting a model carry the manual page breaks: copied as they are.
      (copy as WithRowBreaks).rowBreaks = [...model.rowBreaks];
      return { name: worksheet.name, from: "written" as const };
    });
    const writtenBytes = new Uint8Array((await written.xlsx.writeBuffer()) as ArrayBuffer);
    // Loaded only here, so the task pane's bundle (which never calls this) does not carry a second zip library.
    const { copyKeepingInputs } = await import("./keptInputs");
    const kept = await copyKeepingInputs(originalBytes, writtenBytes, sheets);
    if (!kept) return this.toBytes();
    const bytes = new Uint8Array(new ArrayBuffer(kept.byteLength));
    bytes.set(kept);
    return bytes;
  }

  /**
   * The copy of a workbook read by streaming: its own bytes when nothing was pushed, else its sheets' parts kept and
   * the pushed summary sheets and registry laid in.
   */
  private async streamedCopy(original: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
    const copy = (from: Uint8Array): Uint8Array<ArrayBuffer> => {
      // Zip output is a whole buffer of its own already: handed on as it is, not copied again.
      if (from.buffer instanceof ArrayBuffer && from.byteOffset === 0 && from.byteLength === from.buffer.byteLength) {
        return from as Uint8Array<ArrayBuffer>;
      }
      const bytes = new Uint8Array(new ArrayBuffer(from.byteLength));
      bytes.set(from);
      return bytes;
    };
    const plan = this.pending;
    if (!plan) return new Uint8Array(original) as Uint8Array<ArrayBuffer>;
    const { copyKeepingInputs, styleOffsetsOf } = await import("./keptInputs");
    let written: Uint8Array | JSZip;
    // Written with their style indexes where they will sit in the copy, so the sheets are laid in as written.
    const moved = (await styleOffsetsOf(original)) ?? undefined;
    if (moved && plan.writes.every((write) => canWriteDirectly(write.spec))) {
      written = writtenPackage(
        [
          ...plan.writes.map((write) => ({ name: write.writeAs, state: "visible" as const, spec: write.spec })),
          { name: REGISTRY_SHEET, state: "veryHidden", rows: registryRows(plan.registry) },
        ],
        moved,
      );
    } else {
      // A partner return's validations and protection are drawn by ExcelJS.
      const workbook = new ExcelJS.Workbook();
      workbook.creator = "Consortium Tracker";
      for (const write of plan.writes) await drawSheet(workbook.addWorksheet(write.writeAs), write.spec);
      const registry = workbook.addWorksheet(REGISTRY_SHEET, { state: "veryHidden" });
      registryRows(plan.registry).forEach((values) => registry.addRow(values));
      written = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    }
    const sheets = this.streamedEntries().map(({ name, from }) => ({ name, from }));
    const kept = await copyKeepingInputs(original, written, sheets, written instanceof Uint8Array ? undefined : moved);
    if (kept) return copy(kept);
    await this.materialise();
    return this.toBytes();
  }

  /** The registry entries recorded in the hidden registry sheet. */
  registry(): RegistryEntry[] {
    if (!this.model) {
      if (this.pending) return this.pending.registry;
      const sheet = (this.streamed ?? []).find((s) => s.name.toLowerCase() === REGISTRY_SHEET.toLowerCase());
      return readRegistry(sheet?.grid ?? undefined);
    }
    const sheet = this.find(REGISTRY_SHEET);
    return readRegistry(sheet ? readGrid(sheet) : undefined);
  }

  private find(name: string): ExcelJS.Worksheet | undefined {
    const lower = name.toLowerCase();
    return this.workbook.worksheets.find((sheet) => sheet.name.toLowerCase() === lower);
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  private temporaryName(): string {
    for (let n = 1; ; n++) {
      const name = `~tracker ${n}`;
      if (!this.find(name)) return name;
    }
  }

  private writeRegistry(entries: RegistryEntry[]): void {
    const old = this.find(REGISTRY_SHEET);
    if (old) this.workbook.removeWorksheet(old.id);
    const sheet = this.workbook.addWorksheet(REGISTRY_SHEET, { state: "veryHidden" });
    registryRows(entries).forEach((values, index) => {
      values.forEach((value, column) => {
        sheet.getCell(index + 1, column + 1).value = value;
      });
    });
  }
}

function defaultBookView(): ExcelJS.WorkbookView {
  return {
    x: 0,
    y: 0,
    width: 12000,
    height: 24000,
    firstSheet: 0,
    activeTab: 0,
    visibility: "visible",
  };
}

/** What ExcelJS keeps of a table read from a file (its declarations only describe tables it creates). */
interface LoadedTableModel {
  tableRef?: string;
  ref?: string;
  autoFilterRef?: string;
  totalsRow?: boolean;
}

/**
 * Tables (Actuals or Spend kept as an Excel table) that appended rows continue take them in, as Excel would, so
 * filters, pivots and structured references see them. A table with a totals row is left as it is (rows below a
 * totals row are not the table's).
 */
function growTables(sheet: ExcelJS.Worksheet, appended: Area[]): void {
  for (const table of sheet.getTables() as unknown as { table?: LoadedTableModel }[]) {
    const model = table.table;
    const area = model ? areaOf(model.tableRef ?? model.ref ?? "") : null;
    if (!model || !area || model.totalsRow) continue;
    const lastRow = grownLastRow(area, appended);
    if (lastRow === null) continue;
    const ref = `${cellAddress(area.firstRow, area.firstColumn)}:${cellAddress(lastRow, area.lastColumn)}`;
    model.tableRef = ref;
    if (model.autoFilterRef) model.autoFilterRef = ref;
  }
}

/** ExcelJS keeps a sheet's protection on the sheet (its declarations leave it out). */
function sheetProtection(sheet: ExcelJS.Worksheet | undefined): { sheet?: boolean } | undefined {
  return (sheet as (ExcelJS.Worksheet & { sheetProtection?: { sheet?: boolean } }) | undefined)?.sheetProtection;
}
