// `consortium-tracker status | accept | send-back | reopen`: the review of partners' returns for a quarter. status
// only reads; the others record the decision (with the Audit sheet) in a copy of the master, never the master.
import * as path from "path";
import { periodLabel, type Period } from "../core/periods";
import { defaultPeriod } from "../core/report";
import { partnersWithoutReturns } from "../core/returns/issue";
import { returnsStatuses, statusText, type StatusRequest } from "../core/returns/status";
import { reviewReturn } from "../app/review";
import { loadWorkbook } from "../app/workbook";
import { openWorkbookFile, saveWorkbookFile } from "../file/xlsxFiles";
import { EXIT_OK, EXIT_PROBLEMS, UsageProblem, localTimestamp, sameFile, userName, type CliIo } from "./shared";

export interface StatusOptions {
  period?: Period;
}

export interface ReviewOptions {
  period?: Period;
  partner?: string;
  reason?: string;
  out?: string;
  /** Who made the decision (default: the user name the system gives). */
  by?: string;
}

export type ReviewCommand = "accept" | "send-back" | "reopen";

const ACTION: Record<ReviewCommand, StatusRequest["action"]> = {
  accept: "Accepted",
  "send-back": "Returned for revision",
  reopen: "Reopened",
};

/** The default copy: beside the master, named for it (example-reviewed.xlsx). */
export function defaultReviewPath(master: string): string {
  const base = path.basename(master).replace(/\.xlsx$/i, "");
  return path.join(path.dirname(master), `${base}-reviewed.xlsx`);
}

export async function statusCommand(
  master: string,
  options: StatusOptions,
  io: CliIo,
  now: () => Date,
): Promise<number> {
  const workbook = await openWorkbookFile(master, { now });
  const { consortium, grids } = await loadWorkbook(workbook);
  const period = options.period ?? defaultPeriod(consortium);
  if (!period) throw new UsageProblem('status needs --period, e.g. --period "2009-10 Q3".');
  const statuses = returnsStatuses(consortium, period, grids);
  io.stdout(`Returns for ${periodLabel(period)} in ${master}:\n`);
  for (const status of statuses) io.stdout(`  ${status.partner}: ${statusText(status)}\n`);
  const nobody = partnersWithoutReturns(consortium, period);
  if (nobody.length > 0) io.stdout(`No return (nothing of their own to report): ${nobody.join(", ")}\n`);
  if (statuses.length === 0) io.stdout("  No partner is due to report for this quarter.\n");
  return statuses.some((status) => status.changedSinceAccepted) ? EXIT_PROBLEMS : EXIT_OK;
}

export async function reviewCommand(
  command: ReviewCommand,
  master: string,
  options: ReviewOptions,
  io: CliIo,
  now: () => Date,
): Promise<number> {
  if (!options.period) throw new UsageProblem(`${command} needs --period, e.g. --period "2009-10 Q3".`);
  if (!options.partner) throw new UsageProblem(`${command} needs --partner, the partner as Partners names it.`);
  const out = options.out ?? defaultReviewPath(master);
  if (await sameFile(out, master)) {
    throw new UsageProblem("--out names the master workbook, which is never written: choose another file.");
  }
  const workbook = await openWorkbookFile(master, { now });
  const change = await reviewReturn(workbook, {
    partner: options.partner,
    period: options.period,
    action: ACTION[command],
    reason: options.reason,
    at: localTimestamp(now),
    by: options.by ?? userName(),
    command,
  });
  if (!change.ok) {
    io.stdout(`Not changed: ${change.reason}. ${out} was not written.\n`);
    return EXIT_PROBLEMS;
  }
  await saveWorkbookFile(workbook, out);
  io.stdout(`${change.status.partner}, ${periodLabel(options.period)}: ${statusText(change.status)}. Wrote ${out}\n`);
  return EXIT_OK;
}
