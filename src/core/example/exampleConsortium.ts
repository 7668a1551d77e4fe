// The example workbook: the Oxfordshire Voluntary Sector Development Partnership (OVSDP) and its 2008-11
// infrastructure business plan, built by running the plan importer over the plan's own key-target and risk tables
// (shipped with the project as text). Its projects, targets and risks are the plan's, as the importer reads them:
// no target or risk is added, and the one set on a baseline the plan has yet to measure (T7.8, in 2008-09) is To
// be set. Everything else is invented for the demonstration and says so in each sheet's Source column: the
// partners' roles and contacts, the quarterly returns, profiles, budgets and spend for 2008-09 and the first half
// of 2009-10, and the few due quarters the plan gives only as a year. The invented figures are chosen so that the
// report at 2009-10 Q2 shows Green, Amber, Red, Not due and Awaiting, and trends up, level and down; at 2008-09
// it shows T7.8 as Target to be set.
// Literal tables only: the example is identical on every run.
import type { Fy } from "../periods";
import { excelSerial } from "../periods";
import { aimCell, riskRows, targetYearCells } from "../plan/planSheets";
import type { PlanProposal, ProposedTarget } from "../plan/planTypes";
import { proposePlanFromText } from "../plan/proposePlan";
import { STYLES, type CellEntry } from "../sheets/sheetBuilder";
import { NUMBER_FORMATS, type SheetSpec } from "../sheets/spec";
import { inputSheetSpec, settingsRows } from "../sheets/templateSheets";
import {
  ACTUALS_TEMPLATE,
  BUDGET_TEMPLATE,
  PARTNERS_TEMPLATE,
  PROFILES_TEMPLATE,
  PROJECTS_TEMPLATE,
  RISKS_TEMPLATE,
  SETTINGS_TEMPLATE,
  SETTINGS_KEYS,
  SPEND_TEMPLATE,
  TARGETS_TEMPLATE,
  type SheetTemplate,
} from "../templates";
import { OXFORDSHIRE_PLAN_TEXT } from "./oxfordshirePlanText";

export const EXAMPLE_CONSORTIUM = "Oxfordshire Voluntary Sector Development Partnership (OVSDP)";
export const EXAMPLE_YEARS: readonly Fy[] = ["2008-09", "2009-10", "2010-11"];
/** The marker on every invented row, in the Source column each sheet of the example has after its own columns. */
export const INVENTED = "Invented for the demonstration";
export const SOURCE_HEADER = "Source";

/** The quarters the example has returns for: every quarter of 2008-09, then 2009-10 Q1 and Q2. */
const RETURN_QUARTERS: readonly { fy: Fy; quarter: 1 | 2 | 3 | 4 }[] = [
  { fy: "2008-09", quarter: 1 },
  { fy: "2008-09", quarter: 2 },
  { fy: "2008-09", quarter: 3 },
  { fy: "2008-09", quarter: 4 },
  { fy: "2009-10", quarter: 1 },
  { fy: "2009-10", quarter: 2 },
];

/** The plan importer's reading of the plan's tables, unedited. */
export function examplePlan(): PlanProposal {
  return proposePlanFromText(OXFORDSHIRE_PLAN_TEXT);
}

// ---- Partners and projects ---------------------------------------------------------------------------------

const OCVA = "OCVA";
const ORCC = "ORCC";
const LINKUP = "Volunteer LinkUp";
const CHERWELL = "Cherwell CVS";
const OREC = "OREC";
const CHURCHES = "Churches Together in Oxfordshire";
const COOP = "Coop Futures";
const OCVYS = "OCVYS";

/** The organisations the plan names; their types and contacts are invented. */
const PARTNERS: readonly [string, string, string][] = [
  [OCVA, "Accountable body", "Partnership development manager"],
  [ORCC, "Lead partner", "Community development team"],
  [LINKUP, "Delivery partner", "Volunteer centre manager"],
  [CHERWELL, "Delivery partner", "Volunteer centre manager"],
  [OREC, "Lead partner", "Director"],
  [CHURCHES, "Lead partner", "County ecumenical officer"],
  [COOP, "Delivery partner", "Social enterprise adviser"],
  [OCVYS, "Delivery partner", "Youth sector development worker"],
];

