// Actuals: the quarterly returns, one row per target per quarter.
// A blank Actual is no return yet (no actual, no problem); for a milestone blank means not done.
import type { Actual, Target } from "../model";
import type { CellValue } from "../grid";
import type { CalendarDate, Fy, Quarter } from "../periods";
import type { Read } from "./cellValues";
import { cellNote, cellText, fail, isBlank, ok, readMilestoneActual, readMeasured, readQuarter } from "./cellValues";
import type { SheetTable, TableRow } from "./headerRow";
import type { ImportContext } from "./importContext";
import { lacksValue, readPartnerColumn, readPlanFy, readTargetRef, report, skipRow, sourceOf } from "./importContext";
import { excludeRepeats } from "./repeats";

interface ActualRow {
  actual: Actual;
  row: TableRow;
}

function readActual(table: SheetTable, row: TableRow, context: ImportContext): ActualRow | null {
  const value = row.value("actual");
  const target = readTargetRef(context, row.value("targetId"));
  if (!target.ok) return skipped(table, row, context, "targetId", target.reason);
  const id = target.value.id;
  const fy = readPlanFy(context, row.value("fy"));
  if (!fy.ok) return skipped(table, row, context, "fy", `${id}: ${fy.reason}`);
  const quarterValue = row.value("quarter");
  const quarter = readQuarter(quarterValue, context.settings.yearStartMonth);
  if (!quarter.ok) {
    const reason = isBlank(quarterValue) ? "Quarter is blank" : quarter.reason;
    return skipped(table, row, context, "quarter", `${id} ${fy.value}: ${reason}`);
  }
  if (isBlank(value)) return null;
  const returned = readReturned(target.value, value, row.percentFormatted("actual"));
  if (!returned.ok) {
    return skipped(table, row, context, "actual", `${id} ${fy.value} Q${quarter.value}: ${returned.reason}`);
  }
  const { amount, done, completedOn } = returned.value;
  if (amount !== null && lacksValue(context, target.value, fy.value)) {
    report(context, table.sheet, row, "fy", "warning", `${id} has no target for ${fy.value}, yet it has an actual`);
  }
  return {
    row,
    actual: {
      targetId: id,
      fy: fy.value,
      quarter: quarter.value,
      amount,
      done,
      completedOn,
      evidence: cellNote(row.value("evidence")),
      comment: cellNote(row.value("comment")),
      partner: readPartnerColumn(table.sheet, row, context, target.value.owner),
      source: sourceOf(table.sheet, row, table.has("actual") ? "actual" : "targetId"),
    },
  };
}

interface Returned {
  amount: number | null;
  done: boolean;
  completedOn: CalendarDate | null;
}

/** The Actual cell: for a milestone whether (and when) it was done, otherwise an amount, never negative. */
function readReturned(target: Target, value: CellValue, percentFormatted: boolean): Read<Returned> {
  if (target.measure === "Milestone") {
    const milestone = readMilestoneActual(value);
    if (!milestone.ok) return milestone;
    return ok({ amount: null, done: milestone.value.done, completedOn: milestone.value.completedOn });
  }
  const read = readMeasured(value, target.measure, percentFormatted);
  if (!read.ok) return read;
  if (read.value < 0) return fail(`the actual ${cellText(value)} is negative`);
  return ok({ amount: read.value, done: false, completedOn: null });
}

/** The row is left out with an error; null, for `readActual` to return. */
function skipped(table: SheetTable, row: TableRow, context: ImportContext, key: string, reason: string): null {
  skipRow(context, table.sheet, row, key, reason);
  return null;
}

export function readActuals(table: SheetTable, context: ImportContext): Actual[] {
  const read = table.rows.map((row) => readActual(table, row, context)).filter((a): a is ActualRow => a !== null);
  return excludeRepeats(
    read,
    (a) => [a.actual.targetId, planQuarter(context, a.actual.fy, a.actual.quarter)],
    (a) => `${a.actual.targetId} ${a.actual.fy} Q${a.actual.quarter}`,
    (a) => ({ row: a.row.row, column: a.row.column("actual") }),
    table.sheet,
    context,
    "actual",
  ).map((a) => a.actual);
}

/** A quarter of the plan as one number: its FY's place in the plan's years, then the quarter. */
function planQuarter(context: ImportContext, fy: Fy, quarter: Quarter): number {
  return context.planYears.indexOf(fy) * 4 + quarter;
}
