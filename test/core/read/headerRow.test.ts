import { findHeaderRow, readTable } from "../../../src/core/read/headerRow";
import { ProblemList } from "../../../src/core/read/problems";
import type { SheetName } from "../../../src/core/read/problems";
import type { CellValue } from "../../../src/core/grid";
import { ACTUALS_TEMPLATE, TARGETS_TEMPLATE } from "../../../src/core/templates";
import { grid, headers } from "./fixtures";

const actuals: SheetName = { template: "Actuals", name: "Actuals" };
const targets: SheetName = { template: "Targets", name: "Targets" };

function read(rows: CellValue[][], at: { row?: number; column?: number } = {}, sheet = actuals) {
  const problems = new ProblemList();
  const template = sheet.template === "Targets" ? TARGETS_TEMPLATE : ACTUALS_TEMPLATE;
  const table = readTable(grid(sheet.name, rows, at), template, sheet, problems);
  return { table, problems: problems.sorted() };
}

describe("finding the header row", () => {
  it("finds it below a title and blank rows, anywhere in the first 10 rows", () => {
    const rows: CellValue[][] = [
      ["Quarterly return: Volunteer Centre Oxford"],
      [],
      [null, null],
      headers("Actuals"),
      ["T1.1", "2009-10", "Q1", 40],
    ];
    expect(findHeaderRow(grid("Actuals", rows), ACTUALS_TEMPLATE)).toBe(3);
  });

  it("does not look past row 10", () => {
    const rows: CellValue[][] = [...Array.from({ length: 10 }, () => ["notes"]), headers("Actuals")];
    expect(findHeaderRow(grid("Actuals", rows), ACTUALS_TEMPLATE)).toBeNull();
  });

  it("matches headers case-, space- and punctuation-insensitively, in any order, ignoring extra columns", () => {
    const { table, problems } = read([
      ["Notes", "quarter", "ACTUAL", "target_id", "F.Y.", "Checked by"],
      ["x", "Q2", 70, "T1.1", "2009-10", "JS"],
    ]);
    expect(problems).toEqual([]);
    const row = table?.rows[0];
    expect([row?.value("targetId"), row?.value("fy"), row?.value("quarter"), row?.value("actual")]).toEqual([
      "T1.1",
      "2009-10",
      "Q2",
      70,
    ]);
    expect(row?.value("evidence")).toBeNull();
  });

  it("skips blank rows and ragged rows, and gives real sheet rows and columns for a table at C5", () => {
    const { table } = read(
      [headers("Actuals"), [], ["T1.1", "2009-10", "Q1", 40], [null, "  ", null], ["T1.1", "2009-10", "Q2"]],
      {
        row: 5,
        column: 3,
      },
    );
    expect(table?.headerRow).toBe(5);
    expect(table?.rows.map((r) => r.row)).toEqual([7, 9]);
    expect(table?.rows[1].column("actual")).toBe(6); // column F
    expect(table?.rows[1].value("actual")).toBeNull();
  });

  it("a row with data only in columns the template does not have is skipped", () => {
    const { table } = read([
      [...headers("Actuals"), "Total"],
      ["T1.1", "2009-10", "Q1", 40],
      [null, null, null, null, null, null, null, 40],
    ]);
    expect(table?.rows).toHaveLength(1);
  });
});

describe("header problems", () => {
  it("no header row at all: an error at the sheet's first cell naming the headers looked for", () => {
    const { table, problems } = read([["a", "b"]], { row: 3, column: 2 });
    expect(table).toBeNull();
    expect(problems).toEqual([
      {
        sheet: "Actuals",
        cell: "B3",
        severity: "error",
        message: 'Actuals has no header row: none of its first 10 rows has the headers "Target ID", "FY", "Quarter"',
      },
    ]);
  });

  it("a missing required column: an error at the header row, and the sheet is not read", () => {
    const { table, problems } = read([["Note"], ["Target ID", "FY", "Actual"], ["T1.1", "2009-10", 40]]);
    expect(table).toBeNull();
    expect(problems).toEqual([
      {
        sheet: "Actuals",
        cell: "A2",
        severity: "error",
        message: 'Actuals has no "Quarter" column in its header row (row 2), so the sheet is not read',
      },
    ]);
  });

  it("a second column with the same header: a warning, and the first is read", () => {
    const { table, problems } = read([
      ["Target ID", "FY", "Quarter", "Actual", "actual"],
      ["T1.1", "2009-10", "Q1", 40, 99],
    ]);
    expect(table?.rows[0].value("actual")).toBe(40);
    expect(problems).toEqual([
      {
        sheet: "Actuals",
        cell: "E1",
        severity: "warning",
        message: 'A second "Actual" column: only the first is read',
      },
    ]);
  });
});

describe("Targets year columns", () => {
  it("any header that reads as a financial year is a year column, whatever its spelling", () => {
    const { table, problems } = read(
      [
        [...headers("Targets"), "2008-09", "FY2009/10", "2010-2011", "Comments"],
        ["T1.1", "P1", "Volunteers placed", null, null, null, null, 200, 250, 300, "ok"],
      ],
      {},
      targets,
    );
    expect(problems).toEqual([]);
    expect(table?.yearColumns.map((y) => [y.fy, y.column])).toEqual([
      ["2008-09", 8],
      ["2009-10", 9],
      ["2010-11", 10],
    ]);
    expect(table?.rows[0].yearValue(table.yearColumns[1])).toBe(250);
  });

  it("a header Excel turned into a date (1 Oct 2009 for 2009-10) is still the 2009-10 column", () => {
    const { table } = read([[...headers("Targets"), new Date(Date.UTC(2009, 9, 1))]], {}, targets);
    expect(table?.yearColumns.map((y) => y.fy)).toEqual(["2009-10"]);
  });

  it("a header that looks like a year but is not a financial year is a warning, and the column is not read", () => {
    const { table, problems } = read([[...headers("Targets"), "2009", "2009-10", "2009/10"]], {}, targets);
    expect(table?.yearColumns.map((y) => y.fy)).toEqual(["2009-10"]);
    expect(problems).toEqual([
      {
        sheet: "Targets",
        cell: "H1",
        severity: "warning",
        message: 'Column "2009" is not read as a year: head a year column with its financial year, e.g. 2009-10',
      },
      { sheet: "Targets", cell: "J1", severity: "error", message: "A second 2009-10 column: only the first is read" },
    ]);
  });
});
