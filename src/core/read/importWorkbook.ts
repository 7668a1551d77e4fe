// Grids of cell values in, a typed Consortium plus cell-addressed problems out (templates.md, rules.md).
// It never stops at the first problem and never throws: a row it cannot use is left out with an error, and
// everything else is kept.
import type { SheetGrid, WorkbookGrids } from "../grid";
import { cellAddress, findGrid, normaliseName, parseCellAddress } from "../grid";
import type { Consortium, ImportResult, Settings } from "../model";
import type { Fy } from "../periods";
import { compareFy, fyRange } from "../periods";
import type { SheetTemplate, TemplateSheetName } from "../templates";
import { TEMPLATES, SETTINGS_KEYS, templateFor } from "../templates";
import type { SheetTable, YearColumn } from "./headerRow";
import { gridOrigin, readTable } from "./headerRow";
import type { ImportContext } from "./importContext";
import { nameKey } from "./importContext";
import type { SheetName } from "./problems";
import { ProblemList } from "./problems";
import { readActuals } from "./readActuals";
import { readBudget, readSpend } from "./readBudgetAndSpend";
import { readPartners } from "./readPartners";
import { readProfiles } from "./readProfiles";
import { readProjects } from "./readProjects";
import { readRisks } from "./readRisks";
import type { SettingsRead } from "./readSettings";
import { readSettings } from "./readSettings";
import { readTargets } from "./readTargets";
import { readFy } from "./fyAndQuarter";

/** Grids a shell could hand over by mistake (no name, no rows) are dropped rather than trusted. */
function usableGrids(grids: WorkbookGrids): SheetGrid[] {
  if (!Array.isArray(grids)) return [];
  return grids.filter(
    (grid): grid is SheetGrid => typeof grid === "object" && grid !== null && typeof grid.sheet === "string",
  );
}

interface FoundSheet {
  grid: SheetGrid | undefined;
  name: SheetName;
}

function findSheet(grids: SheetGrid[], template: SheetTemplate, problems: ProblemList): FoundSheet {
  const grid = findGrid(grids, template.name);
  const name: SheetName = { template: template.name, name: grid ? grid.sheet : template.name };
  if (!grid) {
    if (template.required) problems.error(name, 1, 1, `The workbook has no ${template.name} sheet`);
    return { grid, name };
  }
  for (const other of grids.filter((g) => g !== grid && normaliseName(g.sheet) === normaliseName(template.name))) {
    const origin = gridOrigin(other);
    problems.warning(
      { template: template.name, name: other.sheet },
      origin.firstRow,
      origin.firstColumn,
      `Two sheets are named like ${template.name}: "${grid.sheet}" is read and this one is ignored`,
    );
  }
  return { grid, name };
}

/**
 * A formula with no stored result (a file written by a script and never opened in Excel) has an unknown value:
 * the shell reads it as blank, so it is an error at its cell rather than a silent 0.
 */
function reportUncalculated(sheets: Map<TemplateSheetName, FoundSheet>, problems: ProblemList): void {
  for (const { grid, name } of sheets.values()) {
    const cells = grid && Array.isArray(grid.uncalculatedCells) ? grid.uncalculatedCells : [];
    for (const address of cells) {
      const at = typeof address === "string" ? parseCellAddress(address) : null;
      if (!at) continue;
      problems.error(
        name,
        at.row,
        at.column,
        `${cellAddress(at.row, at.column)} has a formula Excel has not calculated: open and save the file in Excel`,
      );
    }
  }
}

function table(
  sheets: Map<TemplateSheetName, FoundSheet>,
  name: TemplateSheetName,
  problems: ProblemList,
): SheetTable | null {
  const found = sheets.get(name);
  return found?.grid ? readTable(found.grid, templateFor(name), found.name, problems) : null;
}

/** FYs written on the sheets with an FY column: the plan's fallback when Targets gives no years. */
function yearsWrittenElsewhere(sheets: Map<TemplateSheetName, FoundSheet>): Fy[] {
  const scratch = new ProblemList(); // these sheets' problems are reported when they are read properly
  const years = new Set<Fy>();
  for (const name of ["Profiles", "Actuals", "Budget", "Spend"] as const) {
    for (const row of table(sheets, name, scratch)?.rows ?? []) {
      const fy = readFy(row.value("fy"));
      if (fy.ok) years.add(fy.value);
    }
  }
  return [...years].sort(compareFy);
}

/**
 * The plan runs from the plan start (Settings, else the first year column of Targets) to the last year column.
 * Year columns before a Settings plan start are outside the plan: reported, and not read. Without any year
 * column (an error), the plan spans the years the other sheets name, so budget and spend can still be read.
 */
