import ExcelJS from "exceljs";
import { findGrid } from "../../src/core/grid";
import { readGrids } from "../../src/file/readGrids";

async function reopen(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const reopened = new ExcelJS.Workbook();
  await reopened.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return reopened;
}

describe("readGrids: an .xlsx file as the grids the core reads", () => {
  let grids: ReturnType<typeof readGrids>;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();

    // A partner's Actuals kept as an Excel table that starts at B3, under a title.
    const actuals = workbook.addWorksheet("Actuals");
    actuals.getCell("B1").value = "Volunteer LinkUp return";
    actuals.addTable({
      name: "Returns",
      ref: "B3",
      headerRow: true,
      columns: [{ name: "Target ID" }, { name: "FY" }, { name: "Quarter" }, { name: "Actual" }],
      rows: [
        ["T1.1", "2009-10", "Q1", 230],
        ["T1.2", "2009/10", "Q1", 150],
      ],
    });

    const values = workbook.addWorksheet("Values");
    values.getCell("A1").value = 10;
    values.getCell("A2").value = 20;
    values.getCell("A3").value = 30;
    values.getCell("B1").value = { formula: "A1*2", result: 20 };
    values.fillFormula("C1:C3", "A1+1", [11, 21, 31]);
    values.getCell("D1").value = { formula: "A1/0", result: { error: "#DIV/0!" } };
    values.getCell("D2").value = { formula: "A1*3" }; // never calculated: no cached result
    values.getCell("E1").value = { richText: [{ text: "Oxford" }, { text: "shire", font: { bold: true } }] };
    values.getCell("E2").value = { text: "oxnet", hyperlink: "https://www.oxnet.org.uk" };
    values.getCell("E3").value = '=HYPERLINK("https://www.oxnet.org.uk","oxnet")';
    values.getCell("F1").value = new Date(Date.UTC(2009, 6, 15));
    values.getCell("F1").numFmt = "dd/mm/yyyy";
    values.getCell("F2").value = 40009; // a date as a plain serial stays a number
    values.getCell("F3").value = true;
    values.getCell("G1").value = "Merged heading";
    values.mergeCells("G1:H2");
    values.getCell("H3").value = "";

    workbook.addWorksheet("Empty");
    const hidden = workbook.addWorksheet("Tracker registry", { state: "veryHidden" });
    hidden.getCell("A1").value = "Sheet";

    grids = readGrids(await reopen(workbook));
  });

  it("reads an Excel table as a plain rectangle with where it sits", () => {
    const grid = findGrid(grids, "Actuals")!;
    expect(grid.firstRow).toBe(1);
    expect(grid.firstColumn).toBe(2);
    expect(grid.rows[0][0]).toBe("Volunteer LinkUp return");
    expect(grid.rows[2]).toEqual(["Target ID", "FY", "Quarter", "Actual"]);
    expect(grid.rows[3]).toEqual(["T1.1", "2009-10", "Q1", 230]);
    expect(grid.rows[4]).toEqual(["T1.2", "2009/10", "Q1", 150]);
  });

  it("reads formulas (plain and shared) as their cached results and errors as their text", () => {
    const grid = findGrid(grids, "Values")!;
    expect(grid.firstRow).toBe(1);
    expect(grid.firstColumn).toBe(1);
    const cell = (row: number, column: number) => grid.rows[row - 1][column - 1];
    expect(cell(1, 2)).toBe(20);
    expect([cell(1, 3), cell(2, 3), cell(3, 3)]).toEqual([11, 21, 31]);
    expect(cell(1, 4)).toBe("#DIV/0!");
    expect(cell(2, 4)).toBeNull();
    expect(grid.formulaCells).toEqual(["B1", "C1", "D1", "C2", "D2", "C3"]);
  });

  it("reads rich text, hyperlinks and formula-like text as plain text", () => {
    const grid = findGrid(grids, "Values")!;
    expect(grid.rows[0][4]).toBe("Oxfordshire");
    expect(grid.rows[1][4]).toBe("oxnet");
    expect(grid.rows[2][4]).toBe('=HYPERLINK("https://www.oxnet.org.uk","oxnet")');
  });

  it("reads dates as dates, serials as numbers, booleans as booleans", () => {
    const grid = findGrid(grids, "Values")!;
    expect(grid.rows[0][5]).toEqual(new Date(Date.UTC(2009, 6, 15)));
    expect(grid.rows[1][5]).toBe(40009);
    expect(grid.rows[2][5]).toBe(true);
  });

  it("gives a merged area's value once, at its top-left cell; empty text is an empty cell", () => {
    const grid = findGrid(grids, "Values")!;
    expect(grid.rows[0][6]).toBe("Merged heading");
    expect(grid.rows[1][6]).toBeNull();
    // Column H holds only covered cells of the merge and empty text: it is outside the used range.
    expect(grid.rows.every((row) => row.length === 7)).toBe(true);
  });

  it("gives an empty sheet an empty grid, and hidden sheets unless skipped", async () => {
    expect(findGrid(grids, "Empty")).toEqual({
      sheet: "Empty",
      rows: [],
      firstRow: 1,
      firstColumn: 1,
      formulaCells: [],
    });
    expect(findGrid(grids, "Actuals")?.formulaCells).toEqual([]);
    expect(findGrid(grids, "Tracker registry")?.rows).toEqual([["Sheet"]]);
    expect(grids.map((grid) => grid.sheet)).toEqual(["Actuals", "Values", "Empty", "Tracker registry"]);
  });
});