/** Each project's lead and delivery partners: chosen from the partners the plan names; the plan has no such table. */
const PROJECT_PARTNERS: Readonly<Record<string, readonly [string, string]>> = {
  P1: [OCVA, `${LINKUP}; ${CHERWELL}`],
  P2: [OCVA, `${ORCC}; ${CHERWELL}; ${LINKUP}`],
  P3: [OCVA, `${ORCC}; ${COOP}; ${OCVYS}`],
  P4: [ORCC, ""],
  P5: [OREC, OCVA],
  P6: [CHURCHES, ""],
  P7: [OCVA, `${ORCC}; ${CHERWELL}`],
};

// ---- What the example adds to the plan's targets -----------------------------------------------------------

/**
 * Due quarters the plan gives only as a year (the importer assumes its end, Q4), brought forward so the papers show
 * a milestone due now and one overdue.
 */
const INVENTED_DUE: Readonly<Record<string, Partial<Record<Fy, "Q1" | "Q2" | "Q3">>>> = {
  "T5.4": { "2009-10": "Q1" },
  "T5.7": { "2009-10": "Q2" },
};

/** Owners the plan does not name (the others are the plan's "OCVA:" or "ORCC:" prefixes, or its lead). */
const INVENTED_OWNERS: Readonly<Record<string, string>> = { "T1.2": LINKUP, "T1.5": CHERWELL, "T1.12": CHERWELL };

/** A quarter's return: a figure, "Done" (milestone), a completion date, or null for no return. */
type Return = number | "Done" | { completed: { year: number; month: number; day: number } } | null;
type Returns = readonly [Return, Return, Return, Return, Return, Return];
const NONE: Returns = [null, null, null, null, null, null];
/** No target in 2008-09: returns only for 2009-10 Q1 and Q2. */
const from2009 = (q1: Return, q2: Return): Returns => [null, null, null, null, q1, q2];

