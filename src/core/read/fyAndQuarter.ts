// Financial years (2009-10, 2009/10, 2009-2010, FY2009/10, 09/10, "2008 – 2009") and quarters
// (Q2, 2, Jul-Sep, July-September, Qtr 2, Quarter 2), as partners write them.
import type { CellValue } from "../grid";
import type { Fy, Quarter } from "../periods";
import { fyLabel } from "../periods";
import { readDate } from "./dates";
import { monthFromName } from "./months";

type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const FY_HINT = "write the financial year as 2009-10";

function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

function shown(value: CellValue): string {
  if (typeof value === "string") return quote(value.replace(/\s+/g, " ").trim());
  if (value instanceof Date) {
    const date = readDate(value);
    return date.ok ? `the date ${date.value.day}/${date.value.month}/${date.value.year}` : "an invalid date";
  }
  return String(value);
}

function startYearFrom(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

const FY_TEXT = /^(\d{4}|\d{2})[-/](\d{4}|\d{2})$/;
const FY_LABEL_TEXT = /^\d{4}-\d{2}$/;

/** "2009-10" and the like as text; null when the text is not a financial year. */
function fyFromText(raw: string): Fy | null {
  return labelAsWritten(raw) ?? fyFromAnyText(raw);
}

/**
 * Text that already is the label ("2009-10", as the templates write it and most cells hold) is returned as it is:
 * checked without building any text, as every row of Actuals and Spend has one.
 */
function labelAsWritten(raw: string): Fy | null {
  if (!FY_LABEL_TEXT.test(raw)) return null;
  const start = parseInt(raw, 10); // the four digits before the dash
  const end = (raw.charCodeAt(5) - 48) * 10 + (raw.charCodeAt(6) - 48);
  return end === (start + 1) % 100 && start >= 1900 && start <= 2198 ? raw : null;
}

function fyFromAnyText(raw: string): Fy | null {
  const match = FY_TEXT.exec(tidiedFyText(raw));
  if (!match) return null;
  const start = startYearFrom(match[1]);
  const end = Number(match[2]);
  const follows = match[2].length === 4 ? end === start + 1 : end === (start + 1) % 100;
  return follows && start >= 1900 && start <= 2198 ? fyLabel(start) : null;
}

/** Without an "FY" or "Financial year" prefix, spaces, "to" or unusual dashes: "FY 2009 to 2010" is "2009-2010". */
function tidiedFyText(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/^\s*(financial\s+year|f\.?\s*y\.?)\s*:?/, "")
    .replace(/\s+to\s+/g, "-")
    .replace(/[\s\u00a0]+/g, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-");
}

/**
 * A financial year, as its canonical label ("2009-10"). Excel turns "2009-10" typed into a cell into the
 * date 1 Oct 2009 (and gives it to Office.js as a serial number): a 1st-of-month date whose month is the
 * FY's second year (1 Oct 2009, 1 Sep 2008) is read back as that FY. Other dates and numbers are refused.
 */
export function readFy(value: CellValue | undefined): Read<Fy> {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
    return { ok: false, reason: "the cell is blank" };
  }
  if (typeof value === "string") {
    const fy = fyFromText(value);
    return fy ? { ok: true, value: fy } : { ok: false, reason: `${shown(value)} is not a financial year (${FY_HINT})` };
  }
  if (value instanceof Date || typeof value === "number") {
    const date = readDate(value);
    if (date.ok && date.value.day === 1 && date.value.month === (date.value.year + 1) % 100) {
      return { ok: true, value: fyLabel(date.value.year) };
    }
    const what = date.ok || value instanceof Date ? "a date" : "a number";
    return { ok: false, reason: `${shown(value)} is ${what}, not a financial year (${FY_HINT} as text)` };
  }
  return { ok: false, reason: `${shown(value)} is not a financial year (${FY_HINT})` };
}

function quarterFromNumberText(text: string): Quarter | null {
  const match =
    /^(?:q|qtr|quarter)\.?([1-4])$/.exec(text) ??
    /^([1-4])$/.exec(text) ??
    /^([1-4])(?:st|nd|rd|th)?(?:q|qtr|quarter)$/.exec(text);
  return match ? (Number(match[1]) as Quarter) : null;
}

/** "Jul-Sep", "July - September", "jul to sep": the quarter that range is, counting from the year start month. */
function quarterFromMonths(text: string, yearStartMonth: number): Quarter | null {
  const match = /^([a-z]+)\.?\s*(?:-|\/|\sto\s)\s*([a-z]+)\.?$/.exec(text);
  if (!match) return null;
  const first = monthFromName(match[1]);
  const last = monthFromName(match[2]);
  if (first === null || last === null || (last - first + 12) % 12 !== 2) return null;
  const offset = (first - yearStartMonth + 12) % 12;
  return offset % 3 === 0 ? ((offset / 3 + 1) as Quarter) : null;
}

function quarterFromText(raw: string, yearStartMonth: number): Quarter | null {
  // The templates' own spelling ("Q2", "2") needs no tidying: most cells are written so.
  if (/^[Qq]?[1-4]$/.test(raw)) return Number(raw[raw.length - 1]) as Quarter;
  const text = raw
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  // "Q2 (Jul-Sep)": both halves must agree.
  const both = /^(.+?)\s*\((.+)\)$/.exec(text);
  if (both) {
    const outer = quarterFromText(both[1], yearStartMonth);
    const inner = quarterFromText(both[2], yearStartMonth);
    return outer !== null && outer === inner ? outer : null;
  }
  return quarterFromNumberText(text.replace(/ /g, "")) ?? quarterFromMonths(text, yearStartMonth);
}

/**
 * A quarter 1-4 of the financial year: 2, "2", "Q2", "q2", "Qtr 2", "Quarter 2", "Jul-Sep", "July-September".
 * Month ranges count from `yearStartMonth` (4, April, in the UK), so "Jul-Sep" is Q2 there.
 */
export function readQuarter(value: CellValue | undefined, yearStartMonth = 4): Read<Quarter> {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
    return { ok: false, reason: "the cell is blank" };
  }
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 4) {
    return { ok: true, value: value as Quarter };
  }
  const quarter = typeof value === "string" ? quarterFromText(value, yearStartMonth) : null;
  return quarter !== null
    ? { ok: true, value: quarter }
    : { ok: false, reason: `${shown(value)} is not a quarter (write Q1, Q2, Q3 or Q4)` };
}

/** A month 1-12: a number, or a month name ("April", "Apr"). */
export function readMonth(value: CellValue | undefined): Read<number> {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 12) return { ok: true, value };
  if (typeof value === "string") {
    const text = value.trim();
    if (/^\d{1,2}$/.test(text) && Number(text) >= 1 && Number(text) <= 12) return { ok: true, value: Number(text) };
    const month = monthFromName(text);
    if (month !== null && /^[a-z.]+$/i.test(text)) return { ok: true, value: month };
  }
  return {
    ok: false,
    reason: `${value === null || value === undefined ? "a blank cell" : shown(value)} is not a month (1-12 or a month name)`,
  };
}
