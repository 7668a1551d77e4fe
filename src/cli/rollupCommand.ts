// `consortium-tracker rollup`: one workbook over many consortia's workbooks at a period, for a funder or a
// regional network. Each workbook is read, summarised and let go, a few at a time, so memory stays bounded
// however many there are; one that cannot be read is listed with its problem and never stops the rest.
import { promises as fs } from "fs";
import * as path from "path";
import type { Period } from "../core/periods";
import { periodLabel } from "../core/periods";
import { loadWorkbook } from "../app/workbook";
import { byAttention, consortiumSummary, type RollupEntry } from "../core/rollup/consortiumSummary";
import { rollupSheets } from "../core/rollup/rollupSheets";
import { FileProblem, openWorkbookFile, saveWorkbookFile, writeFileBytes } from "../file/xlsxFiles";
import { XlsxWorkbook } from "../file/xlsxWorkbook";
import { EXIT_OK, EXIT_PROBLEMS, UsageProblem, sameFile, today, type CliIo } from "./shared";
import { plural } from "../core/words";

export interface RollupOptions {
  period?: Period;
  out?: string;
  json?: string;
}

/** How many workbooks are open at once: enough to overlap reading files, few enough to bound memory. */
export const ROLLUP_AT_ONCE = 4;

/** The .xlsx files named: files as given, folders as the workbooks directly inside them (not Excel's ~$ locks). */
export async function workbookFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      throw new UsageProblem(`${input} does not exist.`);
    }
    if (!stat.isDirectory()) {
      files.push(input);
      continue;
    }
    const names = (await fs.readdir(input))
      .filter((name) => /\.xlsx$/i.test(name) && !name.startsWith("~$"))
      .sort((a, b) => a.localeCompare(b, "en-GB"));
    files.push(...names.map((name) => path.join(input, name)));
  }
  return files;
}

/** One workbook's entry: its summary, or the reason it could not be read. */
export async function rollupEntry(file: string, period: Period, now: () => Date): Promise<RollupEntry> {
  const source = path.basename(file);
  try {
    const workbook = await openWorkbookFile(file, { now });
    const { consortium, problems } = await loadWorkbook(workbook);
    return { read: true, ...consortiumSummary(source, consortium, problems, period) };
  } catch (error) {
    const problem =
      error instanceof FileProblem
        ? error.message
        : `could not be read: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
    return { read: false, source, problem };
  }
}

/** Maps `items` through `work`, at most `limit` at a time, keeping their order. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

export async function rollupCommand(
  inputs: readonly string[],
  options: RollupOptions,
  io: CliIo,
  now: () => Date,
): Promise<number> {
  const { period, out } = options;
  if (!period) throw new UsageProblem('rollup needs --period, e.g. --period "2009-10 Q2".');
  if (!out) throw new UsageProblem("rollup needs --out, the roll-up workbook to write.");
  const files = await workbookFiles(inputs);
  if (files.length === 0) throw new UsageProblem("No .xlsx workbooks were found to roll up.");
  for (const file of files) {
    if (await sameFile(out, file))
      throw new UsageProblem("--out names one of the workbooks read: choose another file.");
  }
  const entries = await inBatches(files, ROLLUP_AT_ONCE, (file) => rollupEntry(file, period, now));

  const workbook = XlsxWorkbook.blank(path.basename(out), { now });
  await workbook.insertSheets(rollupSheets(entries, period, today(now)));
  await saveWorkbookFile(workbook, out);
  if (options.json) {
    const json = { period, consortia: byAttention(entries) };
    await writeFileBytes(options.json, new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`));
  }

  const unread = entries.filter((entry) => !entry.read);
  const withErrors = entries.filter((entry) => entry.read && entry.problems.errors > 0);
  io.stdout(`Rolled up ${plural(entries.length, "workbook")} at ${periodLabel(period)}\n`);
  for (const entry of unread) io.stdout(`  ${entry.source}: ${entry.read ? "" : entry.problem}\n`);
  if (withErrors.length > 0) io.stdout(`  ${plural(withErrors.length, "workbook")} with read errors\n`);
  io.stdout(`Wrote ${out}${options.json ? ` and ${options.json}` : ""}\n`);
  return unread.length > 0 || withErrors.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
