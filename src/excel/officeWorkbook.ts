// The Workbook port inside Excel, over Office.js. Each command is one Excel.run with a small, fixed number of
// context.sync() calls whatever the workbook's size (see the sync counts beside each method).
import {
  cellAddress,
  columnLetters,
  normaliseName,
  parseCellAddress,
  type CellValue,
  type SheetGrid,
  type WorkbookGrids,
} from "../core/grid";
import { AUDIT_SHEET } from "../core/returns/audit";
import { IMPORT_CHANGES_SHEET, IMPORT_LOG_SHEET, RETURN_INFO_SHEET, RETURN_SHEET } from "../core/returns/layout";
import { RETURNS_STATUS_SHEET } from "../core/returns/status";
import type { WorkbookEdits } from "../core/returns/types";
import { markSubmitted, readRegistry, REGISTRY_SHEET, registryRows } from "../core/sheets/registry";
import { stampCell, submittedStampText, SUBMITTED_NOTE } from "../core/sheets/claimStamp";
import { RAG_STYLE, type SheetSpec } from "../core/sheets/spec";
import {
  PERCENT_SETTINGS,
  SETTINGS_KEYS,
  SETTINGS_TEMPLATE,
  TEMPLATE_SHEET_NAMES,
  type SettingsField,
} from "../core/templates";
import type { InsertOutcome, PushOutcome, WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { applyEdits } from "./applyEdits";
import { drawSheet } from "./drawSheet";
import { POINTS_PER_CHARACTER } from "./layout";
import { pushSummarySheets, writeRegistrySheet } from "./pushSummary";
import { READ_BUDGET_BYTES, readSnapshot, type ReadMemory } from "./readWorkbook";
import { officeProbe, supportsExcelApi, type RequirementProbe } from "./requirements";
import { cellValue, gridOf, lastRowOf, officeErrorCode, sheetNameProblem, type ExcelRun } from "./sheetIo";
import { officePlatform, requestBudgetFor, SyncBudget } from "./syncBudget";

/**
 * The sheets whose formulas matter: a partner return takes typed values only, so its reader is told which cells
 * hold a formula (SheetGrid.formulaCells). A master's own sheets are read for their values alone.
 */
export const FORMULA_SHEETS: readonly string[] = [RETURN_SHEET, RETURN_INFO_SHEET];

/**
 * The sheets the core reads: the templates, the registry (submitted claims), the import log of returns, and a
 * partner return's sheets when the workbook open is one.
 */
export const SHEETS_READ: readonly string[] = [
  ...TEMPLATE_SHEET_NAMES,
  REGISTRY_SHEET,
  IMPORT_LOG_SHEET,
  // Read so that rows are appended below their last row (they are only ever added to), and for the statuses.
  IMPORT_CHANGES_SHEET,
  RETURNS_STATUS_SHEET,
  AUDIT_SHEET,
  ...FORMULA_SHEETS,
];

const withFormulas = (name: string) => FORMULA_SHEETS.some((sheet) => normaliseName(sheet) === normaliseName(name));

export { SUBMITTED_LABEL } from "../core/sheets/claimStamp";
/** Sheets where a number's format decides what it means (a cell showing 150% holds 1.5): their formats are read. */
export const FORMAT_SHEETS: readonly string[] = ["Settings", "Targets", "Actuals"];

const withFormats = (name: string) => FORMAT_SHEETS.some((sheet) => normaliseName(sheet) === normaliseName(name));

/**
 * What the one-go read asks for: the used cells inside this window, at most 40 columns x 125,000 rows (5 million
 * cells; a 10,000-target plan's three years of quarterly actuals are 120,000 rows). A sheet with anything outside
 * it (data past row 125,000, or one stray value at XFD1048576) is read by readGridsInBlocks instead, so Excel is
 * never asked for a range bigger than the window, whatever the sheet's used range.
 */
export const READ_WINDOW = "A1:AN125000";

export interface OfficeWorkbookOptions {
  label?: string;
  /** Defaults to Excel.run. */
  run?: ExcelRun;
  /** Defaults to Office.context.requirements.isSetSupported. */
  probe?: RequirementProbe;
  /** The clock for "Written at" in the registry. */
  now?: () => Date;
  /** The most a batch of writes may hold; defaults to the platform's (see syncBudget.ts). */
  requestBudgetBytes?: number;
  /** The most a read's response should hold; defaults to the platform's (see readWorkbook.ts). */
  responseBudgetBytes?: number;
}

export class OfficeWorkbook implements WorkbookPort {
  readonly label: string;
  private readonly run: ExcelRun;
  private readonly probe: RequirementProbe;
  private readonly now: () => Date;
  private readonly requestBudgetBytes: number;
  private readonly responseBudgetBytes: number;
  /** What the last read found each sheet weighed, so the next one asks for as much as fits one response. */
  private memory: ReadMemory = { weights: new Map(), summaries: [] };

  constructor(options: OfficeWorkbookOptions = {}) {
    this.label = options.label ?? workbookFileName() ?? "This workbook";
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.probe = options.probe ?? officeProbe;
    this.now = options.now ?? (() => new Date());
    this.requestBudgetBytes = options.requestBudgetBytes ?? requestBudgetFor(officePlatform());
    this.responseBudgetBytes =
      options.responseBudgetBytes ?? (this.requestBudgetBytes === Infinity ? Infinity : READ_BUDGET_BYTES);
  }

  /** The sheets the core reads, in tab order: readWorkbook without the summary sheets. */
  async readInputSheets(): Promise<WorkbookGrids> {
    return (await this.read(false)).grids;
  }

  /**
   * The sheets the core reads, the registry and the summary sheets it names, and every sheet's tab. 1 sync whenever
   * the response fits (always on desktop; on the web once this workbook has been read before, while its sheets
   * fit one 5 MB response); see readWorkbook.ts for the rest.
   */
  async readWorkbook(): Promise<WorkbookSnapshot> {
    return this.read(true);
  }

  private async read(withSummaries: boolean): Promise<WorkbookSnapshot> {
    const { snapshot, memory } = await this.run((context) =>
      readSnapshot(context, {
        inputs: SHEETS_READ,
        withSummaries,
        withFormulas,
        withFormats,
        budgetBytes: this.responseBudgetBytes,
        memory: this.memory,
      }),
    );
    this.memory = { weights: memory.weights, summaries: withSummaries ? memory.summaries : this.memory.summaries };
    return snapshot;
  }

  /** Visible sheets in tab order. 1 sync. */
  /** The selected cells' values, blanks as null: 1 sync. */
  async readSelection(): Promise<CellValue[][]> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("values");
      await context.sync();
      return (range.values as unknown[][]).map((row) => row.map(cellValue));
    });
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/visibility,items/position");
      await context.sync();
      return worksheets.items
        .filter((sheet) => sheet.visibility === "Visible")
        .sort((a, b) => a.position - b.position)
        .map((sheet) => sheet.name);
    });
  }

  /**
   * Adds the sheets that are not there yet; an existing sheet is never touched. 2 syncs (1 read, 1 write);
   * on a failure the sheets added so far are removed again (1-2 more).
   */
  async insertSheets(specs: SheetSpec[]): Promise<InsertOutcome> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      const taken = new Set(worksheets.items.map((sheet) => sheet.name.toLowerCase()));
      const inserted: string[] = [];
      const skipped: string[] = [];
      for (const spec of specs) {
        if (taken.has(spec.name.toLowerCase())) {
          skipped.push(spec.name);
          continue;
        }
        const problem = sheetNameProblem(spec.name);
        if (problem) throw new Error(`Cannot add the sheet: ${problem}.`);
        taken.add(spec.name.toLowerCase());
        inserted.push(spec.name);
      }
      try {
        const budget = new SyncBudget(context, this.requestBudgetBytes);
        for (const name of inserted) {
          await budget.reserve(1);
          await drawSheet(
            worksheets.add(name),
            specs.find((spec) => spec.name === name)!,
            { probe: this.probe, budget },
          );
        }
        await budget.flush();
      } catch (error) {
        await removeSheets(context, inserted);
        throw error;
      }
      return { inserted, skipped };
    });
  }

  /**
   * See pushSummary.ts: with a basis (a snapshot read by the same action) 1 sync, draw and swap together, up to
   * ~4 MB of sheets on the web; without one, 1 more to read first. 2 more to roll back a failure.
   */
  async pushSummarySheets(specs: SheetSpec[], basis?: WorkbookSnapshot): Promise<PushOutcome> {
    const { outcome, registry, written } = await this.run((context) =>
      pushSummarySheets(context, specs, {
        probe: this.probe,
        writtenAt: this.now().toISOString(),
        requestBudgetBytes: this.requestBudgetBytes,
        basis,
      }),
    );
    // The next read asks for the sheets the registry now names in its first sync.
    this.memory = {
      weights: new Map([...this.memory.weights, ...written]),
      summaries: registry.map((entry) => entry.sheet.toLowerCase()),
    };
    return outcome;
  }

  /**
   * Updates each field's row on Settings, or appends one; adds the Settings sheet if there is none.
   * 2 syncs (3 when the sheet is named loosely).
   */
  async writeSettings(values: Partial<Record<SettingsField, string | number>>): Promise<void> {
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      let used = worksheets.getItemOrNullObject(SETTINGS_TEMPLATE.name).getUsedRangeOrNullObject(true);
      used.load("address,values");
      await context.sync();
      const wanted = normaliseName(SETTINGS_TEMPLATE.name);
      const name = worksheets.items.map((sheet) => sheet.name).find((sheetName) => normaliseName(sheetName) === wanted);
      let sheet: Excel.Worksheet;
      let grid: SheetGrid;
      if (!name) {
        sheet = worksheets.add(SETTINGS_TEMPLATE.name);
        const headers = SETTINGS_TEMPLATE.columns.map((column) => column.header);
        const header = sheet.getRange(`A1:${columnLetters(headers.length)}1`);
        header.numberFormat = [headers.map(() => "@")];
        header.values = [headers];
        header.format.font.bold = true;
        SETTINGS_TEMPLATE.columns.forEach((column, index) => {
          const letters = columnLetters(index + 1);
          sheet.getRange(`${letters}:${letters}`).format.columnWidth = column.width * POINTS_PER_CHARACTER;
        });
        grid = { sheet: SETTINGS_TEMPLATE.name, rows: [headers], firstRow: 1, firstColumn: 1 };
      } else {
        sheet = worksheets.getItem(name);
        if (name.toLowerCase() !== SETTINGS_TEMPLATE.name.toLowerCase()) {
          used = sheet.getUsedRangeOrNullObject(true);
          used.load("address,values");
          await context.sync();
        }
        grid = gridOf(name, used);
      }
      const { headerRow, keyColumn, valueColumn } = settingsLayout(grid);
      let lastRow = Math.max(headerRow, lastRowOf(grid));
      for (const [field, value] of Object.entries(values) as [SettingsField, string | number | undefined][]) {
        if (value === undefined) continue;
        const key = SETTINGS_KEYS[field].key;
        let row = findRow(grid, headerRow, keyColumn, key);
        if (row === null) {
          row = ++lastRow;
          const keyCell = sheet.getRange(cellAddress(row, keyColumn));
          keyCell.numberFormat = [["@"]];
          keyCell.values = [[key]];
        }
        const cell = sheet.getRange(cellAddress(row, valueColumn));
        const format = typeof value === "string" ? "@" : PERCENT_SETTINGS.includes(field) ? "0%" : "General";
        cell.numberFormat = [[format]];
        cell.values = [[value]];
      }
      await context.sync();
    });
  }

  /**
   * Stamps the claim below its figures, protects the sheet (no password) and records it as submitted, after
   * which no push overwrites it. 2 syncs. An already protected sheet is only recorded.
   */
  async markClaimSubmitted(sheetName: string, submittedOn: string): Promise<void> {
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const sheet = worksheets.getItemOrNullObject(sheetName);
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("address,values");
      sheet.protection.load("protected");
      const registryUsed = worksheets.getItemOrNullObject(REGISTRY_SHEET).getUsedRangeOrNullObject(true);
      registryUsed.load("address,values");
      await context.sync();

      const name = worksheets.items
        .map((item) => item.name)
        .find((item) => item.toLowerCase() === sheetName.toLowerCase());
      if (!name) throw new Error(`There is no sheet named "${sheetName}".`);
      const registryExists = worksheets.items.some((item) => item.name.toLowerCase() === REGISTRY_SHEET.toLowerCase());
      const registry = readRegistry(registryExists ? gridOf(REGISTRY_SHEET, registryUsed) : undefined);
      if (!sheet.protection.protected) {
        const at = stampCell(gridOf(name, used));
        const stamp = sheet.getRange(cellAddress(at.row, at.column));
        stamp.numberFormat = [["@"]];
        stamp.values = [[submittedStampText(submittedOn)]];
        stamp.format.font.bold = true;
        stamp.format.font.color = RAG_STYLE.Green.fontColor;
        stamp.format.fill.color = RAG_STYLE.Green.fill;
        if (supportsExcelApi("1.18", this.probe)) {
          sheet.notes.add(stamp, SUBMITTED_NOTE);
        }
        sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
      }
      writeRegistrySheet(worksheets, registryRows(markSubmitted(registry, name, submittedOn)), registryExists);
      await context.sync();
    });
  }

  /** Activates the sheet and selects the cell. 1 sync; a sheet that is no longer there is ignored. */
  async selectCell(sheetName: string, cell: string): Promise<void> {
    if (!cell.split(":").every((corner) => parseCellAddress(corner))) {
      throw new Error(`"${cell}" is not a cell address.`);
    }
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(cell).select();
      try {
        await context.sync();
      } catch (error) {
        if (officeErrorCode(error) !== "ItemNotFound") throw error;
      }
    });
  }

  /** See applyEdits.ts: 3 syncs (names, current contents, write); a failure restores what was there (2 more). */
  async applyEdits(edits: WorkbookEdits): Promise<void> {
    await this.run((context) => applyEdits(context, edits, this.probe, this.requestBudgetBytes));
  }
}

