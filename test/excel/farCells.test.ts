// The Office.js reader never asks Excel for a range the size of a used range stretched by one stray far value,
// and reads number formats where they decide what a number means.
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { FakeExcel } from "./fakeExcel";

function workbook(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: fake.run, probe: fake.probe, now: () => new Date("2009-10-20T10:00:00Z") });
}

/** Own entries across a grid's rows: what reading it cost. */
function storedCells(rows: unknown[][]): number {
  return rows.reduce((total, row) => total + Object.keys(row).length, 0);
}

describe("a stray value far from the data, in Excel", () => {
  it("at XFD1048576: read in a few small requests, the data and the stray both kept", async () => {
    const fake = new FakeExcel();
    const targets = fake.addSheet("Targets", [
      ["Target ID", "2009-10"],
      ["T1.1", 120],
    ]);
    targets.cell(1_048_576, 16_384).value = "stray";
    fake.addSheet("Settings", [["Key", "Value"]]);

    const grids = await workbook(fake).readInputSheets();

    const grid = grids.find((g) => g.sheet === "Targets")!;
    expect(grid.rows[0]).toEqual(["Target ID", "2009-10"]);
    expect(grid.rows[1]).toEqual(["T1.1", 120]);
    expect(grid.rows[1_048_575][16_383]).toBe("stray");
    expect(storedCells(grid.rows)).toBe(5);
    // The fake refuses any load over 5 million cells; halving the used range takes one request per level.
    expect(fake.syncs).toBeLessThanOrEqual(8);
    expect(grids.find((g) => g.sheet === "Settings")!.rows).toEqual([["Key", "Value"]]);
  });

  it("data past the one-go window is read whole", async () => {
    const fake = new FakeExcel();
    const actuals = fake.addSheet("Actuals", [["Target ID", "FY", "Quarter", "Actual"]]);
    actuals.cell(60_000, 1).value = "T1.1";
    actuals.cell(60_000, 4).value = 7;
    const [grid] = await workbook(fake).readInputSheets();
    expect(grid.firstRow).toBe(1);
    expect(grid.rows[59_999]).toEqual(["T1.1", null, null, 7]);
  });
});

describe("number formats, in Excel", () => {
  it("a Grant rate shown as 150% is an error at its cell, not 1.5%; a Green threshold shown as 105% is 105%", async () => {
    const fake = new FakeExcel();
    const settings = fake.addSheet("Settings", [
      ["Key", "Value"],
      ["Grant rate", 1.5],
      ["Green threshold", 1.05],
    ]);
    settings.cell(2, 2).numberFormat = "0%";
    settings.cell(3, 2).numberFormat = "0.0%";

    const grids = await workbook(fake).readInputSheets();

    expect(grids[0].percentCells).toEqual(["B2", "B3"]);
    const { consortium, problems } = importWorkbook(grids);
    expect(problems).toContainEqual({
      sheet: "Settings",
      cell: "B2",
      severity: "error",
      message: "Grant rate: 150% is not a percentage from 0% to 100%; the default 100% is used",
    });
    expect(consortium.settings.greenThreshold).toBe(1.05);
  });
});
