// `consortium-tracker import`: partner returns into a copy of the master. It always shows what each return would
// add and change first; only with --apply does it write, and then into a new file, never the master itself. A
// return with errors is never applied; the others in the same run still are.
import * as path from "path";
import type { CellValue } from "../core/grid";
import type { Measure, Problem } from "../core/model";
import { periodLabel, type CalendarDate, type Period } from "../core/periods";
import { showValue } from "../core/read/cellValues";
import { importWorkbook } from "../core/read/importWorkbook";
import { importReturns, readPartnerReturn } from "../core/returns";
import type { AddedRow, ChangedValue, ImportPreview, PartnerReturn } from "../core/returns/types";
import { figureText } from "../core/sheets/sheetBuilder";
import type { CellContent } from "../core/sheets/spec";
import { ACTUALS_TEMPLATE, SPEND_TEMPLATE, columnOf } from "../core/templates";
import { openWorkbookFile, saveWorkbookFile } from "../file/xlsxFiles";
import { problemLines } from "./returnsCommand";
import { EXIT_OK, EXIT_PROBLEMS, UsageProblem, localTimestamp, plural, sameFile, type CliIo } from "./shared";

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

/** One return file as read: its return (null when it could not be read as one) and the problems found. */
interface ReadReturn {
  file: string;
  partnerReturn: PartnerReturn | null;
  problems: Problem[];
}

type Outcome = "applied" | "ready" | "already" | "refused";

const KEY_FIELDS = new Set(
  [
    columnOf(ACTUALS_TEMPLATE, "targetId"),
    columnOf(ACTUALS_TEMPLATE, "fy"),
    columnOf(ACTUALS_TEMPLATE, "quarter"),
    columnOf(ACTUALS_TEMPLATE, "partner"),
    columnOf(SPEND_TEMPLATE, "projectId"),
    columnOf(SPEND_TEMPLATE, "budgetLine"),
    columnOf(SPEND_TEMPLATE, "fy"),
    columnOf(SPEND_TEMPLATE, "quarter"),
  ].map((column) => column.header),
);
const ACTUAL_FIELD = columnOf(ACTUALS_TEMPLATE, "actual").header;
const AMOUNT_FIELD = columnOf(SPEND_TEMPLATE, "amount").header;

/** How a figure reads in the preview: percentages as %, pounds as £, text quoted, a blank as "blank". */
function shown(value: CellValue | CellContent, measure: Measure | null): string {
  if (value === null || value === "") return "blank";
  if (typeof value === "object" && !(value instanceof Date)) return `=${value.formula}`;
  if (typeof value === "number") return measure ? figureText(value, measure) : figureText(value, "Number");
  return showValue(value);
}

/** The measure a field's figures are in: a target's measure for Actual, pounds for spend; null for text fields. */
function measureOf(preview: ImportPreview, sheet: string, key: string, field: string): Measure | null {
  if (field === AMOUNT_FIELD) return "Currency";
  if (field !== ACTUAL_FIELD) return null;
  const upsert = preview.upserts.find((u) => u.sheet === sheet && u.key === key);
  return upsert?.measure && upsert.measure !== "Milestone" ? upsert.measure : null;
}

function addedLine(preview: ImportPreview, row: AddedRow): string {
  const values = Object.entries(row.values)
    .filter(([field]) => !KEY_FIELDS.has(field))
    .map(([field, value]) => `${field} ${shown(value, measureOf(preview, row.sheet, row.key, field))}`);
  return `    ${row.sheet} ${row.key}: ${values.join(", ")}`;
}

function changedLine(preview: ImportPreview, change: ChangedValue): string {
  const measure = measureOf(preview, change.sheet, change.key, change.field);
  return `    ${change.sheet}!${change.cell} ${change.key} ${change.field}: ${shown(change.oldValue, measure)} → ${shown(change.newValue, measure)}`;
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

function unreadText(read: ReadReturn): string {
  return [
    `${read.file}: not read as a partner return`,
    problemSummary(read.problems),
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
  const masterGrids = await workbook.readInputSheets();
  const read: ReadReturn[] = [];
  for (const file of returnFiles) {
    const returnBook = await openWorkbookFile(file, { now });
    const result = readPartnerReturn(await returnBook.readInputSheets(), path.basename(file));
    read.push({ file, partnerReturn: result.return, problems: result.problems });
  }

  const readable = read.flatMap((r) => (r.partnerReturn ? [r.partnerReturn] : []));
  const batch = importReturns(masterGrids, readable, {
    period: options.period,
    importedAt: localTimestamp(now),
    receivedOn: options.received,
  });
  // Previews come back in the order of the readable returns.
  let next = 0;
  const willApply = Boolean(options.apply);
  const entries = read.map((r) => {
    const preview = r.partnerReturn ? batch.previews[next++] : null;
    let outcome: Outcome = "refused";
    if (preview?.alreadyImported) outcome = "already";
    else if (preview?.canApply) outcome = willApply ? "applied" : "ready";
    return { ...r, preview, outcome };
  });
  const named = (...wanted: Outcome[]) =>
    entries.filter((entry) => wanted.includes(entry.outcome)).map((entry) => path.basename(entry.file));

  // Written before anything is printed, so "Applied" is only ever said of a saved file.
  const toApply = named("applied", "ready");
  if (willApply && toApply.length > 0) {
    await workbook.applyEdits(batch.edits);
    await saveWorkbookFile(workbook, out);
  }

  const masterErrors = importWorkbook(masterGrids).problems.filter((problem) => problem.severity === "error");
  if (masterErrors.length > 0) {
    io.stdout(
      `Note: ${master} has ${plural(masterErrors.length, "error")} of its own (run consortium-tracker report to see them).\n`,
    );
  }
  for (const entry of entries) {
    io.stdout(`${entry.preview ? previewText(entry.file, entry.preview, entry.outcome) : unreadText(entry)}\n`);
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
