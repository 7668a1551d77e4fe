// Fixture workbooks built in code: a small, valid consortium drawn from the Oxfordshire 2008-11 business plan,
// and helpers to change one sheet at a time. Header strings come from the templates, never written here.
//
// The minimal consortium (plan 2008-09 to 2010-11, no Plan start setting, so it comes from Targets):
//   Partners  OCVA (accountable body), ORCC (lead), Volunteer Centre Oxford (delivery)
//   Projects  P1 Volunteering (lead Volunteer Centre Oxford), P3 Organisational development (OCVA),
//             P4 Community capacity building (ORCC)
//   Targets   T1.1 volunteers placed, Annual 200 / 250 / 300
//             T3.1 groups attaining quality standards, Cumulative 5 / 10 / 15
//             T3.2 outreach points operational, Level 6 / 9 / 9 (owner ORCC)
//             T3.3 groups satisfied with support, Percentage 80% / 85% / 90%
//             T4.1 Guide to Funding Opportunities updated, Milestone due Q3 2008-09 and Q3 2009-10
//   Profiles  T1.1 2009-10 as amounts 50 / 75 / 75 / 50; T3.1 2009-10 as shares 10% / 20% / 30% / 40%
//   Actuals   T1.1 2008-09 Q1-Q4 40, 55, 60, 50 and 2009-10 Q1-Q2 55, 70; T3.1 2009-10 Q1-Q2 2, 1;
//             T3.2 2009-10 Q1-Q2 7, 8; T3.3 2009-10 Q1-Q2 82%, 0.86; T4.1 2008-09 Q3 Done
//   Budget    2009-10: P1 Salaries 5,000 a quarter, P1 Running costs 1,000 a quarter, P3 Salaries 7,500 a quarter
//   Spend     2009-10: P1 Salaries Q1 4,800 and Q2 5,300; P1 Running costs Q1 950; P3 Salaries Q1 7,500
//   Risks     R1, R2 programme-wide with the plan's own words; R3 for P1 rated 3 and M
import type { CellValue, SheetGrid, WorkbookGrids } from "../../../src/core/grid";
import { normaliseName } from "../../../src/core/grid";
import type { SheetTemplate, TemplateSheetName } from "../../../src/core/templates";
import { SETTINGS_KEYS, templateFor } from "../../../src/core/templates";

/** A sheet's grid; by default its used range starts at A1. */
export function grid(sheet: string, rows: CellValue[][], at: { row?: number; column?: number } = {}): SheetGrid {
  return { sheet, rows, firstRow: at.row ?? 1, firstColumn: at.column ?? 1 };
}

/** The template's header row, in template order. */
export function headers(name: TemplateSheetName): string[] {
  return templateFor(name).columns.map((column) => column.header);
}

/** A template sheet: its header row then the given rows (cells in template column order). */
export function templateSheet(name: TemplateSheetName, rows: CellValue[][], extraHeaders: string[] = []): SheetGrid {
  return grid(name, [[...headers(name), ...extraHeaders], ...rows]);
}

/** A Settings row: `setting("consortium", "Oxfordshire VCS Partnership")`. */
export function setting(field: keyof typeof SETTINGS_KEYS, value: CellValue): CellValue[] {
  return [SETTINGS_KEYS[field].key, value];
}

export const PLAN_YEARS = ["2008-09", "2009-10", "2010-11"];

export const RISK_R1 = {
  description:
    "The programme fails to deliver the quality and range of services that front line groups need and/or expect.",
  impact:
    "High.  If the Partnership fails to monitor and ensure that service providers listen and deliver, then the purpose of the whole programme is frustrated.",
  probability:
    "Low, provided that the resources to undertake the programme are available.  Medium when the resource issue is taken into account.",
};

export const RISK_R2 = {
  description: "There is a breakdown in relationships within the partnership",
  impact: "High - A fundamental principle of the Partnership and the IDP would be in breach.",
  probability:
    "Low in the short term (2008 – 2011) to medium in the longer term (2011 – 2014) - will depend on the continued support of Partnership members and front-line groups.",
};

