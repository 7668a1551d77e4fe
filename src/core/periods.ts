// Financial years, quarters and reporting periods (rules.md "Periods").
// A financial year is identified everywhere by its label, e.g. "2009-10" (starting in 2009).

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** A financial-year label such as "2009-10". */
export type Fy = string;

export interface Period {
  fy: Fy;
  quarter: Quarter;
}

const FY_LABEL = /^(\d{4})-(\d{2})$/;

export function fyLabel(startYear: number): Fy {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

export function fyStartYear(fy: Fy): number {
  // test, not exec: the rules call this for every actual, and a match would be an array to collect.
  if (!FY_LABEL.test(fy)) throw new Error(`Not a financial-year label: ${fy}`);
  return parseInt(fy, 10); // the four digits before the dash
}

export function isFyLabel(text: string): boolean {
  const match = FY_LABEL.exec(text);
  return match !== null && fyLabel(Number(match[1])) === text;
}

export function previousFy(fy: Fy): Fy {
  return fyLabel(fyStartYear(fy) - 1);
}

export function nextFy(fy: Fy): Fy {
  return fyLabel(fyStartYear(fy) + 1);
}

/** Every FY from `first` to `last` inclusive, in order. */
export function fyRange(first: Fy, last: Fy): Fy[] {
  const years: Fy[] = [];
  for (let year = fyStartYear(first); year <= fyStartYear(last); year++) years.push(fyLabel(year));
  return years;
}

export function compareFy(a: Fy, b: Fy): number {
  return fyStartYear(a) - fyStartYear(b);
}

export function comparePeriods(a: Period, b: Period): number {
  return compareFy(a.fy, b.fy) || a.quarter - b.quarter;
}

export function periodLabel(period: Period): string {
  return `${period.fy} Q${period.quarter}`;
}

/** The quarter before, crossing into the previous FY from Q1; null never (plans always have a past). */
export function previousQuarter(period: Period): Period {
  return period.quarter === 1
    ? { fy: previousFy(period.fy), quarter: 4 }
    : { fy: period.fy, quarter: (period.quarter - 1) as Quarter };
}

export function sameQuarterLastYear(period: Period): Period {
  return { fy: previousFy(period.fy), quarter: period.quarter };
}

/** A calendar date without a time zone. */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * First and last day of quarter q of the FY. The FY starts in `yearStartMonth` (April = 4 in the UK)
 * of its start year; Q1 is its first three months.
 */
export function quarterDates(period: Period, yearStartMonth = 4): { start: CalendarDate; end: CalendarDate } {
  const monthIndex = yearStartMonth - 1 + (period.quarter - 1) * 3; // months since January of the start year
  const startYear = fyStartYear(period.fy) + Math.floor(monthIndex / 12);
  const startMonth = (monthIndex % 12) + 1;
  const endIndex = monthIndex + 2;
  const endYear = fyStartYear(period.fy) + Math.floor(endIndex / 12);
  const endMonth = (endIndex % 12) + 1;
  return {
    start: { year: startYear, month: startMonth, day: 1 },
    end: { year: endYear, month: endMonth, day: daysInMonth(endYear, endMonth) },
  };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function monthAbbreviation(month: number): string {
  return MONTHS[(((month - 1) % 12) + 12) % 12];
}

/** "1 Jul 2009" */
export function formatCalendarDate(date: CalendarDate): string {
  return `${date.day} ${monthAbbreviation(date.month)} ${date.year}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Days since 1899-12-30: the Excel date serial (1900 date system). */
export function excelSerial(date: CalendarDate): number {
  return Math.round((Date.UTC(date.year, date.month - 1, date.day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function fromExcelSerial(serial: number): CalendarDate {
  const moved = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

export function isoDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}
