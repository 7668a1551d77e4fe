// Every kind of problem the importer reports: its sheet, A1 cell, severity and message, and what it leaves out.
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import type { CellValue, WorkbookGrids } from "../../../src/core/grid";
import type { Problem } from "../../../src/core/model";
import {
  grid,
  headers,
  minimalWorkbook,
  row,
  setting,
  templateSheet,
  withCell,
  withRows,
  withSheet,
  withoutSheet,
} from "./fixtures";

const error = (sheet: string, cell: string, message: string): Problem => ({ sheet, cell, severity: "error", message });
const warning = (sheet: string, cell: string, message: string): Problem => ({
  sheet,
  cell,
  severity: "warning",
  message,
});

function adding(sheet: Parameters<typeof row>[0], ...rows: Record<string, CellValue>[]): WorkbookGrids {
  return withRows(minimalWorkbook(), sheet, ...rows.map((cells) => row(sheet, cells)));
}

describe("missing sheets and columns", () => {
  it("a missing required sheet is an error at its A1; the rest is still read", () => {
    const result = importWorkbook(withoutSheet(minimalWorkbook(), "Targets"));
    expect(result.problems).toContainEqual(error("Targets", "A1", "The workbook has no Targets sheet"));
    expect(result.consortium.projects).toHaveLength(3);
    expect(result.consortium.budgets).toHaveLength(3);
  });

  it("optional sheets (Profiles, Budget, Spend, Risks) may be missing", () => {
    let grids = minimalWorkbook();
    for (const name of ["Profiles", "Budget", "Spend", "Risks"]) grids = withoutSheet(grids, name);
    expect(importWorkbook(grids).problems).toEqual([]);
  });

  it("a missing required column is an error at the header row and the sheet is not read", () => {
    const projects = grid("Projects", [
      ["Project ID", "Project"],
      ["P1", "Volunteering"],
    ]);
    const result = importWorkbook(withSheet(minimalWorkbook(), projects));
    expect(result.problems[0]).toEqual(
      error(
        "Projects",
        "A1",
        'Projects has no "Lead partner" column in its header row (row 1), so the sheet is not read',
      ),
    );
    expect(result.consortium.projects).toEqual([]);
  });

  it("two sheets named alike: the first is read and the other is a warning", () => {
    const grids = [...minimalWorkbook(), grid("risks", [headers("Risks"), ["R9"]])];
    expect(importWorkbook(grids).problems).toEqual([
      warning("risks", "A1", 'Two sheets are named like Risks: "Risks" is read and this one is ignored'),
    ]);
  });
});

