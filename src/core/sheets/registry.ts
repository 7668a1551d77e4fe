// Which summary sheets the add-in wrote, what they held, and which claims are submitted: kept in a hidden
// sheet so that an edited summary sheet or a submitted claim is never silently overwritten.
import type { CellValue, SheetGrid } from "../grid";
import type { SheetSpec, SummaryKind } from "./spec";
import { MAX_SHEET_NAME } from "./sheetNames";
import {
  adjustmentMessage,
  adjustmentSheet,
  adjustmentSheetName,
  compareClaims,
  ukDateText,
  unchangedMessage,
} from "./claimAdjustment";
import { gridOfSpec, readClaimFigures } from "./claimFigures";

export const REGISTRY_SHEET = "Tracker registry";
export const REGISTRY_HEADERS = ["Sheet", "Kind", "Fingerprint", "Written at", "Status", "Submitted on"] as const;

export interface RegistryEntry {
  sheet: string;
  kind: SummaryKind | string;
  fingerprint: string;
  writtenAt: string;
  status: "current" | "submitted";
  submittedOn: string;
}

/** Canonical text of a sheet's non-empty values, so a spec and the same sheet read back compare equal. */
function canonicalCell(value: CellValue | SheetSpec["cells"][number]["value"]): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) return `n:${Math.round((value.getTime() / 86_400_000 + 25_569) * 1e6) / 1e6}`;
  if (typeof value === "object") return canonicalCell(value.result ?? null);
  if (typeof value === "number") return `n:${Number(value.toPrecision(12))}`;
  if (typeof value === "boolean") return `b:${value}`;
  return `s:${value}`;
}

/**
 * FNV-1a over text fed piece by piece, as 8 hex digits twice (two seeds): stable, fast, no dependencies. The
 * fingerprint is of the sheet's "row,column=text" parts in sorted order, joined by U+0001; fed a piece at a time,
 * so a sheet of a million cells never becomes a million strings held at once.
 */
class PartHash {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x9e3779b9;
  private parts = 0;

  /** Starts the next part (the separator goes between parts, not before the first). */
  part(): void {
    if (this.parts++ > 0) this.feedCode(1);
  }

  feed(text: string): void {
    for (let i = 0; i < text.length; i++) this.feedCode(text.charCodeAt(i));
  }

  private feedCode(code: number): void {
    this.a = Math.imul(this.a ^ code, 0x01000193) >>> 0;
    this.b = Math.imul(this.b ^ code, 0x01000193 + 2) >>> 0;
  }

  digest(): string {
    return this.a.toString(16).padStart(8, "0") + this.b.toString(16).padStart(8, "0");
  }
}

/**
 * The fingerprint of cells grouped by row, hashed in the order their "row,column=text" parts sort in. A part's
 * place is set by its row, then its column, each compared as the text it is in the part ("12," before "2,", and
 * "10=" before "1=", since "," sorts below the digits and "=" above them); the text decides only between two
 * cells of the same place.
 */
