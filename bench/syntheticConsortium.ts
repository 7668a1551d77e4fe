// A synthetic consortium of any size, straight as grids (what a shell hands the core): three financial years,
// every quarter of every year returned, budgets and spend for every project, and risks. Deterministic: a seeded
// generator, so every run measures the same workbook.
import type { CellValue, SheetGrid, WorkbookGrids } from "../src/core/grid";
import type { Fy } from "../src/core/periods";
import { templateHeaders } from "../src/core/sheets/templateSheets";
import {
  ACTUALS_TEMPLATE,
  BUDGET_TEMPLATE,
  PARTNERS_TEMPLATE,
  PROJECTS_TEMPLATE,
  RISKS_TEMPLATE,
  SETTINGS_KEYS,
  SETTINGS_TEMPLATE,
  SPEND_TEMPLATE,
  TARGETS_TEMPLATE,
  type SheetTemplate,
} from "../src/core/templates";

export const SYNTHETIC_YEARS: readonly Fy[] = ["2008-09", "2009-10", "2010-11"];
const TARGETS_PER_PROJECT = 10;
const PARTNER_COUNT = 12;
const BUDGET_LINES = ["Salaries", "Running costs", "Volunteer expenses"];
const RATINGS = ["Low", "Medium", "High", "Medium to high", "Low, provided that the resources are available", "3", "H"];

/** Mulberry32: a small seeded generator, so the synthetic workbook is the same every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sheet(template: SheetTemplate, rows: CellValue[][]): SheetGrid {
  return {
    sheet: template.name,
    rows: [templateHeaders(template, SYNTHETIC_YEARS), ...rows],
    firstRow: 1,
    firstColumn: 1,
  };
}

/** A consortium with `targetCount` targets (ten per project) as the grids of its input sheets. */
export function syntheticGrids(targetCount: number, seed = 2008): WorkbookGrids {
  const random = seeded(seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const partners = Array.from({ length: PARTNER_COUNT }, (_, i) => `Partner ${i + 1}`);
  const projectCount = Math.max(1, Math.ceil(targetCount / TARGETS_PER_PROJECT));
  const projects = Array.from({ length: projectCount }, (_, i) => `P${i + 1}`);

  const settings: CellValue[][] = [
    [SETTINGS_KEYS.consortium.key, "Synthetic consortium"],
    [SETTINGS_KEYS.accountableBody.key, partners[0]],
    [SETTINGS_KEYS.planStart.key, SYNTHETIC_YEARS[0]],
  ];
  const partnerRows: CellValue[][] = partners.map((name, i) => [
    name,
    i === 0 ? "Accountable body" : "Delivery partner",
    "",
  ]);
  const projectRows: CellValue[][] = projects.map((id, i) => [
    id,
    `Project ${i + 1}`,
    `Workstream ${(i % 7) + 1}`,
    partners[i % PARTNER_COUNT],
    partners[(i + 1) % PARTNER_COUNT],
  ]);

  const targetRows: CellValue[][] = [];
  const actualRows: CellValue[][] = [];
  for (let t = 0; t < targetCount; t++) {
    const id = `T${t + 1}`;
    const project = projects[Math.floor(t / TARGETS_PER_PROJECT)];
    const kind = t % 10;
    const milestone = kind === 9;
    const percentage = kind === 8;
    const basis = kind === 6 ? "Cumulative" : kind === 7 || percentage ? "Level" : "Annual";
    const direction = kind === 5 ? "Lower" : "Higher";
    const measure = milestone ? "Milestone" : percentage ? "Percentage" : kind === 4 ? "Currency" : "Number";
    const base = percentage ? 0.8 : kind === 4 ? between(5000, 50000) : between(10, 500);
    const years = SYNTHETIC_YEARS.map((_, y) =>
      milestone ? `Q${between(1, 4)}` : percentage ? base : basis === "Cumulative" ? base * (y + 1) : base,
    );
    targetRows.push([id, project, `Synthetic target ${t + 1}`, measure, direction, basis, null, ...years]);
    for (const fy of SYNTHETIC_YEARS) {
      for (let q = 1; q <= 4; q++) {
        const share = basis === "Annual" || basis === "Cumulative" ? 0.25 : 1;
        const actual = milestone
          ? q === 4 || random() < 0.3
            ? "Done"
            : null
          : percentage
            ? Math.round((0.6 + random() * 0.4) * 100) / 100
            : Math.round(base * share * (0.6 + random() * 0.6));
        actualRows.push([id, fy, `Q${q}`, actual, "Records", random() < 0.1 ? "Shortfall explained" : null, null]);
      }
    }
  }

  const budgetRows: CellValue[][] = [];
  const spendRows: CellValue[][] = [];
  for (const project of projects) {
    for (const line of BUDGET_LINES) {
      for (const fy of SYNTHETIC_YEARS) {
        const quarter = between(500, 9000);
        budgetRows.push([project, line, fy, quarter, quarter, quarter, quarter]);
        for (let q = 1; q <= 4; q++) {
          spendRows.push([project, line, fy, `Q${q}`, Math.round(quarter * (0.7 + random() * 0.6)), null]);
        }
      }
    }
  }

  const riskRows: CellValue[][] = Array.from({ length: Math.max(5, Math.ceil(targetCount / 20)) }, (_, i) => [
    `R${i + 1}`,
    i % 3 === 0 ? null : projects[i % projectCount],
    `Synthetic risk ${i + 1}`,
    RATINGS[between(0, RATINGS.length - 1)],
    RATINGS[between(0, RATINGS.length - 1)],
    "Controls",
    partners[i % PARTNER_COUNT],
    "Open",
    null,
  ]);

  return [
    sheet(SETTINGS_TEMPLATE, settings),
    sheet(PARTNERS_TEMPLATE, partnerRows),
    sheet(PROJECTS_TEMPLATE, projectRows),
    sheet(TARGETS_TEMPLATE, targetRows),
    sheet(ACTUALS_TEMPLATE, actualRows),
    sheet(BUDGET_TEMPLATE, budgetRows),
    sheet(SPEND_TEMPLATE, spendRows),
    sheet(RISKS_TEMPLATE, riskRows),
  ];
}
