// Plain-English wording of what the pane shows: percentages, trends, grouped problems and the outcome of each
// workbook action. Pure functions, so the messages can be tested without rendering anything.
import type { Problem, Severity } from "../../core/model";
import type { Trend } from "../../core/reportTypes";
import { plural } from "../../core/words";
import type { InsertOutcome, PushedSheet, PushOutcome } from "../../workbook/port";
import type { Message } from "./paneState";

export function trendWord(trend: Trend | null): string {
  if (trend === "up") return "Up";
  if (trend === "down") return "Down";
  if (trend === "level") return "Level";
  return "No trend";
}

/** "up 12 points on last year" for a ratio change of +0.12. */
export function changeWords(change: number | null): string {
  if (change === null) return "no figure for last year";
  const points = Math.round(Math.abs(change) * 100);
  if (points === 0) return "same as last year";
  return `${change > 0 ? "up" : "down"} ${points} ${points === 1 ? "point" : "points"} on last year`;
}

/** Capitalises the first letter: "up 12 points" → "Up 12 points". */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function severityWord(severity: Severity): string {
  return severity === "error" ? "Error" : "Warning";
}

export interface ProblemGroup {
  sheet: string;
  errors: number;
  warnings: number;
  problems: Problem[];
}

/** Problems grouped by sheet, in the order the sheets first appear; errors before warnings within a sheet. */
export function problemsBySheet(problems: readonly Problem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    let group = groups.get(problem.sheet);
    if (!group) {
      group = { sheet: problem.sheet, errors: 0, warnings: 0, problems: [] };
      groups.set(problem.sheet, group);
    }
    group.problems.push(problem);
    if (problem.severity === "error") group.errors++;
    else group.warnings++;
  }
  for (const group of groups.values()) {
    const rank = (p: Problem) => (p.severity === "error" ? 0 : 1);
    group.problems = group.problems
      .map((problem, index) => ({ problem, index }))
      .sort((a, b) => rank(a.problem) - rank(b.problem) || a.index - b.index)
      .map(({ problem }) => problem);
  }
  return [...groups.values()];
}

/** "Targets!H12" */
export function cellLabel(problem: Pick<Problem, "sheet" | "cell">): string {
  return problem.cell ? `${problem.sheet}!${problem.cell}` : problem.sheet;
}

/** "2 errors and 1 warning" / "No problems". */
export function problemCounts(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return "No problems";
  if (errors === 0) return plural(warnings, "warning");
  if (warnings === 0) return plural(errors, "error");
  return `${plural(errors, "error")} and ${plural(warnings, "warning")}`;
}

function list(names: readonly string[]): string {
  return names.join(", ");
}

/** What inserting template (or example) sheets did, in one or two sentences. */
export function describeInsert(outcome: InsertOutcome, what: string): string {
  const parts: string[] = [];
  if (outcome.inserted.length > 0) {
    parts.push(`Inserted ${what}: ${list(outcome.inserted)}.`);
  } else {
    parts.push(`No ${what} were inserted.`);
  }
  if (outcome.skipped.length > 0) {
    parts.push(
      `Skipped ${plural(outcome.skipped.length, "sheet")} already in the workbook, left exactly as ` +
        `${outcome.skipped.length === 1 ? "it was" : "they were"}: ${list(outcome.skipped)}.`,
    );
  }
  return parts.join(" ");
}

/** One line per sheet of a summary push: created, replaced, or kept with the reason and the new sheet's name. */
export function describePushedSheet(sheet: PushedSheet): string {
  if (sheet.action === "notWritten") return `${sheet.reason ?? `${sheet.writtenAs} was not written`}.`;
  if (sheet.action === "adjustment") return `${sheet.reason ?? `${sheet.writtenAs} written`}.`;
  if (sheet.action === "created") return `${sheet.writtenAs}: created.`;
  if (sheet.action === "replaced") return `${sheet.writtenAs}: replaced with up-to-date figures.`;
  const reason = sheet.reason ? ` because ${sheet.reason}` : "";
  return `${sheet.requested}: kept as it was${reason}. The new figures are on "${sheet.writtenAs}".`;
}

export function pushHeadline(outcome: PushOutcome): string {
  const kept = outcome.sheets.filter((s) => s.action === "keptExisting").length;
  const written = plural(outcome.sheets.filter((s) => s.action !== "notWritten").length, "summary sheet");
  return kept === 0 ? `Updated ${written}.` : `Updated ${written}; ${plural(kept, "existing sheet")} kept.`;
}

/** The message of an error thrown by a workbook adapter, without stack or technical prefix. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().replace(/[.\s]*$/, "") || "an unknown error";
}

// ---- Outcomes as messages ----

/** What Check data found. */
export function checkMessage(problems: readonly Problem[]): Message {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  return {
    intent: errors > 0 ? "error" : warnings > 0 ? "warning" : "success",
    title: errors + warnings === 0 ? "No problems found" : `${problemCounts(errors, warnings)} found`,
    lines:
      errors + warnings === 0 ? ["Every sheet was read without problems."] : ["Choose a problem to go to its cell."],
  };
}

/** What Update summary sheets did, sheet by sheet, and whether the data had errors. */
export function pushMessage(outcome: PushOutcome, errors: number): Message {
  return {
    intent:
      outcome.sheets.some((s) => s.action === "keptExisting" || s.action === "adjustment") || errors > 0
        ? "warning"
        : "success",
    title: pushHeadline(outcome),
    lines: [
      ...outcome.sheets.map(describePushedSheet),
      ...(errors > 0
        ? [`The data has ${plural(errors, "error")} (see Check data): the figures leave out what could not be read.`]
        : []),
    ],
  };
}

/**
 * A write that went through, whose re-read failed: said as such (the workbook WAS written), never as "left as it
 * was", with what was written and a Retry.
 */
export function notReadAgainMessage(written: Message, error: unknown, retry: () => void): Message {
  return {
    intent: "warning",
    title: "Written; could not read the workbook again",
    lines: [
      `${written.title}.`,
      `Reading it again failed: ${errorText(error)}.`,
      "The pane still shows the workbook as it was before: choose Retry to read it again.",
    ],
    retry,
  };
}

/** An action that failed before writing anything: its message, and that nothing changed when that is so. */
export function failedMessage(title: string, error: unknown, ...more: string[]): Message {
  return { intent: "error", title, lines: [`${errorText(error)}.`, ...more] };
}
