// consortium-tracker submit: what the pane's "Mark claim as submitted" does, into a copy of the workbook.
import * as path from "path";
import { periodLabel, type CalendarDate, type Period } from "../core/periods";
import { adjustmentSheetName } from "../core/sheets/claimAdjustment";
import { submittedOnText } from "../core/sheets/claimStamp";
import { submitClaim } from "../app/claim";
import { openWorkbookFile, saveWorkbookFile } from "../file/xlsxFiles";
import { EXIT_OK, UsageProblem, localTimestamp, sameFile, today, userName, type CliIo } from "./shared";

export interface SubmitOptions {
  period?: Period;
  out?: string;
  on?: CalendarDate;
  /** Who marked it, for the Audit sheet (default: the user name the system gives). */
  by?: string;
}

/** Beside the master, named for the period: consortium-2009-10-Q2-submitted.xlsx. */
export function defaultSubmitPath(master: string, period: Period): string {
  const base = path.basename(master).replace(/\.xlsx$/i, "");
  return path.join(path.dirname(master), `${base}-${period.fy}-Q${period.quarter}-submitted.xlsx`);
}

export async function submitCommand(
  master: string,
  options: SubmitOptions,
  io: CliIo,
  now: () => Date,
): Promise<number> {
  const period = options.period;
  if (!period) throw new UsageProblem('give the quarter whose claim was submitted, e.g. --period "2009-10 Q2".');
  const out = options.out ?? defaultSubmitPath(master, period);
  if (await sameFile(out, master)) {
    throw new UsageProblem("--out names the master workbook, which is never written: choose another file.");
  }
  const workbook = await openWorkbookFile(master, { now });
  // Stamped, protected, recorded in the registry and on the Audit sheet, in one batch.
  const decision = await submitClaim(workbook, {
    period,
    submittedOn: submittedOnText(options.on ?? today(now)),
    at: localTimestamp(now),
    command: "submit",
    by: options.by ?? userName(),
  });
  if (!decision.ok)
    throw new UsageProblem(`Cannot mark the ${periodLabel(period)} claim as submitted: ${decision.reason}.`);
  const on = decision.submittedOn;
  await saveWorkbookFile(workbook, out);
  io.stdout(
    `Marked ${decision.sheet} as submitted on ${on}: the sheet is stamped and protected, and later reports never ` +
      `write it again (a changed figure goes on "${adjustmentSheetName(decision.sheet)}"). Recorded on the Audit sheet.\nWrote ${out}\n`,
  );
  return EXIT_OK;
}
