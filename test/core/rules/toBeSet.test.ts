// Targets set on a baseline ("baseline + 50%", "10% a year"): the years marked To be set take their figures from
// Baseline and Aim once both are entered; until then the target shows "Target to be set", is never Red and its
// project does not count it. Every figure below is worked by hand.
import type { CellValue, SheetGrid, WorkbookGrids } from "../../../src/core/grid";
import { periodView } from "../../../src/core/periodView";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { readAim } from "../../../src/core/relativeTarget";
import { buildReport } from "../../../src/core/report";
import { claimSheet } from "../../../src/core/sheets/claimSheet";
import { ragSheet } from "../../../src/core/sheets/ragSheet";
import { TO_BE_SET_LABEL } from "../../../src/core/sheets/spec";
import { SETTINGS_KEYS, TARGETS_TEMPLATE, templateFor, type TemplateSheetName } from "../../../src/core/templates";
import { cellWithText, rowWhere, valueAt } from "../sheets/sheetTestKit";

const YEARS = ["2008-09", "2009-10", "2010-11"];
const TBS = "To be set";

function sheet(name: TemplateSheetName, rows: CellValue[][], headers?: string[]): SheetGrid {
  return {
    sheet: name,
    rows: [headers ?? templateFor(name).columns.map((c) => c.header), ...rows],
    firstRow: 1,
    firstColumn: 1,
  };
}

/** Targets: A Target ID ... G Owner, H-J the three years, K Baseline, L Aim. */
const TARGET_HEADERS = [...TARGETS_TEMPLATE.columns.map((c) => c.header), ...YEARS, "Baseline", "Aim"];
const target = (
  id: string,
  project: string,
  basis: string,
  years: CellValue[],
  baseline: CellValue,
  aim: CellValue,
) => [id, project, `Target ${id}`, "Number", "Higher", basis, null, ...years, baseline, aim];

function workbook(targets: CellValue[][], targetHeaders = TARGET_HEADERS): WorkbookGrids {
  return [
    sheet("Settings", [
      [SETTINGS_KEYS.consortium.key, "Testshire"],
      [SETTINGS_KEYS.accountableBody.key, "OCVA"],
    ]),
    sheet("Partners", [["OCVA", "CVS", ""]]),
    sheet("Projects", [
      ["P1", "Compact", "", "OCVA", ""],
      ["P2", "Forums", "", "OCVA", ""],
      ["P3", "Reach", "", "OCVA", ""],
    ]),
    sheet("Targets", targets, targetHeaders),
    sheet("Actuals", [
      ["T1.1", "2009-10", "Q1", 3, null, null, null],
      ["T1.1", "2009-10", "Q2", 4, null, null, null],
      ["T1.2", "2009-10", "Q1", 10, null, null, null],
      ["T1.2", "2009-10", "Q2", 8, null, null, null],
      ["T2.1", "2009-10", "Q2", 24, null, null, null],
      ["T2.2", "2009-10", "Q1", 30, null, null, null],
      ["T2.2", "2009-10", "Q2", 45, null, null, null],
      ["T3.1", "2009-10", "Q2", 13, null, null, null],
    ]),
  ];
}

const TARGETS: CellValue[][] = [
  // Row 2: +50% on a baseline not yet measured.
  target("T1.1", "P1", "Annual", [TBS, TBS, null], null, "+50%"),
  // Row 3: an ordinary target beside it.
  target("T1.2", "P1", "Annual", [40, 40, 40], null, null),
  // Row 4: baseline 20, +10% a year compounded: 22, 24.2, 26.62.
  target("T2.1", "P2", "Level", [TBS, TBS, TBS], 20, "+10% a year"),
  // Row 5: baseline 100, "50% more" in 2009-10 only: 150.
  target("T2.2", "P2", "Annual", [null, TBS, null], 100, "50% more"),
  // Row 6: a baseline, but an aim with no figure.
  target("T3.1", "P3", "Level", [null, TBS, TBS], 12, "year on year increase"),
];

const AT = { fy: "2009-10", quarter: 2 as const };
const imported = importWorkbook(workbook(TARGETS));
const report = buildReport(imported.consortium, imported.problems, AT);
const row = (id: string) => report.targets.find((t) => t.targetId === id);

