// Cells a workbook can hold that must never crash the reader or read as a wrong figure: a stray far cell,
// percentages stored as numbers, formulas Excel never calculated, numbers that are not numbers.
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { readGrid } from "../../src/file/readGrids";
import { claimOf, editedExample, errorsOf, exampleBytes, reportOf } from "../support/exampleXlsx";

jest.setTimeout(60_000);

/** The row of a Key | Value Settings sheet that holds the key. */
function settingRow(workbook: ExcelJS.Workbook, key: string): ExcelJS.Row {
  const sheet = workbook.getWorksheet("Settings")!;
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === key) return sheet.getRow(r);
  throw new Error(`no ${key} row`);
}

/** The Actuals row for a target and quarter. */
function actualsRow(workbook: ExcelJS.Workbook, id: string, fy: string, quarter: string): ExcelJS.Row {
  const sheet = workbook.getWorksheet("Actuals")!;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(1).value === id && row.getCell(2).value === fy && row.getCell(3).value === quarter) return row;
  }
  throw new Error(`no actual for ${id} ${fy} ${quarter}`);
}

/** Own entries across a grid's rows: what reading it cost, whatever its used range. */
function storedCells(grid: ReturnType<typeof readGrid>): number {
  return grid.rows.reduce((total, row) => total + Object.keys(row).length, 0);
}

describe("a stray value far from the data", () => {
  it("costs memory for the cells held, not the used range's area", async () => {
    const bytes = await editedExample((workbook) => {
      workbook.getWorksheet("Targets")!.getCell("ZZ60000").value = 7;
    });
    const { loadExcel } = await import("../support/exampleXlsx");
    const grid = readGrid((await loadExcel(bytes)).getWorksheet("Targets")!);
    // 702 columns × 60,000 rows would be 42 million cells; the sheet holds under a thousand.
    expect(storedCells(grid)).toBeLessThan(5_000);
    expect(grid.rows[59_999 - grid.firstRow + 1][701]).toBe(7);
  });

  it("at XFD1048576 on an input sheet, the report is the example's, quickly", async () => {
    const plain = await reportOf(await exampleBytes());
    const bytes = await editedExample((workbook) => {
      workbook.getWorksheet("Actuals")!.getCell("XFD1048576").value = "stray";
      workbook.getWorksheet("Settings")!.getCell("XFD1048576").value = 1;
    });
    const started = Date.now();
    const report = await reportOf(bytes);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(claimOf(report)).toBe(claimOf(plain));
    expect(report.targets).toEqual(plain.targets);
  });
});

