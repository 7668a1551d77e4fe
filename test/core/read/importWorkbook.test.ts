import { importWorkbook } from "../../../src/core/read/importWorkbook";
import type { CellValue } from "../../../src/core/grid";
import {
  PLAN_YEARS,
  grid,
  headers,
  minimalWorkbook,
  row,
  setting,
  sheetOf,
  templateSheet,
  withCell,
  withRows,
  withSheet,
  withoutSheet,
} from "./fixtures";

const imported = () => importWorkbook(minimalWorkbook());

function settingsSheet(...rows: CellValue[][]) {
  return grid("Settings", [
    headers("Settings"),
    setting("consortium", "Oxfordshire VCS Partnership"),
    setting("accountableBody", "OCVA"),
    ...rows,
  ]);
}

describe("importing the minimal Oxfordshire consortium", () => {
  it("has no problems", () => {
    expect(imported().problems).toEqual([]);
  });

  it("takes the plan years from the Targets year columns when Settings has no plan start", () => {
    const { settings, planYears } = imported().consortium;
    expect(planYears).toEqual(PLAN_YEARS);
    expect(settings.planStart).toBe("2008-09");
  });

  it("fills the settings it was not given with the template defaults", () => {
    expect(imported().consortium.settings).toEqual({
      consortium: "Oxfordshire VCS Partnership",
      accountableBody: "OCVA",
      funder: "Capacitybuilders",
      planStart: "2008-09",
      yearStartMonth: 4,
      greenThreshold: 0.95,
      amberThreshold: 0.75,
      spendGreenTolerance: 0.1,
      spendAmberTolerance: 0.25,
      projectRollup: "Average",
      grantRate: 1,
      returnsDueDays: 15,
      templateVersion: 2,
      totalAward: null,
    });
  });

  it("reads partners, projects with their delivery partners, and target owners (default: the lead partner)", () => {
    const { partners, projects, targets } = imported().consortium;
    expect(partners.map((p) => [p.name, p.type])).toEqual([
      ["OCVA", "Accountable body"],
      ["ORCC", "Lead partner"],
      ["Volunteer Centre Oxford", "Delivery partner"],
    ]);
    expect(projects.find((p) => p.id === "P3")?.deliveryPartners).toEqual(["ORCC", "Volunteer Centre Oxford"]);
    expect(targets.map((t) => [t.id, t.owner])).toEqual([
      ["T1.1", "Volunteer Centre Oxford"],
      ["T3.1", "OCVA"],
      ["T3.2", "ORCC"],
      ["T3.3", "OCVA"],
      ["T4.1", "ORCC"],
    ]);
  });

  it("reads Annual, Cumulative and Level targets with a value per year", () => {
    const targets = imported().consortium.targets;
    const byId = (id: string) => targets.find((t) => t.id === id);
    expect(byId("T1.1")).toMatchObject({
      basis: "Annual",
      measure: "Number",
      direction: "Higher",
      values: { "2008-09": 200, "2009-10": 250, "2010-11": 300 },
    });
    expect(byId("T3.1")).toMatchObject({ basis: "Cumulative", values: { "2008-09": 5, "2009-10": 10, "2010-11": 15 } });
    expect(byId("T3.2")).toMatchObject({ basis: "Level", values: { "2008-09": 6, "2009-10": 9, "2010-11": 9 } });
    expect(byId("T3.1")?.source).toEqual({ sheet: "Targets", cell: "A3" });
  });

  it("reads a Percentage target's 80% as 0.8", () => {
    const target = imported().consortium.targets.find((t) => t.id === "T3.3");
    expect(target?.values).toEqual({ "2008-09": 0.8, "2009-10": 0.85, "2010-11": 0.9 });
  });

  it("reads a Milestone's year cells as due quarters, and leaves its values empty", () => {
    const target = imported().consortium.targets.find((t) => t.id === "T4.1");
    expect(target).toMatchObject({ measure: "Milestone", values: {}, dueQuarters: { "2008-09": 3, "2009-10": 3 } });
  });

  it("reads profiles as amounts (50/75/75/50 of 250) or as percentages, both as shares summing to 1", () => {
    expect(imported().consortium.profiles.map((p) => [p.targetId, p.fy, p.quarterShares])).toEqual([
      ["T1.1", "2009-10", [0.2, 0.3, 0.3, 0.2]],
      ["T3.1", "2009-10", [0.1, 0.2, 0.3, 0.4]],
    ]);
  });

  it("reads actuals: numbers, percentages (82% and 0.86) and a milestone done, with the partner defaulting to the owner", () => {
    const actuals = imported().consortium.actuals;
    expect(actuals).toHaveLength(13);
    expect(actuals.filter((a) => a.targetId === "T3.3").map((a) => a.amount)).toEqual([0.82, 0.86]);
    expect(actuals.find((a) => a.targetId === "T4.1")).toMatchObject({
      fy: "2008-09",
      quarter: 3,
      amount: null,
      done: true,
      completedOn: null,
      partner: "ORCC",
    });
    expect(actuals.find((a) => a.targetId === "T1.1" && a.quarter === 2 && a.fy === "2009-10")).toMatchObject({
      amount: 70,
      done: false,
      evidence: "Register",
      comment: "Summer fair",
      partner: "Volunteer Centre Oxford",
      source: { sheet: "Actuals", cell: "D7" },
    });
  });

  it("reads the budget profile and spend", () => {
    const { budgets, spend } = imported().consortium;
    expect(budgets.map((b) => [b.projectId, b.line, b.fy, b.quarterPence])).toEqual([
      ["P1", "Salaries", "2009-10", [500000, 500000, 500000, 500000]],
      ["P1", "Running costs", "2009-10", [100000, 100000, 100000, 100000]],
      ["P3", "Salaries", "2009-10", [750000, 750000, 750000, 750000]],
    ]);
    expect(spend.map((s) => [s.projectId, s.line, s.quarter, s.pence])).toEqual([
      ["P1", "Salaries", 1, 480000],
      ["P1", "Salaries", 2, 530000],
      ["P1", "Running costs", 1, 95000],
      ["P3", "Salaries", 1, 750000],
    ]);
  });

  it("reads risks with the plan's own wording: programme-wide when Project ID is blank", () => {
    const risks = imported().consortium.risks;
    expect(
      risks.map((r) => [
        r.id,
        r.projectId,
        r.impact.value,
        r.impact.needsReview,
        r.probability.value,
        r.probability.needsReview,
      ]),
    ).toEqual([
      ["R1", null, 4, false, 2, true],
      ["R2", null, 4, false, 2, true],
      ["R3", "P1", 3, false, 3, false],
    ]);
    expect(risks[0].reviewDate).toEqual({ year: 2010, month: 1, day: 31 });
  });
});