/** Invented returns for 2008-09 Q1-Q4, 2009-10 Q1-Q2 (RETURN_QUARTERS), by target; a target not listed has none. */
const RETURNS: Readonly<Record<string, Returns>> = {
  "T1.1": [210, 230, 240, 250, 240, 235],
  "T1.2": [150, 160, 170, 180, 158, 162],
  "T1.3": [40, 38, 35, 42, 34, 33],
  "T1.4": [35, 40, 38, 41, 38, 39],
  "T1.5": [null, null, { completed: { year: 2008, month: 12, day: 12 } }, null, null, null],
  "T1.6": [0, 0, 0, 7, 0, 0],
  "T1.7": [230, 260, 250, 290, 330, 340],
  "T1.8": [170, 190, 185, 200, 300, 310],
  "T1.9": [5, 6, 7, 8, 12, 14],
  "T1.10": [200, 230, 220, 240, 380, 395],
  "T1.11": [95, 100, 105, 100, 150, 160],
  "T2.1": [4, 6, 8, 9, null, null],
  "T2.2": [null, null, null, "Done", null, null],
  "T2.3": [22, 27, 25, 30, 25, 25],
  "T2.4": [80, 75, 78, 82, 76, 74],
  "T2.5": [5, 7, 6, 8, 6, 6],
  "T2.6": [null, null, null, "Done", null, null],
  "T2.7": [null, null, "Done", null, null, null],
  "T2.8": [null, null, null, null, null, "Done"],
  "T3.1": [14, 16, 15, 17, 12, 13],
  "T3.2": [9, 9, 8, 10, 9, 7],
  "T3.3": [3, 3, 3, 3, 3, 3],
  "T3.4": [0, 1, 1, 0, null, null],
  "T3.5": [1, 2, 1, 2, 1, 1],
  "T3.6": [0, 0, 11, 0, 0, 0],
  "T3.7": [1850, 1920, 1990, 2050, 2060, 2080],
  "T3.8": [500, 500, 500, 500, 500, 480],
  "T3.9": [1, 1, 2, 1, 1, 1],
  "T3.10": [null, null, null, "Done", null, null],
  "T3.11": [3, 3, 3, 3, 3, 3],
  "T3.12": [null, null, null, "Done", null, null],
  "T3.13": [3, 3, 3, 3, 3, 3],
  "T3.14": [95, 105, 100, 110, 96, 88],
  "T3.15": from2009(0, 1),
  "T3.16": from2009(2, 3),
  "T4.1": [10, 12, 11, 13, 11, 12],
  "T4.2": [7, 8, 7, 9, 7, 8],
  "T4.3": [1, 1, 2, 2, 2, 1],
  "T4.4": [2, 2, 2, 3, 2, null],
  "T4.5": [1, 2, 1, 2, 2, 1],
  "T5.1": [null, null, null, "Done", null, null],
  "T5.3": [2, 3, 4, 6, null, null],
  "T5.5": from2009(3, 5),
  "T5.6": from2009(2, 3),
  "T6.1": [null, "Done", null, null, null, null],
  "T6.2": [null, null, null, "Done", null, null],
  "T6.3": [null, null, null, "Done", null, null],
  "T6.4": from2009(0, 0),
  "T6.5": from2009(0, 0),
  "T6.6": from2009(0, 0),
  "T7.1": [null, null, null, "Done", null, null],
  "T7.2": [1, 1, 2, 1, 1, 2],
  "T7.4": [null, null, "Done", null, null, null],
  "T7.6": [null, null, null, "Done", null, null],
  "T7.7": [null, null, null, "Done", null, null],
  "T7.8": [3, 5, 6, 7, null, null],
  "T7.9": [null, null, null, "Done", null, null],
  "T7.10": [null, null, "Done", null, null, null],
  "T7.11": [10, 14, 12, 15, 13, 12],
  "T7.12": [13, 13, 13, 13, 13, 12],
};

/** Invented comments on returns, by target and index into its returns; on a null return, a row with no figure. */
const COMMENTS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  "T1.3": { 5: "Outreach worker on long-term sick leave in August and September." },
  "T1.6": { 4: "The course runs once a year, from January." },
  "T1.12": { 5: "Accreditation visit booked for February." },
  "T3.1": { 5: "Development worker post vacant from August." },
  "T3.5": { 5: "September workshop cancelled: trainer unavailable." },
  "T3.6": { 4: "The programme starts in October." },
  "T5.1": { 2: "Conference moved to February to avoid the holiday season." },
  "T5.4": { 4: "Terms of reference still in draft.", 5: "Waiting for funding before the first meeting." },
  "T5.6": { 5: "No funding secured for the training programme yet." },
  "T5.7": { 5: "Draft monitoring form out for consultation." },
  "T6.6": { 5: "Visits start in October." },
};

/** Invented quarterly profiles where delivery is not spread evenly (amounts that sum to the year's target). */
const PROFILES: readonly [string, Fy, number, number, number, number][] = [
  ["T1.6", "2008-09", 0, 0, 0, 6],
  ["T1.6", "2009-10", 0, 0, 0, 6],
  ["T3.6", "2008-09", 0, 0, 10, 0],
  ["T3.6", "2009-10", 0, 0, 10, 0],
  ["T6.4", "2009-10", 0, 0, 1, 0],
  ["T6.5", "2009-10", 0, 0, 1, 1],
  ["T6.6", "2009-10", 0, 0, 25, 25],
];

// ---- Budget and spend (all invented: the key-target tables state no money) ---------------------------------

type Quarters = readonly [number, number, number, number];

