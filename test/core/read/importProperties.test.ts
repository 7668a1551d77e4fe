// Property tests: importWorkbook never throws on any grid, is deterministic, and what it returns is well formed
// (problems at real cells of the sheet, in order; the model's references all resolve).
import fc from "fast-check";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import type { CellValue, SheetGrid, WorkbookGrids } from "../../../src/core/grid";
import { normaliseName, parseCellAddress } from "../../../src/core/grid";
import type { ImportResult } from "../../../src/core/model";
import { DONE_WORDS, MEASURES, RATING_OPTIONS, TEMPLATES, TEMPLATE_SHEET_NAMES } from "../../../src/core/templates";
import { minimalWorkbook } from "./fixtures";

const words = [
  ...TEMPLATES.flatMap((t) => t.columns.map((c) => c.header)),
  ...MEASURES,
  ...RATING_OPTIONS,
  ...DONE_WORDS,
  "2009-10",
  "FY2009/10",
  "09/10",
  "2009-2010",
  "2009-12",
  "Q2",
  "Jul-Sep",
  "Qtr 5",
  "£1,250.00",
  "85%",
  "(1,250)",
  "31/02/2009",
  "01/07/2009",
  "medium to high",
  "T1.1",
  "P1",
  "OCVA",
  "Consortium",
  "Accountable body",
  "Plan start",
  "Year start month",
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...words),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 10 }),
  fc.string({ minLength: 2000, maxLength: 5000 }).map((s) => `${s}High`),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, 40087, 3, 0),
  fc.integer({ min: -5, max: 100000 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
);

const sheetName = fc.oneof(
  fc.constantFrom(...TEMPLATE_SHEET_NAMES),
  fc.constantFrom(...TEMPLATE_SHEET_NAMES).map((n) => ` ${n.toUpperCase()} `),
  fc.string({ maxLength: 12 }),
);

const grid: fc.Arbitrary<SheetGrid> = fc.record({
  sheet: sheetName,
  rows: fc.array(fc.array(cellValue, { maxLength: 12 }), { maxLength: 25 }),
  firstRow: fc.integer({ min: 1, max: 1_048_576 }),
  firstColumn: fc.integer({ min: 1, max: 16_384 }),
});

/** Excel sheet names are unique, ignoring case. */
const workbook = fc.uniqueArray(grid, { selector: (g) => g.sheet.toLowerCase(), maxLength: 10 });

/** The minimal consortium with some of its cells replaced by arbitrary values, rows dropped or cut short. */
const mangledMinimal: fc.Arbitrary<WorkbookGrids> = fc
  .array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), cellValue, fc.constantFrom("set", "cut", "drop")), { maxLength: 30 })
  .map((edits) => {
    const grids = minimalWorkbook().map((g) => ({ ...g, rows: g.rows.map((r) => [...r]) }));
    for (const [s, r, c, value, kind] of edits) {
      const sheet = grids[s % grids.length];
      if (sheet.rows.length === 0) continue;
      const rowIndex = r % sheet.rows.length;
      if (kind === "drop") sheet.rows.splice(rowIndex, 1);
      else if (kind === "cut") sheet.rows[rowIndex] = sheet.rows[rowIndex].slice(0, c % 12);
      else sheet.rows[rowIndex][c % 12] = value;
    }
    return grids;
  });

