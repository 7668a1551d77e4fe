import { findGrid } from "../../src/core/grid";
import { REGISTRY_SHEET } from "../../src/core/sheets/registry";
import type { SheetSpec } from "../../src/core/sheets/spec";
import { XlsxWorkbook } from "../../src/file/xlsxWorkbook";
import { exampleBytes } from "../support/exampleXlsx";
import { saveSettings } from "../../src/app/settings";
import { claimStampEdits } from "../../src/core/sheets/claimStamp";

/** The claim stamp plan of the core, applied as the adapter applies any edit plan. */
async function markSubmitted(workbook: XlsxWorkbook, sheet: string, on: string): Promise<void> {
  const [claim] = await workbook.readSheets([sheet]);
  await workbook.applyEdits(claimStampEdits(claim, on));
}
import { claimAsSubmitted, claimWithCorrectedSpend, sameClaimLater } from "../support/claimScenario";

const FIXED_CLOCK = { now: () => new Date("2009-10-20T09:00:00Z") };

function summary(name: string, figure: number, kind: SheetSpec["kind"] = "rag"): SheetSpec {
  return {
    name,
    kind,
    cells: [
      { row: 1, column: 1, value: name, style: { bold: true } },
      { row: 2, column: 1, value: "Claim this quarter" },
      { row: 2, column: 2, value: figure, style: { numberFormat: '"£"#,##0.00' } },
      { row: 3, column: 1, value: "Checked on" },
      { row: 3, column: 2, value: 40106, style: { numberFormat: "dd/mm/yyyy" } },
    ],
    columnWidths: [24, 14],
    merges: [],
    conditionalFormats: [],
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true },
  };
}

function inputSheet(name: string, rows: (string | number)[][]): SheetSpec {
  return {
    name,
    kind: "importLog",
    cells: rows.flatMap((values, r) => values.map((value, c) => ({ row: r + 1, column: c + 1, value }))),
    columnWidths: [],
    merges: [],
    conditionalFormats: [],
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: false },
  };
}

/** Saves and reopens, as a user downloading the file and opening it again would. */
async function saved(workbook: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBytes(await workbook.toBytes(), workbook.label, FIXED_CLOCK);
}

async function valueAt(workbook: XlsxWorkbook, sheet: string, row: number, column: number) {
  const grid = findGrid(await workbook.readInputSheets(), sheet);
  return grid?.rows[row - grid.firstRow]?.[column - grid.firstColumn] ?? null;
}

