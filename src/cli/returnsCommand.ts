// `consortium-tracker returns`: one return workbook per partner for a quarter, written into a folder for the
// finance officer to send out. The master is only read; with --record, a copy of it says the returns went out
// (Sent on its Returns status sheet), as the pane records them in the open workbook.
import { promises as fs } from "fs";
import * as path from "path";
import type { Problem } from "../core/model";
import { formatCalendarDate, nextFy, periodLabel, type Period } from "../core/periods";
import { defaultPeriod } from "../core/report";
import { nothingToReportSentence } from "../core/returns/outgoing";
import { recordReturnsSent, returnsToMake } from "../app/returns";
import { insertSheets } from "../app/sheets";
import { loadWorkbook } from "../app/workbook";
import { openWorkbookFile, saveWorkbookFile } from "../file/xlsxFiles";
import { XlsxWorkbook } from "../file/xlsxWorkbook";
import { EXIT_OK, EXIT_PROBLEMS, localTimestamp, sameFile, UsageProblem, today, type CliIo } from "./shared";
import { plural } from "../core/words";

export interface ReturnsOptions {
  period?: Period;
  outDir?: string;
  force?: boolean;
  /** A copy of the master recording the returns as Sent. */
  record?: string;
}

/** The default folder for the returns: beside the master, named for it and the period (example-returns-2009-10-Q3). */
export function defaultReturnsDir(master: string, period: Period): string {
  const base = path.basename(master).replace(/\.xlsx$/i, "");
  return path.join(path.dirname(master), `${base}-returns-${period.fy}-Q${period.quarter}`);
}

function nextQuarter(period: Period): Period {
  return period.quarter === 4
    ? { fy: nextFy(period.fy), quarter: 1 }
    : { fy: period.fy, quarter: (period.quarter + 1) as Period["quarter"] };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map((problem) => `  ${problem.sheet}!${problem.cell} ${problem.severity} ${problem.message}`);
}

export async function returnsCommand(
  master: string,
  options: ReturnsOptions,
  io: CliIo,
  now: () => Date,
): Promise<number> {
  if (options.record && (await sameFile(options.record, master))) {
    throw new UsageProblem("--record names the master workbook, which is never written: choose another file.");
  }
  const workbook = await openWorkbookFile(master, { now });
  const data = await loadWorkbook(workbook);
  const { consortium, problems } = data;

  // No default quarter: returns go out to people, and the quarter they ask for is a decision, not a guess.
  const period = options.period;
  if (!period) {
    const latest = defaultPeriod(consortium);
    const hint = latest
      ? `, e.g. --period "${periodLabel(nextQuarter(latest))}" (the quarter after the latest with data)`
      : ', e.g. --period "2009-10 Q3"';
    throw new UsageProblem(`returns needs --period: the quarter the returns ask for${hint}.`);
  }
  const label = periodLabel(period);
  const outgoing = returnsToMake(data, period, { masterName: path.basename(master), preparedOn: today(now) });
  const { returns: books, dueOn } = outgoing;
  if (books.length === 0) {
    throw new UsageProblem(
      `no partner has targets or budget lines in ${period.fy} in ${master}, so there are no returns to make for ${label}.`,
    );
  }

  const dir = options.outDir ?? defaultReturnsDir(master, period);
  const files = books.map((book) => path.join(dir, book.fileName));
  if (!options.force) {
    // A folder of returns may already hold ones partners have filled in: never write over them unasked.
    const taken = [];
    for (const file of files) if (await exists(file)) taken.push(file);
    if (taken.length > 0) {
      const more = taken.length > 1 ? ` (and ${plural(taken.length - 1, "other return")})` : "";
      throw new UsageProblem(
        `${taken[0]} already exists${more}: use --force to write over it, or choose another --out-dir.`,
      );
    }
  }

  for (const [index, book] of books.entries()) {
    const returnBook = XlsxWorkbook.blank(path.basename(files[index]), { now });
    await insertSheets(returnBook, book.sheets);
    await saveWorkbookFile(returnBook, files[index]);
    io.stdout(
      `Wrote ${files[index]} (${book.partner}: ${plural(book.targets, "target")}, ${plural(book.lines, "budget line")})\n`,
    );
  }
  io.stdout(`${plural(books.length, "return")} for ${label}, due back by ${formatCalendarDate(dueOn)}.\n`);
  const nobody = nothingToReportSentence(outgoing);
  if (nobody) io.stdout(`${nobody}\n`);
  if (options.record) {
    await recordReturnsSent(workbook, data, outgoing, localTimestamp(now), "returns");
    await saveWorkbookFile(workbook, options.record);
    io.stdout(`Wrote ${options.record}: the master with these returns recorded as Sent (Returns status sheet).\n`);
  }

  if (problems.length > 0) {
    const errors = problems.filter((problem) => problem.severity === "error").length;
    io.stdout(
      `Problems in ${master}: ${plural(errors, "error")}, ${plural(problems.length - errors, "warning")}` +
        `${errors > 0 ? " (the returns leave out what could not be read)" : ""}\n`,
    );
    io.stdout(`${problemLines(problems).join("\n")}\n`);
  }
  return problems.some((problem) => problem.severity === "error") ? EXIT_PROBLEMS : EXIT_OK;
}
