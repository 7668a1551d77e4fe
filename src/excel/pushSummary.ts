// Writing summary sheets into the open workbook, all or nothing, in as few syncs as Excel allows.
//
// Office.js batches are not transactions: when a request fails, what ran before the failing call stays done.
// So nothing the user has is touched until every new sheet is completely drawn:
//   1. plan   from a basis (a snapshot readWorkbook took in the same action: no sync), or else by reading (1 sync):
//             sheet names and positions, the registry, and the values of the sheets the specs name (for their
//             fingerprints); planSummaryPush decides what replaces what. A sheet the plan needs that the basis
//             lacks is read (1 sync). (Sheets too big for one response are read in blocks: see readRanges.ts.)
//   2. draw   each spec into a NEW sheet under a temporary name ("~tracker 1"), then
//   3. swap   each sheet being replaced is renamed to a backup name, its temporary takes its name and tab position,
//             the registry is rewritten, and only then are the backups deleted.
//   Draw and swap go in ONE batch (1 sync) while it fits the request budget (on the web about 4 MB: see
//   syncBudget.ts); a bigger draw is sent in parts first, which create only temporaries. The swap is queued
//   after every draw, so a failing draw stops the batch before any of the user's sheets is touched.
// On any failure in steps 2-3, `rollBack` (2 syncs) deletes the temporaries and anything the swap created,
// renames backups to their old names and restores the registry, then the original error is rethrown.
import {
  fingerprintOfGrid,
  planSummaryPush,
  pushedSheets,
  readRegistry,
  REGISTRY_HEADERS,
  REGISTRY_SHEET,
  registryRows,
  sheetsToReadForPush,
} from "../core/sheets/registry";
import type { PushPlan, RegistryEntry } from "../core/sheets/registry";
import { gridOfSpec } from "../core/sheets/claimFigures";
import type { SheetSpec } from "../core/sheets/spec";
import { rangeAddress, type SheetGrid } from "../core/grid";
import type { PushOutcome, WorkbookSnapshot } from "../workbook/port";
import { drawSheet } from "./drawSheet";
import { cellBounds } from "./layout";
import type { SheetWeight } from "./readWorkbook";
import { isResponseTooLarge, readGridsInBlocks } from "./readRanges";
import type { RequirementProbe } from "./requirements";
import { freeNames, gridOf, sheetNameProblem } from "./sheetIo";
import { arrayBytes, SyncBudget } from "./syncBudget";

export const TEMPORARY_PREFIX = "~tracker";
export const BACKUP_PREFIX = "~tracker old";

interface Swap {
  /** Final name. */
  name: string;
  temporary: string;
  /** Set when an existing sheet is replaced: its backup name and tab position. */
  backup?: string;
  position?: number;
}

/** Rewrites the registry sheet (adding it, very hidden, when missing). Every value is text. */
export function writeRegistrySheet(worksheets: Excel.WorksheetCollection, rows: string[][], exists: boolean): void {
  const sheet = exists ? worksheets.getItem(REGISTRY_SHEET) : worksheets.add(REGISTRY_SHEET);
  if (exists) sheet.getRange().clear("Contents");
  sheet.visibility = "VeryHidden";
  if (rows.length === 0) return;
  const range = sheet.getRange(rangeAddress(1, 1, rows.length, REGISTRY_HEADERS.length));
  range.numberFormat = rows.map((row) => row.map(() => "@")); // fingerprints like "1234e567..." must stay text
  range.values = rows;
}

/** What a push did, the registry it left and what each written sheet will weigh when read (for the next read). */
export interface PushResult {
  outcome: PushOutcome;
  registry: RegistryEntry[];
  written: Map<string, SheetWeight>;
}