describe("tolerating real partner sheets", () => {
  it("matches sheet names case- and space-insensitively and reports problems under the workbook's own name", () => {
    const renamed = minimalWorkbook().map((g) => (g.sheet === "Actuals" ? { ...g, sheet: " ACTUALS " } : g));
    const result = importWorkbook(
      withRows(renamed, " ACTUALS ", row("Actuals", { targetId: "T9", fy: "2009-10", quarter: "Q1", actual: 1 })),
    );
    expect(result.consortium.actuals).toHaveLength(13);
    expect(result.problems.map((p) => [p.sheet, p.cell])).toEqual([[" ACTUALS ", "A15"]]);
  });

  it("reads a sheet whose used range starts below and right of A1 (an Excel table at C4)", () => {
    const actuals = sheetOf(minimalWorkbook(), "Actuals");
    const moved = withSheet(minimalWorkbook(), { ...actuals, firstRow: 4, firstColumn: 3 });
    const result = importWorkbook(withCell(moved, "Actuals", 3, 4, "lots"));
    expect(result.problems).toEqual([
      {
        sheet: "Actuals",
        cell: "F6",
        severity: "error",
        message: 'T1.1 2008-09 Q2: "lots" is text in a number cell, so the row is not read',
      },
    ]);
    expect(result.consortium.actuals[0].source).toEqual({ sheet: "Actuals", cell: "F5" });
  });

  it("reads actuals written every which way: FY spellings, quarter names and formatted numbers", () => {
    const grids = withSheet(
      minimalWorkbook(),
      templateSheet("Actuals", [
        ["T1.1", "FY2009/10", "Apr-Jun", "1,250"],
        ["T1.1", "09/10", "Qtr 2", " 40 "],
        ["t1.1", "2009-2010", "July - September", null],
        ["T1.1", "2009/10", 3, "£12.50"],
        ["T3.3", "2009-10", "Q4", 85],
      ]),
    );
    const result = importWorkbook(grids);
    expect(result.problems).toEqual([]);
    expect(result.consortium.actuals.map((a) => [a.targetId, a.fy, a.quarter, a.amount])).toEqual([
      ["T1.1", "2009-10", 1, 1250],
      ["T1.1", "2009-10", 2, 40],
      ["T1.1", "2009-10", 3, 12.5],
      ["T3.3", "2009-10", 4, 0.85],
    ]);
  });

  it("a blank Actual is no return yet: no actual and no problem", () => {
    const result = importWorkbook(
      withRows(minimalWorkbook(), "Actuals", row("Actuals", { targetId: "T1.1", fy: "2009-10", quarter: "Q3" })),
    );
    expect(result.problems).toEqual([]);
    expect(result.consortium.actuals).toHaveLength(13);
  });

  it("a milestone completed on a date is done on that date", () => {
    const result = importWorkbook(
      withRows(
        minimalWorkbook(),
        "Actuals",
        row("Actuals", { targetId: "T4.1", fy: "2009-10", quarter: "Q2", actual: "15/09/2009" }),
      ),
    );
    expect(result.consortium.actuals.at(-1)).toMatchObject({
      targetId: "T4.1",
      quarter: 2,
      done: true,
      completedOn: { year: 2009, month: 9, day: 15 },
    });
  });

  it("Targets columns in another order with extra columns, and a year written FY2009/10", () => {
    const targets = grid("Targets", [
      ["Key targets 2008-11"],
      [],
      ["Owner", "2008-09", "Target", "Notes", "FY2009/10", "Project ID", "Target ID", "Basis"],
      [null, 200, "Volunteers placed", "from the plan", 250, "P1", "T1.1", "annual"],
    ]);
    const result = importWorkbook(withSheet(minimalWorkbook(), targets));
    expect(result.consortium.targets).toEqual([
      expect.objectContaining({
        id: "T1.1",
        values: { "2008-09": 200, "2009-10": 250 },
        source: { sheet: "Targets", cell: "G4" },
      }),
    ]);
    expect(result.consortium.planYears).toEqual(["2008-09", "2009-10"]);
  });

  it("IDs match ignoring case and spaces, and take the spelling of the sheet that defines them", () => {
    const grids = withRows(
      minimalWorkbook(),
      "Actuals",
      row("Actuals", { targetId: " t3.2 ", fy: "2009-10", quarter: "Q3", actual: 9, partner: "orcc" }),
    );
    const added = importWorkbook(grids).consortium.actuals.at(-1);
    expect(added).toMatchObject({ targetId: "T3.2", partner: "ORCC" });
  });
});

