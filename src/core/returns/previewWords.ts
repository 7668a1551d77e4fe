// How an import preview's figures read, the same in the CLI and the task pane: percentages as %, pounds as £, text
// quoted, a blank as "blank", and an added row without its key columns (the key already names them).
import type { CellValue } from "../grid";
import type { Measure } from "../model";
import { showValue } from "../read/cellValues";
import { figureText } from "../words";
import type { CellContent } from "../sheets/spec";
import { ACTUALS_TEMPLATE, SPEND_TEMPLATE, columnOf } from "../templates";
import type { AddedRow, ChangedValue, ImportPreview } from "./types";

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

/** A value as the preview shows it, in the measure of its figures (null for text fields). */
export function shownValue(value: CellValue | CellContent, measure: Measure | null): string {
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

/** The values a row to be added brings, e.g. [{ field: "Actual", text: "12" }, { field: "Comment", text: "\"...\"" }]. */
export function addedValues(preview: ImportPreview, row: AddedRow): { field: string; text: string }[] {
  return Object.entries(row.values)
    .filter(([field]) => !KEY_FIELDS.has(field))
    .map(([field, value]) => ({ field, text: shownValue(value, measureOf(preview, row.sheet, row.key, field)) }));
}

/** A changed value's old and new figures as shown: "40" → "45". */
export function changedValues(preview: ImportPreview, change: ChangedValue): { before: string; after: string } {
  const measure = measureOf(preview, change.sheet, change.key, change.field);
  return { before: shownValue(change.oldValue, measure), after: shownValue(change.newValue, measure) };
}