export async function pushSummarySheets(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  options: { probe: RequirementProbe; writtenAt: string; requestBudgetBytes?: number; basis?: WorkbookSnapshot },
): Promise<PushResult> {
  // 1. Plan.
  const worksheets = context.workbook.worksheets;
  const read = options.basis ? await inputsFromBasis(context, specs, options.basis) : await readForPlan(context, specs);
  const { sheets } = read;
  const find = (name: string) => sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  const registryExists = Boolean(find(REGISTRY_SHEET));
  const registryBefore = readRegistry(registryExists ? read.registry : undefined);
  const existing = new Map<string, string | null>();
  for (const sheet of sheets) {
    const grid = read.grids.get(sheet.name.toLowerCase());
    existing.set(sheet.name, grid ? fingerprintOfGrid(grid) : null);
  }
  const plan = planSummaryPush(specs, existing, registryBefore, options.writtenAt, read.grids);
  for (const write of plan.writes) {
    const problem = sheetNameProblem(write.writeAs);
    if (problem) throw new Error(`Cannot write the summary sheets: ${problem}.`);
  }

  const taken = sheets.map((sheet) => sheet.name);
  const temporaries = freeNames(TEMPORARY_PREFIX, plan.writes.length, taken);
  const backups = freeNames(BACKUP_PREFIX, plan.writes.length, [...taken, ...temporaries]);
  const swaps: Swap[] = plan.writes.map((write, index) => {
    const swap: Swap = { name: write.writeAs, temporary: temporaries[index] };
    if (write.replaces) {
      swap.backup = backups[index];
      swap.position = find(write.writeAs)?.position;
    }
    return swap;
  });

  const registryAfter = registryRows(plan.registry);
  try {
    // 2. Draw every sheet under its temporary name.
    const budget = new SyncBudget(context, options.requestBudgetBytes);
    for (const [index, write] of plan.writes.entries()) {
      await budget.reserve(1);
      await drawSheet(worksheets.add(swaps[index].temporary), write.spec, { probe: options.probe, budget });
    }

    // 3. Swap them in, in the same batch as the last draws. Highest tab position first, so each new sheet can take
    // its predecessor's position.
    await budget.reserve(5 * swaps.length + 4, 2 * arrayBytes(registryAfter));
    const ordered = [...swaps].sort((a, b) => (b.position ?? -1) - (a.position ?? -1));
    for (const swap of ordered) {
      if (swap.backup) worksheets.getItem(swap.name).name = swap.backup;
      const fresh = worksheets.getItem(swap.temporary);
      fresh.name = swap.name;
      if (swap.position !== undefined) fresh.position = swap.position;
      // Someone looking at the old sheet goes on looking at the new one (not whatever Excel would show next).
      if (swap.backup && read.active.toLowerCase() === swap.name.toLowerCase()) fresh.activate();
    }
    writeRegistrySheet(worksheets, registryAfter, registryExists);
    for (const swap of swaps) if (swap.backup) worksheets.getItem(swap.backup).delete();
    await budget.flush();
  } catch (error) {
    await rollBack(context, swaps, { rows: registryRows(registryBefore), existed: registryExists });
    throw error;
  }
  const written = new Map(plan.writes.map((write) => [write.writeAs.toLowerCase(), weightOf(write.spec)]));
  const after = options.basis ? snapshotAfter(options.basis, plan, registryAfter) : undefined;
  return { outcome: { ...outcome(plan), ...(after ? { after } : {}) }, registry: plan.registry, written };
}

/**
 * The workbook as a push from `basis` leaves it: a replaced sheet keeps its tab, a new one is added at the end (as
 * worksheets.add does), then the registry if it was not there; each written sheet reads back as its spec's values.
 */