describe("Settings", () => {
  it("percentage settings read '95%' and 0.95 alike; other settings by their kind", () => {
    const sheet = settingsSheet(
      setting("greenThreshold", "90%"),
      setting("amberThreshold", 0.7),
      setting("spendGreenTolerance", "5%"),
      setting("spendAmberTolerance", "20%"),
      setting("grantRate", 0.8),
      setting("projectRollup", "worst"),
      setting("yearStartMonth", "January"),
      setting("returnsDueDays", "21"),
      setting("planStart", "FY 2008/09"),
      setting("funder", "Big Lottery Fund"),
    );
    const result = importWorkbook(withSheet(minimalWorkbook(), sheet));
    expect(result.problems).toEqual([]);
    expect(result.consortium.settings).toMatchObject({
      greenThreshold: 0.9,
      amberThreshold: 0.7,
      spendGreenTolerance: 0.05,
      spendAmberTolerance: 0.2,
      grantRate: 0.8,
      projectRollup: "Worst",
      yearStartMonth: 1,
      returnsDueDays: 21,
      planStart: "2008-09",
      funder: "Big Lottery Fund",
    });
  });

  it("a Settings sheet without a Key | Value header is read from its first two columns", () => {
    const sheet = grid("Settings", [
      setting("consortium", "Oxfordshire VCS Partnership"),
      setting("accountableBody", "OCVA"),
      setting("grantRate", "75%"),
    ]);
    const result = importWorkbook(withSheet(minimalWorkbook(), sheet));
    expect(result.problems).toEqual([]);
    expect(result.consortium.settings.grantRate).toBe(0.75);
  });

  it("a later plan start leaves earlier year columns out of the plan", () => {
    const result = importWorkbook(withSheet(minimalWorkbook(), settingsSheet(setting("planStart", "2009-10"))));
    expect(result.consortium.planYears).toEqual(["2009-10", "2010-11"]);
    expect(result.consortium.targets[0].values).toEqual({ "2009-10": 250, "2010-11": 300 });
    expect(result.problems).toContainEqual({
      sheet: "Targets",
      cell: "H1",
      severity: "error",
      message: "2008-09 is before the plan start 2009-10 (Settings), so this column is not read",
    });
  });

  it("an earlier plan start extends the plan back", () => {
    const result = importWorkbook(withSheet(minimalWorkbook(), settingsSheet(setting("planStart", "2007-08"))));
    expect(result.consortium.planYears).toEqual(["2007-08", ...PLAN_YEARS]);
  });

  it("the year start month moves which months a quarter name means", () => {
    const grids = withRows(
      withSheet(minimalWorkbook(), settingsSheet(setting("yearStartMonth", 1))),
      "Actuals",
      row("Actuals", { targetId: "T1.1", fy: "2010-11", quarter: "Jan-Mar", actual: 5 }),
    );
    expect(importWorkbook(grids).consortium.actuals.at(-1)).toMatchObject({ fy: "2010-11", quarter: 1 });
  });

  it("without a Settings sheet: an error, and the defaults are used for everything else", () => {
    const result = importWorkbook(withoutSheet(minimalWorkbook(), "Settings"));
    expect(result.problems).toEqual([
      { sheet: "Settings", cell: "A1", severity: "error", message: "The workbook has no Settings sheet" },
    ]);
    expect(result.consortium.settings.greenThreshold).toBe(0.95);
    expect(result.consortium.targets).toHaveLength(5);
  });
});
