// Reading the workbook for an action: the sheets the core reads, the registry and the summary sheets it names,
// and every sheet's name, tab position and visibility, in as few round trips as the response limit allows.
//
// Excel on the web refuses a response over about 5 MB (ResponsePayloadSizeLimitExceeded) and nothing says how big
// a sheet is until a sync has answered. So each sheet is asked for in a row window with its used range's size:
//   - Excel on Windows, Mac and iPad have no limit: every window is the whole READ_WINDOW, so one sync reads all.
//   - On the web, a sheet this adapter has read before is asked for by what it weighed then: whole while the sum
//     fits READ_BUDGET_BYTES, then as many rows as still fit, then its size alone. So once the workbook has been
//     read (opening it), each later read is 1 sync while it fits one response.
//   - A sheet never read before gets its first rows: FIRST_READ_ROWS, and ACTUALS_FIRST_READ_ROWS of Actuals (a
//     row per target and quarter, so up to twelve a target over three years). That reads a 1,000-target workbook
//     whole, and about 3.5 MB of the benchmark's 10,000 targets, so a first read is not refused for size. (Should
//     a response still be refused, the sheets are sized alone and read in blocks: see askAndSync.)
// What a window left out is read in row blocks sized by what its cells weighed (readRanges.ts), as many blocks a
// sync as fit. The registry names the summary sheets: those the last read did not know of take one sync more.
import { normaliseName, type SheetGrid } from "../core/grid";
import { readRegistry, REGISTRY_SHEET } from "../core/sheets/registry";
import { ACTUALS_TEMPLATE } from "../core/templates";
import type { SheetTab, WorkbookSnapshot } from "../workbook/port";
import {
  areaOf,
  foundFor,
  isResponseTooLarge,
  gridOfFound,
  readBoxes,
  type Block,
  type BlockReadOptions,
  type Found,
} from "./readRanges";
import { gridOf } from "./sheetIo";

/** The widest and longest area a read asks for in one range (see READ_WINDOW in officeWorkbook.ts). */
export const WINDOW_COLUMNS = 40;
export const WINDOW_ROWS = 125_000;

/** Rows of a sheet asked for before anything is known of it (see the file comment). */
export const FIRST_READ_ROWS = 5_000;
export const ACTUALS_FIRST_READ_ROWS = 15_000;

function firstReadRows(name: string): number {
  return normaliseName(name) === normaliseName(ACTUALS_TEMPLATE.name) ? ACTUALS_FIRST_READ_ROWS : FIRST_READ_ROWS;
}

/** What the sheets of one read may weigh on the web, leaving a margin under the 5 MB limit for growth. */
export const READ_BUDGET_BYTES = 4_000_000;

/** What the adapter remembers of a sheet it read, to size the next read. */
export interface SheetWeight {
  /** Rows and columns of the used range. */
  rows: number;
  columns: number;
  /** Response bytes a cell weighed (values, and the formats or formulas read with them). */
  bytesPerCell: number;
}

/** What one read teaches the next: sheet weights and the summary sheets the registry named, by lower-case name. */
export interface ReadMemory {
  weights: Map<string, SheetWeight>;
  summaries: string[];
}

export interface SnapshotOptions extends Pick<BlockReadOptions, "withFormats" | "withFormulas"> {
  /** The sheets the core reads. */
  inputs: readonly string[];
  /** Also the sheets the registry names (readInputSheets does without them). */
  withSummaries: boolean;
  /** What a response may weigh: READ_BUDGET_BYTES on the web, Infinity on desktop. */
  budgetBytes: number;
  memory?: ReadMemory;
}

interface Asked {
  name: string;
  /** The used range: address and size. */
  all: Excel.Range;
  /** The used cells of the first `rows` rows (READ_WINDOW's columns), when any rows were asked for. */
  part: Excel.Range | null;
  rows: number;
}

const lower = (name: string) => name.toLowerCase();

/** How many rows of each sheet to ask for: the whole sheet while the budget lasts (see the file comment). */
export function windowRows(names: readonly string[], budgetBytes: number, memory?: ReadMemory): Map<string, number> {
  const rows = new Map<string, number>();
  if (budgetBytes === Infinity) {
    for (const name of names) rows.set(name, WINDOW_ROWS);
    return rows;
  }
  let left = budgetBytes;
  const known: [string, SheetWeight][] = [];
  for (const name of names) {
    const weight = memory?.weights.get(lower(name));
    if (weight) known.push([name, weight]);
    else rows.set(name, firstReadRows(name));
  }
  // Lightest first: every sheet that fits whole does, and the last one part-way.
  known.sort(([, a], [, b]) => bytesOf(a) - bytesOf(b));
  for (const [name, weight] of known) {
    const rowBytes = Math.max(1, weight.columns * weight.bytesPerCell);
    const fits = Math.max(0, Math.min(WINDOW_ROWS, Math.floor(left / rowBytes)));
    rows.set(name, weight.rows === 0 ? WINDOW_ROWS : fits >= weight.rows ? WINDOW_ROWS : fits);
    left -= Math.min(fits, weight.rows) * rowBytes;
  }
  return rows;
}

