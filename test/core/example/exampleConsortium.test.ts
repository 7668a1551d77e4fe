import { EXAMPLE_CONSORTIUM, exampleSheets } from "../../../src/core/example/exampleConsortium";
import type { Rag } from "../../../src/core/model";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { buildReport } from "../../../src/core/report";
import { TEMPLATE_SHEET_NAMES } from "../../../src/core/templates";
import { gridsOfSpecs } from "../../support/specGrids";

const ALL_RAGS: Rag[] = ["Green", "Amber", "Red", "NotDue"];

describe("the example consortium (Oxfordshire OVSDP, 2008-11)", () => {
  const { consortium, problems } = importWorkbook(gridsOfSpecs(exampleSheets()));
  const report = buildReport(consortium, problems);

  it("is every standard input sheet, read without a single problem", () => {
    expect(exampleSheets().map((sheet) => sheet.name)).toEqual([...TEMPLATE_SHEET_NAMES]);
    expect(problems).toEqual([]);
    expect(consortium.settings).toMatchObject({
      consortium: EXAMPLE_CONSORTIUM,
      accountableBody: "OCVA",
      funder: "Capacitybuilders",
      planStart: "2008-09",
    });
    expect(consortium.planYears).toEqual(["2008-09", "2009-10", "2010-11"]);
    expect(consortium.projects.map((p) => p.id)).toEqual(["P1", "P2", "P3", "P4", "P5", "P6", "P7"]);
  });

  it("is identical on every run", () => {
    expect(JSON.stringify(exampleSheets())).toBe(JSON.stringify(exampleSheets()));
  });

  it("carries the plan's key figures", () => {
    const values = (id: string) => consortium.targets.find((t) => t.id === id)?.values;
    expect(values("T1.1")).toEqual({ "2008-09": 900, "2009-10": 900, "2010-11": 900 });
    expect(values("T1.8")).toEqual({ "2008-09": 1000, "2009-10": 1300, "2010-11": 1500 });
    expect(values("T2.1")).toEqual({ "2008-09": 9, "2009-10": 9, "2010-11": 9 });
    expect(values("T4.1")).toEqual({ "2008-09": 45, "2009-10": 45, "2010-11": 45 });
    expect(values("T5.1")).toEqual({ "2008-09": 15, "2009-10": 30, "2010-11": 50 });
    expect(values("T5.2")).toEqual({ "2009-10": 50, "2010-11": 100 });
    expect(values("T7.4")).toEqual({ "2008-09": 52, "2009-10": 52, "2010-11": 52 });
  });

  it("uses every measure, every basis, both directions and a quarterly profile", () => {
    const targets = consortium.targets;
    expect(new Set(targets.map((t) => t.measure))).toEqual(new Set(["Number", "Percentage", "Currency", "Milestone"]));
    expect(new Set(targets.map((t) => t.basis))).toEqual(new Set(["Annual", "Cumulative", "Level"]));
    expect(new Set(targets.map((t) => t.direction))).toEqual(new Set(["Higher", "Lower"]));
    expect(consortium.profiles.length).toBeGreaterThan(0);
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

  it("shows every RAG status for targets, projects and spend, and Green, Amber and Red risks", () => {
    expect(new Set(report.targets.map((t) => t.rag))).toEqual(new Set(ALL_RAGS));
    expect(new Set(report.projects.map((p) => p.rag))).toEqual(new Set(ALL_RAGS));
    expect(new Set(report.spend.map((s) => s.rag))).toEqual(new Set(ALL_RAGS));
    expect(new Set(report.risks.map((r) => r.rag))).toEqual(new Set(["Green", "Amber", "Red"]));
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
