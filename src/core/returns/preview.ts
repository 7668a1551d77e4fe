// What importing a return would do to the master, shown before anything changes: the return is checked against
// the master (consortium, partner, period, every row the master would issue and only those, the partner's own
// targets and lines, variance explanations), then compared cell by cell with the master's Actuals and Spend.
import type { WorkbookGrids } from "../grid";
import type { Consortium, Target } from "../model";
import { comparePeriods, periodLabel, type Period } from "../periods";
import { formatUkDate } from "../read/cellValues";
import { idKey, nameKey } from "../read/importContext";
import { penceFromPounds, poundsFromPence } from "../money";
import { spendLines } from "../report";
import { budgetToDate, spendRag, spendToDate, type LineKey } from "../rules/spendAndClaim";
import { figureText, percentText } from "../words";
import { Problems } from "./cells";
import { hasValueIn, issuedLines, issuedTargets, samePartner } from "./issue";
import { columnIndex, SPEND_COLUMNS, TARGET_COLUMNS } from "./layout";
import { returnsStatuses } from "./status";
import { planUpserts } from "./upserts";
import type {
  ImportLogEntry,
  ImportPreview,
  PartnerReturn,
  PlannedUpsert,
  PlannedValue,
  ReturnedSpend,
  ReturnedTarget,
} from "./types";

export interface PreviewOptions {
  /** The period being consolidated: a return for any other period is refused. */
  period?: Period;
}

const NEW_RETURN = "Ask the accountable body for a new return made from the current master.";

export function previewImport(
  consortium: Consortium,
  masterGrids: WorkbookGrids,
  partnerReturn: PartnerReturn,
  importLog: readonly ImportLogEntry[],
  options: PreviewOptions = {},
): ImportPreview {
  const r = partnerReturn;
  const base = {
    fileName: r.fileName,
    partner: r.partner,
    period: r.period,
    contentHash: r.contentHash,
    yearStartMonth: consortium.settings.yearStartMonth,
  };
  const previous = importLog.find((entry) => entry.contentHash === r.contentHash) ?? null;
  if (previous) {
    return {
      ...base,
      alreadyImported: true,
      previousImport: previous,
      added: [],
      changed: [],
      problems: [],
      canApply: false,
      upserts: [],
    };
  }

  const problems = new Problems([r.sheets.return, r.sheets.info, "Actuals", "Spend"]);
  for (const problem of r.readProblems) problems.at(problem.sheet, problem.cell, problem.severity, problem.message);
  const partner = checkIdentity(consortium, r, options, problems);
  checkNotLocked(consortium, masterGrids, r, partner, problems);
  const upserts = [...checkTargets(consortium, r, partner, problems), ...checkLines(consortium, r, partner, problems)];
  const plan = planUpserts(upserts, masterGrids, consortium.settings.yearStartMonth, problems);
  const all = problems.sorted();
  return {
    ...base,
    partner,
    alreadyImported: false,
    previousImport: null,
    added: plan.added,
    changed: plan.changed,
    problems: all,
    canApply: !all.some((problem) => problem.severity === "error"),
    upserts,
  };
}

/** Consortium, partner and period; returns the partner's name as the Partners sheet spells it. */
function checkIdentity(consortium: Consortium, r: PartnerReturn, options: PreviewOptions, problems: Problems): string {
  const sheet = r.sheets.return;
  const { settings } = consortium;
  if (nameKey(r.consortium) !== nameKey(settings.consortium)) {
    problems.at(
      sheet,
      r.headerCells.consortium,
      "error",
      `This return is for "${r.consortium}", but this workbook is ${settings.consortium ? `"${settings.consortium}"` : "a consortium with no name"}: import it into its own consortium's master`,
    );
  }
  const known = consortium.partners.find((partner) => nameKey(partner.name) === nameKey(r.partner));
  if (!known) {
    problems.at(sheet, r.headerCells.partner, "error", `"${r.partner}" is not on this workbook's Partners sheet`);
  }
  if (options.period && comparePeriods(options.period, r.period) !== 0) {
    problems.at(
      sheet,
      r.headerCells.period,
      "error",
      `This return is for ${periodLabel(r.period)}, but you are importing returns for ${periodLabel(options.period)}`,
    );
  } else if (consortium.planYears.length > 0 && !consortium.planYears.includes(r.period.fy)) {
    problems.at(sheet, r.headerCells.period, "error", `${r.period.fy} is not a year of this workbook's plan`);
  }
  return known?.name ?? r.partner;
}

