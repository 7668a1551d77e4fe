// Writing summary sheets into the open workbook, all or nothing, in a fixed number of syncs.
//
// Office.js batches are not transactions: when a request fails, what ran before the failing call stays done.
// So nothing the user has is touched until every new sheet is completely drawn:
//   1. read   (1 sync): sheet names and positions, the registry, and the values of the sheets the specs name
//             (for their fingerprints); planSummaryPush decides what replaces what. (Sheets too big for one
//             response are read again in blocks: see readRanges.ts.)
//   2. draw   (1 sync; on the web 2 past ~4 MB, more past ~8 MB: see syncBudget.ts): each spec is drawn into a
//             NEW sheet under a temporary name ("~tracker 1"). A failure here (payload, a bad value) leaves only
//             temporaries.
//   3. swap   (1 sync): each sheet being replaced is renamed to a backup name, its temporary takes its name and
//             tab position, the registry is rewritten, and only then are the backups deleted. No data moves in
//             this step, only names, positions and the small registry, so it is short and unlikely to fail.
// On any failure after step 1, `rollBack` (2 syncs) deletes the temporaries and anything the swap created,
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
import type { PushPlan } from "../core/sheets/registry";
import type { SheetSpec } from "../core/sheets/spec";
import { rangeAddress, type SheetGrid } from "../core/grid";
import type { PushOutcome } from "../workbook/port";
import { drawSheet } from "./drawSheet";
import { isResponseTooLarge, readGridsInBlocks } from "./readRanges";
import type { RequirementProbe } from "./requirements";
import { freeNames, gridOf, sheetNameProblem } from "./sheetIo";
import { SyncBudget } from "./syncBudget";

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

export async function pushSummarySheets(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  options: { probe: RequirementProbe; writtenAt: string; requestBudgetBytes?: number },
): Promise<PushOutcome> {
  // 1. Read.
  const worksheets = context.workbook.worksheets;
  const read = await readForPlan(context, specs);
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

  let swapping = false;
  try {
    // 2. Draw every sheet under its temporary name.
    const budget = new SyncBudget(context, options.requestBudgetBytes);
    for (const [index, write] of plan.writes.entries()) {
      await budget.reserve(1);
      await drawSheet(worksheets.add(swaps[index].temporary), write.spec, { probe: options.probe, budget });
    }
    await budget.flush();

    // 3. Swap them in. Highest tab position first, so each new sheet can take its predecessor's position.
    swapping = true;
    const ordered = [...swaps].sort((a, b) => (b.position ?? -1) - (a.position ?? -1));
    for (const swap of ordered) {
      if (swap.backup) worksheets.getItem(swap.name).name = swap.backup;
      const fresh = worksheets.getItem(swap.temporary);
      fresh.name = swap.name;
      if (swap.position !== undefined) fresh.position = swap.position;
      // Someone looking at the old sheet goes on looking at the new one (not whatever Excel would show next).
      if (swap.backup && read.active.toLowerCase() === swap.name.toLowerCase()) fresh.activate();
    }
    writeRegistrySheet(worksheets, registryRows(plan.registry), registryExists);
    for (const swap of swaps) if (swap.backup) worksheets.getItem(swap.backup).delete();
    await context.sync();
  } catch (error) {
    await rollBack(context, swaps, swapping ? { rows: registryRows(registryBefore), existed: registryExists } : null);
    throw error;
  }
  return outcome(plan);
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

/** Puts the workbook back as step 1 found it (best effort: a failure here does not hide the original error). */
async function rollBack(
  context: Excel.RequestContext,
  swaps: Swap[],
  registry: { rows: string[][]; existed: boolean } | null,
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
      } else if (!swap.backup && registry && has(swap.name)) {
        worksheets.getItem(swap.name).delete(); // a new sheet the swap had already named
      }
    }
    if (registry) {
      if (registry.existed) writeRegistrySheet(worksheets, registry.rows, true);
      else if (has(REGISTRY_SHEET)) worksheets.getItem(REGISTRY_SHEET).delete();
    }
    await context.sync();
  } catch {
    // The original error is the one worth showing.
  }
}

function outcome(plan: PushPlan): PushOutcome {
  return { sheets: pushedSheets(plan) };
}