function bytesOf(weight: SheetWeight): number {
  return weight.rows * weight.columns * weight.bytesPerCell;
}

/** Queues each sheet's used range and its window (a missing sheet is a null object, not an error). */
function ask(
  context: Excel.RequestContext,
  names: readonly string[],
  rows: Map<string, number>,
  options: SnapshotOptions,
): Asked[] {
  const worksheets = context.workbook.worksheets;
  return names.map((name) => {
    const all = worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
    all.load("address,rowCount,columnCount");
    const windowRows = rows.get(name) ?? 0;
    if (windowRows === 0) return { name, all, part: null, rows: 0 };
    // Null-object methods all the way, as a missing sheet is one: its used cells in the window, not the window.
    const part = all.getIntersectionOrNullObject(`A1:AN${windowRows}`).getUsedRangeOrNullObject(true);
    // Literal lists, so the linter can see what is loaded.
    if (options.withFormulas?.(name)) part.load("address,values,formulas");
    else if (options.withFormats?.(name)) part.load("address,values,numberFormat");
    else part.load("address,values");
    return { name, all, part, rows: windowRows };
  });
}

/** The weight of a sheet that is not there or is empty: nothing to read. */
const NOTHING: SheetWeight = { rows: 0, columns: 0, bytesPerCell: 0 };

/**
 * Asks for the sheets (and whatever `alsoLoad` queues) in one sync. Should Excel still refuse the response (sheets
 * far heavier than the last read found, or wide sheets never read before), asks again for their sizes alone: what
 * the windows would have held is then read in blocks.
 */
async function askAndSync(
  context: Excel.RequestContext,
  names: readonly string[],
  rows: Map<string, number>,
  options: SnapshotOptions,
  alsoLoad: () => void = () => undefined,
): Promise<Asked[]> {
  alsoLoad();
  const asked = ask(context, names, rows, options);
  try {
    await context.sync();
    return asked;
  } catch (error) {
    if (!isResponseTooLarge(error)) throw error;
  }
  alsoLoad();
  const sized = ask(context, names, new Map(), options);
  await context.sync();
  return sized;
}

interface Settled {
  grids: Map<string, SheetGrid>;
  /** Sheets only partly read: what was found so far, and the boxes still to read. */
  partial: Map<string, Found>;
  rest: Block[];
  weights: Map<string, SheetWeight>;
}

/** Sorts what a sync answered into whole grids and what is left to read. */
function settle(asked: Asked[], actualName: (name: string) => string | undefined, options: SnapshotOptions): Settled {
  const settled: Settled = { grids: new Map(), partial: new Map(), rest: [], weights: new Map() };
  for (const { name, all, part, rows } of asked) {
    const actual = actualName(name);
    if (!actual) {
      settled.weights.set(lower(name), NOTHING);
      continue;
    }
    const formulas = options.withFormulas?.(actual) ?? false;
    const formats = options.withFormats?.(actual) ?? false;
    const partGrid = part ? gridOf(actual, part, formulas, formats) : null;
    const box = all.isNullObject ? null : areaOf(all, actual);
    settled.weights.set(lower(actual), {
      rows: box ? all.rowCount : 0,
      columns: box ? all.columnCount : 0,
      bytesPerCell: part ? weightOfPart(part, formulas, formats) : 0,
    });
    if (!box || (part && !part.isNullObject && part.address === all.address)) {
      settled.grids.set(actual, partGrid ?? gridOf(actual, all));
      continue;
    }
    // The window left rows out (or columns past AN, or the sheet was only sized): read the rest in blocks.
    const found = foundFor(actual, options);
    // Inside READ_WINDOW the used range is the sheet's data; beyond it, a far cell may stretch it (readRanges.ts).
    const inWindow = box.lastColumn <= WINDOW_COLUMNS && box.lastRow <= WINDOW_ROWS;
    if (partGrid && inWindow && box.firstRow <= rows) {
      addGrid(found, partGrid);
      settled.rest.push({ ...box, firstRow: rows + 1, dense: true });
    } else {
      settled.rest.push({ ...box, dense: inWindow });
    }
    settled.partial.set(actual, found);
  }
  return settled;
}

/** What a cell of the loaded window weighed in the response. */
function weightOfPart(part: Excel.Range, formulas: boolean, formats: boolean): number {
  if (part.isNullObject) return 0;
  const values = part.values as unknown[][];
  const cells = values.length * (values[0]?.length ?? 0);
  if (cells === 0) return 0;
  let bytes = JSON.stringify(values).length;
  if (formulas) bytes += JSON.stringify(part.formulas).length;
  if (formats) bytes += JSON.stringify(part.numberFormat).length;
  return bytes / cells;
}