describe("unknown references", () => {
  it("a target on an unknown project is an error and the target is left out", () => {
    const result = importWorkbook(adding("Targets", { targetId: "T9.1", projectId: "P9", target: "Something" }));
    expect(result.problems).toEqual([
      error("Targets", "B7", 'T9.1: Project ID "P9" is not on Projects, so the row is not read'),
    ]);
    expect(result.consortium.targets.map((t) => t.id)).not.toContain("T9.1");
    expect(result.unreadTargets).toEqual([
      { id: "T9.1", projectId: "P9", description: "Something", fy: null, problem: result.problems[0] },
    ]);
  });

  it("an actual or profile for an unknown target is an error", () => {
    const actual = importWorkbook(adding("Actuals", { targetId: "T7.7", fy: "2009-10", quarter: "Q1", actual: 3 }));
    expect(actual.problems).toEqual([
      error("Actuals", "A15", 'Target ID "T7.7" is not on Targets, so the row is not read'),
    ]);
    const profile = importWorkbook(adding("Profiles", { targetId: "T7.7", fy: "2009-10", q1: 1, q2: 1, q3: 1, q4: 1 }));
    expect(profile.problems).toEqual([
      error("Profiles", "A4", 'Target ID "T7.7" is not on Targets, so the row is not read'),
    ]);
  });

  it("budget, spend and risks for an unknown project are errors", () => {
    const budget = importWorkbook(
      adding("Budget", { projectId: "P8", budgetLine: "Salaries", fy: "2009-10", q1: 100 }),
    );
    expect(budget.problems).toEqual([
      error("Budget", "A5", 'Project ID "P8" is not on Projects, so the row is not read'),
    ]);
    const spend = importWorkbook(
      adding("Spend", { projectId: "P8", budgetLine: "Salaries", fy: "2009-10", quarter: "Q1", amount: 100 }),
    );
    expect(spend.problems).toEqual([
      error("Spend", "A6", 'Project ID "P8" is not on Projects, so the row is not read'),
    ]);
    const risk = importWorkbook(
      adding("Risks", { riskId: "R9", projectId: "P8", risk: "Venue lost", impact: "High", probability: "Low" }),
    );
    expect(risk.problems).toEqual([
      error("Risks", "B5", 'R9: Project ID "P8" is not on Projects, so the row is not read'),
    ]);
  });

  it("partners not on Partners are warnings: the row is kept with the name as written", () => {
    let grids = withCell(minimalWorkbook(), "Projects", 2, 4, "Oxford Volunteers");
    grids = withCell(grids, "Projects", 3, 5, "ORCC; Cherwell CVS");
    grids = withCell(grids, "Targets", 4, 7, "Age UK Oxfordshire");
    grids = withCell(grids, "Actuals", 2, 7, "Oxford Hub");
    const result = importWorkbook(grids);
    expect(result.problems).toEqual([
      warning("Projects", "D2", 'Partner "Oxford Volunteers" is not on Partners'),
      warning("Projects", "E3", 'Partner "Cherwell CVS" is not on Partners'),
      warning("Targets", "G4", 'Owner "Age UK Oxfordshire" is not on Partners'),
      warning("Actuals", "G2", 'Partner "Oxford Hub" is not on Partners'),
    ]);
    expect(result.consortium.actuals[0].partner).toBe("Oxford Hub");
    expect(result.consortium.projects[0].leadPartner).toBe("Oxford Volunteers");
  });

  it("an accountable body not on Partners is a warning on Settings", () => {
    const settings = grid("Settings", [
      headers("Settings"),
      setting("consortium", "Oxfordshire VCS Partnership"),
      setting("accountableBody", "Oxford CVS"),
    ]);
    expect(importWorkbook(withSheet(minimalWorkbook(), settings)).problems).toEqual([
      warning("Settings", "B3", 'Accountable body "Oxford CVS" is not on Partners'),
    ]);
  });
});

describe("duplicate IDs: an error on the later row, which is left out", () => {
  it.each<[Parameters<typeof row>[0], Record<string, CellValue>, string, string]>([
    [
      "Partners",
      { partner: "ocva", type: "Member" },
      "A5",
      'Partner "ocva" is already listed in row 2, so the row is not read',
    ],
    [
      "Projects",
      { projectId: "P3", project: "Another", leadPartner: "OCVA" },
      "A5",
      'Project ID "P3" is already used in row 3, so the row is not read',
    ],
    [
      "Targets",
      { targetId: "T3.2", projectId: "P3", target: "Again" },
      "A7",
      'Target ID "T3.2" is already used in row 4, so the row is not read',
    ],
    ["Risks", { riskId: "r1", risk: "Again" }, "A5", 'Risk ID "r1" is already used in row 2, so the row is not read'],
  ])("%s", (sheet, cells, cell, message) => {
    const result = importWorkbook(adding(sheet, cells));
    expect(result.problems).toEqual([error(sheet, cell, message)]);
  });

  it("the first of two targets with one ID is kept", () => {
    const result = importWorkbook(adding("Targets", { targetId: "T1.1", projectId: "P3", target: "Again" }));
    expect(result.consortium.targets.filter((t) => t.id === "T1.1").map((t) => t.projectId)).toEqual(["P1"]);
  });
});