export function minimalSheets(): Record<TemplateSheetName, SheetGrid> {
  return {
    Settings: grid("Settings", [
      headers("Settings"),
      setting("consortium", "Oxfordshire VCS Partnership"),
      setting("accountableBody", "OCVA"),
      setting("funder", "Capacitybuilders"),
    ]),
    Partners: templateSheet("Partners", [
      ["OCVA", "Accountable body", "finance@ocva.example"],
      ["ORCC", "Lead partner", "info@orcc.example"],
      ["Volunteer Centre Oxford", "Delivery partner", ""],
    ]),
    Projects: templateSheet("Projects", [
      ["P1", "Volunteering", "Volunteering", "Volunteer Centre Oxford", "OCVA"],
      ["P3", "Organisational development", "Organisational development", "OCVA", "ORCC; Volunteer Centre Oxford"],
      ["P4", "Community capacity building", "Community capacity building", "ORCC", null],
    ]),
    Targets: templateSheet(
      "Targets",
      [
        ["T1.1", "P1", "Volunteers placed", "Number", "Higher", "Annual", null, 200, 250, 300],
        ["T3.1", "P3", "Groups attaining quality standards", "Number", "Higher", "Cumulative", null, 5, 10, 15],
        ["T3.2", "P3", "Outreach points operational", "Number", "Higher", "Level", "ORCC", 6, 9, 9],
        ["T3.3", "P3", "Groups satisfied with support", "Percentage", "Higher", "Annual", null, "80%", "85%", "90%"],
        ["T4.1", "P4", "Guide to Funding Opportunities updated", "Milestone", null, null, null, "Q3", "Q3", null],
      ],
      PLAN_YEARS,
    ),
    Profiles: templateSheet("Profiles", [
      ["T1.1", "2009-10", 50, 75, 75, 50],
      ["T3.1", "2009-10", "10%", "20%", "30%", "40%"],
    ]),
    Actuals: templateSheet("Actuals", [
      ["T1.1", "2008-09", "Q1", 40, "Register", null, null],
      ["T1.1", "2008-09", "Q2", 55, "Register", null, null],
      ["T1.1", "2008-09", "Q3", 60, "Register", null, null],
      ["T1.1", "2008-09", "Q4", 50, "Register", null, null],
      ["T1.1", "2009-10", "Q1", 55, "Register", null, null],
      ["T1.1", "2009-10", "Q2", 70, "Register", "Summer fair", null],
      ["T3.1", "2009-10", "Q1", 2, null, null, "OCVA"],
      ["T3.1", "2009-10", "Q2", 1, null, null, "OCVA"],
      ["T3.2", "2009-10", "Q1", 7, null, null, null],
      ["T3.2", "2009-10", "Q2", 8, null, null, null],
      ["T3.3", "2009-10", "Q1", "82%", "Survey", null, null],
      ["T3.3", "2009-10", "Q2", 0.86, "Survey", null, null],
      ["T4.1", "2008-09", "Q3", "Done", "oxnet", null, "ORCC"],
    ]),
    Budget: templateSheet("Budget", [
      ["P1", "Salaries", "2009-10", 5000, 5000, 5000, 5000],
      ["P1", "Running costs", "2009-10", 1000, 1000, 1000, 1000],
      ["P3", "Salaries", "2009-10", 7500, 7500, 7500, 7500],
    ]),
    Spend: templateSheet("Spend", [
      ["P1", "Salaries", "2009-10", "Q1", 4800, null],
      ["P1", "Salaries", "2009-10", "Q2", 5300, "Cover for sickness"],
      ["P1", "Running costs", "2009-10", "Q1", 950, null],
      ["P3", "Salaries", "2009-10", "Q1", 7500, null],
    ]),
    Risks: templateSheet("Risks", [
      [
        "R1",
        null,
        RISK_R1.description,
        RISK_R1.impact,
        RISK_R1.probability,
        "Monitoring role",
        "The Partnership",
        "Open",
        "31/01/2010",
      ],
      [
        "R2",
        null,
        RISK_R2.description,
        RISK_R2.impact,
        RISK_R2.probability,
        "Protocols signed",
        "The Partnership",
        "Open",
        null,
      ],
      ["R3", "P1", "Volunteers drop out", 3, "M", "Volunteer support", "Volunteer Centre Oxford", "Open", null],
    ]),
  };
}

/** The minimal consortium as the grids a shell would hand over, in template order. */
export function minimalWorkbook(): WorkbookGrids {
  return Object.values(minimalSheets());
}

/** The grids with one sheet replaced (matched like sheet names are) or added. */
export function withSheet(grids: WorkbookGrids, sheet: SheetGrid): WorkbookGrids {
  const found = grids.some((g) => normaliseName(g.sheet) === normaliseName(sheet.sheet));
  return found
    ? grids.map((g) => (normaliseName(g.sheet) === normaliseName(sheet.sheet) ? sheet : g))
    : [...grids, sheet];
}

export function withoutSheet(grids: WorkbookGrids, name: string): WorkbookGrids {
  return grids.filter((g) => normaliseName(g.sheet) !== normaliseName(name));
}

export function sheetOf(grids: WorkbookGrids, name: string): SheetGrid {
  const found = grids.find((g) => normaliseName(g.sheet) === normaliseName(name));
  if (!found) throw new Error(`No sheet ${name} in the fixture`);
  return found;
}

/** The grids with rows added at the bottom of a sheet. */
export function withRows(grids: WorkbookGrids, name: string, ...rows: CellValue[][]): WorkbookGrids {
  const sheet = sheetOf(grids, name);
  return withSheet(grids, { ...sheet, rows: [...sheet.rows, ...rows] });
}

/** The grids with one cell of a sheet changed (row and column are 1-based within the grid). */
export function withCell(
  grids: WorkbookGrids,
  name: string,
  row: number,
  column: number,
  value: CellValue,
): WorkbookGrids {
  const sheet = sheetOf(grids, name);
  const rows = sheet.rows.map((r) => [...r]);
  while (rows.length < row) rows.push([]);
  rows[row - 1][column - 1] = value;
  return withSheet(grids, { ...sheet, rows });
}

/** A row of a template sheet by column key, in template order: `row("Actuals", { targetId: "T1.1", fy: "2009-10" })`. */
export function row(name: TemplateSheetName, cells: Record<string, CellValue>): CellValue[] {
  const template: SheetTemplate = templateFor(name);
  return template.columns.map((column) => cells[column.key] ?? null);
}
