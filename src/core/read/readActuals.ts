// Actuals: the quarterly returns, one row per target per quarter.
// A blank Actual is no return yet (no actual, no problem); for a milestone blank means not done.
import type { Actual } from "../model";
import type { CalendarDate } from "../periods";
import {
  cellNote,
  cellText,
  isBlank,
  readMilestoneActual,
  readNumber,
  readPercentage,
  readQuarter,
} from "./cellValues";
import type { SheetTable, TableRow } from "./headerRow";
import type { ImportContext } from "./importContext";
import { lacksValue, partnerName, readPlanFy, readTargetRef, report, skipRow, sourceOf } from "./importContext";
import { excludeRepeats } from "./repeats";

interface ActualRow {
  actual: Actual;
  row: TableRow;
}

function readActual(table: SheetTable, row: TableRow, context: ImportContext): ActualRow | null {
  const skip = (key: string, reason: string) => {
    skipRow(context, table.sheet, row, key, reason);
    return null;
  };
  const value = row.value("actual");
  const target = readTargetRef(context, row.value("targetId"));
  if (!target.ok) return skip("targetId", target.reason);
  const id = target.value.id;
  const fy = readPlanFy(context, row.value("fy"));
  if (!fy.ok) return skip("fy", `${id}: ${fy.reason}`);
  const quarterValue = row.value("quarter");
  const quarter = readQuarter(quarterValue, context.settings.yearStartMonth);
  if (!quarter.ok)
    return skip("quarter", `${id} ${fy.value}: ${isBlank(quarterValue) ? "Quarter is blank" : quarter.reason}`);
  if (isBlank(value)) return null;
  const label = `${id} ${fy.value} Q${quarter.value}`;
  let amount: number | null = null;
  let done = false;
  let completedOn: CalendarDate | null = null;
  if (target.value.measure === "Milestone") {
    const milestone = readMilestoneActual(value);
    if (!milestone.ok) return skip("actual", `${label}: ${milestone.reason}`);
    ({ done, completedOn } = milestone.value);
  } else {
    const read = target.value.measure === "Percentage" ? readPercentage(value) : readNumber(value);
    if (!read.ok) return skip("actual", `${label}: ${read.reason}`);
    if (read.value < 0) return skip("actual", `${label}: the actual ${cellText(value)} is negative`);
    amount = read.value;
    if (lacksValue(context, target.value, fy.value)) {
      report(context, table.sheet, row, "fy", "warning", `${id} has no target for ${fy.value}, yet it has an actual`);
    }
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
      partner: readPartner(table, row, context, target.value.owner),
      source: sourceOf(table.sheet, row, table.has("actual") ? "actual" : "targetId"),
    },
  };
}

/** The Partner column, else the target's owner. An unknown partner is a warning: the figure still counts. */
function readPartner(table: SheetTable, row: TableRow, context: ImportContext, owner: string): string {
  const written = cellText(row.value("partner"));
  if (written === "") return owner;
  const partner = partnerName(context, written);
  if (!partner.known)
    report(context, table.sheet, row, "partner", "warning", `Partner "${written}" is not on Partners`);
  return partner.name;
}

export function readActuals(table: SheetTable, context: ImportContext): Actual[] {
  const read = table.rows.map((row) => readActual(table, row, context)).filter((a): a is ActualRow => a !== null);
  return excludeRepeats(
    read,
    (a) => `${a.actual.targetId}\u0000${a.actual.fy}\u0000${a.actual.quarter}`,
    (a) => `${a.actual.targetId} ${a.actual.fy} Q${a.actual.quarter}`,
    (a) => ({ row: a.row.row, column: a.row.column("actual") }),
    table.sheet,
    context,
    "actual",
  ).map((a) => a.actual);
}
