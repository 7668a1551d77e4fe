// Budget (quarterly profile of the grant budget) and Spend (actual eligible spend), in pounds.
// Budget lines match like names ("Running costs" and "running-costs" are one line) and take the Budget's spelling.
// Each row belongs to a partner: its Partner column, else the project's lead partner. One project's line of one
// name may be budgeted for several partners: each partner's share is a line of its own.
import type { CellValue } from "../grid";
import type { BudgetLine, Spend } from "../model";
import { isWholePence, penceFromPounds, type Pence } from "../money";
import type { Fy } from "../periods";
import { cellNote, cellText, isBlank, readAmount, readQuarter } from "./cellValues";
import type { SheetTable, TableRow } from "./headerRow";
import type { ImportContext } from "./importContext";
import {
  idKey,
  nameKey,
  readPartnerColumn,
  readPlanFy,
  readProjectRef,
  report,
  skipRow,
  sourceOf,
} from "./importContext";
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
interface LineAndYear {
  projectId: string;
  line: string;
  fy: Fy;
  /** The project and line as `lineKey` matches them, made once per row. */
  lineKey: string;
  /** The Partner column in the Partners spelling, else the project's lead partner. */
  partner: string;
  /** The line and partner, as `lineKey` and the partner's name match them. */
  partnerLineKey: string;
}

function readLineAndYear(table: SheetTable, row: TableRow, context: ImportContext): LineAndYear | null {
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
  const key = lineKey(project.value.id, line);
  const partner = readPartnerColumn(table.sheet, row, context, project.value.leadPartner);
  return {
    projectId: project.value.id,
    line,
    fy: fy.value,
    lineKey: key,
    partner,
    partnerLineKey: `${key}\u0000${nameKey(partner)}`,
  };
}

/** The four quarters of a budget row (its line in the `spelling` in use); blank quarters are no budget then. */
function readBudgetRow(
  table: SheetTable,
  row: TableRow,
  start: LineAndYear,
  spelling: string,
  context: ImportContext,
): Located<BudgetLine> | null {
  const label = `${start.projectId} ${spelling} ${start.fy}`;
  const quarterPence: [Pence, Pence, Pence, Pence] = [0, 0, 0, 0];
  for (let index = 0; index < QUARTER_KEYS.length; index++) {
    const key = QUARTER_KEYS[index];
    const value = row.value(key);
    if (isBlank(value)) continue;
    const read = readAmount(value, row.percentFormatted(key));
    if (!read.ok) {
      skipRow(context, table.sheet, row, key, `${label} Q${index + 1}: ${read.reason}`);
      return null;
    }
    if (read.value < 0) {
      report(
        context,
        table.sheet,
        row,
        key,
        "warning",
        `${label} Q${index + 1}: the budget ${cellText(value)} is negative`,
      );
    }
    if (!isWholePence(read.value)) {
      report(context, table.sheet, row, key, "warning", `${label} Q${index + 1}: ${subPenny(value)}`);
    }
    quarterPence[index] = penceFromPounds(read.value);
  }
  const { projectId, fy, partner } = start;
  return {
    row,
    item: { projectId, line: spelling, fy, quarterPence, partner, source: sourceOf(table.sheet, row, "budgetLine") },
  };
}

export interface BudgetSheet {
  budgets: BudgetLine[];
  /** Every project, line, partner and FY the Budget names, even on rows left out with an error. */
  lineYears: Set<string>;
  /** Each project's line in the spelling the Budget first uses. */
  spellings: Map<string, string>;
}

export function readBudget(table: SheetTable, context: ImportContext): BudgetSheet {
  const lineYears = new Set<string>();
  const spellings = new Map<string, string>();
  const read: Located<BudgetLine>[] = [];
  for (const row of table.rows) {
    const start = readLineAndYear(table, row, context);
    if (!start) continue;
    // One spelling per line: the first the Budget uses.
    const spelling = spellingOf(spellings, start.lineKey, start.line);
    lineYears.add(`${start.partnerLineKey}\u0000${start.fy}`);
    const budget = readBudgetRow(table, row, start, spelling, context);
    if (budget) read.push(budget);
  }
  const budgets = excludeRepeats(
    read,
    (b) => [`${lineKey(b.item.projectId, b.item.line)}\u0000${nameKey(b.item.partner)}`, b.item.fy],
    (b) => `${b.item.projectId} ${b.item.line}${partnerLabel(b.item.partner, b.item.projectId, context)} ${b.item.fy}`,
    (b) => ({ row: b.row.row, column: b.row.column("budgetLine") }),
    table.sheet,
    context,
    "budget",
  ).map((b) => b.item);
  return { budgets, lineYears, spellings };
}

/** The spelling of a project's line (`key` from `lineKey`) already in use, else this one (then the one in use). */
function spellingOf(spellings: Map<string, string>, key: string, line: string): string {
  const known = spellings.get(key);
  if (known !== undefined) return known;
  spellings.set(key, line);
  return line;
}

/**
 * Spend rows. Several rows for one line and quarter are allowed (separate items of spend are summed by the rules);
 * a line with no Budget row that year is a warning, as its spend has no budget to compare with.
 */
export function readSpend(table: SheetTable, budget: BudgetSheet, context: ImportContext): Spend[] {
  const spellings = new Map(budget.spellings);
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
    const amount = readAmount(value, row.percentFormatted("amount"));
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
    if (!isWholePence(amount.value)) {
      report(context, table.sheet, row, "amount", "warning", `${label} Q${quarter.value}: ${subPenny(value)}`);
    }
    const yearKey = `${start.partnerLineKey}\u0000${start.fy}`;
    if (!budget.lineYears.has(yearKey)) {
      const whose = partnerLabel(start.partner, start.projectId, context);
      report(
        context,
        table.sheet,
        row,
        "budgetLine",
        "warning",
        whose === ""
          ? `${label}: there is no Budget row for this line and year`
          : `${label}: there is no Budget row for this line, partner (${start.partner}) and year`,
      );
    }
    const line = spellingOf(spellings, start.lineKey, start.line);
    spend.push({
      projectId: start.projectId,
      line,
      fy: start.fy,
      quarter: quarter.value,
      pence: penceFromPounds(amount.value),
      comment: cellNote(row.value("comment")),
      partner: start.partner,
      source: sourceOf(table.sheet, row, "amount"),
    });
  }
  return spend;
}

/** " (Partner)" when a row's partner is not its project's lead, so messages name the share meant; else "". */
function partnerLabel(partner: string, projectId: string, context: ImportContext): string {
  const lead = context.projects.get(idKey(projectId))?.leadPartner ?? "";
  return nameKey(partner) === nameKey(lead) ? "" : ` (${partner})`;
}

/** Money is held in whole pence: a fraction of a penny is rounded to the nearest, and said. */
function subPenny(value: CellValue | undefined): string {
  return `${cellText(value)} has a fraction of a penny: it is rounded to the nearest penny`;
}
