// What every consortium-tracker command shares: exit codes, where output goes, the clock, and reading a period.
import { InvalidArgumentError } from "commander";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import type { CalendarDate, Fy, Period } from "../core/periods";
import { importTimestamp } from "../core/returns/incoming";
import { readFy, readQuarter } from "../core/read/cellValues";
import { readDate } from "../core/read/dates";

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** Where the command writes: stdout for results, stderr for everything else. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A usage problem found after parsing (e.g. --out naming the input workbook): one line, exit 2. */
export class UsageProblem extends Error {}

/** "2009-10 Q2", "2009/10 Q2", "FY2009/10 Qtr 2", "2009-10-Q2", "09/10 Jul-Sep": the importer's spellings. */
export function parsePeriod(text: string): Period {
  const trimmed = text.trim();
  const candidates: [string, string][] = [];
  const words = trimmed.split(/\s+/);
  for (let split = 1; split < words.length; split++) {
    candidates.push([words.slice(0, split).join(" "), words.slice(split).join(" ")]);
  }
  const joined = /^(.*?)[\s_-]*((?:q|qtr|quarter)\.?\s*[1-4])$/i.exec(trimmed);
  if (joined) candidates.push([joined[1], joined[2]]);
  for (const [fyText, quarterText] of candidates) {
    const fy = readFy(fyText);
    const quarter = readQuarter(quarterText);
    if (fy.ok && quarter.ok) return { fy: fy.value, quarter: quarter.value };
  }
  throw new InvalidArgumentError(`"${text}" is not a period: write it like "2009-10 Q2".`);
}

/** "2008-09", "2008/09", "2008-2009": a financial year. */
export function parseFyOption(text: string): Fy {
  const fy = readFy(text);
  if (!fy.ok) throw new InvalidArgumentError(`"${text}" is not a financial year: write it like 2008-09.`);
  return fy.value;
}

/** "14/01/2010", "2010-01-14", "14 Jan 2010": the importer's date spellings. */
export function parseDate(text: string): CalendarDate {
  const read = readDate(text);
  if (!read.ok) throw new InvalidArgumentError(`"${text}" is not a date: write it like 14/01/2010.`);
  return read.value;
}

export function today(now: () => Date): CalendarDate {
  const date = now();
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** Local time as the Import log records it: "2010-01-20 14:05". */
export function localTimestamp(now: () => Date): string {
  return importTimestamp(now());
}

/** Who runs the command, for the Audit sheet's "By": the user name the system gives. */
export function userName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return ""; // no user name on this system: the Audit sheet's "By" is left blank
  }
}

/** Whether two paths name the same file: the same path, or (for files that exist) the same file on disk. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [first, second] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return first.ino !== 0 && first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
}