describe("reading Baseline and Aim (templates version 2, optional columns after the years)", () => {
  it("reads the aims people write: +50%, 50% more, 10% fewer, +10% a year, 5% year on year, a rise with no figure", () => {
    expect(readAim("+50%")).toEqual({ change: 0.5, yearOnYear: false });
    expect(readAim("baseline + 50%")).toEqual({ change: 0.5, yearOnYear: false });
    expect(readAim("50% more")).toEqual({ change: 0.5, yearOnYear: false });
    expect(readAim("10% fewer")).toEqual({ change: -0.1, yearOnYear: false });
    expect(readAim("-10%")).toEqual({ change: -0.1, yearOnYear: false });
    expect(readAim("+10% a year")).toEqual({ change: 0.1, yearOnYear: true });
    expect(readAim("5% year on year")).toEqual({ change: 0.05, yearOnYear: true });
    expect(readAim("year on year increase")).toEqual({ change: null, yearOnYear: true });
    expect(readAim("lots")).toBeNull();
    expect(readAim("")).toBeNull();
  });

  it("works out the marked years once the baseline is entered, and leaves them out until then", () => {
    expect(imported.problems).toEqual([]);
    const targets = new Map(imported.consortium.targets.map((t) => [t.id, t]));
    expect(targets.get("T1.1")?.values).toEqual({});
    expect(targets.get("T1.1")?.relative).toMatchObject({ baseline: null, change: 0.5, years: ["2008-09", "2009-10"] });
    expect(targets.get("T1.1")?.relative?.baselineSource).toEqual({ sheet: "Targets", cell: "K2" });
    // 20 x 1.1 = 22; x 1.1 = 24.2; x 1.1 = 26.62.
    const forum = targets.get("T2.1")?.values ?? {};
    expect(Object.keys(forum)).toEqual(YEARS);
    expect(forum["2008-09"]).toBeCloseTo(22, 12);
    expect(forum["2009-10"]).toBeCloseTo(24.2, 12);
    expect(forum["2010-11"]).toBeCloseTo(26.62, 12);
    expect(targets.get("T2.2")?.values).toEqual({ "2009-10": 150 });
    expect(targets.get("T3.1")?.values).toEqual({});
  });

  it("says which cell is wrong: a baseline that is not a number, an aim it cannot read, an aim with no year to set", () => {
    const bad = importWorkbook(
      workbook([
        target("T1.1", "P1", "Annual", [TBS, TBS, null], "about 20", "+50%"),
        target("T1.2", "P1", "Annual", [40, 40, 40], null, "+10%"),
        target("T2.1", "P2", "Annual", [TBS, null, null], 5, "lots"),
      ]),
    );
    const onTargets = bad.problems.filter((p) => p.sheet === "Targets");
    expect(onTargets.map((p) => [p.cell, p.severity])).toEqual([
      ["K2", "error"],
      ["L3", "warning"],
      ["L4", "warning"],
    ]);
    expect(bad.problems[0].message).toContain("T1.1 Baseline:");
    expect(bad.problems[0].message).toContain("so its target stays to be set");
    expect(bad.problems[1].message).toBe(
      "T1.2 has a Baseline or Aim but no year marked To be set, so they are not used",
    );
    expect(bad.problems[2].message).toContain('T2.1 Aim: "lots" is not read as a change on the baseline');
    expect(bad.consortium.targets.find((t) => t.id === "T1.2")?.values).toEqual({
      "2008-09": 40,
      "2009-10": 40,
      "2010-11": 40,
    });
  });

  it("a workbook without the Baseline and Aim columns that marks a year To be set is told to add them", () => {
    const headers = [...TARGETS_TEMPLATE.columns.map((c) => c.header), ...YEARS];
    const old = importWorkbook(
      workbook([target("T1.1", "P1", "Annual", [TBS, TBS, null], null, null).slice(0, 10)], headers),
    );
    const onTargets = old.problems.filter((p) => p.sheet === "Targets");
    expect(onTargets.map((p) => `${p.cell} ${p.severity} ${p.message}`)).toEqual([
      "A2 warning T1.1 has years To be set but Targets has no Baseline column: add it after the year columns",
    ]);
    const t11 = buildReport(old.consortium, old.problems, AT).targets[0];
    expect(t11).toMatchObject({ targetId: "T1.1", toBeSet: true, rag: "NotDue" });
  });
});

