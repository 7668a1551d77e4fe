// The Workbook port inside Excel, over Office.js. Each command is one Excel.run with a small, fixed number of
// context.sync() calls whatever the workbook's size (see the sync counts beside each method).
import { normaliseName, parseCellAddress, type CellValue, type WorkbookGrids } from "../core/grid";
import { AUDIT_SHEET } from "../core/returns/audit";
import { IMPORT_CHANGES_SHEET, IMPORT_LOG_SHEET, RETURN_INFO_SHEET, RETURN_SHEET } from "../core/returns/layout";
import { RETURNS_STATUS_SHEET } from "../core/returns/status";
import type { WorkbookEdits } from "../core/returns/types";
import { REGISTRY_SHEET } from "../core/sheets/registry";
import type { SheetSpec } from "../core/sheets/spec";
import { TEMPLATE_SHEET_NAMES } from "../core/templates";
import type { InsertOutcome, PushOutcome, WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { applyEdits } from "./applyEdits";
import { drawSheet } from "./drawSheet";
import { pushSummarySheets } from "./pushSummary";
import { READ_BUDGET_BYTES, readSnapshot, type ReadMemory } from "./readWorkbook";
import { officeProbe, type RequirementProbe } from "./requirements";
import { cellValue, gridOf, officeErrorCode, sheetNameProblem, type ExcelRun } from "./sheetIo";
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

  /** The named sheets' used cells, in 1 sync; a sheet not in the workbook is left out. */
  async readSheets(names: readonly string[]): Promise<WorkbookGrids> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const used = names.map((name) => {
        const range = worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
        range.load("address,values");
        return { name, range };
      });
      await context.sync();
      return used.flatMap(({ name, range }) => {
        const actual = worksheets.items.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase())?.name;
        return actual ? [gridOf(actual, range)] : [];
      });
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
