// Dates: a JS Date, an Excel serial number or UK-order text (dd/mm/yyyy, d/m/yy, dd-mm-yyyy, yyyy-mm-dd, 1 Jul 2009).
import type { CellValue } from "../grid";
import type { CalendarDate } from "../periods";
import { fromExcelSerial } from "../periods";
import { monthFromName } from "./months";

type DateRead = { ok: true; value: CalendarDate } | { ok: false; reason: string };

const DAY_MS = 86_400_000;
/** 1 Jan 1950 to 31 Dec 2199: a number outside this is a count, not a date. */
const FIRST_SERIAL = 18264;
const LAST_SERIAL = 109574;

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?`;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})${TIME}$`);
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const WORDS = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4}|\d{2})$/i;

function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

/** A real calendar date, or null (31/02/2009 is not one). */
export function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2199) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= lastDay ? { year, month, day } : null;
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

/** "dd/mm/yyyy" for messages. */
export function formatUkDate(date: CalendarDate): string {
  return `${String(date.day).padStart(2, "0")}/${String(date.month).padStart(2, "0")}/${date.year}`;
}

export function readDate(value: CellValue | undefined): DateRead {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
    return { ok: false, reason: "the cell is blank" };
  }
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) return { ok: false, reason: "an invalid date" };
    // Shells give midnight UTC (ExcelJS) or local midnight, which east of Greenwich (British Summer Time,
    // Central Europe) is 22:00 or 23:00 UTC the day before. A time of day is otherwise ignored.
    const nearest = new Date(Math.floor((time + 3 * 3_600_000) / DAY_MS) * DAY_MS);
    const date = calendarDate(nearest.getUTCFullYear(), nearest.getUTCMonth() + 1, nearest.getUTCDate());
    return date ? { ok: true, value: date } : { ok: false, reason: "a date outside 1900-2199" };
  }
  if (typeof value === "number") {
    if (Number.isFinite(value) && value >= FIRST_SERIAL && value <= LAST_SERIAL) {
      return { ok: true, value: fromExcelSerial(value) };
    }
    return { ok: false, reason: `${Number.isFinite(value) ? value : String(value)} is a number, not a date` };
  }
  if (typeof value === "boolean") return { ok: false, reason: `${value ? "TRUE" : "FALSE"} is not a date` };
  const text = value.replace(/\s+/g, " ").trim();
  const date = dateFromText(text);
  return date ? { ok: true, value: date } : { ok: false, reason: `${quote(text)} is not a date written dd/mm/yyyy` };
}

function dateFromText(text: string): CalendarDate | null {
  const iso = ISO.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return calendarDate(fullYear(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const words = WORDS.exec(text);
  if (words) {
    const month = monthFromName(words[2]);
    return month === null ? null : calendarDate(fullYear(words[3]), month, Number(words[1]));
  }
  return null;
}
