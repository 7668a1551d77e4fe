// OfficeWorkbook's reads and smaller writes against the in-memory fake of Excel (see fakeExcel.ts).
import type { WorkbookEdits } from "../../src/core/returns/types";
import { REGISTRY_SHEET } from "../../src/core/sheets/registry";
import type { SheetSpec } from "../../src/core/sheets/spec";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { FakeExcel } from "./fakeExcel";
import { bigResponseWorkbook, SMALL_RESPONSE_LIMIT } from "./syntheticWorkbook";
import { saveSettings } from "../../src/app/settings";
import { claimStampEdits } from "../../src/core/sheets/claimStamp";
import { noEdits } from "../../src/core/workbookEdits";

function workbook(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook({ run: fake.run, probe: fake.probe, now: () => new Date("2009-10-20T10:00:00Z") });
}

function templateSpec(name: string, extra: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name,
    kind: "rag",
    cells: [
      { row: 1, column: 1, value: "Target ID", style: { bold: true } },
      { row: 1, column: 2, value: "FY", style: { bold: true } },
    ],
    columnWidths: [11, 10],
    merges: [],
    conditionalFormats: [],
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true },
    ...extra,
  };
}

describe("readInputSheets", () => {
  it("reads every template sheet where its data sits, blanks as null, in one sync", async () => {
    const fake = new FakeExcel();
    const targets = fake.addSheet("Targets");
    targets.cell(3, 2).value = "Target ID";
    targets.cell(3, 3).value = "2009-10";
    targets.cell(4, 2).value = "T1.1";
    targets.cell(4, 3).value = 120;
    fake.addSheet("Notes", [["Not a template: not read"]]);
    fake.addSheet("Settings", [["Key", "Value"]]);
    fake.addSheet("Partners"); // empty

    const grids = await workbook(fake).readInputSheets();

    expect(grids).toEqual([
      {
        sheet: "Targets",
        firstRow: 3,
        firstColumn: 2,
        rows: [
          ["Target ID", "2009-10"],
          ["T1.1", 120],
        ],
      },
      { sheet: "Settings", firstRow: 1, firstColumn: 1, rows: [["Key", "Value"]] },
      { sheet: "Partners", firstRow: 1, firstColumn: 1, rows: [] },
    ]);
    expect(fake.syncs).toBe(1);
  });

  it("finds a loosely named template sheet with a second sync", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Risks", [["Risk ID"]]);
    fake.addSheet("actuals ", [["Target ID", "FY"]]);

    const grids = await workbook(fake).readInputSheets();

    expect(grids.map((g) => g.sheet)).toEqual(["Risks", "actuals "]);
    expect(fake.syncs).toBe(2);
  });

  it("hands back the hidden registry, so the pane knows which claims are submitted", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Settings");
    fake.addSheet(REGISTRY_SHEET, [
      ["Sheet", "Kind"],
      ["Claim 2009-10 Q2", "claim"],
    ]).visibility = "VeryHidden";

    const grids = await workbook(fake).readInputSheets();

    expect(grids.find((g) => g.sheet === REGISTRY_SHEET)?.rows[1]).toEqual(["Claim 2009-10 Q2", "claim"]);
  });
});

describe("sheetNames", () => {
  it("lists the visible sheets in tab order", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Settings");
    fake.addSheet("Hidden").visibility = "Hidden";
    fake.addSheet("Targets");
    expect(await workbook(fake).sheetNames()).toEqual(["Settings", "Targets"]);
  });
});

describe("insertSheets", () => {
  it("adds the missing sheets and leaves an existing one exactly as it was", async () => {
    const fake = new FakeExcel({ apiVersion: "1.8" });
    const existing = fake.addSheet("targets", [["my own header"]]);
    const validation = {
      range: { firstRow: 2, firstColumn: 2, lastRow: 500, lastColumn: 2 },
      list: ["Q1", "Q2", "Q3", "Q4"],
      errorMessage: "Choose a quarter",
      allowOther: true,
    };

    const outcome = await workbook(fake).insertSheets([
      templateSpec("Targets"),
      templateSpec("Actuals", { validations: [validation] }),
    ]);

    expect(outcome).toEqual({ inserted: ["Actuals"], skipped: ["Targets"] });
    expect(existing.table()).toEqual([["my own header"]]);
    const actuals = fake.sheet("Actuals");
    expect(actuals.table()).toEqual([["Target ID", "FY"]]);
    expect(actuals.validations[0]).toMatchObject({
      address: "B2:B500",
      props: {
        rule: { list: { inCellDropDown: true, source: "Q1,Q2,Q3,Q4" } },
        errorAlert: { message: "Choose a quarter", style: "Warning", showAlert: true, title: "Consortium Tracker" },
      },
    });
    expect(fake.syncs).toBe(2);
  });

  it("removes what it added when a sheet fails to draw", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Settings");
    fake.failOnce((call) => call.kind === "values" && call.sheet === "Projects");

    await expect(workbook(fake).insertSheets([templateSpec("Partners"), templateSpec("Projects")])).rejects.toThrow(
      /injected failure/,
    );

    expect(fake.names()).toEqual(["Settings"]);
  });
});