interface ExampleBudgetLine {
  project: string;
  line: string;
  budget: Readonly<Record<Fy, Quarters>>;
  /** Spend for 2008-09 Q1-Q4, 2009-10 Q1-Q2 (RETURN_QUARTERS); null for no spend return. */
  spend: readonly (number | null)[];
  comments?: Readonly<Record<number, string>>;
}

const even = (annual: number): Quarters => [annual / 4, annual / 4, annual / 4, annual / 4];

const BUDGET: readonly ExampleBudgetLine[] = [
  {
    project: "P1",
    line: "Salaries",
    budget: { "2008-09": even(36000), "2009-10": even(36000), "2010-11": even(37000) },
    spend: [8800, 9000, 9050, 9150, 8950, 9100],
  },
  {
    project: "P1",
    line: "Running costs",
    budget: { "2008-09": even(3000), "2009-10": even(3000), "2010-11": even(3000) },
    spend: [700, 760, 740, 780, 700, 820],
  },
  {
    project: "P1",
    line: "Volunteer expenses",
    budget: { "2008-09": even(6000), "2009-10": even(6000), "2010-11": even(6000) },
    spend: [1300, 1450, 1500, 1600, 1150, 1250],
    comments: { 5: "Fewer vulnerable volunteers interviewed, so fewer travel claims." },
  },
  {
    project: "P2",
    line: "Salaries",
    budget: { "2008-09": even(26000), "2009-10": even(26000), "2010-11": even(26800) },
    spend: [6500, 6480, 6520, 6500, 6450, 6500],
  },
  {
    project: "P2",
    line: "Outreach points",
    budget: { "2008-09": even(4800), "2009-10": even(4800), "2010-11": even(4800) },
    spend: [1100, 1250, 1300, 1150, 1900, 1850],
    comments: { 4: "Marketing campaign for the outreach points brought forward." },
  },
  {
    project: "P3",
    line: "Salaries",
    budget: { "2008-09": even(28000), "2009-10": even(28000), "2010-11": even(28800) },
    spend: [7000, 6950, 7050, 7000, 6200, 5100],
    comments: { 5: "Development worker post vacant from August." },
  },
  {
    project: "P3",
    line: "Training",
    budget: { "2008-09": even(4000), "2009-10": even(4000), "2010-11": even(4000) },
    spend: [900, 1050, 1000, 1100, 950, 1020],
  },
  {
    project: "P4",
    line: "Salaries",
    budget: { "2008-09": even(22000), "2009-10": even(22000), "2010-11": even(22600) },
    spend: [5500, 5500, 5450, 5550, 5500, 5450],
  },
  {
    project: "P4",
    line: "Running costs",
    budget: { "2008-09": even(2000), "2009-10": even(2000), "2010-11": even(2000) },
    spend: [450, 520, 500, 530, 480, null],
  },
  {
    project: "P5",
    line: "Events",
    budget: { "2008-09": [0, 0, 0, 0], "2009-10": [0, 0, 0, 0] },
    spend: [null, null, null, 350, 420, null],
    comments: {
      3: "Consultative conference paid from reserves: no funding secured.",
      4: "Diversity Forum planning meeting paid from reserves.",
    },
  },
  {
    project: "P6",
    line: "Visits and events",
    budget: { "2008-09": [0, 500, 500, 500], "2009-10": [0, 0, 1500, 1500], "2010-11": even(3000) },
    spend: [0, 450, 520, 480, null, null],
  },
  {
    project: "P7",
    line: "Salaries",
    budget: { "2008-09": even(16000), "2009-10": even(16000), "2010-11": even(16400) },
    spend: [4000, 3950, 4050, 4000, 4000, 4100],
  },
  {
    project: "P7",
    line: "Events",
    budget: { "2008-09": [800, 1200, 800, 1200], "2009-10": [800, 1200, 800, 1200], "2010-11": [800, 1200, 800, 1200] },
    spend: [780, 1150, 820, 1240, 850, 1100],
  },
];

// ---- Rows --------------------------------------------------------------------------------------------------