function fingerprintOfRows<T>(
  rows: Map<number, T[]>,
  columnOf: (cell: T) => number,
  textOf: (cell: T, row: number) => string | null,
): string {
  const byText = (x: { key: string }, y: { key: string }) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  const columnKeys = new Map<number, string>();
  const columnKey = (column: number) => {
    let key = columnKeys.get(column);
    if (key === undefined) columnKeys.set(column, (key = `${column}=`));
    return key;
  };
  const hash = new PartHash();
  const rowOrder = [...rows.keys()].map((row) => ({ row, key: `${row},` })).sort(byText);
  for (const { row, key: rowKey } of rowOrder) {
    const cells = rows
      .get(row)!
      .map((cell) => ({ key: columnKey(columnOf(cell)), text: textOf(cell, row) ?? "" }))
      .sort((x, y) => byText(x, y) || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
    for (const cell of cells) {
      hash.part();
      hash.feed(rowKey);
      hash.feed(cell.key);
      hash.feed(cell.text);
    }
  }
  return hash.digest();
}

export function fingerprintOfSpec(spec: SheetSpec): string {
  const rows = new Map<number, SheetSpec["cells"][number][]>();
  for (const cell of spec.cells) {
    if (canonicalCell(cell.value) === null) continue;
    const row = rows.get(cell.row);
    if (row) row.push(cell);
    else rows.set(cell.row, [cell]);
  }
  return fingerprintOfRows(
    rows,
    (cell) => cell.column,
    (cell) => canonicalCell(cell.value),
  );
}

export function fingerprintOfGrid(grid: SheetGrid): string {
  // Each row of the sheet with the grid's column indexes that hold something.
  const rows = new Map<number, number[]>();
  grid.rows.forEach((values, r) => {
    const columns: number[] = [];
    for (let c = 0; c < values.length; c++) if (canonicalCell(values[c]) !== null) columns.push(c);
    if (columns.length > 0) rows.set(grid.firstRow + r, columns);
  });
  return fingerprintOfRows(
    rows,
    (c) => grid.firstColumn + c,
    (c, row) => canonicalCell(grid.rows[row - grid.firstRow][c]),
  );
}

export function readRegistry(grid: SheetGrid | undefined): RegistryEntry[] {
  if (!grid) return [];
  return grid.rows
    .slice(1)
    .filter((row) => typeof row[0] === "string" && row[0] !== "")
    .map((row) => ({
      sheet: String(row[0]),
      kind: String(row[1] ?? ""),
      fingerprint: String(row[2] ?? ""),
      writtenAt: String(row[3] ?? ""),
      status: row[4] === "submitted" ? "submitted" : "current",
      submittedOn: String(row[5] ?? ""),
    }));
}

export function registryRows(entries: RegistryEntry[]): string[][] {
  return [
    [...REGISTRY_HEADERS],
    ...entries.map((e) => [e.sheet, e.kind, e.fingerprint, e.writtenAt, e.status, e.submittedOn]),
  ];
}

export interface PlannedWrite {
  spec: SheetSpec;
  /** The sheet name to write under. */
  writeAs: string;
  /** Delete the existing sheet of that name first. */
  replaces: boolean;
  /** Why the requested name was not used, in plain English. */
  keptReason?: string;
  /** The summary sheet asked for (differs from spec.name for an adjustment to a submitted claim). */
  requested: string;
  /** Set when the write is the adjustment of a submitted claim: what changed, in plain English. */
  adjustment?: string;
  /** Where its spec was in the push's list, so the outcome reads in the order asked. */
  position: number;
}

/** A summary sheet the push does not write, and why (a submitted claim whose figures have not changed). */
export interface PlannedSkip {
  requested: string;
  /** The sheet that stays as it is. */
  sheet: string;
  reason: string;
  position: number;
}

export interface PushPlan {
  writes: PlannedWrite[];
  skipped: PlannedSkip[];
  /** The registry after the push. */
  registry: RegistryEntry[];
}

/** What happened to each summary sheet a push asked for (both adapters report the plan's words). */
export interface PushedSheet {
  /** The name the spec asked for, e.g. "Claim 2009-10 Q2". */
  requested: string;
  /** The name written under; for "notWritten", the sheet that stays as it was. */
  writtenAs: string;
  /**
   * created / replaced: written under its own name. keptExisting: the existing sheet was kept and the new one
   * written beside it. adjustment: the claim is submitted and figures changed, so an adjustment sheet was written.
   * notWritten: the claim is submitted and no figure changed.
   */
  action: "created" | "replaced" | "keptExisting" | "adjustment" | "notWritten";
  /** Plain-English reason, e.g. "edited since the add-in wrote it". */
  reason?: string;
}

function withSuffix(name: string, n: number): string {
  const suffix = ` (${n})`;
  return name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

/** How many numbered copies of a kept sheet the adapters read, so the copy can be refreshed rather than added to. */
const COPIES_READ = 3;

/**
 * The sheets whose values the adapters read before planning a push: each spec's name and its numbered copies,
 * and for a claim its adjustment sheet and that sheet's copies. (Reading a name that is not there costs nothing.)
 */
export function sheetsToReadForPush(specs: readonly SheetSpec[]): string[] {
  const names = new Set<string>();
  const withCopies = (name: string) => {
    const base = name.slice(0, MAX_SHEET_NAME);
    names.add(base.toLowerCase());
    for (let n = 2; n <= COPIES_READ; n++) names.add(withSuffix(base, n).toLowerCase());
  };
  for (const spec of specs) {
    withCopies(spec.name);
    if (spec.kind === "claim") withCopies(adjustmentSheetName(spec.name));
  }
  return [...names];
}

/**
 * Decides, for each summary sheet, whether it replaces the existing sheet of its name, or is written beside it
 * because that sheet was edited since the add-in wrote it or was not written by the add-in. A kept sheet gets one
 * numbered copy, "(2)", which later pushes refresh while nobody edits it (a further number only when the copy
 * itself was edited). A submitted claim is never overwritten nor copied: when the figures it shows (read from
 * `grids`, by lower-case sheet name) are the figures now, nothing is written; otherwise an "Adjustment <period>"
 * sheet shows each change. `existing` maps every sheet now in the workbook to the fingerprint of its values
 * (sheetsToReadForPush names the ones that need one).
 */
export function planSummaryPush(
  specs: SheetSpec[],
  existing: Map<string, string | null>,
  registry: RegistryEntry[],
  writtenAt: string,
  grids: ReadonlyMap<string, SheetGrid> = new Map(),
): PushPlan {
  const lower = (s: string) => s.toLowerCase(); // Excel sheet names are case-insensitive
  const present = new Map(
    [...existing.entries()].map(([sheet, fingerprint]) => [lower(sheet), { sheet, fingerprint }]),
  );
  const taken = new Set(present.keys());
  const writtenNow = new Set<string>();
  const entries = new Map(registry.map((e) => [lower(e.sheet), e]));
  const writes: PlannedWrite[] = [];
  const skipped: PlannedSkip[] = [];

  /** A sheet this push may overwrite: the add-in wrote it, nobody edited it, it is not submitted. */
  const replaceable = (key: string) => {
    const sheet = present.get(key);
    const entry = entries.get(key);
    return (
      sheet !== undefined &&
      entry !== undefined &&
      entry.status === "current" &&
      sheet.fingerprint !== null &&
      entry.fingerprint === sheet.fingerprint &&
      !writtenNow.has(key)
    );
  };

  const place = (spec: SheetSpec, requested: string, position: number, adjustment?: string) => {
    const name = spec.name.slice(0, MAX_SHEET_NAME);
    const key = lower(name);
    const current = present.get(key);
    const entry = entries.get(key);
    let keptReason: string | undefined;
    if (current) {
      if (!entry) keptReason = `a sheet named "${current.sheet}" that the add-in did not write is already there`;
      else if (entry.status === "submitted") keptReason = `"${current.sheet}" is submitted and is never overwritten`;
      else if (entry.fingerprint !== current.fingerprint)
        keptReason = `"${current.sheet}" was edited since the add-in wrote it`;
    }
    let writeAs = current ? current.sheet : name;
    let replaces = Boolean(current) && !keptReason;
    if (keptReason) {
      for (let n = 2; ; n++) {
        const candidate = lower(withSuffix(name, n));
        if (!taken.has(candidate)) {
          writeAs = withSuffix(name, n);
          replaces = false;
          break;
        }
        if (replaceable(candidate)) {
          writeAs = present.get(candidate)!.sheet;
          replaces = true;
          break;
        }
      }
    }
    taken.add(lower(writeAs));
    writtenNow.add(lower(writeAs));
    writes.push({ spec, writeAs, replaces, keptReason, requested, position, ...(adjustment ? { adjustment } : {}) });
    entries.set(lower(writeAs), {
      sheet: writeAs,
      kind: spec.kind,
      fingerprint: fingerprintOfSpec(spec),
      writtenAt,
      status: "current",
      submittedOn: "",
    });
  };

  for (const [position, spec] of specs.entries()) {
    const key = lower(spec.name.slice(0, MAX_SHEET_NAME));
    const current = present.get(key);
    const entry = entries.get(key);
    if (!(spec.kind === "claim" && entry?.status === "submitted")) {
      place(spec, spec.name, position);
      continue;
    }
    if (!current) {
      // Deleted since: writing it afresh would make a second claim for a quarter already claimed.
      skipped.push({
        requested: spec.name,
        sheet: entry.sheet,
        position,
        reason:
          `${entry.sheet} was submitted on ${ukDateText(entry.submittedOn)} and its sheet is no longer in the ` +
          `workbook, so no new claim was written: restore the submitted sheet from the copy sent to the funder`,
      });
      continue;
    }
    // A submitted claim stays the one claim for its period.
    const grid = grids.get(key);
    const submitted = grid ? readClaimFigures(grid) : null;
    const now = readClaimFigures(gridOfSpec(spec));
    if (!submitted || !now) {
      skipped.push({
        requested: spec.name,
        sheet: current.sheet,
        position,
        reason:
          `${current.sheet} was submitted on ${ukDateText(entry.submittedOn)}, but its figures could not be read ` +
          `back, so no adjustment was worked out: compare it with the figures by hand`,
      });
      continue;
    }
    const comparison = compareClaims(submitted, now);
    if (comparison.changes.length === 0) {
      skipped.push({
        requested: spec.name,
        sheet: current.sheet,
        position,
        reason: unchangedMessage(current.sheet, entry.submittedOn),
      });
      continue;
    }
    place(
      adjustmentSheet(current.sheet, entry.submittedOn, now.consortium, comparison),
      spec.name,
      position,
      adjustmentMessage(current.sheet, entry.submittedOn, comparison),
    );
  }
  return { writes, skipped, registry: [...entries.values()] };
}

/** What a push did, sheet by sheet, in the order asked: the words both adapters report. */
export function pushedSheets(plan: PushPlan): PushedSheet[] {
  const written: [number, PushedSheet][] = plan.writes.map((write) => [write.position, pushedSheet(write)]);
  const notWritten: [number, PushedSheet][] = plan.skipped.map((skip) => [
    skip.position,
    { requested: skip.requested, writtenAs: skip.sheet, action: "notWritten", reason: skip.reason },
  ]);
  return [...written, ...notWritten].sort((a, b) => a[0] - b[0]).map(([, sheet]) => sheet);
}

function pushedSheet(write: PlannedWrite): PushedSheet {
  if (write.adjustment) {
    const kept = write.keptReason ? ` (${write.keptReason}, so it is on "${write.writeAs}")` : "";
    return {
      requested: write.requested,
      writtenAs: write.writeAs,
      action: "adjustment",
      reason: write.adjustment + kept,
    };
  }
  return {
    requested: write.requested,
    writtenAs: write.writeAs,
    action: write.keptReason ? "keptExisting" : write.replaces ? "replaced" : "created",
    ...(write.keptReason ? { reason: write.keptReason } : {}),
  };
}

/** The registry after a claim is marked submitted. */
export function markSubmitted(registry: RegistryEntry[], sheet: string, submittedOn: string): RegistryEntry[] {
  const found = registry.some((e) => e.sheet.toLowerCase() === sheet.toLowerCase());
  const updated = registry.map((e) =>
    e.sheet.toLowerCase() === sheet.toLowerCase() ? { ...e, status: "submitted" as const, submittedOn } : e,
  );
  return found
    ? updated
    : [...updated, { sheet, kind: "claim", fingerprint: "", writtenAt: "", status: "submitted", submittedOn }];
}

export function isSubmitted(registry: RegistryEntry[], sheet: string): boolean {
  return registry.some((e) => e.sheet.toLowerCase() === sheet.toLowerCase() && e.status === "submitted");
}
