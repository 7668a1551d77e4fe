// Risks: the risk assessment. Impact and Probability are read by readRating (rules.md "Risks").
import type { CalendarDate } from "../periods";
import type { Risk } from "../model";
import { cellNote, cellText, isBlank, readDate } from "./cellValues";
import type { SheetTable, TableRow } from "./headerRow";
import type { ImportContext } from "./importContext";
import { idText, isDuplicate, readProjectRef, report, skipRow, sourceOf } from "./importContext";
import { readRating } from "./rating";

function rating(table: SheetTable, row: TableRow, context: ImportContext, key: "impact" | "probability", id: string) {
  const value = row.value(key);
  const read = readRating(value);
  // Ranges and several phrases are read (and flagged needsReview); only a rating that could not be read at all
  // is a problem.
  if (read.value === null && read.needsReview) {
    const header = key === "impact" ? "Impact" : "Probability";
    report(
      context,
      table.sheet,
      row,
      key,
      "warning",
      `${id}: ${header} "${read.text}" has no rating in it (1-5, or very low, low, medium, high, very high), so the risk has no score`,
    );
  }
  return read;
}

function reviewDate(table: SheetTable, row: TableRow, context: ImportContext, id: string): CalendarDate | null {
  const value = row.value("reviewDate");
  if (isBlank(value)) return null;
  const date = readDate(value);
  if (date.ok) return date.value;
  report(context, table.sheet, row, "reviewDate", "warning", `${id}: Review date ${date.reason}, so it is left blank`);
  return null;
}

export function readRisks(table: SheetTable, context: ImportContext): Risk[] {
  const risks: Risk[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const id = idText(row.value("riskId"));
    if (id === "") {
      skipRow(context, table.sheet, row, "riskId", "Risk ID is blank");
      continue;
    }
    if (isDuplicate(context, table.sheet, row, "riskId", "Risk ID", id, seen)) continue;
    let projectId: string | null = null;
    if (!isBlank(row.value("projectId"))) {
      const project = readProjectRef(context, row.value("projectId"));
      if (!project.ok) {
        skipRow(context, table.sheet, row, "projectId", `${id}: ${project.reason}`);
        continue;
      }
      projectId = project.value.id;
    }
    const description = cellNote(row.value("risk"));
    if (description === "") report(context, table.sheet, row, "risk", "warning", `${id} has no description`);
    risks.push({
      id,
      projectId,
      description,
      impact: rating(table, row, context, "impact", id),
      probability: rating(table, row, context, "probability", id),
      controls: cellNote(row.value("controls")),
      lead: cellText(row.value("lead")),
      status: cellText(row.value("status")),
      reviewDate: reviewDate(table, row, context, id),
      source: sourceOf(table.sheet, row, "riskId"),
    });
  }
  return risks;
}
