// Tolerant readers of single cell values (templates.md "What the importer must tolerate").
// Each returns the value or a plain-English reason it could not be read, so the caller can make a Problem.
import type { CellValue } from "../grid";
import { normaliseName } from "../grid";
import type { Measure } from "../model";
import type { CalendarDate } from "../periods";
import { DONE_WORDS, NOT_DONE_WORDS } from "../templates";
import { readDate } from "./dates";

export { readDate, formatUkDate } from "./dates";
export { readFy, readQuarter, readMonth } from "./fyAndQuarter";

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const fail = <T>(reason: string): Read<T> => ({ ok: false, reason });

/** Empty, missing (ragged row) or whitespace-only cells. */
export function isBlank(value: CellValue | undefined): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function isValidDate(value: Date): boolean {
  return !Number.isNaN(value.getTime());
}

/** Text already trimmed, with single plain spaces between words: most cells, which then need no tidying. */
const TIDY_TEXT = /^\S+( \S+)*$/;

/** A cell as text, trimmed: numbers as written by JS, dates as dd/mm/yyyy, TRUE/FALSE. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return TIDY_TEXT.test(value) ? value : value.replace(/\s+/g, " ").trim();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date && isValidDate(value)) {
    const read = readDate(value);
    return read.ok ? ukDate(read.value) : "";
  }
  return "";
}

/** Free text (a comment, a description): trimmed, line breaks kept, other runs of spaces kept as written. */
export function cellNote(value: CellValue | undefined): string {
  if (typeof value !== "string") return cellText(value);
  return (value.includes("\r") ? value.replace(/\r\n?/g, "\n") : value).trim();
}

function ukDate(date: CalendarDate): string {
  return `${String(date.day).padStart(2, "0")}/${String(date.month).padStart(2, "0")}/${date.year}`;
}

/** How a value is named in a message: text quoted (and shortened), numbers and dates as written. */
export function showValue(value: CellValue | undefined): string {
  if (typeof value === "string") {
    const text = value.replace(/\s+/g, " ").trim();
    return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (value instanceof Date && !isValidDate(value)) return "an invalid date";
  return cellText(value) || "a blank cell";
}

const UK_GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN_NUMBER = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** True when the cell is text written as a percentage ("85%"); a shell gives percent-formatted numbers as 0.85. */
export function isPercentText(value: CellValue | undefined): boolean {
  return typeof value === "string" && /%\s*\)?\s*$/.test(value.trim());
}

/**
 * A number: real numbers, and text such as "1,250", "£1,250.00", " 40 ", "85%" (0.85), "(1,250)" or "-£40".
 * Commas must be thousands separators ("1,25" could be a European decimal, so it is refused rather than guessed).
 */
export function readNumber(value: CellValue | undefined): Read<number> {
  if (isBlank(value)) return fail("the cell is blank");
  if (typeof value === "number") {
    return Number.isFinite(value) ? ok(value) : fail(`${showValue(value)} is not a number`);
  }
  if (typeof value === "boolean") return fail(`${showValue(value)} is not a number`);
  if (value instanceof Date) return fail(`${showValue(value)} is a date in a number cell`);
  const parsed = parseNumberText(value);
  return parsed === null ? fail(`${showValue(value)} is text in a number cell`) : ok(parsed);
}

function parseNumberText(raw: string): number | null {
  let text = raw.replace(/[\s\u00a0]+/g, "");
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) {
    negative = true; // accountants' negative: (1,250)
    text = bracketed[1];
  }
  // One sign, before or after the currency symbol: -£40, £-40.
  const signed = /^([-+\u2212]?)[£$€]?([-+\u2212]?)(.*)$/.exec(text);
  if (!signed || (signed[1] && signed[2])) return null;
  if ((signed[1] || signed[2]) !== "+" && (signed[1] || signed[2]) !== "") negative = !negative;
  text = signed[3];
  const percent = text.endsWith("%");
  if (percent) text = text.slice(0, -1);
  if (UK_GROUPED.test(text)) text = text.replace(/,/g, "");
  if (!PLAIN_NUMBER.test(text)) return null;
  const number = Number(text);
  if (!Number.isFinite(number)) return null;
  const signedNumber = negative ? -number : number;
  // Divide rather than multiply by 0.01 so "85%" is exactly 0.85.
  return percent ? signedNumber / 100 : signedNumber;
}