function checkWellFormed(grids: WorkbookGrids, result: ImportResult): void {
  const { consortium, problems } = result;
  // Every target left out is listed for the papers with one of the problems found, as an error.
  for (const unread of result.unreadTargets) {
    expect(problems).toContain(unread.problem);
    expect(unread.problem.severity).toBe("error");
  }
  for (const problem of problems) {
    expect(["error", "warning"]).toContain(problem.severity);
    expect(problem.message).not.toMatch(/could not be read \(/); // the safety net never fires
    const cell = parseCellAddress(problem.cell);
    expect(cell).not.toBeNull();
    const sheet = grids.find((g) => g.sheet === problem.sheet);
    if (sheet && cell) {
      // A real cell of the sheet's used range (or its first cell, when the range is empty).
      const width = Math.max(1, ...sheet.rows.map((r) => r.length));
      expect(cell.row).toBeGreaterThanOrEqual(sheet.firstRow);
      expect(cell.row).toBeLessThanOrEqual(sheet.firstRow + Math.max(0, sheet.rows.length - 1));
      expect(cell.column).toBeGreaterThanOrEqual(sheet.firstColumn);
      expect(cell.column).toBeLessThanOrEqual(sheet.firstColumn + width - 1);
    } else {
      expect(TEMPLATE_SHEET_NAMES).toContain(problem.sheet);
    }
  }
  const order = (sheet: string) => TEMPLATE_SHEET_NAMES.findIndex((n) => normaliseName(n) === normaliseName(sheet));
  const keys = problems.map((p) => {
    const cell = parseCellAddress(p.cell) ?? { row: 0, column: 0 };
    return [order(p.sheet), cell.row, cell.column];
  });
  const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  expect(keys).toEqual(sorted);

  const projects = new Set(consortium.projects.map((p) => p.id));
  const targets = new Map(consortium.targets.map((t) => [t.id, t]));
  expect(consortium.targets.every((t) => projects.has(t.projectId))).toBe(true);
  for (const fy of [...consortium.actuals, ...consortium.profiles, ...consortium.budgets, ...consortium.spend].map(
    (x) => x.fy,
  )) {
    expect(consortium.planYears).toContain(fy);
  }
  for (const actual of consortium.actuals) {
    const target = targets.get(actual.targetId);
    expect(target).toBeDefined();
    expect(actual.amount === null).toBe(target?.measure === "Milestone");
    expect(actual.amount === null || (Number.isFinite(actual.amount) && actual.amount >= 0)).toBe(true);
  }
  for (const profile of consortium.profiles) {
    expect(targets.has(profile.targetId)).toBe(true);
    expect(Math.abs(profile.quarterShares.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-6);
  }
  for (const target of consortium.targets) {
    expect(Object.values(target.values).every((v) => Number.isFinite(v))).toBe(true);
  }
  const actualKeys = consortium.actuals.map((a) => `${a.targetId} ${a.fy} ${a.quarter}`);
  expect(new Set(actualKeys).size).toBe(actualKeys.length);
}

describe("importWorkbook on any grid", () => {
  it("never throws, and returns well-formed problems and a consistent model", () => {
    fc.assert(
      fc.property(workbook, (grids) => {
        checkWellFormed(grids, importWorkbook(grids));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on the minimal consortium with cells mangled, rows dropped or cut short", () => {
    fc.assert(
      fc.property(mangledMinimal, (grids) => {
        checkWellFormed(grids, importWorkbook(grids));
      }),
      { numRuns: 400 },
    );
  });

  it("is deterministic: the same grids give a deep-equal result", () => {
    fc.assert(
      fc.property(fc.oneof(workbook, mangledMinimal), (grids) => {
        const copy = grids.map((g) => ({
          ...g,
          rows: g.rows.map((r) => r.map((v) => (v instanceof Date ? new Date(v.getTime()) : v))),
        }));
        expect(importWorkbook(copy)).toEqual(importWorkbook(grids));
      }),
      { numRuns: 200 },
    );
  });

  it("survives grids a shell should never send: holes, non-array rows, odd origins, no name", () => {
    const holed: unknown[] = [];
    holed[2] = "Target ID";
    const weird = [
      {
        sheet: "Targets",
        rows: [holed, undefined, "text", [new Date(Number.NaN), Symbol("x"), {}]],
        firstRow: 0,
        firstColumn: Number.NaN,
      },
      { sheet: undefined, rows: [] },
      null,
      { sheet: "Actuals", rows: null, firstRow: -3, firstColumn: 2.5 },
      { sheet: "Settings", rows: Array.from({ length: 3000 }, (_, i) => [`Key ${i}`, i]), firstRow: 1, firstColumn: 1 },
    ] as unknown as WorkbookGrids;
    expect(() => importWorkbook(weird)).not.toThrow();
    expect(() => importWorkbook(undefined as unknown as WorkbookGrids)).not.toThrow();
    expect(importWorkbook([]).problems.map((p) => p.sheet)).toEqual([
      "Settings",
      "Partners",
      "Projects",
      "Targets",
      "Actuals",
    ]);
  });
});
