// A workbook written the way real partners write them — titles above the headers, columns in their own order,
// an Excel table, headers and enumerations in any case, years and quarters spelled every which way, numbers as
// formatted text, a formula, percentages as 85% or 85 — reported through the CLI's --json and checked against
// figures worked out by hand from the rules in the README.
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../src/cli/main";
import type { Report, TargetReport } from "../../src/core/reportTypes";

jest.setTimeout(60_000);

type Row = (string | number | Date | null | { formula: string; result: number })[];

function sheetWithTitle(workbook: ExcelJS.Workbook, name: string, title: string, headerRow: number, rows: Row[]) {
  const sheet = workbook.addWorksheet(name);
  sheet.getCell("A1").value = title;
  rows.forEach((row, index) => {
    sheet.getRow(headerRow + index).values = row as ExcelJS.CellValue[];
  });
  return sheet;
}

async function writePartnerStyleWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  sheetWithTitle(workbook, "SETTINGS", "Consortium settings (please keep up to date)", 3, [
    ["KEY", "value"],
    ["consortium", "Riverside Partnership"],
    ["Accountable Body", "Alpha CVS"],
    ["green threshold", "90%"],
    ["Amber threshold", 0.7],
    ["Project Rollup", "worst"],
    ["Grant rate", "80%"],
  ]);

  const partners = workbook.addWorksheet("Partners");
  partners.getRow(2).values = [null, "Type", "Partner", "Contact"];
  partners.getRow(3).values = [null, "accountable body", "Alpha CVS", "finance@alpha.example"];
  partners.getRow(4).values = [null, "Lead Partner", "Beta Trust", ""];

  sheetWithTitle(workbook, "Projects", "Projects 2008-10", 5, [
    ["project_id", "Lead Partner", "Project", "Workstream", "Delivery partners", "Notes (not imported)"],
    ["P1", "Alpha CVS", "Volunteering", "Support for volunteering", "Beta Trust", "x"],
    ["P2", "beta trust", "Information", "Improved information", "", ""],
  ]);

  // Targets as a real Excel table, below a title row, with year headers spelled two ways.
  const targets = workbook.addWorksheet("Targets");
  targets.getCell("A1").value = "Key targets";
  targets.addTable({
    name: "KeyTargets",
    ref: "A2",
    headerRow: true,
    columns: [
      "TargetID",
      "Project ID",
      "Target",
      "measure",
      "Direction",
      "basis",
      "Owner",
      "FY2008/09",
      "2009/2010",
    ].map((name) => ({ name })),
    rows: [
      ["T1", "P1", "Volunteers make contact", "number", "Higher", "Annual", "", "1,000", 1200],
      ["T2", "P1", "Groups signed up since the start", "Number", "higher", "cumulative", "", 40, 100],
      ["T3", "P2", "Outreach points open", "Number", "Higher", "Level", "Beta Trust", " 9 ", 10],
      ["T4", "P2", "Clients satisfied", "percentage", "Higher", "level", "", "85%", 90],
      ["T5", "P2", "Days to answer an enquiry", "Number", "lower", "Level", "", null, 5],
      ["T6", "P1", "Volunteer database live", "Milestone", "", "", "", null, "Jul-Sep"],
      ["T7", "P2", "Funding raised by groups", "Currency", "", "", "", null, "£10,000.00"],
    ],
  });

  sheetWithTitle(workbook, "Profiles", "", 2, [
    ["Target ID", "FY", "Q1", "Q2", "Q3", "Q4"],
    ["T7", "2009-10", 1000, 2000, 3000, 4000],
  ]);

  sheetWithTitle(workbook, "Actuals", "Quarterly returns", 2, [
    ["Quarter", "Target ID", "Actual", "FY", "Comment", "Partner", "Evidence"],
    ["Q1", "T1", 250, "2008/09", "", "Alpha CVS", ""],
    ["2", "T1", 250, "FY2008/09", "", "Alpha CVS", ""],
    ["Qtr 3", "T1", 250, "08/09", "", "Alpha CVS", ""],
    ["Jan-Mar", "T1", 200, "2008-2009", "", "Alpha CVS", ""],
    ["Q1", "T1", "310", "2009-10", "", "Alpha CVS", ""],
    [
      "Q2",
      "T1",
      { formula: "145+145", result: 290 },
      "2009-10",
      '=HYPERLINK("http://example.invalid","evidence")',
      "Alpha CVS",
      "",
    ],
    ["Q1", "T2", 10, "2008-09", "", "", ""],
    ["Q2", "T2", 10, "2008-09", "", "", ""],
    ["Q3", "T2", 10, "2008-09", "", "", ""],
    ["Q4", "T2", 5, "2008-09", "", "", ""],
    ["Q1", "T2", 20, "2009-10", "", "", ""],
    ["Q1", "T3", 7, "2008-09", "", "", ""],
    ["Q2", "T3", 9, "2008-09", "", "", ""],
    ["Q3", "T3", 9, "2008-09", "", "", ""],
    ["Q4", "T3", 9, "2008-09", "", "", ""],
    ["Q1", "T3", 8, "2009-10", "", "", ""],
    ["Q2", "T4", "84 %", "2008-09", "", "", ""],
    ["Q4", "T4", 86, "2008-09", "", "", ""],
    ["Q1", "T4", "88%", "2009-10", "", "", ""],
    ["Q2", "T4", 0.92, "2009-10", "", "", ""],
    ["Q1", "T5", 6, "2009-10", "", "", ""],
    ["Q2", "T5", 4, "2009-10", "", "", ""],
    ["Q1", "T6", null, "2009-10", "on track", "", ""],
    ["Q1", "T7", "£1,200.50", "2009-10", "", "", ""],
    ["Q2", "T7", "1,800", "2009-10", "", "", ""],
  ]);

  sheetWithTitle(workbook, "Budget", "", 1, [
    ["project id", "Budget Line", "fy", "Q1", "Q2", "Q3", "Q4"],
    ["P1", "Salaries", "2009/10", "£5,000", 5000, 5000, 5000],
    ["P2", "Running costs", "2009/10", 1000, 1000, 0, 0],
  ]);

  sheetWithTitle(workbook, "Spend", "", 1, [
    ["Project ID", "Budget line", "FY", "Quarter", "Amount", "Comment"],
    ["P1", "Salaries", "2009-10", "Apr-Jun", "£4,800.00", ""],
    ["P1", "Salaries", "2009-10", "Jul-Sep", "5,600", "Extra sessions"],
    ["P2", "Running costs", "2009-10", 1, 1500, ""],
    ["P2", "Running costs", "2009-10", 2, 1200, ""],
  ]);

  sheetWithTitle(workbook, "Risks", "", 1, [
    ["Risk ID", "Project ID", "Risk", "Impact", "Probability", "Review date"],
    ["R1", "P1", "Funding falls short", "High", "Medium to high", new Date(Date.UTC(2009, 9, 1))],
    ["R2", null, "Partnership breaks down", "H", "Low, provided that the resources are available", "01/10/2009"],
    ["R3", "P2", "Staff leave", 3, null, null],
  ]);

  await fs.writeFile(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

describe("a partner-style workbook through consortium-tracker report --json", () => {
  let dir: string;
  let report: Report;
  let code: number;
  let stdout = "";

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "partner-style-"));
    const input = path.join(dir, "riverside.xlsx");
    await writePartnerStyleWorkbook(input);
    code = await runCli(["report", input, "--period", "2009/10 Jul-Sep", "--json", "-"], {
      stdout: (text) => void (stdout += text),
      stderr: () => undefined,
    });
    report = JSON.parse(stdout) as Report;
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const target = (id: string): TargetReport => {
    const found = report.targets.find((t) => t.targetId === id);
    if (!found) throw new Error(`no report row for ${id}`);
    return found;
  };

  it("reads the workbook without errors and exits 0", () => {
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(code).toBe(0);
    expect(report.period).toEqual({ fy: "2009-10", quarter: 2 });
  });

  it("Annual T1: E = 1200 x 2/4 = 600, A = 310 + 290 (a formula's result) = 600, r = 1; last year 500/500", () => {
    expect(target("T1")).toMatchObject({
      target: 1200,
      expectedToDate: 600,
      actualToDate: 600,
      ratio: 1,
      rag: "Green",
      previousYearRatio: 1,
      yoyChange: 0,
      trend: "level",
      fullYearRatios: { "2008-09": 0.95, "2009-10": 1 },
      missingQuarters: [],
    });
  });

  it("Cumulative T2: E = 40 + (100 - 40) x 1/2 = 70, A = 35 + 20 = 55, Q2 missing; Amber at a 70% threshold", () => {
    const t2 = target("T2");
    expect(t2).toMatchObject({
      expectedToDate: 70,
      actualToDate: 55,
      rag: "Amber",
      missingQuarters: [2],
      awaiting: true,
    });
    expect(t2.ratio).toBeCloseTo(55 / 70, 12);
    expect(t2.previousYearRatio).toBe(1); // 2008-09 Q2: E = 40 x 1/2 = 20, A = 20
    expect(t2.yoyChange).toBeCloseTo(55 / 70 - 1, 12);
    expect(t2.trend).toBe("down");
    expect(t2.fullYearRatios["2008-09"]).toBeCloseTo(35 / 40, 12);
  });

  it("Level T3: the latest quarter with a figure (Q1: 8) against 10; last year 9 of 9", () => {
    expect(target("T3")).toMatchObject({
      expectedToDate: 10,
      actualToDate: 8,
      ratio: 0.8,
      rag: "Amber",
      previousYearRatio: 1,
      trend: "down",
      missingQuarters: [2],
    });
  });

  it("Percentage T4: 90 and 85% are 0.9 and 0.85; 84 % and 86 are read as percentages", () => {
    const t4 = target("T4");
    expect(t4.target).toBeCloseTo(0.9, 12);
    expect(t4.actualToDate).toBeCloseTo(0.92, 12);
    expect(t4.ratio).toBeCloseTo(0.92 / 0.9, 12);
    expect(t4.rag).toBe("Green");
    expect(t4.previousYearRatio).toBeCloseTo(0.84 / 0.85, 12);
    expect(t4.trend).toBe("level");
    expect(t4.fullYearRatios["2008-09"]).toBeCloseTo(0.86 / 0.85, 12);
  });

  it("Lower-is-better T5: r = E / A = 5 / 4; no previous year, so no trend", () => {
    expect(target("T5")).toMatchObject({
      direction: "Lower",
      ratio: 1.25,
      rag: "Green",
      previousYearRatio: null,
      yoyChange: null,
      trend: null,
      fullYearRatios: { "2009-10": 1.25 },
    });
  });

  it("Milestone T6 due Jul-Sep and not done by Q2 is Amber, with no figures", () => {
    expect(target("T6")).toMatchObject({
      measure: "Milestone",
      target: 2,
      expectedToDate: null,
      actualToDate: null,
      ratio: null,
      rag: "Amber",
      missingQuarters: [],
    });
  });

  it("Currency T7 profiled 1,000/2,000/3,000/4,000: E = 3,000, A = £1,200.50 + 1,800", () => {
    const t7 = target("T7");
    expect(t7.target).toBe(10000);
    expect(t7.expectedToDate).toBeCloseTo(3000, 9);
    expect(t7.actualToDate).toBeCloseTo(3000.5, 9);
    expect(t7.rag).toBe("Green");
  });

  it("rolls projects up by their worst rated target (Project rollup: worst), with the Average ratio", () => {
    const p1 = report.projects.find((p) => p.projectId === "P1");
    const p2 = report.projects.find((p) => p.projectId === "P2");
    expect(p1?.rag).toBe("Amber");
    // T2 awaits its Q2 figure, so it is not rated: (1 + 0.5) / 2.
    expect(p1?.ratio).toBeCloseTo((1 + 0.5) / 2, 12);
    expect(p1?.awaitingTargets).toBe(1);
    // T3 (0.8, Amber) awaits its Q2 figure too: P2 rolls up T4, T5 and T7, each capped at 1: Green.
    expect(p2?.rag).toBe("Green");
    expect(p2?.ratio).toBe(1);
    expect(p2?.awaitingTargets).toBe(1);
  });

  it("works out spend variance and the claim at an 80% grant rate, capped at the annual budget", () => {
    expect(report.spend).toEqual([
      {
        projectId: "P1",
        budgetLine: "Salaries",
        budgetToDate: 10000,
        spendToDate: 10400,
        variance: 400,
        variancePct: 0.04,
        rag: "Green",
        claimThisQuarter: 10400 * 0.8 - 4800 * 0.8,
        claimableToDate: 10400 * 0.8,
        partner: "Alpha CVS", // no Partner column: the project's lead
      },
      {
        projectId: "P2",
        budgetLine: "Running costs",
        budgetToDate: 2000,
        spendToDate: 2700,
        variance: 700,
        variancePct: 0.35,
        rag: "Red",
        claimThisQuarter: 2000 * 0.8 - 1500 * 0.8,
        claimableToDate: 2000 * 0.8,
        partner: "Beta Trust",
      },
    ]);
  });

  it("keeps a partner's =HYPERLINK(...) comment as text, in the copied Actuals and on the claim sheet", async () => {
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load((await fs.readFile(path.join(dir, "riverside-2009-10-Q2.xlsx"))) as unknown as ArrayBuffer);
    const comment = '=HYPERLINK("http://example.invalid","evidence")';
    for (const name of ["Actuals", "Claim 2009-10 Q2"]) {
      const cells: ExcelJS.Cell[] = [];
      copy.getWorksheet(name)?.eachRow((row) => row.eachCell((cell) => void cells.push(cell)));
      const found = cells.filter((cell) => cell.value === comment);
      expect(found.length).toBeGreaterThan(0);
      for (const cell of found) expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula && cell.formula?.includes("HYPERLINK"))).toBe(
        false,
      );
    }
  });

  it("scores risks from the words partners write", () => {
    expect(report.risks).toEqual([
      { riskId: "R1", projectId: "P1", impact: 4, probability: 4, score: 16, rag: "Red", needsReview: true },
      { riskId: "R2", projectId: null, impact: 4, probability: 2, score: 8, rag: "Amber", needsReview: false },
      { riskId: "R3", projectId: "P2", impact: 3, probability: null, score: null, rag: null, needsReview: false },
    ]);
  });
});