/**
 * A percentage as a fraction: "85%" is 0.85; a number in a cell formatted as a percentage is the fraction Excel
 * stores (a cell showing 150% holds 1.5); a plain number above 1 is read as a percentage, so 85 is 0.85 too.
 */
export function readPercentage(value: CellValue | undefined, percentFormatted = false): Read<number> {
  const read = readNumber(value);
  if (!read.ok) return read;
  if (isPercentText(value) || (percentFormatted && typeof value === "number")) return read;
  return ok(read.value > 1 ? read.value / 100 : read.value);
}

/** A percentage written or formatted as one ("85%", or a number shown as 85%). */
export function looksLikePercentage(value: CellValue | undefined, percentFormatted: boolean): boolean {
  return isPercentText(value) || (percentFormatted && typeof value === "number");
}

/**
 * A target's or actual's figure in its measure: a Percentage as a fraction (readPercentage); a Number or Currency
 * as a plain number, where a percentage ("85%" typed into a count of volunteers) is refused rather than read as 0.85.
 */
export function readMeasured(value: CellValue | undefined, measure: Measure, percentFormatted = false): Read<number> {
  if (measure === "Percentage") return readPercentage(value, percentFormatted);
  const read = readNumber(value);
  if (read.ok && looksLikePercentage(value, percentFormatted)) {
    const shown = typeof value === "number" ? `${Math.round(value * 1e6) / 1e4}%` : cellText(value);
    return fail(`${shown} is a percentage, but the target is a ${measure.toLowerCase()}: type the figure itself`);
  }
  return read;
}

/** An amount of money: a number, where a percentage ("85%", or a number shown as 85%) is refused, not read as £0.85. */
export function readAmount(value: CellValue | undefined, percentFormatted = false): Read<number> {
  const read = readNumber(value);
  if (read.ok && looksLikePercentage(value, percentFormatted)) {
    const shown = typeof value === "number" ? `${Math.round(value * 1e6) / 1e4}%` : cellText(value);
    return fail(`${shown} is a percentage, not an amount in £: type the amount`);
  }
  return read;
}

/** An enumerated value matched case-, space- and punctuation-insensitively; returns the template's spelling. */
export function readEnum<T extends string>(value: CellValue | undefined, options: readonly T[]): Read<T> {
  return enumReader(options)(value);
}

/** `readEnum` for a whole column: the options' matching forms are worked out once, not for every cell. */
export function enumReader<T extends string>(options: readonly T[]): (value: CellValue | undefined) => Read<T> {
  const names = options.map(normaliseName);
  return (value) => {
    const wanted = normaliseName(cellText(value));
    const found = names.indexOf(wanted); // the first option that matches
    if (found >= 0 && wanted !== "") return ok(options[found]);
    return fail(`${showValue(value)} is not one of ${listOptions(options)}`);
  };
}

/** "A, B or C" */
export function listOptions(options: readonly string[]): string {
  return options.length <= 1
    ? options.join("")
    : `${options.slice(0, -1).join(", ")} or ${options[options.length - 1]}`;
}

/** A whole number in a range, e.g. a day count. */
export function readWholeNumber(value: CellValue | undefined, min: number, max: number): Read<number> {
  const read = readNumber(value);
  if (!read.ok) return read;
  if (!Number.isInteger(read.value) || read.value < min || read.value > max) {
    return fail(`${showValue(value)} is not a whole number from ${min} to ${max}`);
  }
  return read;
}

export interface MilestoneActual {
  done: boolean;
  completedOn: CalendarDate | null;
}

/** A milestone's actual: Done / Yes / Complete / Completed, or a completion date; blank is not done. */
export function readMilestoneActual(value: CellValue | undefined): Read<MilestoneActual> {
  if (isBlank(value)) return ok({ done: false, completedOn: null });
  const word = normaliseName(cellText(value));
  if (typeof value === "string" && DONE_WORDS.some((done) => normaliseName(done) === word)) {
    return ok({ done: true, completedOn: null });
  }
  if (typeof value === "string" && NOT_DONE_WORDS.some((notDone) => normaliseName(notDone) === word)) {
    return ok({ done: false, completedOn: null });
  }
  // A ticked or unticked checkbox.
  if (typeof value === "boolean") return ok({ done: value, completedOn: null });
  const date = readDate(value);
  if (date.ok) return ok({ done: true, completedOn: date.value });
  return fail(`${showValue(value)} is not ${listOptions(DONE_WORDS)} or a completion date`);
}
