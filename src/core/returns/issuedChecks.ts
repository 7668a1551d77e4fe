// Checks written into Return info when a return is issued, one short hash per cell, so that the import can name
// any cell a partner was not meant to change: a Return info key or issued row, or a locked reference cell of the
// Return sheet (a target's description, annual target, expected to date, last quarter's actual; a line's budget
// and spend before the quarter). Hashes, not copies: Return info stays readable and a copy could be edited too.
import type { CellValue } from "../grid";
import { excelSerial } from "../periods";
import type { CellContent } from "../sheets/spec";
import { SPEND_COLUMNS, TARGET_COLUMNS, columnIndex, type ReturnColumn } from "./layout";

/** Return info's column of checks, beside the key values and after the issued rows' columns. */
export const CHECK_HEADER = "Check";

/**
 * The Return sheet's locked cells each issued row's check covers. Key columns are matched to the issued rows and
 * FY and Quarter are read against the return's period, each with its own message, so they are not repeated here.
 */
const CHECKED_KEYS: Record<"target" | "spend", readonly string[]> = {
  target: ["target", "projectId", "measure", "annualTarget", "expectedToDate", "lastQuarter"],
  spend: ["annualBudget", "budgetToDate", "spentBefore"],
};

export function checkedColumns(section: "target" | "spend"): { key: string; header: string; column: number }[] {
  const columns: readonly ReturnColumn[] = section === "target" ? TARGET_COLUMNS : SPEND_COLUMNS;
  return CHECKED_KEYS[section].map((key) => ({
    key,
    header: columns[columnIndex(columns, key) - 1].header,
    column: columnIndex(columns, key),
  }));
}

/** A cell's value as both readers see it: numbers to 12 figures, dates as Excel serials, text trimmed. */
function canonical(value: CellValue | CellContent | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const serial = excelSerial({
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
    });
    return `n:${serial}`;
  }
  if (typeof value === "number") return `n:${Number(value.toPrecision(12))}`;
  if (typeof value === "boolean") return `b:${value}`;
  if (typeof value === "object") return typeof value.result === "number" ? canonical(value.result) : "";
  return value.trim() === "" ? "" : `t:${value.trim()}`;
}

/** Six hex digits of a hash of where the cell is (`salt`) and what it holds. */
export function cellCheck(salt: string, value: CellValue | CellContent | undefined): string {
  const text = `${salt}\u0001${canonical(value)}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return ((hash >>> 0) & 0xffffff).toString(16).padStart(6, "0");
}

/** Checks of several cells, in order, as one cell's text: "a1b2c3.d4e5f6". */
export function joinChecks(checks: readonly string[]): string {
  return checks.join(".");
}

export function splitChecks(text: string): string[] {
  return text.trim() === "" ? [] : text.trim().split(".");
}

/** What a row's checks are salted with: the same cell of another row, or another key, checks differently. */
export function rowSalt(section: string, id: string, line: string, column: string): string {
  return `${section}\u0001${id.trim().toLowerCase()}\u0001${line.trim().toLowerCase()}\u0001${column}`;
}

/** What a Return info key's check is salted with. */
export function keySalt(key: string): string {
  return `key\u0001${key}`;
}

/** What the check of a cell of Return info's k-th issued row (0-based) is salted with. */
export function infoRowSalt(index: number, column: string): string {
  return `info\u0001${index}\u0001${column}`;
}

/** Return info checks from this template version on; earlier returns are read without them. */
export const CHECKS_SINCE_VERSION = 2;