const date = (day: { year: number; month: number; day: number }): CellEntry => ({
  value: excelSerial(day),
  style: { numberFormat: NUMBER_FORMATS.date },
});

function returnCell(value: Return): CellEntry {
  if (value === null || value === "Done" || typeof value === "number") return value;
  return date(value.completed);
}

/** The owner the plan names in its own words ("OCVA: 1-1 support ..."), or one invented; null for the lead. */
function ownerOf(target: ProposedTarget): { owner: string | null; invented: boolean } {
  const invented = INVENTED_OWNERS[target.id];
  if (invented) return { owner: invented, invented: true };
  const prefix = /^(OCVA|ORCC):/.exec(target.description);
  return { owner: prefix ? prefix[1] : null, invented: false };
}

function leadOf(projectId: string): string {
  return PROJECT_PARTNERS[projectId]?.[0] ?? OCVA;
}

/** What in a target's row is the plan's and what is not: the Source column. */
function targetSource(target: ProposedTarget, ownerInvented: boolean): string {
  const lines = [...new Set(target.sources.map((s) => s.line))];
  const parts = [`The plan, line${lines.length === 1 ? "" : "s"} ${lines.join(", ")}`];
  if (target.aim) parts.push("set on a baseline the plan has yet to measure: To be set");
  for (const guess of target.guesses) {
    if (guess.field === "due" && !INVENTED_DUE[target.id]?.[guess.fy ?? ""]) {
      parts.push(`${guess.fy} due ${guess.value.replace(`${guess.fy} `, "")} assumed (the plan gives the year)`);
    }
  }
  for (const [fy, quarter] of Object.entries(INVENTED_DUE[target.id] ?? {})) {
    parts.push(`${fy} due ${quarter}: ${INVENTED.toLowerCase()} (the plan gives the year)`);
  }
  if (ownerInvented) parts.push(`owner: ${INVENTED.toLowerCase()}`);
  return parts.join("; ");
}

function targetRows(plan: PlanProposal): { rows: CellEntry[][]; sources: string[] } {
  const rows: CellEntry[][] = [];
  const sources: string[] = [];
  for (const target of plan.targets) {
    const { owner, invented } = ownerOf(target);
    const years = targetYearCells(target, EXAMPLE_YEARS).map(
      (cell, i) => INVENTED_DUE[target.id]?.[EXAMPLE_YEARS[i]] ?? cell,
    );
    rows.push([
      target.id,
      target.projectId,
      target.description,
      target.measure,
      target.direction,
      target.basis,
      owner,
      ...years,
      null, // Baseline: not yet measured
      target.aim ? aimCell(target.aim) : null,
    ]);
    sources.push(targetSource(target, invented));
  }
  return { rows, sources };
}

function actualRows(plan: PlanProposal): CellEntry[][] {
  const rows: CellEntry[][] = [];
  RETURN_QUARTERS.forEach(({ fy, quarter }, index) => {
    for (const target of plan.targets) {
      const value = (RETURNS[target.id] ?? NONE)[index];
      const comment = COMMENTS[target.id]?.[index] ?? null;
      if (value === null && comment === null) continue;
      const owner = ownerOf(target).owner ?? leadOf(target.projectId);
      rows.push([target.id, fy, `Q${quarter}`, returnCell(value), null, comment, owner]);
    }
  });
  return rows;
}

function budgetRows(): CellEntry[][] {
  return EXAMPLE_YEARS.flatMap((fy) =>
    BUDGET.filter((line) => line.budget[fy]).map((line) => [line.project, line.line, fy, ...line.budget[fy]]),
  );
}

function spendRows(): CellEntry[][] {
  const rows: CellEntry[][] = [];
  RETURN_QUARTERS.forEach(({ fy, quarter }, index) => {
    for (const line of BUDGET) {
      const amount = line.spend[index];
      if (amount === null) continue;
      rows.push([line.project, line.line, fy, `Q${quarter}`, amount, line.comments?.[index] ?? null]);
    }
  });
  return rows;
}