describe("Actuals", () => {
  it("two rows for the same target, FY and quarter: an error on each, and neither is counted", () => {
    const result = importWorkbook(
      adding("Actuals", { targetId: "T1.1", fy: "2009/10", quarter: "Jul-Sep", actual: 7 }),
    );
    expect(result.problems).toEqual([
      error("Actuals", "D7", "T1.1 2009-10 Q2: this actual is repeated in row 15, so none of these rows is counted"),
      error("Actuals", "D15", "T1.1 2009-10 Q2: repeats the actual in D7, so none of these rows is counted"),
    ]);
    const q2 = result.consortium.actuals.filter((a) => a.targetId === "T1.1" && a.fy === "2009-10" && a.quarter === 2);
    expect(q2).toEqual([]);
    expect(result.consortium.actuals).toHaveLength(12);
  });

  it("text in the Actual cell is an error naming the value; the other rows are kept", () => {
    const result = importWorkbook(withCell(minimalWorkbook(), "Actuals", 3, 4, "about 50"));
    expect(result.problems).toEqual([
      error("Actuals", "D3", 'T1.1 2008-09 Q2: "about 50" is text in a number cell, so the row is not read'),
    ]);
    expect(result.consortium.actuals).toHaveLength(12);
  });

  it("a negative actual is an error", () => {
    const result = importWorkbook(withCell(minimalWorkbook(), "Actuals", 3, 4, -5));
    expect(result.problems).toEqual([
      error("Actuals", "D3", "T1.1 2008-09 Q2: the actual -5 is negative, so the row is not read"),
    ]);
  });

  it("an FY outside the plan, an unreadable FY and an unreadable quarter are errors", () => {
    const result = importWorkbook(
      adding(
        "Actuals",
        { targetId: "T1.1", fy: "2011-12", quarter: "Q1", actual: 5 },
        { targetId: "T1.1", fy: "2009-12", quarter: "Q1", actual: 5 },
        { targetId: "T1.1", fy: "2009-10", quarter: "Q5", actual: 5 },
        { targetId: "T1.1", fy: null, quarter: "Q1", actual: 5 },
      ),
    );
    expect(result.problems).toEqual([
      error("Actuals", "B15", "T1.1: FY 2011-12 is outside the plan (2008-09 to 2010-11), so the row is not read"),
      error(
        "Actuals",
        "B16",
        'T1.1: FY "2009-12" is not a financial year (write the financial year as 2009-10), so the row is not read',
      ),
      error("Actuals", "C17", 'T1.1 2009-10: "Q5" is not a quarter (write Q1, Q2, Q3 or Q4), so the row is not read'),
      error("Actuals", "B18", "T1.1: FY is blank, so the row is not read"),
    ]);
  });

  it("an actual for a year in which the target has no value is a warning, and is kept", () => {
    const grids = withCell(minimalWorkbook(), "Targets", 2, 10, null); // T1.1 has no 2010-11 target
    const result = importWorkbook(
      withRows(grids, "Actuals", row("Actuals", { targetId: "T1.1", fy: "2010-11", quarter: "Q1", actual: 60 })),
    );
    expect(result.problems).toEqual([
      warning("Actuals", "B15", "T1.1 has no target for 2010-11, yet it has an actual"),
    ]);
    expect(result.consortium.actuals.at(-1)).toMatchObject({ fy: "2010-11", amount: 60 });
  });

  it("a milestone actual that is not Done/Yes/Complete or a date is an error", () => {
    const result = importWorkbook(
      adding("Actuals", { targetId: "T4.1", fy: "2009-10", quarter: "Q3", actual: "In progress" }),
    );
    expect(result.problems).toEqual([
      error(
        "Actuals",
        "D15",
        'T4.1 2009-10 Q3: "In progress" is not Done, Yes, Complete or Completed or a completion date, so the row is not read',
      ),
    ]);
  });
});