function planOf(
  settingsRead: SettingsRead,
  targets: SheetTable | null,
  sheets: Map<TemplateSheetName, FoundSheet>,
  problems: ProblemList,
): { planStart: Fy; planYears: Fy[]; yearColumns: YearColumn[] } {
  const columns = [...(targets?.yearColumns ?? [])].sort((a, b) => compareFy(a.fy, b.fy));
  const elsewhere = columns.length === 0 ? yearsWrittenElsewhere(sheets) : [];
  const planStart = settingsRead.planStart ?? columns[0]?.fy ?? elsewhere[0] ?? null;
  if (targets && columns.length === 0) {
    const noPlan =
      planStart === null ? ` and Settings has no "${SETTINGS_KEYS.planStart.key}", so the plan has no years` : "";
    problems.error(
      targets.sheet,
      targets.headerRow,
      1,
      `Targets has no financial-year columns (headed e.g. 2009-10)${noPlan}`,
    );
  }
  if (planStart === null) return { planStart: "", planYears: [], yearColumns: [] };
  const inPlan = columns.filter((column) => compareFy(column.fy, planStart) >= 0);
  for (const column of columns.filter((c) => compareFy(c.fy, planStart) < 0)) {
    if (targets) {
      problems.error(
        targets.sheet,
        targets.headerRow,
        column.column,
        `${column.fy} is before the plan start ${planStart} (Settings), so this column is not read`,
      );
    }
  }
  const lastSeen = [...inPlan.map((c) => c.fy), ...elsewhere].sort(compareFy).at(-1);
  const last = lastSeen !== undefined && compareFy(lastSeen, planStart) > 0 ? lastSeen : planStart;
  return { planStart, planYears: fyRange(planStart, last), yearColumns: inPlan.sort((a, b) => a.column - b.column) };
}

function importOrThrow(grids: WorkbookGrids): ImportResult {
  const problems = new ProblemList();
  const all = usableGrids(grids);
  const sheets = new Map<TemplateSheetName, FoundSheet>(TEMPLATES.map((t) => [t.name, findSheet(all, t, problems)]));
  reportUncalculated(sheets, problems);
  const settingsSheet = sheets.get("Settings") as FoundSheet;
  const settingsRead = readSettings(settingsSheet.grid, settingsSheet.name, problems);
  const targetsTable = table(sheets, "Targets", problems);
  const plan = planOf(settingsRead, targetsTable, sheets, problems);
  const settings: Settings = { ...settingsRead.settings, planStart: plan.planStart };
  const context: ImportContext = {
    problems,
    settings,
    planYears: plan.planYears,
    partners: new Map(),
    projects: new Map(),
    targets: new Map(),
    unreadableYears: new Set(),
    unreadTargets: [],
  };
  const read = <T>(name: TemplateSheetName, reader: (t: SheetTable) => T[]): T[] => {
    const found = table(sheets, name, problems);
    return found ? reader(found) : [];
  };
  const partners = read("Partners", (t) => readPartners(t, context));
  checkAccountableBody(settingsRead, settingsSheet.name, context);
  const projects = read("Projects", (t) => readProjects(t, context));
  const targets = targetsTable ? readTargets(targetsTable, plan.yearColumns, context) : [];
  const profiles = read("Profiles", (t) => readProfiles(t, context));
  const actuals = read("Actuals", (t) => readActuals(t, context));
  const budgetTable = table(sheets, "Budget", problems);
  const budget = budgetTable
    ? readBudget(budgetTable, context)
    : { budgets: [], lineYears: new Set<string>(), spellings: new Map<string, string>() };
  const budgets = budget.budgets;
  const spend = read("Spend", (t) => readSpend(t, budget, context));
  const risks = read("Risks", (t) => readRisks(t, context));
  const consortium: Consortium = {
    settings,
    planYears: plan.planYears,
    partners,
    projects,
    targets,
    profiles,
    actuals,
    budgets,
    spend,
    risks,
  };
  return { consortium, problems: problems.sorted(), unreadTargets: context.unreadTargets };
}

/** The accountable body claims from the funder, so it should be one of the partners. */
function checkAccountableBody(settingsRead: SettingsRead, sheet: SheetName, context: ImportContext): void {
  const body = settingsRead.settings.accountableBody;
  const cell = settingsRead.cells.accountableBody;
  if (body === "" || !cell || context.partners.size === 0) return;
  const known = context.partners.get(nameKey(body));
  if (known === undefined) {
    context.problems.warning(sheet, cell.row, cell.column, `Accountable body "${body}" is not on Partners`);
  } else {
    context.settings.accountableBody = known;
  }
}

function emptyConsortium(): Consortium {
  const settings = readSettings(undefined, { template: "Settings", name: "Settings" }, new ProblemList()).settings;
  return {
    settings: { ...settings, planStart: "" },
    planYears: [],
    partners: [],
    projects: [],
    targets: [],
    profiles: [],
    actuals: [],
    budgets: [],
    spend: [],
    risks: [],
  };
}

export function importWorkbook(grids: WorkbookGrids): ImportResult {
  try {
    return importOrThrow(grids);
  } catch (error) {
    // A safety net: the readers are written not to throw, but a user must never lose the task pane to a bug.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      consortium: emptyConsortium(),
      problems: [
        {
          sheet: "Settings",
          cell: "A1",
          severity: "error",
          message: `The workbook could not be read (${detail}). Please report this.`,
        },
      ],
      unreadTargets: [],
    };
  }
}