describe("XlsxWorkbook", () => {
  it("creates summary sheets, then replaces them when nobody has edited them", async () => {
    let workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await workbook.insertSheets([inputSheet("Settings", [["Key", "Value"]])]);
    const first = await workbook.pushSummarySheets([summary("RAG 2009-10 Q2", 100)]);
    expect(first.sheets).toEqual([{ requested: "RAG 2009-10 Q2", writtenAs: "RAG 2009-10 Q2", action: "created" }]);

    workbook = await saved(workbook);
    const second = await workbook.pushSummarySheets([summary("RAG 2009-10 Q2", 250)]);
    expect(second.sheets[0]).toMatchObject({ writtenAs: "RAG 2009-10 Q2", action: "replaced" });
    expect(await valueAt(workbook, "RAG 2009-10 Q2", 2, 2)).toBe(250);
    expect(await workbook.sheetNames()).toEqual(["Settings", "RAG 2009-10 Q2"]);
  });

  it("keeps a summary sheet someone edited and writes the new one beside it as (2)", async () => {
    let workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await workbook.pushSummarySheets([summary("RAG 2009-10 Q2", 100)]);
    workbook = await saved(workbook);
    (await workbook.excel()).getWorksheet("RAG 2009-10 Q2")!.getCell("B2").value = 120; // a hand correction

    const outcome = await workbook.pushSummarySheets([summary("RAG 2009-10 Q2", 300)]);
    expect(outcome.sheets[0]).toMatchObject({
      requested: "RAG 2009-10 Q2",
      writtenAs: "RAG 2009-10 Q2 (2)",
      action: "keptExisting",
    });
    expect(outcome.sheets[0].reason).toMatch(/edited/);
    expect(await valueAt(workbook, "RAG 2009-10 Q2", 2, 2)).toBe(120);
    expect(await valueAt(workbook, "RAG 2009-10 Q2 (2)", 2, 2)).toBe(300);
  });

  it("never overwrites a submitted claim, even unedited, and stamps and protects it", async () => {
    let workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await workbook.pushSummarySheets([summary("Claim 2009-10 Q2", 4200, "claim")]);
    await markSubmitted(workbook, "Claim 2009-10 Q2", "20/10/2009");
    workbook = await saved(workbook);

    const sheet = (await workbook.excel()).getWorksheet("Claim 2009-10 Q2")!;
    expect(sheet.getCell("A5").value).toBe("Submitted on 20/10/2009");
    expect(sheet.getCell("B2").value).toBe(4200);
    expect(sheet.getCell("A5").font).toMatchObject({ bold: true, color: { argb: "FF0B5D3B" } });
    expect(sheet.getCell("A5").note).toMatch(/marked submitted/);
    expect((sheet as unknown as { sheetProtection: { sheet?: boolean } }).sheetProtection.sheet).toBe(true);
    // Marked again, the protected sheet is left exactly as it is (as in Excel, where it takes no writes): one stamp.
    await markSubmitted(workbook, "Claim 2009-10 Q2", "21/10/2009");
    expect(sheet.getCell("A5").value).toBe("Submitted on 20/10/2009");
    expect(sheet.getCell("A7").value).toBeNull();
    expect(workbook.registry().find((entry) => entry.sheet === "Claim 2009-10 Q2")).toMatchObject({
      status: "submitted",
      submittedOn: "21/10/2009",
    });

    const outcome = await workbook.pushSummarySheets([summary("Claim 2009-10 Q2", 9999, "claim")]);
    expect(outcome.sheets[0]).toMatchObject({ writtenAs: "Claim 2009-10 Q2", action: "notWritten" });
    expect(await valueAt(workbook, "Claim 2009-10 Q2", 2, 2)).toBe(4200);
    expect(await workbook.sheetNames()).toEqual(["Claim 2009-10 Q2"]);
  });

  it("never writes a second claim once one is submitted: nothing when unchanged, an adjustment when changed", async () => {
    let workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await workbook.pushSummarySheets([claimAsSubmitted()]);
    await markSubmitted(workbook, "Claim 2009-10 Q2", "20/10/2009");
    workbook = await saved(workbook);

    const unchanged = await workbook.pushSummarySheets([sameClaimLater()]);
    expect(unchanged.sheets).toEqual([
      {
        requested: "Claim 2009-10 Q2",
        writtenAs: "Claim 2009-10 Q2",
        action: "notWritten",
        reason: "Claim 2009-10 Q2 was submitted on 20/10/2009 and no figure has changed",
      },
    ]);
    workbook = await saved(workbook);
    const changed = await workbook.pushSummarySheets([claimWithCorrectedSpend()]);
    expect(changed.sheets[0]).toMatchObject({ writtenAs: "Adjustment 2009-10 Q2", action: "adjustment" });
    expect(changed.sheets[0].reason).toMatch(/£100.00 more to claim$/);
    workbook = await saved(workbook);
    await workbook.pushSummarySheets([claimWithCorrectedSpend()]);
    expect(await workbook.sheetNames()).toEqual(["Claim 2009-10 Q2", "Adjustment 2009-10 Q2"]);
    const grid = findGrid(await workbook.readInputSheets(), "Adjustment 2009-10 Q2")!;
    expect(grid.rows.flat()).toContain("Difference: more to claim");
  });

  it("refreshes the one (2) copy of an edited sheet on later updates", async () => {
    let workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await workbook.pushSummarySheets([summary("RAG 2009-10 Q2", 100)]);
    (await workbook.excel()).getWorksheet("RAG 2009-10 Q2")!.getCell("B2").value = 120;
    await workbook.pushSummarySheets([summary("RAG 2009-10 Q2", 300)]);
    workbook = await saved(workbook);
    const again = await workbook.pushSummarySheets([summary("RAG 2009-10 Q2", 400)]);
    expect(again.sheets[0]).toMatchObject({ writtenAs: "RAG 2009-10 Q2 (2)", action: "keptExisting" });
    expect(await workbook.sheetNames()).toEqual(["RAG 2009-10 Q2", "RAG 2009-10 Q2 (2)"]);
    expect(await valueAt(workbook, "RAG 2009-10 Q2 (2)", 2, 2)).toBe(400);
  });

  it("does not overwrite a sheet it did not write", async () => {
    const workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await workbook.insertSheets([inputSheet("Year on year", [["Our own notes"]])]);
    const outcome = await workbook.pushSummarySheets([summary("Year on year", 1, "yearOnYear")]);
    expect(outcome.sheets[0]).toMatchObject({ writtenAs: "Year on year (2)", action: "keptExisting" });
    expect(await valueAt(workbook, "Year on year", 1, 1)).toBe("Our own notes");
  });

  it("is all or nothing: a sheet that cannot be drawn leaves the workbook as it was", async () => {
    let workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await workbook.pushSummarySheets([summary("RAG 2009-10 Q1", 1)]);
    workbook = await saved(workbook);
    const before = await workbook.readInputSheets();
    const registryBefore = workbook.registry();

    const broken: SheetSpec = {
      ...summary("Risk register", 2, "riskRegister"),
      validations: [{ range: { firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 1 }, errorMessage: "no rule" }],
    };
    await expect(workbook.pushSummarySheets([summary("RAG 2009-10 Q1", 5), broken])).rejects.toThrow();
    expect(await workbook.readInputSheets()).toEqual(before);
    expect(workbook.registry()).toEqual(registryBefore);
    expect(await workbook.sheetNames()).toEqual(["RAG 2009-10 Q1"]);
  });

  it("insertSheets adds only the sheets that are missing and never touches an existing one", async () => {
    const workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await workbook.insertSheets([inputSheet("Partners", [["Partner"], ["OCVA"]])]);
    const outcome = await workbook.insertSheets([
      inputSheet("partners", [["Partner"]]),
      inputSheet("Projects", [["Project ID"]]),
    ]);
    expect(outcome).toEqual({ inserted: ["Projects"], skipped: ["partners"] });
    expect(await valueAt(workbook, "Partners", 2, 1)).toBe("OCVA");
  });

  it("keeps its registry in a very hidden sheet that is neither listed nor read as input", async () => {
    let workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await workbook.insertSheets([inputSheet("Settings", [["Key", "Value"]])]);
    await workbook.pushSummarySheets([summary("RAG 2009-10 Q2", 1)]);
    workbook = await saved(workbook);
    expect((await workbook.excel()).getWorksheet(REGISTRY_SHEET)?.state).toBe("veryHidden");
    expect(await workbook.sheetNames()).toEqual(["Settings", "RAG 2009-10 Q2"]);
    expect((await workbook.readInputSheets()).map((grid) => grid.sheet)).toEqual(["Settings", "RAG 2009-10 Q2"]);
    expect(workbook.registry()).toEqual([
      expect.objectContaining({ sheet: "RAG 2009-10 Q2", kind: "rag", writtenAt: "2009-10-20T09:00:00.000Z" }),
    ]);
  });

  it("saving settings updates a key's Value cell or appends the key", async () => {
    const workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await workbook.insertSheets([
      inputSheet("Settings", [
        ["Consortium settings"],
        ["Key", "Value", "Note"],
        ["Consortium", "OVSDP", "kept"],
        ["green threshold", 0.9],
      ]),
    ]);
    await saveSettings(workbook, { greenThreshold: 0.95, funder: "Capacitybuilders" });
    const grid = findGrid(await workbook.readInputSheets(), "Settings")!;
    expect(grid.rows).toEqual([
      ["Consortium settings", null, null],
      ["Key", "Value", "Note"],
      ["Consortium", "OVSDP", "kept"],
      ["green threshold", 0.95, null],
      ["Funder", "Capacitybuilders", null],
    ]);
    expect((await workbook.excel()).getWorksheet("Settings")!.getCell("B4").numFmt).toBe("0%");
  });

  it("saving settings creates a Settings sheet when there is none", async () => {
    const workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await saveSettings(workbook, { consortium: "OVSDP" });
    expect(findGrid(await workbook.readInputSheets(), "Settings")?.rows).toEqual([
      ["Key", "Value"],
      ["Consortium", "OVSDP"],
    ]);
  });

  it("selectCell makes the cell active in the saved file", async () => {
    const workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await workbook.insertSheets([inputSheet("Partners", [["Partner"]]), inputSheet("Targets", [["Target ID"]])]);
    await workbook.selectCell("targets", "H12");
    expect(workbook.selectedCell).toEqual({ sheet: "Targets", cell: "H12" });
    const reopened = await saved(workbook);
    expect((await reopened.excel()).getWorksheet("Targets")!.views[0]).toMatchObject({ activeCell: "H12" });
  });

  it("applyEdits creates missing sheets, updates cells and appends rows, text staying text", async () => {
    const workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await workbook.insertSheets([
      inputSheet("Actuals", [
        ["Target ID", "FY", "Quarter", "Actual", "Comment"],
        ["T1.1", "2009-10", "Q1", 200, ""],
      ]),
    ]);
    await workbook.applyEdits({
      createSheets: [inputSheet("Import log", [["Imported at"]]), inputSheet("Actuals", [["replaced?"]])],
      updates: [{ sheet: "Actuals", cell: "D2", value: 230 }],
      appends: [
        { sheet: "Actuals", firstRow: 3, firstColumn: 1, rows: [["T1.1", "2009-10", "Q2", 240, '=HYPERLINK("x")']] },
        { sheet: "Import log", firstRow: 2, firstColumn: 1, rows: [["2009-10-20 09:00"]] },
      ],
    });
    const saved2 = await saved(workbook);
    const actuals = findGrid(await saved2.readInputSheets(), "Actuals")!;
    expect(actuals.rows[1][3]).toBe(230);
    expect(actuals.rows[2]).toEqual(["T1.1", "2009-10", "Q2", 240, '=HYPERLINK("x")']);
    expect(actuals.formulaCells).toEqual([]);
    expect(findGrid(await saved2.readInputSheets(), "Import log")?.rows).toEqual([
      ["Imported at"],
      ["2009-10-20 09:00"],
    ]);
  });

  it("applyEdits changes nothing when any edit points at a missing sheet or a bad address", async () => {
    const workbook = XlsxWorkbook.blank("consortium.xlsx", FIXED_CLOCK);
    await workbook.insertSheets([inputSheet("Actuals", [["Target ID"], ["T1.1"]])]);
    const before = await workbook.readInputSheets();
    await expect(
      workbook.applyEdits({
        createSheets: [inputSheet("Import log", [["Imported at"]])],
        updates: [{ sheet: "Actuals", cell: "A2", value: "T9.9" }],
        appends: [{ sheet: "Spend", firstRow: 2, firstColumn: 1, rows: [["P1"]] }],
      }),
    ).rejects.toThrow(/Spend/);
    await expect(
      workbook.applyEdits({ createSheets: [], updates: [{ sheet: "Actuals", cell: "row 2", value: 1 }], appends: [] }),
    ).rejects.toThrow(/not a cell address/);
    expect(await workbook.readInputSheets()).toEqual(before);
  });

  it("reads a sheet whose grid it let go from its bytes again, and still keeps that sheet in the copy", async () => {
    const workbook = await XlsxWorkbook.fromBytes(await exampleBytes(), "in.xlsx", FIXED_CLOCK);
    const before = await workbook.readSheets(["Targets", "Actuals"]);
    workbook.releaseGrids(["Targets"]);
    const after = await workbook.readSheets(["Targets", "Actuals"]);
    expect(after.map((grid) => [grid.sheet, grid.rows])).toEqual(before.map((grid) => [grid.sheet, grid.rows]));
    expect(before[0].rows.length).toBeGreaterThan(5);

    const released = await XlsxWorkbook.fromBytes(await exampleBytes(), "in.xlsx", FIXED_CLOCK);
    released.releaseGrids(["Targets", REGISTRY_SHEET]);
    await released.pushSummarySheets([summary("RAG 2009-10 Q2", 10)]);
    const copy = await XlsxWorkbook.fromBytes(await released.toBytesKeepingInputs(), "copy.xlsx", FIXED_CLOCK);
    const [targets] = await copy.readSheets(["Targets"]);
    expect(targets.rows).toEqual(before[0].rows);
    expect(await valueAt(copy, "RAG 2009-10 Q2", 2, 2)).toBe(10);
  });

  it("rejects bytes that are not a workbook", async () => {
    await expect(XlsxWorkbook.fromBytes(new TextEncoder().encode("Target ID,FY\n"), "x.xlsx")).rejects.toThrow();
  });
});