describe("Settings saved: the core's edit plan through applyEdits", () => {
  it("updates a key's row, appends a missing key, and writes text as text", async () => {
    const fake = new FakeExcel();
    const settings = fake.addSheet("Settings", [
      ["Consortium Tracker settings"],
      [],
      ["Key", "Value"],
      ["Consortium", "OVSDP"],
      ["Green threshold", 0.95],
    ]);

    await saveSettings(workbook(fake), { greenThreshold: 0.9, funder: "=Capacitybuilders", consortium: "OVSDP 2" });

    expect(settings.table().slice(3)).toEqual([
      ["Consortium", "OVSDP 2"],
      ["Green threshold", 0.9],
      ["Funder", "=Capacitybuilders"],
    ]);
    expect(settings.at("B5").numberFormat).toBe("0%");
    expect(settings.at("B6")).toMatchObject({ numberFormat: "@", value: "=Capacitybuilders" });
    expect(settings.at("B6").formula).toBeUndefined();
    // The read, then applyEdits' three (names, what is there now, the write).
    expect(fake.syncs).toBe(4);
  });

  it("adds a Settings sheet with its headers when there is none", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Targets");
    await saveSettings(workbook(fake), { consortium: "OVSDP" });
    expect(fake.sheet("Settings").table()).toEqual([
      ["Key", "Value"],
      ["Consortium", "OVSDP"],
    ]);
  });
});

describe("a claim marked submitted: the core's edit plan through applyEdits", () => {
  it("stamps the claim below its figures, protects it and records it in the registry", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Claim 2009-10 Q2", [["Claim"], [], ["Total", 1250]]);

    const port = workbook(fake);
    const [claimGrid] = await port.readSheets(["claim 2009-10 q2"]);
    await port.applyEdits(claimStampEdits(claimGrid, "20/10/2009"));

    const claim = fake.sheet("Claim 2009-10 Q2");
    expect(claim.at("A5")).toMatchObject({ value: "Submitted on 20/10/2009", numberFormat: "@" });
    expect(claim.at("A5").format).toMatchObject({ "font.bold": true, "fill.color": "#C6E7D8" });
    expect(claim.protection).not.toBeNull();
    const registry = fake.sheet(REGISTRY_SHEET);
    expect(registry.visibility).toBe("VeryHidden");
    expect(registry.table()[1]).toEqual(["Claim 2009-10 Q2", "claim", "", "", "submitted", "20/10/2009"]);
    // The read, then applyEdits' three.
    expect(fake.syncs).toBe(4);
  });

  it("says so when the sheet is not there", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Settings");
    const edits = { ...noEdits(), submitted: [{ sheet: "Claim 2009-10 Q3", submittedOn: "20/01/2010" }] };
    await expect(workbook(fake).applyEdits(edits)).rejects.toThrow('There is no sheet named "Claim 2009-10 Q3".');
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Settings");
    const targets = fake.addSheet("Targets");
    await workbook(fake).selectCell("Targets", "H12");
    expect(fake.active).toBe(targets);
    expect(fake.selection).toEqual({ sheet: "Targets", address: "H12" });
    expect(fake.syncs).toBe(1);
  });

  it("ignores a sheet that has gone, and refuses a cell that is not an address", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Settings");
    await workbook(fake).selectCell("Old sheet", "A1");
    expect(fake.selection).toBeNull();
    await expect(workbook(fake).selectCell("Settings", "not a cell")).rejects.toThrow(/not a cell address/);
  });
});