/** Figures accepted for the quarter are locked: a return for them is refused until the quarter is reopened. */
function checkNotLocked(
  consortium: Consortium,
  masterGrids: WorkbookGrids,
  r: PartnerReturn,
  partner: string,
  problems: Problems,
): void {
  const status = returnsStatuses(consortium, r.period, masterGrids).find((s) => samePartner(s.partner, partner));
  if (status?.state !== "Accepted") return;
  problems.at(
    r.sheets.return,
    r.headerCells.partner,
    "error",
    `${partner}'s ${periodLabel(r.period)} figures were accepted${status.since ? ` at ${status.since}` : ""} and are locked: reopen the quarter with a reason first (Reopen on the Returns tab, or consortium-tracker reopen)`,
  );
}

function checkTargets(consortium: Consortium, r: PartnerReturn, partner: string, problems: Problems): PlannedUpsert[] {
  const sheet = r.sheets.return;
  const byId = new Map(consortium.targets.map((target) => [idKey(target.id), target]));
  const upserts: PlannedUpsert[] = [];
  for (const row of r.targets) {
    const target = byId.get(idKey(row.targetId));
    const at = row.cells.targetId;
    if (!target) {
      problems.at(sheet, at, "error", `Target ${row.targetId} is not on this workbook's Targets sheet`);
    } else if (!samePartner(target.owner, partner)) {
      problems.at(
        sheet,
        at,
        "error",
        `Target ${target.id} is ${target.owner ? `${target.owner}'s to report` : "owned by no partner"}, not ${partner}'s: a return can only report the partner's own targets`,
      );
    } else if (!hasValueIn(target, r.period.fy)) {
      problems.at(
        sheet,
        at,
        "error",
        `Target ${target.id} has no target for ${r.period.fy}, so it is not part of this return. ${NEW_RETURN}`,
      );
    } else if (target.measure !== row.measure) {
      problems.at(
        sheet,
        at,
        "error",
        `Target ${target.id} is now measured as ${target.measure} in the master, but the return was made for ${row.measure}. ${NEW_RETURN}`,
      );
    } else if (row.issued) {
      const upsert = targetUpsert(target, row, partner);
      if (upsert) upserts.push(upsert);
    }
  }
  // A row issued but deleted was reported when the return was read; one never issued means the master changed.
  const returned = new Set([...r.targets.map((row) => idKey(row.targetId)), ...r.issued.targets.map(idKey)]);
  for (const target of issuedTargets(consortium, partner, r.period)) {
    if (returned.has(idKey(target.id))) continue;
    problems.add(
      sheet,
      r.tableHeaderRows.targets,
      columnIndex(TARGET_COLUMNS, "targetId"),
      "error",
      `Target ${target.id} (${partner}'s, with a target for ${r.period.fy}) has no row in this return. ${NEW_RETURN}`,
    );
  }
  return upserts;
}

function targetUpsert(target: Target, row: ReturnedTarget, partner: string): PlannedUpsert | null {
  const values: PlannedValue[] = [];
  const { actual } = row;
  if (actual.kind === "number") values.push({ column: "actual", value: actual.amount });
  // "Not done" writes nothing: a blank Actual already means not done, and a Done in the master is kept.
  if (actual.kind === "milestone" && actual.done) {
    values.push({ column: "actual", value: actual.completedOn ? formatUkDate(actual.completedOn) : "Done" });
  }
  if (row.evidence) values.push({ column: "evidence", value: row.evidence });
  if (row.comment) values.push({ column: "comment", value: row.comment });
  if (values.length === 0) return null;
  values.push({ column: "partner", value: partner, onlyIfBlank: true });
  return {
    sheet: "Actuals",
    key: `${target.id} ${row.fy} Q${row.quarter}`,
    ids: [target.id],
    fy: row.fy,
    quarter: row.quarter,
    measure: target.measure,
    values,
  };
}

