// Summary sheets for a consortium of 3,000 targets: every target in its place, with its own figures. The figures
// are worked by hand from a pattern: any mix-up between targets, projects or periods shows as a wrong number.
import type { Actual } from "../../../src/core/model";
import type { Period } from "../../../src/core/periods";
import { buildSummarySheets } from "../../../src/core/summarySheets";
import type { SheetSpec } from "../../../src/core/sheets/spec";
import { aBudget, aConsortium, anActual, aProject, aSpend, aTarget } from "../rules/builders";
import { cellWithText, rightOf, rowWhere, valueAt } from "./sheetTestKit";

const TARGETS = 3000;
const PROJECTS = TARGETS / 10;
const Q2: Period = { fy: "2010-11", quarter: 2 };

//  Ti (project P ceil(i/10)): Annual, Higher, 100 a year in 2009-10 and 2010-11.
//   2009-10: 25 every quarter (full year 100 / 100 = 1; at Q2 50 / 50 = 1).
//   2010-11: Q1 i mod 40, Q2 30. At Q2, 50 expected; at Q1, 25 expected.
//  Each project: Salaries budget 1,000 a quarter in 2010-11; spent 900 in Q1, 1,100 in Q2.
function largeConsortium() {
  const actuals: Actual[] = [];
  const targets = Array.from({ length: TARGETS }, (_, index) => {
    const i = index + 1;
    const id = `T${i}`;
    for (const quarter of [1, 2, 3, 4] as const) actuals.push(anActual(id, "2009-10", quarter, 25));
    actuals.push(anActual(id, "2010-11", 1, i % 40), anActual(id, "2010-11", 2, 30));
    return aTarget({
      id,
      projectId: `P${Math.ceil(i / 10)}`,
      description: `Target ${i}`,
      values: { "2009-10": 100, "2010-11": 100 },
    });
  });
  const projects = Array.from({ length: PROJECTS }, (_, index) => aProject(`P${index + 1}`));
  return aConsortium({
    projects,
    targets,
    actuals,
    budgets: projects.map((p) => aBudget(p.id, "Salaries", "2010-11", [1000, 1000, 1000, 1000])),
    spend: projects.flatMap((p) => [
      aSpend(p.id, "Salaries", "2010-11", 1, 900),
      aSpend(p.id, "Salaries", "2010-11", 2, 1100),
    ]),
  });
}

describe("summary sheets for 3,000 targets", () => {
  let claim: SheetSpec;
  let rag: SheetSpec;
  let yearOnYear: SheetSpec;
  beforeAll(() => {
    [claim, rag, yearOnYear] = buildSummarySheets(largeConsortium(), [], Q2, { year: 2010, month: 10, day: 20 });
  });

  // The RAG sheet's full table starts its second printed page (the first lists only what needs attention).
  const targetIdsDown = (sheet: SheetSpec) =>
    sheet.cells
      .filter((cell) => cell.row >= (sheet.print.pageBreaksBefore?.[0] ?? 1))
      .filter((cell) => cell.column === 1 && typeof cell.value === "string" && /^T\d+$/.test(cell.value))
      .sort((a, b) => a.row - b.row)
      .map((cell) => cell.value);

  it("list every target once, in the Targets order, on the claim, RAG and year on year sheets", () => {
    const inOrder = Array.from({ length: TARGETS }, (_, i) => `T${i + 1}`);
    expect(targetIdsDown(claim)).toEqual(inOrder);
    expect(targetIdsDown(rag)).toEqual(inOrder);
    expect(targetIdsDown(yearOnYear)).toEqual(inOrder);
  });

  it("claim T1234's own figures: 50 expected, 30 this quarter, 1234 mod 40 = 34 + 30 = 64 to date, 128%", () => {
    const row = rowWhere(claim, 1, "T1234");
    // Annual target, expected, this quarter, to date, ratio, RAG
    expect([3, 4, 5, 6, 7, 8].map((column) => valueAt(claim, row, column))).toEqual([100, 50, 30, 64, 1.28, "● Green"]);
  });

  it("roll P124 up from T1231-T1240: nine ratios over 1 count as 1, T1240 has 30 / 50 = 0.6; (9 + 0.6) / 10 = 96%", () => {
    const row = rowWhere(claim, 1, "P124");
    expect(valueAt(claim, row, 7)).toBeCloseTo(0.96, 10);
    expect(valueAt(claim, row, 8)).toBe("● Green");
    const ragRow = rowWhere(rag, 1, "P124");
    expect(valueAt(rag, ragRow, 3)).toBe("● Green");
  });

  it("claim 1,100 a project this quarter (2,000 spent by Q2 less 900 by Q1): 300 x 1,100 = 330,000", () => {
    expect(rightOf(claim, "Total claim this quarter", 6)?.value).toBe(330_000);
  });

  it("compare T2000 with the quarter before and the year before: 0 of 25 Red, 60% Red now, 50 of 50 Green a year ago", () => {
    const row = rowWhere(rag, 1, "T2000");
    // This quarter, last quarter, last year, trend (60% against 100% a year ago: down)
    expect([3, 4, 5, 6].map((column) => valueAt(rag, row, column))).toEqual(["■ Red", "■ Red", "● Green", "▼ down"]);
  });

  it("give T1234 a full-year ratio of 1 for 2009-10 and 128% to Q2 of 2010-11 on the year on year sheet", () => {
    const row = rowWhere(yearOnYear, 1, "T1234");
    const under = (header: string) => valueAt(yearOnYear, row, cellWithText(yearOnYear, header).column);
    expect(under("2009-10")).toBe(1);
    expect(under("2010-11 to Q2")).toBe(1.28);
    expect(under("2009-10 at Q2")).toBe(1);
    expect(under("Change (points)")).toBe(28);
  });
});