describe("applyEdits", () => {
  function edits(): WorkbookEdits {
    return {
      createSheets: [templateSpec("Import log")],
      updates: [
        { sheet: "Actuals", cell: "D2", value: 14 },
        { sheet: "Actuals", cell: "F2", value: '=HYPERLINK("http://example.org")' },
      ],
      appends: [
        { sheet: "Actuals", firstRow: 3, firstColumn: 1, rows: [["T1.2", "2009-10", "Q2", 3, null, "late"]] },
        { sheet: "Import log", firstRow: 2, firstColumn: 1, rows: [["2010-01-20 14:05", "P1 return.xlsx"]] },
      ],
    };
  }

  function actualsSheet(fake: FakeExcel) {
    const actuals = fake.addSheet("Actuals", [
      ["Target ID", "FY", "Quarter", "Actual", "Evidence", "Comment"],
      ["T1.1", "2009-10", "Q2", "", "", ""],
    ]);
    actuals.cell(2, 4).numberFormat = "@"; // typed as text once: a number must not stay text
    return actuals;
  }

  it("creates missing sheets, then updates and appends, text as text and numbers as numbers", async () => {
    const fake = new FakeExcel();
    const actuals = actualsSheet(fake);

    await workbook(fake).applyEdits(edits());

    expect(actuals.at("D2")).toMatchObject({ value: 14, numberFormat: "General" });
    expect(actuals.at("F2")).toMatchObject({ value: '=HYPERLINK("http://example.org")', numberFormat: "@" });
    expect(actuals.at("F2").formula).toBeUndefined();
    expect(actuals.table()[2]).toEqual(["T1.2", "2009-10", "Q2", 3, "", "late"]);
    expect(fake.sheet("Import log").table()).toEqual([
      ["Target ID", "FY"],
      ["2010-01-20 14:05", "P1 return.xlsx"],
    ]);
    expect(fake.syncs).toBe(3);
  });

  it("changes nothing when a write fails", async () => {
    const fake = new FakeExcel();
    const actuals = actualsSheet(fake);
    const before = actuals.table();
    fake.failOnce((call) => call.kind === "values" && call.sheet === "Import log" && call.address === "A2:B2");

    await expect(workbook(fake).applyEdits(edits())).rejects.toThrow(/injected failure/);

    expect(fake.names()).toEqual(["Actuals"]);
    expect(actuals.table()).toEqual(before);
    expect(actuals.at("D2").numberFormat).toBe("@");
  });

  it("refuses edits to a sheet that is not there, before writing anything", async () => {
    const fake = new FakeExcel();
    actualsSheet(fake);
    const bad = { ...edits(), appends: [{ sheet: "Spend", firstRow: 2, firstColumn: 1, rows: [["P1"]] }] };
    await expect(workbook(fake).applyEdits(bad)).rejects.toThrow('There is no sheet named "Spend".');
    expect(fake.names()).toEqual(["Actuals"]);
  });
});

describe("applyEdits into Excel tables", () => {
  /** Actuals kept as an Excel table over A1:F2, and edits adding two rows below it (and one to the Import log). */
  function tableWorkbook(apiVersion?: string, options: { showTotals?: boolean } = {}) {
    const fake = new FakeExcel({ apiVersion });
    const actuals = fake.addSheet("Actuals", [
      ["Target ID", "FY", "Quarter", "Actual", "Evidence", "Comment"],
      ["T1.1", "2009-10", "Q2", 12, "", ""],
    ]);
    const table = fake.addTable(actuals, "ActualsTable", "A1:F2", options);
    fake.addSheet("Import log", [["Imported at", "File"]]);
    const edits: WorkbookEdits = {
      createSheets: [],
      updates: [],
      appends: [
        {
          sheet: "Actuals",
          firstRow: 3,
          firstColumn: 1,
          rows: [
            ["T1.1", "2009-10", "Q3", 14, null, "on track"],
            ["T1.2", "2009-10", "Q3", 3, null, null],
          ],
        },
        { sheet: "Import log", firstRow: 2, firstColumn: 1, rows: [["2010-01-20 14:05", "ovc.xlsx"]] },
      ],
    };
    return { fake, actuals, table, edits };
  }

  it("takes the new rows into the table they continue, in the same three syncs", async () => {
    const { fake, actuals, table, edits } = tableWorkbook();
    await workbook(fake).applyEdits(edits);
    expect(table.address).toBe("A1:F4");
    expect(actuals.table()[3]).toEqual(["T1.2", "2009-10", "Q3", 3, "", ""]);
    expect(fake.syncs).toBe(3);
  });

  it("on a host that cannot resize tables (before ExcelApi 1.13), still writes the rows below the table", async () => {
    const { fake, actuals, table, edits } = tableWorkbook("1.12");
    await workbook(fake).applyEdits(edits);
    expect(table.address).toBe("A1:F2");
    expect(actuals.table()[2]).toEqual(["T1.1", "2009-10", "Q3", 14, "", "on track"]);
  });

  it("leaves a table with a totals row as it is (rows below a total are not table rows)", async () => {
    const { fake, table, edits } = tableWorkbook(undefined, { showTotals: true });
    await workbook(fake).applyEdits(edits);
    expect(table.address).toBe("A1:F2");
  });

  it("changes nothing, rows or table, when the table cannot be resized", async () => {
    const { fake, actuals, table, edits } = tableWorkbook();
    const before = actuals.table();
    fake.failOnce((call) => call.kind === "resizeTable");
    await expect(workbook(fake).applyEdits(edits)).rejects.toThrow(/injected failure/);
    expect(actuals.table()).toEqual(before);
    expect(fake.sheet("Import log").table()).toEqual([["Imported at", "File"]]);
    expect(table.address).toBe("A1:F2");
  });

  it("refuses rows that would run off the sheet before reading or writing anything else", async () => {
    const { fake, actuals, edits } = tableWorkbook();
    const before = actuals.table();
    const tooFar = { ...edits, updates: [{ sheet: "Actuals", cell: "XFE1", value: 1 }] };
    await expect(workbook(fake).applyEdits(tooFar)).rejects.toThrow('"XFE1" is not a cell address.');
    expect(fake.syncs).toBe(1); // the sheet names only
    expect(actuals.table()).toEqual(before);
  });
});