function addGrid(found: Found, grid: SheetGrid): void {
  grid.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) found.cells.push({ row: grid.firstRow + r, column: grid.firstColumn + c, value });
    }),
  );
  found.formulaCells?.push(...(grid.formulaCells ?? []));
  found.percentCells?.push(...(grid.percentCells ?? []));
}

/**
 * The snapshot and what it teaches the next read. 1 sync when every sheet fits its window (always on desktop;
 * on the web, after a first read, while the workbook's sheets fit one response); one more for sheets named
 * loosely ("targets ") or summary sheets the last read did not know of; then row blocks for what the windows left.
 */
export async function readSnapshot(
  context: Excel.RequestContext,
  options: SnapshotOptions,
): Promise<{ snapshot: WorkbookSnapshot; memory: ReadMemory }> {
  const { memory, budgetBytes } = options;
  const worksheets = context.workbook.worksheets;
  // The active sheet matters to a push only (the office-addin-mock set-ups of the plain read have none).
  const active = options.withSummaries ? worksheets.getActiveWorksheet() : null;
  const loadTabs = () => {
    worksheets.load("items/name,items/position,items/visibility");
    active?.load("name");
  };
  const first = unique([...options.inputs, ...(options.withSummaries ? (memory?.summaries ?? []) : [])]);
  const askedFirst = await askAndSync(context, first, windowRows(first, budgetBytes, memory), options, loadTabs);

  const sheets: SheetTab[] = worksheets.items
    .map((sheet) => ({ name: sheet.name, position: sheet.position, visible: sheet.visibility === "Visible" }))
    .sort((a, b) => a.position - b.position);
  const byLower = new Map(sheets.map((sheet) => [lower(sheet.name), sheet.name]));
  const results = [settle(askedFirst, (name) => byLower.get(lower(name)), options)];
  const read = () => new Set(results.flatMap((r) => [...r.grids.keys(), ...r.partial.keys()].map(lower)));

  // Second pass: template sheets named loosely, and summary sheets the registry names that were not asked for.
  const wanted = new Set(options.inputs.map(normaliseName));
  const done = read();
  const loose = sheets.map((s) => s.name).filter((name) => !done.has(lower(name)) && wanted.has(normaliseName(name)));
  const registry = results[0].grids.get(byLower.get(lower(REGISTRY_SHEET)) ?? "");
  const named = options.withSummaries
    ? readRegistry(registry)
        .map((entry) => byLower.get(lower(entry.sheet)))
        .filter((name): name is string => name !== undefined && !done.has(lower(name)))
    : [];
  const second = unique([...loose, ...named]);
  if (second.length > 0) {
    const asked = await askAndSync(context, second, windowRows(second, budgetBytes, memory), options);
    results.push(settle(asked, (name) => name, options));
  }

  // What the windows left out, in as few syncs as its weight allows.
  const partial = new Map(results.flatMap((r) => [...r.partial]));
  const rest = results.flatMap((r) => r.rest);
  const weights = new Map(results.flatMap((r) => [...r.weights]));
  for (const [name, weight] of weights) {
    // A sheet only sized this time still weighs, a cell, what it weighed last time.
    const before = memory?.weights.get(name)?.bytesPerCell ?? 0;
    if (weight.bytesPerCell === 0 && weight.rows > 0) weights.set(name, { ...weight, bytesPerCell: before });
  }
  if (rest.length > 0) {
    const bytesPerCell = Object.fromEntries(
      [...partial.keys()].flatMap((name) => {
        const weight = weights.get(lower(name))?.bytesPerCell;
        return weight ? [[name, weight]] : [];
      }),
    );
    const weighed = await readBoxes(context, rest, partial, { ...options, budgetBytes, bytesPerCell });
    for (const [name, bytes] of weighed) {
      const known = weights.get(lower(name));
      if (known && known.bytesPerCell === 0) weights.set(lower(name), { ...known, bytesPerCell: bytes });
    }
  }

  const grids = new Map(results.flatMap((r) => [...r.grids]));
  for (const [name, found] of partial) grids.set(name, gridOfFound(name, found));
  const summaries = readRegistry(grids.get(byLower.get(lower(REGISTRY_SHEET)) ?? ""))
    .map((entry) => lower(entry.sheet))
    .filter((name) => byLower.has(name));
  return {
    snapshot: {
      grids: sheets.filter((sheet) => grids.has(sheet.name)).map((sheet) => grids.get(sheet.name)!),
      sheets,
      active: active?.name ?? "",
    },
    memory: { weights: new Map([...(memory?.weights ?? []), ...weights]), summaries },
  };
}

function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(lower(name)) && Boolean(seen.add(lower(name))));
}