describe("Targets", () => {
  it("a milestone year cell that is not a quarter is an error on that cell; its other years are kept", () => {
    const result = importWorkbook(withCell(minimalWorkbook(), "Targets", 6, 9, "Autumn"));
    expect(result.problems).toEqual([
      error(
        "Targets",
        "I6",
        'T4.1 2009-10: "Autumn" is not a quarter or a month (write Q3 or December 2009) for when the milestone is due, so the 2009-10 target is not read',
      ),
    ]);
    expect(result.consortium.targets.find((t) => t.id === "T4.1")?.dueQuarters).toEqual({ "2008-09": 3 });
  });

  it("a milestone may be due in a month or a date: rated at the quarter of the year that contains it", () => {
    let grids = withCell(minimalWorkbook(), "Targets", 6, 8, "December 2008");
    grids = withCell(grids, "Targets", 6, 9, new Date(Date.UTC(2010, 1, 14)));
    grids = withCell(grids, "Targets", 6, 10, "by March 2011");
    const result = importWorkbook(grids);
    expect(result.problems).toEqual([]);
    expect(result.consortium.targets.find((t) => t.id === "T4.1")?.dueQuarters).toEqual({
      "2008-09": 3,
      "2009-10": 4,
      "2010-11": 4,
    });
  });

  it("a plain year is read as its end (December) with a warning; a month in another year is an error", () => {
    let grids = withCell(minimalWorkbook(), "Targets", 6, 8, "2008");
    grids = withCell(grids, "Targets", 6, 9, "June 2011");
    const result = importWorkbook(grids);
    expect(result.problems).toEqual([
      warning(
        "Targets",
        "H6",
        'T4.1 2008-09: "2008" is read as the end of that year, due in Q3: write the quarter or month if it is due sooner',
      ),
      error(
        "Targets",
        "I6",
        'T4.1 2009-10: "June 2011" falls in 2011-12, not 2009-10, so the 2009-10 target is not read',
      ),
    ]);
    expect(result.consortium.targets.find((t) => t.id === "T4.1")?.dueQuarters).toEqual({ "2008-09": 3 });
  });

  it("text in a year cell is an error on that cell; the target keeps its other years", () => {
    const result = importWorkbook(withCell(minimalWorkbook(), "Targets", 2, 9, "TBC"));
    expect(result.problems).toEqual([
      error("Targets", "I2", 'T1.1 2009-10: "TBC" is text in a number cell, so the 2009-10 target is not read'),
    ]);
    expect(result.consortium.targets[0].values).toEqual({ "2008-09": 200, "2010-11": 300 });
    // Papers list its 2009-10 target as not read, with the cell, rather than drop it.
    expect(result.unreadTargets).toEqual([
      { id: "T1.1", projectId: "P1", description: expect.any(String), fy: "2009-10", problem: result.problems[0] },
    ]);
  });

  it("an unknown Measure, Direction or Basis is an error and the target is left out", () => {
    const result = importWorkbook(withCell(minimalWorkbook(), "Targets", 3, 6, "Running total"));
    expect(result.problems[0]).toEqual(
      error(
        "Targets",
        "F3",
        'T3.1: Basis: "Running total" is not one of Annual, Cumulative or Level, so the row is not read',
      ),
    );
    expect(result.consortium.targets.map((t) => t.id)).not.toContain("T3.1");
    expect(result.unreadTargets).toHaveLength(1);
    expect(result.unreadTargets[0]).toMatchObject({ id: "T3.1", fy: null, problem: result.problems[0] });
  });

  it("a target with no value in any year is a warning", () => {
    const result = importWorkbook(
      adding("Targets", { targetId: "T1.2", projectId: "P1", target: "Volunteer-involving groups supported" }),
    );
    expect(result.problems).toEqual([warning("Targets", "A7", "T1.2 has no target in any year of the plan")]);
  });

  it("a blank Target ID is an error", () => {
    const result = importWorkbook(adding("Targets", { projectId: "P1", target: "Unnamed" }));
    expect(result.problems).toEqual([error("Targets", "A7", "Target ID is blank, so the row is not read")]);
    // Still listed (by its description), so a paper does not lose it.
    expect(result.unreadTargets).toEqual([
      { id: "", projectId: "P1", description: "Unnamed", fy: null, problem: result.problems[0] },
    ]);
  });

  it("no year columns: an error, and the plan spans the years the other sheets name, so spend is still read", () => {
    const targets = templateSheet("Targets", [["T1.1", "P1", "Volunteers placed"]]);
    const result = importWorkbook(withSheet(minimalWorkbook(), targets));
    expect(result.problems[0]).toEqual(
      error("Targets", "A1", "Targets has no financial-year columns (headed e.g. 2009-10)"),
    );
    expect(result.consortium.planYears).toEqual(["2008-09", "2009-10"]);
    expect(result.consortium.spend).toHaveLength(4);
  });

  it("no year anywhere and no plan start: an error, and the plan has no years", () => {
    let grids = withSheet(minimalWorkbook(), templateSheet("Targets", [["T1.1", "P1", "Volunteers placed"]]));
    for (const name of ["Profiles", "Actuals", "Budget", "Spend"])
      grids = withSheet(grids, templateSheet(name as "Actuals", []));
    const result = importWorkbook(grids);
    expect(result.problems).toEqual([
      error(
        "Targets",
        "A1",
        'Targets has no financial-year columns (headed e.g. 2009-10) and Settings has no "Plan start", so the plan has no years',
      ),
      warning("Targets", "A2", "T1.1 has no target in any year of the plan"),
    ]);
    expect(result.consortium.planYears).toEqual([]);
    expect(result.consortium.settings.planStart).toBe("");
  });

  it("a missing Targets sheet: the plan still spans the years the other sheets name", () => {
    const result = importWorkbook(withoutSheet(minimalWorkbook(), "Targets"));
    expect(result.consortium.planYears).toEqual(["2008-09", "2009-10"]);
  });
});