describe("readInputSheets of a partner return", () => {
  it("lists the cells holding a formula on the Return sheets only; text that starts with = is not one", async () => {
    const fake = new FakeExcel({ calculate: () => 42 });
    const settings = fake.addSheet("Settings", [["Key", "Value"]]);
    settings.cell(2, 2).formula = "=1+1";
    settings.cell(2, 2).value = 2;
    const sheet = fake.addSheet("Return", [["Consortium", "Testshire"]]);
    const formula = sheet.cell(23, 10);
    formula.formula = "=SUM(A1:A2)";
    formula.value = 42;
    const text = sheet.cell(23, 11);
    text.numberFormat = "@";
    text.value = '=HYPERLINK("http://evidence.example")';
    fake.addSheet("Return info", [["Return info"]]);

    const grids = await workbook(fake).readInputSheets();

    expect(grids.find((g) => g.sheet === "Return")?.formulaCells).toEqual(["J23"]);
    expect(grids.find((g) => g.sheet === "Return info")?.formulaCells).toEqual([]);
    // A master's sheets are read for their values alone.
    expect(grids.find((g) => g.sheet === "Settings")?.formulaCells).toBeUndefined();
    expect(fake.syncs).toBe(1);
  });
});

describe("sheets too big for one response", () => {
  const RESPONSE_LIMIT = SMALL_RESPONSE_LIMIT;
  const bigWorkbook = bigResponseWorkbook;

  it("reads them again in blocks when Excel refuses the one large response", async () => {
    const fake = bigWorkbook(5_000); // about 350 KB of values
    const grids = await workbook(fake).readInputSheets();

    const actuals = grids.find((g) => g.sheet === "Actuals")!;
    expect(actuals.rows).toHaveLength(5_001);
    expect(actuals.rows[5_000]).toEqual(["T5001.1", "2009-10", "Q2", 5_001 % 97, "Returned on time with evidence"]);
    expect(grids.map((g) => g.sheet)).toEqual(["Settings", "Actuals"]);
    expect(fake.syncLog[0].refused).toBe(true); // the one-go read
    // Blocks of 100,000 cells are still too big for this host: halved until they fit.
    expect(fake.syncLog.filter((s) => !s.refused).every((s) => s.responseBytes <= RESPONSE_LIMIT)).toBe(true);
  });

  it("still lists a return's formula cells when its sheets are read in blocks", async () => {
    const fake = bigWorkbook(5_000);
    const sheet = fake.addSheet("Return", [["Consortium", "Testshire"]]);
    sheet.cell(30, 10).formula = "=H29*2";
    const grids = await workbook(fake).readInputSheets();
    expect(fake.syncLog[0].refused).toBe(true);
    expect(grids.find((g) => g.sheet === "Return")?.formulaCells).toEqual(["J30"]);
    expect(grids.find((g) => g.sheet === "Actuals")?.formulaCells).toBeUndefined();
  });

  it("fingerprints large summary sheets the same way before a push", async () => {
    const fake = bigWorkbook(10);
    const port = workbook(fake);
    const big: SheetSpec = {
      ...templateSpec("RAG 2009-10 Q2"),
      cells: Array.from({ length: 4_000 }, (_, i) => ({
        row: i + 1,
        column: 1,
        value: `Target ${i + 1}: people helped into volunteering through outreach`,
      })),
    };
    await port.pushSummarySheets([big]);
    const before = fake.syncs;
    const again = await port.pushSummarySheets([big]);
    expect(fake.syncLog[before].refused).toBe(true); // the one-go read
    expect(again.sheets).toEqual([{ requested: "RAG 2009-10 Q2", writtenAs: "RAG 2009-10 Q2", action: "replaced" }]);
  });
});

describe("readSelection", () => {
  it("reads the values of the selected cells, blanks as null, in one sync", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Plan", [
      ["Project 1 Support for volunteering"],
      ["Key targets", "2008-09", "2009-10"],
      ["Potential volunteers make contact", 900, ""],
    ]);
    fake.selection = { sheet: "Plan", address: "A2:C3" };
    const syncs = fake.syncLog.length;
    expect(await workbook(fake).readSelection()).toEqual([
      ["Key targets", "2008-09", "2009-10"],
      ["Potential volunteers make contact", 900, null],
    ]);
    expect(fake.syncLog.length - syncs).toBe(1);
  });
});
