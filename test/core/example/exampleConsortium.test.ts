import { readFileSync } from "fs";
import * as path from "path";
import {
  EXAMPLE_CONSORTIUM,
  INVENTED,
  SOURCE_HEADER,
  exampleSheets,
} from "../../../src/core/example/exampleConsortium";
import { OXFORDSHIRE_PLAN_TEXT } from "../../../src/core/example/oxfordshirePlanText";
import type { CellValue } from "../../../src/core/grid";
import type { Rag } from "../../../src/core/model";
import { proposePlanFromText } from "../../../src/core/plan/proposePlan";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { buildReport } from "../../../src/core/report";
import { TEMPLATE_SHEET_NAMES } from "../../../src/core/templates";
import { gridsOfSpecs } from "../../support/specGrids";

const ALL_RAGS: Rag[] = ["Green", "Amber", "Red", "NotDue"];
const PLAN_FILE = path.join(__dirname, "../../../assets/plans/oxfordshire-business-plan-2008-11.txt");

describe("the example consortium (Oxfordshire OVSDP, 2008-11), built from the plan's own tables", () => {
  const grids = gridsOfSpecs(exampleSheets());
  const { consortium, problems } = importWorkbook(grids);
  const report = buildReport(consortium, problems);
  /** A sheet's rows below its header, as cell values. */
  const rowsOf = (name: string): CellValue[][] => grids.find((g) => g.sheet === name)!.rows.slice(1);
  const headerOf = (name: string): CellValue[] => grids.find((g) => g.sheet === name)!.rows[0];
  const sourceColumn = (name: string) => headerOf(name).indexOf(SOURCE_HEADER);

  it("is every standard input sheet, read without a single problem", () => {
    expect(exampleSheets().map((sheet) => sheet.name)).toEqual([...TEMPLATE_SHEET_NAMES]);
    expect(problems).toEqual([]);
    expect(consortium.settings).toMatchObject({
      consortium: EXAMPLE_CONSORTIUM,
      accountableBody: "OCVA",
      planStart: "2008-09",
    });
    expect(consortium.planYears).toEqual(["2008-09", "2009-10", "2010-11"]);
  });

  it("is identical on every run", () => {
    expect(JSON.stringify(exampleSheets())).toBe(JSON.stringify(exampleSheets()));
  });

  it("reads the plan's tables as the project ships them (run scripts/embed-example-plan.js after changing them)", () => {
    expect(OXFORDSHIRE_PLAN_TEXT).toBe(readFileSync(PLAN_FILE, "utf8"));
  });

  it("has the plan's seven projects and exactly the targets and risks the plan importer reads, none added", () => {
    const plan = proposePlanFromText(readFileSync(PLAN_FILE, "utf8"));
    expect(consortium.projects.map((p) => `${p.id} ${p.name}`)).toEqual([
      "P1 Support for volunteering",
      "P2 Improved information resources",
      "P3 Support for organisational development",
      "P4 Support for community capacity building",
      "P5 Promotion of diversity and equality",
      "P6 Information and support for faith-based social and community activity",
      "P7 Enhanced networks and partnerships and promotion of the voluntary and community sector",
    ]);
    expect(consortium.targets.map((t) => [t.id, t.description, t.measure, t.basis, t.direction])).toEqual(
      plan.targets.map((t) => [t.id, t.description, t.measure, t.basis, t.direction]),
    );
    expect(consortium.targets).toHaveLength(79);
    expect(consortium.risks.map((r) => r.description)).toEqual(plan.risks.map((r) => r.description));
    expect(consortium.risks).toHaveLength(5);
  });

  it("carries the plan's figures as the plan writes them (checked against its text by hand)", () => {
    const values = (id: string) => consortium.targets.find((t) => t.id === id)?.values;
    // "900 potential volunteers make contact", each year.
    expect(values("T1.1")).toEqual({ "2008-09": 900, "2009-10": 900, "2010-11": 900 });
    // "Short term opportunities created 1000; ... 1300; ... 1500".
    expect(values("T1.7")).toEqual({ "2008-09": 1000, "2009-10": 1300, "2010-11": 1500 });
    // "Outreach visits including 3 per month to Vale": 36 a year.
    expect(values("T3.2")).toEqual({ "2008-09": 36, "2009-10": 36, "2010-11": 36 });
    // "Promote Code of Practice in working with BME groups to 50 frontline groups", 2009-10 only.
    expect(values("T5.5")).toEqual({ "2009-10": 50 });
    // "Voluntary Voice column appears in Oxford Times each week".
    expect(values("T7.12")).toEqual({ "2008-09": 52, "2009-10": 52, "2010-11": 52 });
  });

  it("keeps 'obtain 50% more signatories' To be set: +50% on a baseline not yet entered, shown as Target to be set", () => {
    const signatories = consortium.targets.find((t) => t.id === "T7.8");
    expect(signatories?.values).toEqual({});
    expect(signatories?.relative).toMatchObject({ baseline: null, change: 0.5, aim: "+50%", years: ["2008-09"] });
    const then = buildReport(consortium, problems, { fy: "2008-09", quarter: 4 });
    // Its figures still add up (3 + 5 + 6 + 7 new signatories, invented), but it is not rated.
    expect(then.targets.find((t) => t.targetId === "T7.8")).toMatchObject({
      toBeSet: true,
      target: null,
      actualToDate: 21,
      rag: "NotDue",
    });
    expect(then.projects.find((p) => p.projectId === "P7")?.toBeSetTargets).toBe(1);
  });

  it("marks every invented row as invented, on its sheet, in a Source column the tracker does not read", () => {
    for (const name of ["Actuals", "Profiles", "Budget", "Spend"]) {
      const column = sourceColumn(name);
      expect(column).toBeGreaterThan(0);
      const rows = rowsOf(name).filter((row) => row.some((cell) => cell !== null && cell !== ""));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row[column]).toBe(INVENTED);
    }
    const partners = rowsOf("Partners").map((row) => row[sourceColumn("Partners")]);
    expect(partners.every((source) => String(source).includes("invented for the demonstration"))).toBe(true);
  });

  it("says on Targets which line of the plan each target is from, and which due quarters are assumed or invented", () => {
    const column = sourceColumn("Targets");
    const source = (id: string) => String(rowsOf("Targets").find((row) => row[0] === id)?.[column]);
    expect(source("T1.1")).toMatch(/^The plan, lines \d+, \d+, \d+$/);
    expect(source("T1.5")).toContain("2008-09 due Q4 assumed (the plan gives the year)");
    expect(source("T1.5")).toContain("owner: invented for the demonstration");
    expect(source("T5.4")).toContain("2009-10 due Q1: invented for the demonstration (the plan gives the year)");
    expect(source("T7.8")).toContain("set on a baseline the plan has yet to measure: To be set");
    const t54 = consortium.targets.find((t) => t.id === "T5.4");
    expect(t54?.dueQuarters).toEqual({ "2009-10": 1 });
  });

  it("reports its latest quarter, 2009-10 Q2, with returns for every quarter before it", () => {
    expect(report.period).toEqual({ fy: "2009-10", quarter: 2 });
    const quarters = new Set(consortium.actuals.map((a) => `${a.fy} Q${a.quarter}`));
    expect([...quarters].sort()).toEqual([
      "2008-09 Q1",
      "2008-09 Q2",
      "2008-09 Q3",
      "2008-09 Q4",
      "2009-10 Q1",
      "2009-10 Q2",
    ]);
  });

  it("shows every RAG status for targets, projects and spend, an awaited figure, and Amber and Red risks", () => {
    expect(new Set(report.targets.map((t) => t.rag))).toEqual(new Set(ALL_RAGS));
    expect(new Set(report.projects.map((p) => p.rag))).toEqual(new Set(ALL_RAGS));
    expect(new Set(report.spend.map((s) => s.rag))).toEqual(new Set(ALL_RAGS));
    expect(report.targets.filter((t) => t.awaiting).map((t) => t.targetId)).toEqual(["T4.4"]);
    // The plan's own ratings: high impact, low probability (Amber) ... medium to high both ways (Red).
    expect(new Set(report.risks.map((r) => r.rag))).toEqual(new Set(["Amber", "Red"]));
    expect(report.risks.some((r) => r.needsReview)).toBe(true);
  });

  it("shows year-on-year trends up, level and down, and a missing return", () => {
    expect(new Set(report.targets.map((t) => t.trend).filter((t) => t !== null))).toEqual(
      new Set(["up", "level", "down"]),
    );
    expect(report.targets.some((t) => t.missingQuarters.length > 0)).toBe(true);
  });

  it("includes milestones done, due now, overdue and not yet due", () => {
    const milestoneRags = report.targets.filter((t) => t.measure === "Milestone").map((t) => t.rag);
    expect(new Set(milestoneRags)).toEqual(new Set(ALL_RAGS));
  });
});