describe("Profiles", () => {
  it("amounts that do not sum to the year's target are an error, and the default profile applies", () => {
    const result = importWorkbook(withCell(minimalWorkbook(), "Profiles", 2, 6, 60));
    expect(result.problems).toEqual([
      error(
        "Profiles",
        "C2",
        "T1.1 2009-10: the quarters add up to 260 but the 2009-10 target is 250 (write four amounts adding up to the target, or four percentages adding up to 100%), so the row is not read",
      ),
    ]);
    expect(result.consortium.profiles.map((p) => p.targetId)).toEqual(["T3.1"]);
  });

  it("percentages that do not sum to 100% are an error", () => {
    const result = importWorkbook(withCell(minimalWorkbook(), "Profiles", 3, 6, "30%"));
    expect(result.problems).toEqual([
      error("Profiles", "C3", "T3.1 2009-10: the quarters add up to 90%, not 100%, so the row is not read"),
    ]);
  });

  it("plain percentages summing to 100 are read as shares; fractions summing to 1 too", () => {
    const result = importWorkbook(
      adding(
        "Profiles",
        { targetId: "T1.1", fy: "2010-11", q1: 10, q2: 20, q3: 30, q4: 40 },
        { targetId: "T3.2", fy: "2009-10", q1: 0.25, q2: 0.25, q3: 0.25, q4: 0.25 },
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.consortium.profiles.slice(2).map((p) => p.quarterShares)).toEqual([
      [0.1, 0.2, 0.3, 0.4],
      [0.25, 0.25, 0.25, 0.25],
    ]);
  });

  it("a Cumulative target's amounts may spread the year's increase (10 - 5 = 5)", () => {
    const result = importWorkbook(adding("Profiles", { targetId: "T3.1", fy: "2010-11", q1: 1, q2: 1, q3: 1, q4: 2 }));
    expect(result.problems).toEqual([]);
    expect(result.consortium.profiles.at(-1)?.quarterShares).toEqual([0.2, 0.2, 0.2, 0.4]);
  });

  it("a Percentage target's amounts follow the percent rule: 20 a quarter is 80% in all", () => {
    const result = importWorkbook(
      adding("Profiles", { targetId: "T3.3", fy: "2008-09", q1: 20, q2: 20, q3: 20, q4: 20 }),
    );
    expect(result.problems).toEqual([]);
    expect(result.consortium.profiles.at(-1)?.quarterShares).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("a profile for a year in which the target has no value is a warning", () => {
    const grids = withCell(minimalWorkbook(), "Targets", 4, 10, null);
    const result = importWorkbook(
      withRows(
        grids,
        "Profiles",
        row("Profiles", { targetId: "T3.2", fy: "2010-11", q1: "25%", q2: "25%", q3: "25%", q4: "25%" }),
      ),
    );
    expect(result.problems).toEqual([
      warning("Profiles", "B4", "T3.2 has no target for 2010-11, yet it has a profile"),
    ]);
    expect(result.consortium.profiles).toHaveLength(3);
  });

  it("text in a quarter and a repeated profile are errors", () => {
    const text = importWorkbook(withCell(minimalWorkbook(), "Profiles", 2, 4, "n/a"));
    expect(text.problems).toEqual([
      error("Profiles", "D2", 'T1.1 2009-10 Q2: "n/a" is text in a number cell, so the row is not read'),
    ]);
    const repeated = importWorkbook(
      adding("Profiles", { targetId: "T1.1", fy: "2009-10", q1: "25%", q2: "25%", q3: "25%", q4: "25%" }),
    );
    expect(repeated.problems.map((p) => [p.cell, p.severity])).toEqual([
      ["A2", "error"],
      ["A4", "error"],
    ]);
    expect(repeated.consortium.profiles.map((p) => p.targetId)).toEqual(["T3.1"]);
  });
});

describe("Budget and Spend", () => {
  it("spend on a line with no Budget row that year is a warning, and is kept", () => {
    const result = importWorkbook(
      adding("Spend", { projectId: "P3", budgetLine: "Training", fy: "2009-10", quarter: "Q1", amount: "£300" }),
    );
    expect(result.problems).toEqual([
      warning("Spend", "B6", "P3 Training 2009-10: there is no Budget row for this line and year"),
    ]);
    expect(result.consortium.spend.at(-1)).toMatchObject({ line: "Training", pence: 30000 });
  });

  it("a budget line spelt differently on Spend takes the Budget's spelling", () => {
    const result = importWorkbook(
      adding("Spend", { projectId: "p1", budgetLine: "running-costs", fy: "2009-10", quarter: "Q2", amount: 1000 }),
    );
    expect(result.problems).toEqual([]);
    expect(result.consortium.spend.at(-1)).toMatchObject({ projectId: "P1", line: "Running costs" });
  });

  it("text in money cells is an error; a blank Amount is no spend yet", () => {
    const result = importWorkbook(
      adding(
        "Spend",
        { projectId: "P1", budgetLine: "Salaries", fy: "2009-10", quarter: "Q3", amount: "five hundred" },
        { projectId: "P1", budgetLine: "Salaries", fy: "2009-10", quarter: "Q4" },
      ),
    );
    expect(result.problems).toEqual([
      error("Spend", "E6", 'P1 Salaries 2009-10 Q3: "five hundred" is text in a number cell, so the row is not read'),
    ]);
    expect(result.consortium.spend).toHaveLength(4);
    const budget = importWorkbook(withCell(minimalWorkbook(), "Budget", 3, 5, "tbc"));
    expect(budget.problems).toEqual([
      error("Budget", "E3", 'P1 Running costs 2009-10 Q2: "tbc" is text in a number cell, so the row is not read'),
    ]);
  });

  it("two Budget rows for one line and year are errors, and neither is counted", () => {
    const result = importWorkbook(adding("Budget", { projectId: "P1", budgetLine: "salaries", fy: "2009-10", q1: 1 }));
    expect(result.problems.map((p) => [p.sheet, p.cell])).toEqual([
      ["Budget", "B2"],
      ["Budget", "B5"],
    ]);
    expect(result.consortium.budgets.map((b) => b.line)).toEqual(["Running costs", "Salaries"]);
  });
});

describe("Settings problems", () => {
  const settingsWith = (...rows: CellValue[][]) =>
    withSheet(
      minimalWorkbook(),
      grid("Settings", [
        headers("Settings"),
        setting("consortium", "Oxfordshire VCS Partnership"),
        setting("accountableBody", "OCVA"),
        ...rows,
      ]),
    );

  it("Consortium and Accountable body are required", () => {
    const missing = importWorkbook(
      withSheet(minimalWorkbook(), grid("Settings", [headers("Settings"), setting("accountableBody", " ")])),
    );
    expect(missing.problems).toEqual([
      error("Settings", "A1", 'Settings has no "Consortium" row: it is required'),
      error("Settings", "B2", "Accountable body is blank: it is required"),
    ]);
  });

  it("an unreadable setting is an error and its default is used", () => {
    const result = importWorkbook(settingsWith(setting("greenThreshold", "high"), setting("projectRollup", "Median")));
    expect(result.problems).toEqual([
      error("Settings", "B4", 'Green threshold: "high" is text in a number cell; the default 95% is used'),
      error("Settings", "B5", 'Project rollup: "Median" is not one of Average or Worst; the default Average is used'),
    ]);
    expect(result.consortium.settings).toMatchObject({ greenThreshold: 0.95, projectRollup: "Average" });
  });

  it("unknown keys, repeated keys and thresholds the wrong way round are warnings", () => {
    const result = importWorkbook(
      settingsWith(["Colour", "Blue"], setting("amberThreshold", "96%"), setting("amberThreshold", "50%")),
    );
    expect(result.problems).toEqual([
      warning("Settings", "A4", '"Colour" is not a setting, so it is ignored'),
      warning("Settings", "B5", "Amber threshold 96% is above the Green threshold 95%, so no target can be Amber"),
      warning("Settings", "A6", '"Amber threshold" is set twice: the value in row 5 is used'),
    ]);
  });

  it("a grant rate above 100% is an error", () => {
    const result = importWorkbook(settingsWith(setting("grantRate", "120%")));
    expect(result.problems).toEqual([
      error("Settings", "B4", 'Grant rate: "120%" is not a percentage from 0% to 100%; the default 100% is used'),
    ]);
  });

  it("Total award is read in pounds and held in whole pence; a negative award is an error at its cell", () => {
    const read = importWorkbook(settingsWith(setting("totalAward", "£50,000.50")));
    expect(read.problems).toEqual([]);
    expect(read.consortium.settings.totalAward).toBe(5_000_050);
    const negative = importWorkbook(settingsWith(setting("totalAward", -10)));
    expect(negative.problems).toEqual([
      error("Settings", "B4", "Total award: -10 is negative: an award is £0 or more"),
    ]);
    expect(negative.consortium.settings.totalAward).toBeNull();
  });
});

describe("Risks problems", () => {
  it("a rating with no rating in it is a warning; the risk is kept without a score", () => {
    const result = importWorkbook(
      adding("Risks", { riskId: "R4", risk: "Venue lost", impact: "Serious", probability: "Low" }),
    );
    expect(result.problems).toEqual([
      warning(
        "Risks",
        "D5",
        'R4: Impact "Serious" has no rating in it (1-5, or very low, low, medium, high, very high), so the risk has no score',
      ),
    ]);
    expect(result.consortium.risks.at(-1)?.impact).toEqual({
      value: null,
      needsReview: true,
      text: "Serious",
      reviewReason: "holds no rating (1-5, or very low to very high)",
    });
  });

  it("an unreadable review date is a warning and is left blank", () => {
    const result = importWorkbook(adding("Risks", { riskId: "R4", risk: "Venue lost", reviewDate: "next spring" }));
    expect(result.problems).toEqual([
      warning("Risks", "I5", 'R4: Review date "next spring" is not a date written dd/mm/yyyy, so it is left blank'),
    ]);
  });
});

describe("problem order", () => {
  it("sorted by sheet (template order), then row, then column", () => {
    let grids = withCell(minimalWorkbook(), "Spend", 2, 5, "x");
    grids = withCell(grids, "Actuals", 5, 4, "y");
    grids = withCell(grids, "Actuals", 3, 4, "z");
    grids = withCell(grids, "Targets", 2, 10, "w");
    grids = withCell(grids, "Targets", 2, 8, "v");
    expect(importWorkbook(grids).problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual([
      "Targets!H2",
      "Targets!J2",
      "Actuals!D3",
      "Actuals!D5",
      "Spend!E2",
    ]);
  });
});