describe("the report: Target to be set is not rated, never Red, and not counted in its project", () => {
  it("T1.1 (+50% on no baseline): no target, E or ratio; A is still the 3 + 4 reported; NotDue, not awaiting", () => {
    expect(row("T1.1")).toMatchObject({
      target: null,
      expectedToDate: null,
      actualToDate: 7,
      ratio: null,
      rag: "NotDue",
      trend: null,
      awaiting: false,
      toBeSet: true,
    });
  });

  it("T2.1 (baseline 20, +10% a year) is rated on 24.2 at Level: 24 / 24.2 = 0.992, Green", () => {
    expect(row("T2.1")?.target).toBeCloseTo(24.2, 12);
    expect(row("T2.1")?.ratio).toBeCloseTo(24 / 24.2, 12);
    expect(row("T2.1")).toMatchObject({ rag: "Green", toBeSet: false });
  });

  it("T2.2 (baseline 100, 50% more) is rated on 150: E = 150 x 2/4 = 75, A = 30 + 45 = 75, ratio 1", () => {
    expect(row("T2.2")).toMatchObject({ target: 150, expectedToDate: 75, actualToDate: 75, ratio: 1, rag: "Green" });
  });

  it("T3.1 (a baseline, but no change stated) stays to be set; its Level figure is the latest, 13", () => {
    expect(row("T3.1")).toMatchObject({ target: null, actualToDate: 13, rag: "NotDue", toBeSet: true });
  });

  it("projects: P1 rolls up T1.2 alone (18 / 20 = 0.9, Amber) and counts T1.1; P3 has only one to set: NotDue", () => {
    const [p1, p2, p3] = report.projects;
    expect(p1).toEqual({ projectId: "P1", ratio: 0.9, rag: "Amber", awaitingTargets: 0, toBeSetTargets: 1 });
    // P2: (24 / 24.2 + 1) / 2, both rated.
    expect(p2).toMatchObject({ projectId: "P2", rag: "Green", awaitingTargets: 0, toBeSetTargets: 0 });
    expect(p2.ratio).toBeCloseTo((24 / 24.2 + 1) / 2, 12);
    expect(p3).toEqual({ projectId: "P3", ratio: null, rag: "NotDue", awaitingTargets: 0, toBeSetTargets: 1 });
  });

  it("a year with no mark and no figure still has no row (T2.2 in 2010-11)", () => {
    const later = buildReport(imported.consortium, [], { fy: "2010-11", quarter: 1 });
    expect(later.targets.map((t) => t.targetId)).toEqual(["T1.2", "T2.1", "T3.1"]);
  });
});

describe("papers: the word Target to be set and why, naming the cell to fill in", () => {
  const view = periodView(imported.consortium, report);

  it("gives the reason with the Baseline cell, or the Aim cell when the aim states no change", () => {
    const reason = (id: string) => view.projects.flatMap((p) => p.targets).find((t) => t.id === id)?.reasonText;
    expect(reason("T1.1")).toBe("Target to be set: baseline not entered (Targets!K2)");
    expect(reason("T3.1")).toBe(
      'Target to be set: the Aim "year on year increase" states no change on the baseline (Targets!L6)',
    );
    expect(view.toBeSet.map((t) => t.id)).toEqual(["T1.1", "T3.1"]);
    // Only T1.2's Amber needs attention: a target to be set is never Red.
    expect(view.attention.map((t) => t.id)).toEqual(["T1.2"]);
  });

  it("the RAG sheet writes ○ Target to be set on Not due's fill, lists them, and explains it in the legend", () => {
    const sheet = ragSheet(imported.consortium, report, { preparedOn: { year: 2009, month: 10, day: 16 } });
    const fullTable = sheet.print.pageBreaksBefore?.[0] ?? Number.NaN;
    const t11 = rowWhere(sheet, 1, "T1.1", fullTable);
    expect(valueAt(sheet, t11, 3)).toBe(`○ ${TO_BE_SET_LABEL}`);
    expect(valueAt(sheet, t11, 8)).toBe("Target to be set: baseline not entered (Targets!K2)");
    expect(
      cellWithText(
        sheet,
        "Target to be set (baseline not entered: not rated, not counted in its project): T1.1, T3.1.",
      ),
    ).toBeDefined();
    expect(
      cellWithText(
        sheet,
        "Set on a baseline that is not entered yet: no target for the year, so not rated (never Red) and not counted.",
      ),
    ).toBeDefined();
  });

  it("the claim's outputs table shows T1.1 as Target to be set, with no annual target, and its 7 to date", () => {
    const sheet = claimSheet(imported.consortium, report, { preparedOn: { year: 2009, month: 10, day: 16 } });
    const t11 = rowWhere(sheet, 1, "T1.1");
    expect(valueAt(sheet, t11, 3) ?? null).toBeNull();
    expect(valueAt(sheet, t11, 6)).toBe(7);
    expect(valueAt(sheet, t11, 8)).toBe(`○ ${TO_BE_SET_LABEL}`);
  });
});
