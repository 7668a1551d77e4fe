// `consortium-tracker import`: partner returns into a copy of the master. It always shows what each return would
// add and change first; only with --apply does it write, and then into a new file, never the master itself. A
// return with errors is never applied; the others in the same run still are.
import * as path from "path";
import type { Problem } from "../core/model";
import { periodLabel, type CalendarDate, type Period } from "../core/periods";
import type { ReturnFile, ReturnOutcome } from "../core/returns/incoming";
import { applyPreviewed, previewAgainst } from "../app/returns";
import { loadWorkbook } from "../app/workbook";
import { addedValues, changedValues } from "../core/returns/previewWords";
import type { AddedRow, ChangedValue, ImportPreview } from "../core/returns/types";
import { openWorkbookFile, saveWorkbookFile } from "../file/xlsxFiles";
import { problemLines } from "./returnsCommand";
import { EXIT_OK, EXIT_PROBLEMS, UsageProblem, localTimestamp, sameFile, type CliIo } from "./shared";
import { plural } from "../core/words";

export interface ImportOptions {
  period?: Period;
  out?: string;
  apply?: boolean;
  /** The day the returns came in, for the returns tracker (default: today). */
  received?: CalendarDate;
}

/** The default output: beside the master, named for it (example-imported.xlsx). */
export function defaultImportPath(master: string): string {
  const base = path.basename(master).replace(/\.xlsx$/i, "");
  return path.join(path.dirname(master), `${base}-imported.xlsx`);
}

type Outcome = ReturnOutcome | "applied";

function addedLine(preview: ImportPreview, row: AddedRow): string {
  const values = addedValues(preview, row).map(({ field, text }) => `${field} ${text}`);
  return `    ${row.sheet} ${row.key}: ${values.join(", ")}`;
}

function changedLine(preview: ImportPreview, change: ChangedValue): string {
  const { before, after } = changedValues(preview, change);
  return `    ${change.sheet}!${change.cell} ${change.key} ${change.field}: ${before} → ${after}`;
}

function problemSummary(problems: readonly Problem[]): string {
  if (problems.length === 0) return "  Problems: none";
  const errors = problems.filter((problem) => problem.severity === "error").length;
  return [
    `  Problems: ${plural(errors, "error")}, ${plural(problems.length - errors, "warning")}`,
    ...problemLines(problems).map((line) => `  ${line}`),
  ].join("\n");
}

/** The preview of one return, as the finance officer reads it before applying. */
function previewText(file: string, preview: ImportPreview, outcome: Outcome): string {
  const lines = [`${file}: ${preview.partner}, ${periodLabel(preview.period)}`];
  if (preview.alreadyImported) {
    const earlier = preview.previousImport;
    lines.push(
      `  Already imported${earlier ? ` at ${earlier.importedAt} (${earlier.fileName})` : ""}: the same return is in the Import log, so nothing changes.`,
    );
    return `${lines.join("\n")}\n`;
  }
  lines.push(`  Rows to add: ${preview.added.length}`);
  lines.push(...preview.added.map((row) => addedLine(preview, row)));
  lines.push(`  Values to change: ${preview.changed.length}`);
  lines.push(...preview.changed.map((change) => changedLine(preview, change)));
  lines.push(problemSummary(preview.problems));
  if (outcome === "refused") {
    lines.push("  Not applied: correct the errors above in the return (or ask the partner to), then import it again.");
  } else if (preview.added.length === 0 && preview.changed.length === 0) {
    // Nothing filled in, or only what the master already says: the return still counts as received.
    const recorded = outcome === "applied" ? "is recorded" : "will be recorded";
    lines.push(
      `  ${outcome === "applied" ? "Applied" : "Ready"}: nothing to add or change, but the return ${recorded} in the Import log as received.`,
    );
  } else {
    lines.push(outcome === "applied" ? "  Applied." : "  Ready to apply.");
  }
  return `${lines.join("\n")}\n`;
}

function unreadText(file: string, problems: readonly Problem[]): string {
  return [
    `${file}: not read as a partner return`,
    problemSummary(problems),
    "  Not applied: import the return workbook made by `consortium-tracker returns` (or the add-in), as the partner filled it in.",
    "",
  ].join("\n");
}

export async function importCommand(
  master: string,
  returnFiles: readonly string[],
  options: ImportOptions,
  io: CliIo,
  now: () => Date,
): Promise<number> {
  const out = options.out ?? defaultImportPath(master);
  if (await sameFile(out, master)) {
    throw new UsageProblem("--out names the master workbook, which is never written: choose another file.");
  }
  for (const file of returnFiles) {
    if (await sameFile(out, file)) throw new UsageProblem(`--out names the return ${file}: choose another file.`);
  }

  // Every file is opened before anything is worked out: one that cannot be opened stops the whole run.
  const workbook = await openWorkbookFile(master, { now });
  const masterData = await loadWorkbook(workbook);
  const files: ReturnFile[] = [];
  for (const file of returnFiles) {
    const returnBook = await openWorkbookFile(file, { now });
    files.push({ fileName: path.basename(file), grids: await returnBook.readInputSheets() });
  }

  const batch = previewAgainst(masterData.grids, files, {
    period: options.period,
    importedAt: localTimestamp(now),
    receivedOn: options.received,
  });
  const willApply = Boolean(options.apply);
  const entries = batch.returns.map((incoming, index) => ({
    ...incoming,
    file: returnFiles[index],
    outcome: (incoming.outcome === "ready" && willApply ? "applied" : incoming.outcome) as Outcome,
  }));
  const named = (...wanted: Outcome[]) =>
    entries.filter((entry) => wanted.includes(entry.outcome)).map((entry) => path.basename(entry.file));

  // Written before anything is printed, so "Applied" is only ever said of a saved file.
  const toApply = named("applied", "ready");
  if (willApply && toApply.length > 0) {
    await applyPreviewed(workbook, batch);
    await saveWorkbookFile(workbook, out);
  }

  const masterErrors = masterData.problems.filter((problem) => problem.severity === "error");
  if (masterErrors.length > 0) {
    io.stdout(
      `Note: ${master} has ${plural(masterErrors.length, "error")} of its own (run consortium-tracker report to see them).\n`,
    );
  }
  for (const entry of entries) {
    io.stdout(
      `${entry.preview ? previewText(entry.file, entry.preview, entry.outcome) : unreadText(entry.file, entry.problems)}\n`,
    );
  }

  if (willApply && toApply.length > 0) {
    io.stdout(`Applied ${plural(toApply.length, "return")} (${toApply.join(", ")}): wrote ${out}\n`);
  } else if (willApply) {
    io.stdout(`Nothing to apply: ${out} was not written.\n`);
  } else if (toApply.length > 0) {
    io.stdout(
      `Preview only: nothing was written. Run again with --apply to import ${plural(toApply.length, "return")} into ${out}.\n`,
    );
  } else {
    io.stdout("Preview only: nothing to apply.\n");
  }
  const already = named("already");
  if (already.length > 0) io.stdout(`Already imported, nothing changed: ${already.join(", ")}\n`);
  const refused = named("refused");
  if (refused.length > 0) io.stdout(`Not applied (errors): ${refused.join(", ")}\n`);
  return refused.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