describe("percentages stored as numbers", () => {
  it("a Grant rate shown as 150% (stored 1.5) is an error at its cell, not 1.5%", async () => {
    const bytes = await editedExample((workbook) => {
      const cell = settingRow(workbook, "Grant rate").getCell(2);
      cell.value = 1.5;
      cell.numFmt = "0%";
    });
    const report = await reportOf(bytes);
    const problem = report.problems.find((p) => p.sheet === "Settings" && /Grant rate/.test(p.message));
    expect(problem).toMatchObject({ severity: "error", message: expect.stringContaining("150%") });
  });

  it("a Grant rate of a plain 5 is refused (5% or 500%?), not read as 5%", async () => {
    const bytes = await editedExample((workbook) => {
      settingRow(workbook, "Grant rate").getCell(2).value = 5;
    });
    const report = await reportOf(bytes);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ sheet: "Settings", severity: "error", message: expect.stringMatching(/^Grant rate/) }),
    );
  });

  it("a Grant rate shown as 80% (stored 0.8) is 80%", async () => {
    const plain = await reportOf(await exampleBytes());
    const bytes = await editedExample((workbook) => {
      const cell = settingRow(workbook, "Grant rate").getCell(2);
      cell.value = 0.8;
      cell.numFmt = "0%";
    });
    const report = await reportOf(bytes);
    expect(errorsOf(report)).toEqual([]);
    expect(claimOf(report)).toBeCloseTo(claimOf(plain) * 0.8, 6);
  });

  it("a Green threshold shown as 105% (stored 1.05) is 105%, not 1.05%", async () => {
    const bytes = await editedExample((workbook) => {
      const cell = settingRow(workbook, "Green threshold").getCell(2);
      cell.value = 1.05;
      cell.numFmt = "0%";
    });
    const report = await reportOf(bytes);
    expect(errorsOf(report)).toEqual([]);
    // Every scored target below 105% of its expected figure can no longer be Green.
    const green = report.targets.filter((t) => t.rag === "Green");
    expect(green.every((t) => t.ratio === null || t.ratio >= 1.05)).toBe(true);
    expect(report.targets.some((t) => t.ratio !== null && t.ratio >= 0.95 && t.ratio < 1.05)).toBe(true);
  });

  it('"85%" typed into a Number target\'s actual is an error at its cell, not 0.85 volunteers', async () => {
    let cell = "";
    const bytes = await editedExample((workbook) => {
      const actual = actualsRow(workbook, "T1.1", "2009-10", "Q1").getCell(4);
      actual.value = "85%";
      cell = actual.address;
    });
    const report = await reportOf(bytes);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ sheet: "Actuals", cell, severity: "error", message: expect.stringContaining("85%") }),
    );
  });

  it('"85%" in a spend Amount is an error at its cell, not £0.85', async () => {
    const bytes = await editedExample((workbook) => {
      workbook.getWorksheet("Spend")!.getCell("E2").value = "85%";
    });
    const report = await reportOf(bytes);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        sheet: "Spend",
        cell: "E2",
        severity: "error",
        message: expect.stringContaining("85%"),
      }),
    );
  });
});

describe("a formula with no stored result", () => {
  it("is an error at its cell, not a silent 0", async () => {
    let cell = "";
    const bytes = await editedExample((workbook) => {
      const actual = actualsRow(workbook, "T1.1", "2008-09", "Q1").getCell(4);
      actual.value = { formula: "200+10" } as ExcelJS.CellFormulaValue;
      cell = actual.address;
    });
    const report = await reportOf(bytes);
    expect(report.problems).toContainEqual({
      sheet: "Actuals",
      cell,
      severity: "error",
      message: `${cell} has a formula Excel has not calculated: open and save the file in Excel`,
    });
  });
});

/** The example with some cells' stored numbers replaced in the sheet XML, as a script might write them. */
async function withRawNumbers(sheet: string, values: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await exampleBytes());
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  const part = `xl/${target.replace(/^\/?xl\//, "")}`;
  let xml = await zip.file(part)!.async("string");
  for (const [cell, raw] of Object.entries(values)) {
    xml = xml.replace(new RegExp(`<c r="${cell}"([^>]*)>.*?</c>`), `<c r="${cell}"><v>${raw}</v></c>`);
  }
  zip.file(part, xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("numbers that are not numbers", () => {
  it("NaN, Infinity and -1e999 stored in the file are errors at their cells, not blanks", async () => {
    const bytes = await withRawNumbers("Actuals", { D2: "NaN", D3: "Infinity", D4: "-1e999" });
    const report = await reportOf(bytes);
    for (const cell of ["D2", "D3", "D4"]) {
      expect(report.problems).toContainEqual(expect.objectContaining({ sheet: "Actuals", cell, severity: "error" }));
    }
  });

  it("a target written (50) is an error at its cell, not -50 scored Red", async () => {
    let cell = "";
    const bytes = await editedExample((workbook) => {
      const target = workbook.getWorksheet("Targets")!.getCell("I2"); // T1.1 2009-10
      target.value = "(50)";
      cell = target.address;
    });
    const report = await reportOf(bytes);
    expect(report.problems).toContainEqual(expect.objectContaining({ sheet: "Targets", cell, severity: "error" }));
    expect(report.targets.find((t) => t.targetId === "T1.2")).toBeDefined();
    expect(report.targets.find((t) => t.targetId === "T1.1")).toBeUndefined();
  });
});
