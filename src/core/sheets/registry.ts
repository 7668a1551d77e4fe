// Which summary sheets the add-in wrote, what they held, and which claims are submitted: kept in a hidden
// sheet so that an edited summary sheet or a submitted claim is never silently overwritten.
import type { CellValue, SheetGrid } from "../grid";
import type { SheetSpec, SummaryKind } from "./spec";
import { MAX_SHEET_NAME } from "./sheetNames";

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

/** FNV-1a over the text, as 8 hex digits twice (two seeds): stable, fast, no dependencies. */
function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

function fingerprintOfCells(cells: Iterable<[number, number, string | null]>): string {
  const parts: string[] = [];
  for (const [row, column, text] of cells) if (text !== null) parts.push(`${row},${column}=${text}`);
  parts.sort();
  return hashText(parts.join("\u0001"));
}

export function fingerprintOfSpec(spec: SheetSpec): string {
  return fingerprintOfCells(spec.cells.map((c) => [c.row, c.column, canonicalCell(c.value)]));
}

export function fingerprintOfGrid(grid: SheetGrid): string {
  function* cells(): Iterable<[number, number, string | null]> {
    for (let r = 0; r < grid.rows.length; r++) {
      const row = grid.rows[r];
      for (let c = 0; c < row.length; c++) yield [grid.firstRow + r, grid.firstColumn + c, canonicalCell(row[c])];
    }
  }
  return fingerprintOfCells(cells());
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
}

export interface PushPlan {
  writes: PlannedWrite[];
  /** The registry after the push. */
  registry: RegistryEntry[];
}

function withSuffix(name: string, n: number): string {
  const suffix = ` (${n})`;
  return name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

/**
 * Decides, for each summary sheet, whether it replaces the existing sheet of its name, or is written beside it
 * under a new name because that sheet was edited since the add-in wrote it, was not written by the add-in,
 * or is a submitted claim. `existing` maps every sheet now in the workbook to the fingerprint of its values
 * (only sheets whose names a spec asks for need one).
 */
export function planSummaryPush(
  specs: SheetSpec[],
  existing: Map<string, string | null>,
  registry: RegistryEntry[],
  writtenAt: string,
): PushPlan {
  const lower = (s: string) => s.toLowerCase(); // Excel sheet names are case-insensitive
  const taken = new Set([...existing.keys()].map(lower));
  const entries = new Map(registry.map((e) => [lower(e.sheet), e]));
  const writes: PlannedWrite[] = [];
  for (const spec of specs) {
    const name = spec.name.slice(0, MAX_SHEET_NAME);
    const key = lower(name);
    const entry = entries.get(key);
    const current = [...existing.entries()].find(([sheet]) => lower(sheet) === key);
    let keptReason: string | undefined;
    if (current) {
      if (!entry) keptReason = `a sheet named "${current[0]}" that the add-in did not write is already there`;
      else if (entry.status === "submitted")
        keptReason = `"${current[0]}" is a submitted claim and is never overwritten`;
      else if (entry.fingerprint !== current[1]) keptReason = `"${current[0]}" was edited since the add-in wrote it`;
    }
    let writeAs = current ? current[0] : name;
    if (keptReason) {
      let n = 2;
      while (taken.has(lower(withSuffix(name, n)))) n++;
      writeAs = withSuffix(name, n);
    }
    taken.add(lower(writeAs));
    writes.push({ spec, writeAs, replaces: Boolean(current) && !keptReason, keptReason });
    entries.set(lower(writeAs), {
      sheet: writeAs,
      kind: spec.kind,
      fingerprint: fingerprintOfSpec(spec),
      writtenAt,
      status: "current",
      submittedOn: "",
    });
  }
  return { writes, registry: [...entries.values()] };
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
