// Profiles: how a year's target is spread over its quarters, as four amounts that sum to the year's target
// or four percentages that sum to 100%. Stored as per-quarter shares that sum to 1.
//
// Amounts or percentages? Percentages when any quarter is written with "%", or all four are at most 1 and sum
// to 1. Otherwise amounts, which must sum to the year's target. Four plain numbers summing to exactly 100 for a
// target that is not 100 are read as percentages written without "%" (the only reading under which they add
// up). A Cumulative target's amounts may sum to the year's running total or to its increase on the previous
// year. For a Percentage target each cell follows the percent rule (20 is 20%), so amounts of a 80% target are
// 20, 20, 20, 20 or 20%, 20%, 20%, 20%, and shares are 25, 25, 25, 25.
import type { CellValue } from "../grid";
import type { Profile, Target } from "../model";
import type { Fy } from "../periods";
import { previousFy } from "../periods";
import { cellText, isBlank, isPercentText, readNumber, readPercentage } from "./cellValues";
import type { SheetTable, TableRow } from "./headerRow";
import type { ImportContext } from "./importContext";
import { lacksValue, readPlanFy, readTargetRef, report, skipRow, sourceOf } from "./importContext";
import { excludeRepeats } from "./repeats";
import { percentText } from "../words";

const QUARTER_KEYS = ["q1", "q2", "q3", "q4"] as const;

/** Equal but for floating-point noise: exact values are compared (rules.md), so no rounding allowance. */
export function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function figure(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

const percent = (value: number): string => percentText(value, 6);

type Shares = { ok: true; shares: [number, number, number, number] } | { ok: false; reason: string };

function sharesOf(values: number[], scale: number): [number, number, number, number] {
  return [values[0] / scale, values[1] / scale, values[2] / scale, values[3] / scale];
}

/** Turns the four quarter figures into shares, or says why they do not add up. */
function toShares(cells: CellValue[], values: number[], target: Target, fy: Fy): Shares {
  const sum = values.reduce((a, b) => a + b, 0);
  const yearTarget = target.values[fy];
  const percentWritten = cells.some((cell) => isPercentText(cell));
  if ((percentWritten || values.every((v) => v <= 1)) && sameAmount(sum, 1))
    return { ok: true, shares: sharesOf(values, 1) };
  if (yearTarget !== undefined && yearTarget !== 0 && sameAmount(sum, yearTarget)) {
    return { ok: true, shares: sharesOf(values, yearTarget) };
  }
  // A Cumulative target's quarters may instead spread the year's increase on the previous year's running total.
  const increase = yearTarget === undefined ? 0 : yearTarget - (target.values[previousFy(fy)] ?? 0);
  if (target.basis === "Cumulative" && increase > 0 && sameAmount(sum, increase)) {
    return { ok: true, shares: sharesOf(values, increase) };
  }
  if (!percentWritten && sameAmount(sum, 100) && target.measure !== "Percentage") {
    return { ok: true, shares: sharesOf(values, 100) };
  }
  if (yearTarget === undefined && !percentWritten && sum > 0) return { ok: true, shares: sharesOf(values, sum) };
  if (yearTarget === undefined || percentWritten) {
    return { ok: false, reason: `${target.id} ${fy}: the quarters add up to ${percent(sum)}, not 100%` };
  }
  const shown = target.measure === "Percentage" ? percent : figure;
  return {
    ok: false,
    reason: `${target.id} ${fy}: the quarters add up to ${shown(sum)} but the ${fy} target is ${shown(yearTarget)} (write four amounts adding up to the target, or four percentages adding up to 100%)`,
  };
}

interface ProfileRow {
  profile: Profile;
  row: TableRow;
}

function readProfile(table: SheetTable, row: TableRow, context: ImportContext): ProfileRow | null {
  const skip = (key: string, reason: string) => {
    skipRow(context, table.sheet, row, key, reason);
    return null;
  };
  const target = readTargetRef(context, row.value("targetId"));
  if (!target.ok) return skip("targetId", target.reason);
  const fy = readPlanFy(context, row.value("fy"));
  if (!fy.ok) return skip("fy", `${target.value.id}: ${fy.reason}`);
  if (target.value.measure === "Milestone") {
    report(
      context,
      table.sheet,
      row,
      "targetId",
      "warning",
      `${target.value.id} is a milestone: a profile does not apply, so the row is ignored`,
    );
    return null;
  }
  const cells = QUARTER_KEYS.map((key) => row.value(key));
  const values: number[] = [];
  for (const [index, cell] of cells.entries()) {
    const key = QUARTER_KEYS[index];
    if (isBlank(cell)) {
      values.push(0);
      continue;
    }
    const read = target.value.measure === "Percentage" ? readPercentage(cell) : readNumber(cell);
    if (!read.ok) return skip(key, `${target.value.id} ${fy.value} Q${index + 1}: ${read.reason}`);
    if (read.value < 0) return skip(key, `${target.value.id} ${fy.value} Q${index + 1}: ${cellText(cell)} is negative`);
    values.push(read.value);
  }
  if (cells.every((cell) => isBlank(cell))) return skip("q1", `${target.value.id} ${fy.value}: Q1 to Q4 are blank`);
  const yearTarget = target.value.values[fy.value];
  if (lacksValue(context, target.value, fy.value)) {
    report(
      context,
      table.sheet,
      row,
      "fy",
      "warning",
      `${target.value.id} has no target for ${fy.value}, yet it has a profile`,
    );
  } else if (yearTarget === 0) {
    report(
      context,
      table.sheet,
      row,
      "fy",
      "warning",
      `${target.value.id}'s ${fy.value} target is 0, so its profile is ignored`,
    );
    return null;
  }
  const shares = toShares(cells, values, target.value, fy.value);
  if (!shares.ok) return skip("q1", shares.reason);
  return {
    row,
    profile: {
      targetId: target.value.id,
      fy: fy.value,
      quarterShares: shares.shares,
      source: sourceOf(table.sheet, row, "targetId"),
    },
  };
}

export function readProfiles(table: SheetTable, context: ImportContext): Profile[] {
  const read = table.rows.map((row) => readProfile(table, row, context)).filter((p): p is ProfileRow => p !== null);
  const kept = excludeRepeats(
    read,
    (p) => [p.profile.targetId, p.profile.fy],
    (p) => `${p.profile.targetId} ${p.profile.fy}`,
    (p) => ({ row: p.row.row, column: p.row.column("targetId") }),
    table.sheet,
    context,
    "profile",
  );
  return kept.map((p) => p.profile);
}