export function snapshotAfter(basis: WorkbookSnapshot, plan: PushPlan, registry: string[][]): WorkbookSnapshot {
  const lower = (name: string) => name.toLowerCase();
  const grids = new Map(basis.grids.map((grid) => [lower(grid.sheet), grid]));
  const tabs = [...basis.sheets]
    .sort((a, b) => a.position - b.position)
    .map(({ name, visible }) => ({ name, visible }));
  const has = (name: string) => tabs.some((tab) => lower(tab.name) === lower(name));
  for (const write of plan.writes) {
    grids.set(lower(write.writeAs), { ...gridOfSpec(write.spec), sheet: write.writeAs });
    if (!has(write.writeAs)) tabs.push({ name: write.writeAs, visible: true });
  }
  if (!has(REGISTRY_SHEET)) tabs.push({ name: REGISTRY_SHEET, visible: false });
  grids.set(lower(REGISTRY_SHEET), { sheet: REGISTRY_SHEET, rows: registry, firstRow: 1, firstColumn: 1 });
  const sheets = tabs.map((tab, position) => ({ ...tab, position }));
  return {
    grids: sheets.flatMap((sheet) => {
      const grid = grids.get(lower(sheet.name));
      return grid ? [{ ...grid, sheet: sheet.name }] : [];
    }),
    sheets,
    active: basis.active,
  };
}

/** What a drawn sheet's values will weigh when read back, as readWorkbook.ts measures a read (roughly). */
function weightOf(spec: SheetSpec): SheetWeight {
  const bounds = cellBounds(spec.cells);
  if (!bounds) return { rows: 0, columns: 0, bytesPerCell: 0 };
  const rows = bounds.lastRow - bounds.firstRow + 1;
  const columns = bounds.lastColumn - bounds.firstColumn + 1;
  const area = rows * columns;
  let bytes = 3 * Math.max(0, area - spec.cells.length); // each empty cell reads back as "",
  for (const { value } of spec.cells) {
    const shown = value !== null && typeof value === "object" ? (value.result ?? 0) : (value ?? "");
    bytes += JSON.stringify(shown).length + 1;
  }
  return { rows, columns, bytesPerCell: bytes / area };
}

interface PlanInputs {
  /** Every sheet, with its tab position. */
  sheets: { name: string; position: number }[];
  /** The sheet the user is looking at. */
  active: string;
  registry: SheetGrid;
  /** Values of the sheets the specs name, by lower-case name. */
  grids: Map<string, SheetGrid>;
}

/**
 * Step 1 in one sync; if the sheets to fingerprint are too big for one response (Excel on the web: about 5 MB),
 * the names and registry in one sync and those sheets in blocks (see readRanges.ts).
 */
async function readForPlan(context: Excel.RequestContext, specs: SheetSpec[]): Promise<PlanInputs> {
  const worksheets = context.workbook.worksheets;
  const requested = sheetsToReadForPush(specs);
  const active = worksheets.getActiveWorksheet();
  const loadNames = () => {
    worksheets.load("items/name,items/position");
    active.load("name");
    const registry = worksheets.getItemOrNullObject(REGISTRY_SHEET).getUsedRangeOrNullObject(true);
    registry.load("address,values");
    return registry;
  };
  const sheetsOf = () => worksheets.items.map((sheet) => ({ name: sheet.name, position: sheet.position }));
  try {
    const registry = loadNames();
    const used = requested.map((name) => {
      const range = worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
      range.load("address,values");
      return { name, range };
    });
    await context.sync();
    const sheets = sheetsOf();
    const grids = new Map<string, SheetGrid>();
    for (const { name, range } of used) {
      const sheet = sheets.find((s) => s.name.toLowerCase() === name);
      if (sheet) grids.set(name, gridOf(sheet.name, range));
    }
    return { sheets, active: active.name, registry: gridOf(REGISTRY_SHEET, registry), grids };
  } catch (error) {
    if (!isResponseTooLarge(error)) throw error;
  }
  const registry = loadNames();
  await context.sync();
  const sheets = sheetsOf();
  const present = sheets.filter((sheet) => requested.includes(sheet.name.toLowerCase())).map((sheet) => sheet.name);
  const blocks = await readGridsInBlocks(context, present);
  const grids = new Map([...blocks].map(([name, grid]) => [name.toLowerCase(), grid]));
  return { sheets, active: active.name, registry: gridOf(REGISTRY_SHEET, registry), grids };
}

