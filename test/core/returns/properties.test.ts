// Whatever a partner does to a return, the import never crashes, a return with an error never gives edits, and a
// return it accepts never leaves the master with an error the importer reports.
import fc from "fast-check";
import type { CellValue, WorkbookGrids } from "../../../src/core/grid";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { importEdits, isEmptyEdits } from "../../../src/core/returns/edits";
import { readImportLog } from "../../../src/core/returns/importLog";
import { previewImport } from "../../../src/core/returns/preview";
import { readPartnerReturn } from "../../../src/core/returns/readReturn";
import { partnerReturnSheets } from "../../../src/core/returns/returnSheets";
import { OVC, Q3, applyEdits, cloneGrids, deleteRow, insertRow, masterGrids, setCell, specToGrid } from "./kit";
import { cellAddress } from "../../../src/core/grid";

const master = masterGrids();
const { consortium } = importWorkbook(master);
const issued = partnerReturnSheets(consortium, OVC, Q3, {
  masterName: "master.xlsx",
  preparedOn: { year: 2009, month: 12, day: 20 },
}).map(specToGrid);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.constantFrom(
    "Done",
    "Not done",
    "15/11/2009",
    "85%",
    "£1,250.00",
    "thirty",
    "=SUM(A1)",
    "T1.4",
    "2009-10 Q2",
    "",
    " ",
  ),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.date({ min: new Date("2000-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }),
);

type Change =
  | { kind: "set"; sheet: 0 | 1; row: number; column: number; value: CellValue }
  | { kind: "delete"; sheet: 0 | 1; row: number }
  | { kind: "insert"; sheet: 0 | 1; row: number; values: CellValue[] }
  | { kind: "formula"; row: number; column: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      sheet: fc.constantFrom(0 as const, 0 as const, 1 as const),
      row: fc.integer({ min: 1, max: 32 }),
      column: fc.integer({ min: 1, max: 13 }),
      value: cellValue,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("delete" as const),
      sheet: fc.constantFrom(0 as const, 1 as const),
      row: fc.integer({ min: 1, max: 32 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      sheet: fc.constantFrom(0 as const, 1 as const),
      row: fc.integer({ min: 1, max: 32 }),
      values: fc.array(cellValue, { maxLength: 12 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("formula" as const),
      row: fc.integer({ min: 1, max: 32 }),
      column: fc.integer({ min: 1, max: 13 }),
    }),
  },
);

/** What a partner who follows the instructions types: figures, Done / Not done / a date, spend and a reason. */
const plausible = fc.record({
  t11: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 200 }), fc.constantFrom("35", " 40 ", "1,250")),
  t12: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom("85%", "85", 79)),
  t13: fc.constantFrom(null, "Done", "Not done", "15/11/2009", "Yes", "Complete"),
  evidence: fc.oneof(fc.constant(null), fc.string({ maxLength: 20 }), fc.constant('=HYPERLINK("x")')),
  salaries: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 6000 }), fc.constant("£3,100.00")),
  running: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1500 })),
  explanation: fc.constantFrom(null, "Started late", "=A1 was wrong"),
});

/** Input cells a partner is meant to fill: Actual, Evidence, Comment for rows 23-25, Spend and explanation 29-30. */
const fillIn = fc.record({
  t11: cellValue,
  t12: cellValue,
  t13: cellValue,
  evidence: cellValue,
  salaries: cellValue,
  running: cellValue,
  explanation: cellValue,
});

function apply(grids: WorkbookGrids, changes: Change[]): WorkbookGrids {
  const result = cloneGrids(grids);
  const names = ["Return", "Return info"];
  for (const c of changes) {
    if (c.kind === "set") setCell(result, names[c.sheet], cellAddress(c.row, c.column), c.value);
    else if (c.kind === "delete") deleteRow(result, names[c.sheet], c.row);
    else if (c.kind === "insert") insertRow(result, names[c.sheet], c.row, c.values);
    else result[0].formulaCells = [...(result[0].formulaCells ?? []), cellAddress(c.row, c.column)];
  }
  return result;
}

describe("any return", () => {
  it("is read, previewed and turned into edits without crashing; errors give no edits; accepted ones keep the master clean", () => {
    fc.assert(
      fc.property(fc.oneof(fillIn, plausible), fc.array(change, { maxLength: 4 }), (values, changes) => {
        const grids = cloneGrids(issued);
        setCell(grids, "Return", "J23", values.t11);
        setCell(grids, "Return", "J24", values.t12);
        setCell(grids, "Return", "J25", values.t13);
        setCell(grids, "Return", "K23", values.evidence);
        setCell(grids, "Return", "H29", values.salaries);
        setCell(grids, "Return", "H30", values.running);
        setCell(grids, "Return", "I30", values.explanation);
        const read = readPartnerReturn(apply(grids, changes), "any.xlsx");
        if (!read.return) {
          expect(read.problems.some((p) => p.severity === "error")).toBe(true);
          return;
        }
        const preview = previewImport(consortium, master, read.return, readImportLog(master));
        const edits = importEdits(preview, master, { importedAt: "2010-01-12 10:30" });
        if (preview.problems.some((p) => p.severity === "error")) {
          expect(isEmptyEdits(edits)).toBe(true);
          return;
        }
        const after = importWorkbook(applyEdits(master, edits));
        expect(after.problems.filter((p) => p.severity === "error")).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("a return filled in as the instructions say", () => {
  it("is accepted unless spend is beyond tolerance without an explanation, and the re-read master has the figures", () => {
    fc.assert(
      fc.property(plausible, (values) => {
        const grids = cloneGrids(issued);
        const cells: [string, CellValue][] = [
          ["J23", values.t11],
          ["J24", values.t12],
          ["J25", values.t13],
          ["K23", values.evidence],
          ["H29", values.salaries],
          ["H30", values.running],
          ["I29", values.explanation],
          ["I30", values.explanation],
        ];
        for (const [address, value] of cells) setCell(grids, "Return", address, value);
        const read = readPartnerReturn(grids, "plausible.xlsx");
        expect(read.problems).toEqual([]);
        if (!read.return) throw new Error("not read");
        const preview = previewImport(consortium, master, read.return, readImportLog(master));
        // Only the variance explanation can stop a return filled in this way.
        for (const problem of preview.problems.filter((p) => p.severity === "error")) {
          expect(problem.message).toMatch(/needs a variance explanation/);
        }
        if (!preview.canApply) return;
        const after = importWorkbook(
          applyEdits(master, importEdits(preview, master, { importedAt: "2010-01-12 10:30" })),
        );
        expect(after.problems.filter((p) => p.severity === "error")).toEqual([]);
        const t11 = after.consortium.actuals.find((a) => a.targetId === "T1.1" && a.quarter === 3);
        const typed = values.t11 === null ? 28 : Number(String(values.t11).replace(/[,\s]/g, ""));
        expect(t11?.amount).toBe(typed);
      }),
      { numRuns: 200 },
    );
  });
});
