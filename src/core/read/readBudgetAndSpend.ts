// Budget (quarterly profile of the grant budget) and Spend (actual eligible spend), in pounds.
// Budget lines match like names ("Running costs" and "running-costs" are one line) and take the Budget's spelling.
import type { BudgetLine, Spend } from "../model";
import type { Fy } from "../periods";
import { cellNote, cellText, isBlank, readNumber, readQuarter } from "./cellValues";
import type { SheetTable, TableRow } from "./headerRow";
import type { ImportContext } from "./importContext";
import { idKey, nameKey, readPlanFy, readProjectRef, report, skipRow, sourceOf } from "./importContext";
import { excludeRepeats } from "./repeats";

const QUARTER_KEYS = ["q1", "q2", "q3", "q4"] as const;

function lineKey(projectId: string, line: string): string {
  return `${idKey(projectId)}\u0000${nameKey(line)}`;
}

interface Located<T> {
  item: T;
  row: TableRow;
}

/** Project, budget line and FY: the start of both sheets' rows. */
function readLineAndYear(
  table: SheetTable,
  row: TableRow,
  context: ImportContext,
): { projectId: string; line: string; fy: Fy } | null {
  const project = readProjectRef(context, row.value("projectId"));
  if (!project.ok) {
    skipRow(context, table.sheet, row, "projectId", project.reason);
    return null;
  }
  const line = cellText(row.value("budgetLine"));
  if (line === "") {
    skipRow(context, table.sheet, row, "budgetLine", `${project.value.id}: Budget line is blank`);
    return null;
  }
  const fy = readPlanFy(context, row.value("fy"));
  if (!fy.ok) {
    skipRow(context, table.sheet, row, "fy", `${project.value.id} ${line}: ${fy.reason}`);
    return null;
  }
  return { projectId: project.value.id, line, fy: fy.value };
}

function readBudgetRow(table: SheetTable, row: TableRow, context: ImportContext): Located<BudgetLine> | null {
  const start = readLineAndYear(table, row, context);
  if (!start) return null;
  const label = `${start.projectId} ${start.line} ${start.fy}`;
  const quarters: [number, number, number, number] = [0, 0, 0, 0];
  for (const [index, key] of QUARTER_KEYS.entries()) {
    const value = row.value(key);
    if (isBlank(value)) continue; // no budget that quarter
    const read = readNumber(value);
    if (!read.ok) {
      skipRow(context, table.sheet, row, key, `${label} Q${index + 1}: ${read.reason}`);
      return null;
    }
    if (read.value < 0)
      report(
        context,
        table.sheet,
        row,
        key,
        "warning",
        `${label} Q${index + 1}: the budget ${cellText(value)} is negative`,
      );
    quarters[index] = read.value;
  }
  return { row, item: { ...start, quarters, source: sourceOf(table.sheet, row, "budgetLine") } };
}

export function readBudget(table: SheetTable, context: ImportContext): BudgetLine[] {
  const read = table.rows
    .map((row) => readBudgetRow(table, row, context))
    .filter((b): b is Located<BudgetLine> => b !== null);
  // One spelling per line: the first the Budget uses.
  const spelling = new Map<string, string>();
  for (const { item } of read) {
    const key = lineKey(item.projectId, item.line);
    item.line = spelling.get(key) ?? item.line;
    spelling.set(key, item.line);
  }
  return excludeRepeats(
    read,
    (b) => `${lineKey(b.item.projectId, b.item.line)}\u0000${b.item.fy}`,
    (b) => `${b.item.projectId} ${b.item.line} ${b.item.fy}`,
    (b) => ({ row: b.row.row, column: b.row.column("budgetLine") }),
    table.sheet,
    context,
    "budget",
  ).map((b) => b.item);
}

/**
 * Spend rows. Several rows for one line and quarter are allowed (separate items of spend are summed by the rules);
 * a line with no Budget row that year is a warning, as its spend has no budget to compare with.
 */
export function readSpend(table: SheetTable, budgets: BudgetLine[], context: ImportContext): Spend[] {
  const budgeted = new Map<string, BudgetLine>();
  for (const budget of budgets) budgeted.set(`${lineKey(budget.projectId, budget.line)}\u0000${budget.fy}`, budget);
  const spelling = new Map<string, string>();
  for (const budget of budgets) spelling.set(lineKey(budget.projectId, budget.line), budget.line);
  const spend: Spend[] = [];
  for (const row of table.rows) {
    const start = readLineAndYear(table, row, context);
    if (!start) continue;
    const label = `${start.projectId} ${start.line} ${start.fy}`;
    const quarterValue = row.value("quarter");
    const quarter = readQuarter(quarterValue, context.settings.yearStartMonth);
    if (!quarter.ok) {
      skipRow(
        context,
        table.sheet,
        row,
        "quarter",
        `${label}: ${isBlank(quarterValue) ? "Quarter is blank" : quarter.reason}`,
      );
      continue;
    }
    const value = row.value("amount");
    if (isBlank(value)) continue; // nothing spent, or not yet returned
    const amount = readNumber(value);
    if (!amount.ok) {
      skipRow(context, table.sheet, row, "amount", `${label} Q${quarter.value}: ${amount.reason}`);
      continue;
    }
    if (amount.value < 0) {
      report(
        context,
        table.sheet,
        row,
        "amount",
        "warning",
        `${label} Q${quarter.value}: the spend ${cellText(value)} is negative`,
      );
    }
    const key = lineKey(start.projectId, start.line);
    if (!budgeted.has(`${key}\u0000${start.fy}`)) {
      report(
        context,
        table.sheet,
        row,
        "budgetLine",
        "warning",
        `${label}: there is no Budget row for this line and year`,
      );
    }
    if (!spelling.has(key)) spelling.set(key, start.line);
    spend.push({
      ...start,
      line: spelling.get(key) ?? start.line,
      quarter: quarter.value,
      amount: amount.value,
      comment: cellNote(row.value("comment")),
      source: sourceOf(table.sheet, row, "amount"),
    });
  }
  return spend;
}