/**
 * Step 1 from a snapshot: no sync, unless the registry names a sheet the plan would look at whose values the basis
 * lacks (its fingerprint decides whether it may be replaced): those are read, 1 sync.
 */
async function inputsFromBasis(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  basis: WorkbookSnapshot,
): Promise<PlanInputs> {
  const lower = (name: string) => name.toLowerCase();
  const sheets = basis.sheets.map(({ name, position }) => ({ name, position }));
  const present = new Map(sheets.map((sheet) => [lower(sheet.name), sheet.name]));
  const basisGrids = new Map(basis.grids.map((grid) => [lower(grid.sheet), grid]));
  const registry = basisGrids.get(lower(REGISTRY_SHEET));
  if (!registry && present.has(lower(REGISTRY_SHEET))) {
    throw new Error("The workbook read before this push lacks the registry: read it with readWorkbook.");
  }
  const named = new Set(readRegistry(registry).map((entry) => lower(entry.sheet)));
  const grids = new Map<string, SheetGrid>();
  const missing: string[] = [];
  for (const name of sheetsToReadForPush(specs)) {
    const actual = present.get(name);
    if (!actual) continue;
    const grid = basisGrids.get(name);
    if (grid) grids.set(name, grid);
    else if (named.has(name)) missing.push(actual);
  }
  if (missing.length > 0) {
    for (const [name, grid] of await readValues(context, missing)) grids.set(lower(name), grid);
  }
  return { sheets, active: basis.active, registry: registry ?? emptyGrid(REGISTRY_SHEET), grids };
}

function emptyGrid(sheet: string): SheetGrid {
  return { sheet, rows: [], firstRow: 1, firstColumn: 1 };
}

/** The values of sheets that exist, 1 sync, or in blocks when too big for one response. */
async function readValues(context: Excel.RequestContext, names: string[]): Promise<Map<string, SheetGrid>> {
  const worksheets = context.workbook.worksheets;
  try {
    const used = names.map((name) => {
      const range = worksheets.getItem(name).getUsedRangeOrNullObject(true);
      range.load("address,values");
      return { name, range };
    });
    await context.sync();
    return new Map(used.map(({ name, range }) => [name, gridOf(name, range)]));
  } catch (error) {
    if (!isResponseTooLarge(error)) throw error;
  }
  return readGridsInBlocks(context, names);
}

/** Puts the workbook back as step 1 found it (best effort: a failure here does not hide the original error). */
async function rollBack(
  context: Excel.RequestContext,
  swaps: Swap[],
  registry: { rows: string[][]; existed: boolean },
): Promise<void> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const present = new Set(worksheets.items.map((sheet) => sheet.name.toLowerCase()));
    const has = (name: string) => present.has(name.toLowerCase());
    for (const swap of swaps) {
      if (has(swap.temporary)) worksheets.getItem(swap.temporary).delete();
      if (swap.backup && has(swap.backup)) {
        // The backup holds the old sheet; whatever now has its name is new.
        if (has(swap.name)) worksheets.getItem(swap.name).delete();
        worksheets.getItem(swap.backup).name = swap.name;
      } else if (!swap.backup && !has(swap.temporary) && has(swap.name)) {
        // A new sheet the swap had already named (its temporary is gone: it took the name; the plan saw no such sheet).
        worksheets.getItem(swap.name).delete();
      }
    }
    if (registry.existed) writeRegistrySheet(worksheets, registry.rows, true);
    else if (has(REGISTRY_SHEET)) worksheets.getItem(REGISTRY_SHEET).delete();
    await context.sync();
  } catch {
    // The original error is the one worth showing.
  }
}

function outcome(plan: PushPlan): PushOutcome {
  return { sheets: pushedSheets(plan) };
}
