// Reading sheet specs the way a user reads a sheet: "what is in B7", "where does 'Total claim' appear",
// "what is to the right of 'Funder'". Plus small fixtures: a consortium and hand-made reports.
import type { Actual, Consortium, Project, Risk, Settings, Target } from "../../../src/core/model";
import type { Period } from "../../../src/core/periods";
import type { Report, RiskReport, SpendReport, TargetReport } from "../../../src/core/reportTypes";
import type { CellContent, SheetCell, SheetSpec } from "../../../src/core/sheets/spec";
import { testSettings } from "../../support/settings";

export function cellAt(spec: SheetSpec, row: number, column: number): SheetCell | undefined {
  return spec.cells.find((c) => c.row === row && c.column === column);
}

export function valueAt(spec: SheetSpec, row: number, column: number): CellContent | undefined {
  return cellAt(spec, row, column)?.value;
}

/** Every cell whose value is exactly this text. */
export function cellsWithText(spec: SheetSpec, text: string): SheetCell[] {
  return spec.cells.filter((c) => c.value === text);
}

/** The one cell whose value is exactly this text (fails the test when there are none or several). */
export function cellWithText(spec: SheetSpec, text: string): SheetCell {
  const found = cellsWithText(spec, text);
  if (found.length !== 1) throw new Error(`Expected one cell "${text}" on ${spec.name}, found ${found.length}`);
  return found[0];
}

/** The cell `offset` columns to the right of the one holding `text`. */
export function rightOf(spec: SheetSpec, text: string, offset = 1): SheetCell | undefined {
  const label = cellWithText(spec, text);
  return cellAt(spec, label.row, label.column + offset);
}

/** A row's values from column 1 to its last placed cell (undefined where nothing is placed). */
export function rowValues(spec: SheetSpec, row: number): (CellContent | undefined)[] {
  const cells = spec.cells.filter((c) => c.row === row);
  const last = Math.max(0, ...cells.map((c) => c.column));
  return Array.from({ length: last }, (_, i) => valueAt(spec, row, i + 1));
}

/** The first row at or after `fromRow` whose cell in `column` holds `text`. */
export function rowWhere(spec: SheetSpec, column: number, text: string, fromRow = 1): number {
  const found = spec.cells
    .filter((c) => c.column === column && c.value === text && c.row >= fromRow)
    .sort((a, b) => a.row - b.row)[0];
  if (!found) throw new Error(`No "${text}" in column ${column} of ${spec.name}`);
  return found.row;
}

// ---- Fixtures ------------------------------------------------------------------------------------------------

const here = { sheet: "Test", cell: "A1" };

export function settings(overrides: Partial<Settings> = {}): Settings {
  return testSettings({
    consortium: "Oxfordshire VSDP",
    accountableBody: "Oxfordshire Community & Voluntary Action",
    ...overrides,
  });
}

export function project(id: string, name: string, leadPartner = "OCVA", deliveryPartners: string[] = []): Project {
  return { id, name, workstream: "", leadPartner, deliveryPartners, source: here };
}

export function target(id: string, projectId: string, description: string, extra: Partial<Target> = {}): Target {
  return {
    id,
    projectId,
    description,
    measure: "Number",
    direction: "Higher",
    basis: "Annual",
    owner: "OCVA",
    values: {},
    dueQuarters: {},
    source: here,
    ...extra,
  };
}

export function actual(targetId: string, period: Period, amount: number | null, extra: Partial<Actual> = {}): Actual {
  return {
    targetId,
    fy: period.fy,
    quarter: period.quarter,
    amount,
    done: false,
    completedOn: null,
    evidence: "",
    comment: "",
    partner: "OCVA",
    source: here,
    ...extra,
  };
}

export function risk(id: string, projectId: string | null, description: string, extra: Partial<Risk> = {}): Risk {
  return {
    id,
    projectId,
    description,
    impact: { value: null, needsReview: false, text: "" },
    probability: { value: null, needsReview: false, text: "" },
    controls: "",
    lead: "",
    status: "Open",
    reviewDate: null,
    source: here,
    ...extra,
  };
}

export function consortium(extra: Partial<Consortium> = {}): Consortium {
  return {
    settings: settings(),
    planYears: ["2008-09", "2009-10", "2010-11"],
    partners: [],
    projects: [],
    targets: [],
    profiles: [],
    actuals: [],
    budgets: [],
    spend: [],
    risks: [],
    ...extra,
  };
}

export function targetRow(targetId: string, projectId: string, extra: Partial<TargetReport> = {}): TargetReport {
  return {
    targetId,
    projectId,
    fy: "2009-10",
    basis: "Annual",
    direction: "Higher",
    measure: "Number",
    target: 0,
    expectedToDate: 0,
    actualToDate: 0,
    ratio: null,
    rag: "NotDue",
    previousYearRatio: null,
    yoyChange: null,
    trend: null,
    fullYearRatios: {},
    missingQuarters: [],
    awaiting: false,
    toBeSet: false,
    ...extra,
  };
}

export function spendRow(projectId: string, budgetLine: string, extra: Partial<SpendReport> = {}): SpendReport {
  return {
    projectId,
    budgetLine,
    budgetToDate: 0,
    spendToDate: 0,
    variance: 0,
    variancePct: null,
    rag: "NotDue",
    claimThisQuarter: 0,
    claimableToDate: 0,
    partner: "",
    ...extra,
  };
}

export function riskRow(riskId: string, impact: number | null, probability: number | null): RiskReport {
  const score = impact === null || probability === null ? null : impact * probability;
  const rag = score === null ? null : score >= 15 ? "Red" : score >= 8 ? "Amber" : "Green";
  return { riskId, projectId: null, impact, probability, score, rag, needsReview: false };
}

export function report(period: Period, extra: Partial<Omit<Report, "period">> = {}): Report {
  const claim = { totalAward: 0, claimedBefore: 0, claimThisQuarter: 0, claimedToDate: 0, remaining: 0 };
  return { period, targets: [], projects: [], claim, spend: [], risks: [], problems: [], ...extra };
}
