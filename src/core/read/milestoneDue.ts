// When a milestone is due, as plans write it: a quarter ("Q3", "Oct-Dec"), a month ("December 2009", "Dec 09",
// "by March 2010"), a date (31/12/2009) or a plain year ("2010", read as the end of that year and marked as
// assumed). A month or date is rated at the quarter of the financial year that contains it.
import type { CellValue } from "../grid";
import type { Fy, Quarter } from "../periods";
import { fyLabel } from "../periods";
import { readDate } from "./dates";
import { readQuarter } from "./fyAndQuarter";
import { monthFromName } from "./months";

export interface MilestoneDue {
  /** The FY the date falls in; null for a bare quarter, which belongs to the year it is written under. */
  fy: Fy | null;
  quarter: Quarter;
  /** A plain year: its end was assumed. */
  assumed: boolean;
}

/** The FY and quarter containing a month of a calendar year. */
export function quarterOfMonth(year: number, month: number, yearStartMonth = 4): { fy: Fy; quarter: Quarter } {
  const offset = (month - yearStartMonth + 12) % 12;
  const startYear = month >= yearStartMonth ? year : year - 1;
  return { fy: fyLabel(startYear), quarter: (Math.floor(offset / 3) + 1) as Quarter };
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 4 ? year : year < 50 ? 2000 + year : 1900 + year;
}

/** "December 2009", "Dec 09", "Dec-2009", "by end of March 2010": month and year. */
function monthYear(text: string): { year: number; month: number } | null {
  const match = /\b([a-z]{3,9})\.?[\s\-/,]+((?:19|20)\d{2}|\d{2})\b/i.exec(text);
  if (!match) return null;
  const month = monthFromName(match[1]);
  if (month === null || !/^[a-z]+$/i.test(match[1]) || match[1].length < 3) return null;
  return { year: fullYear(match[2]), month };
}

/** The due spelling of a Targets year cell or a plan's words; null when it is none of them. */
export function readMilestoneDue(value: CellValue, yearStartMonth = 4): MilestoneDue | null {
  const quarter = readQuarter(value, yearStartMonth);
  if (quarter.ok) return { fy: null, quarter: quarter.value, assumed: false };
  if (typeof value === "string") {
    const text = value
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^(?:by|in|during|before)\s+(?:the\s+)?(?:end\s+of\s+)?/i, "");
    const month = monthYear(text);
    if (month && text.replace(/[.,]/g, "").split(" ").length <= 3) {
      return { ...quarterOfMonth(month.year, month.month, yearStartMonth), assumed: false };
    }
    const plainYear = /^((?:19|20)\d{2})$/.exec(text);
    if (plainYear) return { ...quarterOfMonth(Number(plainYear[1]), 12, yearStartMonth), assumed: true };
  }
  // Excel turns "December 2009" typed into a cell into the date 1 Dec 2009 (a serial number to Office.js).
  if (value instanceof Date || typeof value === "string" || (typeof value === "number" && value > 366)) {
    const date = readDate(value);
    if (date.ok) return { ...quarterOfMonth(date.value.year, date.value.month, yearStartMonth), assumed: false };
  }
  return null;
}

/** A month and year anywhere in a sentence ("… published by December 2009"), as the quarter that contains it. */
export function monthDueIn(text: string, yearStartMonth = 4): { due: MilestoneDue; words: string } | null {
  const pattern =
    /\b(?:by|in|during|before|from)?\s*(?:the\s+)?(?:end\s+of\s+)?([a-z]{3,9})\.?[\s\-/,]+((?:19|20)\d{2})\b/gi;
  for (const match of text.matchAll(pattern)) {
    const month = monthFromName(match[1]);
    if (month === null) continue;
    return {
      due: { ...quarterOfMonth(Number(match[2]), month, yearStartMonth), assumed: false },
      words: match[0].trim(),
    };
  }
  return null;
}