function checkLines(consortium: Consortium, r: PartnerReturn, partner: string, problems: Problems): PlannedUpsert[] {
  const sheet = r.sheets.return;
  const lines = issuedLines(consortium, partner, r.period);
  const sameLine = (a: { projectId: string; line: string }, b: { projectId: string; line: string }) =>
    idKey(a.projectId) === idKey(b.projectId) && nameKey(a.line) === nameKey(b.line);
  const upserts: PlannedUpsert[] = [];
  for (const row of r.spend) {
    const project = consortium.projects.find((p) => idKey(p.id) === idKey(row.projectId));
    const line = lines.find((key) => sameLine(key, row));
    const at = row.cells.projectId;
    if (!project) {
      problems.at(sheet, at, "error", `Project ${row.projectId} is not on this workbook's Projects sheet`);
    } else if (!line) {
      const others = spendLines(consortium, r.period.fy).filter((key) => sameLine(key, row));
      problems.at(
        sheet,
        at,
        "error",
        others.length > 0
          ? `Budget line ${project.id} ${others[0].line} is ${others.map((key) => key.partner || "no partner").join(" and ")}'s, not ${partner}'s: a return can only report spend on the partner's own budget lines`
          : `Project ${project.id} has no budget line "${row.line}" in ${r.period.fy}. ${NEW_RETURN}`,
      );
    } else if (row.issued) {
      const upsert = spendUpsert(consortium, line, project.leadPartner, row, problems, sheet);
      if (upsert) upserts.push(upsert);
    }
  }
  for (const line of lines) {
    if ([...r.spend, ...r.issued.lines].some((row) => sameLine(line, row))) continue;
    problems.add(
      sheet,
      r.tableHeaderRows.spend,
      columnIndex(SPEND_COLUMNS, "projectId"),
      "error",
      `Budget line ${line.projectId} ${line.line} (${partner}'s, budgeted in ${r.period.fy}) has no row in this return. ${NEW_RETURN}`,
    );
  }
  return upserts;
}

/** Spend this quarter; beyond the green tolerance (by the spend rules) it must come with an explanation. */
function spendUpsert(
  consortium: Consortium,
  key: LineKey,
  lead: string,
  row: ReturnedSpend,
  problems: Problems,
  sheet: string,
): PlannedUpsert | null {
  const { settings } = consortium;
  if (row.amount === null) {
    if (row.explanation) {
      problems.at(
        sheet,
        row.cells.explanation,
        "warning",
        `${row.cells.explanation} explains a variance, but no spend was entered in ${row.cells.amount}, so it is not recorded`,
      );
    }
    return null;
  }
  const budget = budgetToDate(consortium.budgets, key, row.fy, row.quarter);
  const spent = spendToDate(consortium.spend, key, row.fy, row.quarter - 1) + penceFromPounds(row.amount);
  const rag = spendRag(budget, spent, settings);
  if ((rag === "Amber" || rag === "Red") && !row.explanation) {
    const off =
      budget === 0
        ? "with no budget to date"
        : `${percentText(Math.abs(spent - budget) / Math.abs(budget))} ${spent > budget ? "over" : "under"} the budget to date of ${figureText(poundsFromPence(budget), "Currency")}`;
    problems.at(
      sheet,
      row.cells.explanation,
      "error",
      `${key.projectId} ${key.line}: spend to date would be ${figureText(poundsFromPence(spent), "Currency")}, ${off} (the tolerance is ${percentText(settings.spendGreenTolerance)}), so ${row.cells.explanation} needs a variance explanation`,
    );
  }
  const values: PlannedValue[] = [{ column: "amount", value: row.amount }];
  if (row.explanation) values.push({ column: "comment", value: row.explanation });
  return {
    sheet: "Spend",
    key: `${key.projectId} ${key.line} ${row.fy} Q${row.quarter}`,
    ids: [key.projectId, key.line],
    fy: row.fy,
    quarter: row.quarter,
    measure: null,
    values,
    partner: { name: key.partner, lead },
  };
}