/**
 * A template sheet with a Source column after its own (the reader ignores it): each row says what in it is the
 * plan's and what is invented for the demonstration.
 */
function withSource(template: SheetTemplate, rows: readonly CellEntry[][], sources: readonly string[]): SheetSpec {
  const years = template.hasYearColumns ? EXAMPLE_YEARS.length : 0;
  const width = template.columns.length + years + (template.trailingColumns?.length ?? 0);
  const padded = rows.map((row, i) => [
    ...row,
    ...new Array<CellEntry>(Math.max(0, width - row.length)).fill(null),
    sources[i] ?? null,
  ]);
  const spec = inputSheetSpec(template, padded, [...EXAMPLE_YEARS]);
  const header = {
    row: 1,
    column: width + 1,
    value: SOURCE_HEADER,
    style: STYLES.header,
    note: "What in the row is the plan's, and what is invented for the demonstration. Not read by the tracker.",
  };
  const headerEnd = spec.cells.findIndex((cell) => cell.row > 1);
  const cells = [...spec.cells];
  cells.splice(headerEnd < 0 ? cells.length : headerEnd, 0, header);
  return { ...spec, cells, columnWidths: [...spec.columnWidths.slice(0, width), 60] };
}

const allInvented = (rows: readonly unknown[]): string[] => rows.map(() => INVENTED);

/** Which settings are the plan's: its name for the Partnership and its years; the rest are defaults or invented. */
function settingsSources(rows: readonly CellEntry[][]): string[] {
  const sources: Record<string, string> = {
    [SETTINGS_KEYS.consortium.key]: "The plan's name for the Partnership",
    [SETTINGS_KEYS.planStart.key]: "The plan's first year",
    [SETTINGS_KEYS.accountableBody.key]: INVENTED,
    [SETTINGS_KEYS.funder.key]: INVENTED,
  };
  return rows.map((row) => sources[String(row[0])] ?? "The template's default");
}

/** The complete example consortium as the standard input sheets, in template order. */
export function exampleSheets(): SheetSpec[] {
  const plan = examplePlan();
  const targets = targetRows(plan);
  const projects = plan.projects.map((project) => {
    const [lead, delivery] = PROJECT_PARTNERS[project.id] ?? [OCVA, ""];
    return [project.id, project.name, null, lead, delivery || null];
  });
  const actuals = actualRows(plan);
  const budget = budgetRows();
  const spend = spendRows();
  const risks = riskRows(plan);
  const settings = settingsRows({
    consortium: EXAMPLE_CONSORTIUM,
    accountableBody: OCVA,
    funder: "Capacitybuilders",
    planStart: "2008-09",
  });
  return [
    withSource(SETTINGS_TEMPLATE, settings, settingsSources(settings)),
    withSource(
      PARTNERS_TEMPLATE,
      PARTNERS.map((row) => [...row]),
      PARTNERS.map(() => `Named in the plan; type and contact: ${INVENTED.toLowerCase()}`),
    ),
    withSource(
      PROJECTS_TEMPLATE,
      projects,
      plan.projects.map(
        (p) =>
          `The plan, line ${p.source.line}; lead and delivery partners: chosen for the demonstration from the ` +
          "partners the plan names",
      ),
    ),
    withSource(TARGETS_TEMPLATE, targets.rows, targets.sources),
    withSource(
      PROFILES_TEMPLATE,
      PROFILES.map((row) => [...row]),
      allInvented(PROFILES),
    ),
    withSource(ACTUALS_TEMPLATE, actuals, allInvented(actuals)),
    withSource(BUDGET_TEMPLATE, budget, allInvented(budget)),
    withSource(SPEND_TEMPLATE, spend, allInvented(spend)),
    withSource(
      RISKS_TEMPLATE,
      risks,
      plan.risks.map((risk) => `The plan's risk assessment, line ${risk.source.line}`),
    ),
  ];
}