/** The open workbook's file name, when Office knows it (an unsaved workbook has no URL). */
function workbookFileName(): string | null {
  const url = typeof Office === "undefined" ? "" : (Office.context?.document?.url ?? "");
  const last = url.split(/[\\/]/).pop() ?? "";
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // Not percent-encoded after all: keep it as it is.
  }
  return name.trim() === "" ? null : name.trim();
}

function textAt(grid: SheetGrid, row: number, column: number): string {
  const value = grid.rows[row - grid.firstRow]?.[column - grid.firstColumn];
  return value === null || value === undefined ? "" : String(value);
}

/** Where the Key and Value columns are: a header within the first 10 rows, else columns A and B under row 1. */
function settingsLayout(grid: SheetGrid): { headerRow: number; keyColumn: number; valueColumn: number } {
  const [keyHeader, valueHeader] = SETTINGS_TEMPLATE.columns.map((column) => normaliseName(column.header));
  for (let row = grid.firstRow; row < grid.firstRow + grid.rows.length && row <= 10; row++) {
    let keyColumn = 0;
    let valueColumn = 0;
    grid.rows[row - grid.firstRow].forEach((value, index) => {
      const text = normaliseName(value === null ? "" : String(value));
      if (text === keyHeader && !keyColumn) keyColumn = grid.firstColumn + index;
      if (text === valueHeader && !valueColumn) valueColumn = grid.firstColumn + index;
    });
    if (keyColumn && valueColumn) return { headerRow: row, keyColumn, valueColumn };
  }
  return { headerRow: 1, keyColumn: 1, valueColumn: 2 };
}

function findRow(grid: SheetGrid, headerRow: number, keyColumn: number, key: string): number | null {
  const wanted = normaliseName(key);
  for (let row = headerRow + 1; row <= lastRowOf(grid); row++) {
    if (normaliseName(textAt(grid, row, keyColumn)) === wanted) return row;
  }
  return null;
}

/** Deletes the named sheets if they exist (best effort, used to undo a failed insert). */
async function removeSheets(context: Excel.RequestContext, names: string[]): Promise<void> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const present = new Set(worksheets.items.map((sheet) => sheet.name.toLowerCase()));
    for (const name of names) if (present.has(name.toLowerCase())) worksheets.getItem(name).delete();
    await context.sync();
  } catch {
    // The original error is the one worth showing.
  }
}
