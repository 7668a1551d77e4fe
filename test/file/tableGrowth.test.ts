// Rows applied below an Excel table grow the table (ExcelJS path), so filters, pivots and structured references
// see the imported returns.
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/file/xlsxWorkbook";
import { loadExcel } from "../support/exampleXlsx";

async function masterWithTable(totalsRow = false): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Actuals");
  sheet.getCell("A1").value = "Partner actuals";
  sheet.addTable({
    name: "ActualsTable",
    ref: "A3",
    headerRow: true,
    totalsRow,
    columns: [{ name: "Target ID" }, { name: "FY" }, { name: "Quarter" }, { name: "Actual" }],
    rows: [
      ["T1.1", "2009-10", "Q1", 230],
      ["T1.2", "2009-10", "Q1", 150],
    ],
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The table's range in the saved file. */
async function tableRef(bytes: Uint8Array): Promise<string> {
  const sheet = (await loadExcel(bytes)).getWorksheet("Actuals")!;
  const [table] = sheet.getTables() as unknown as { table: { tableRef: string } }[];
  return table.table.tableRef;
}

describe("applying rows below an Excel table", () => {
  it("grows the table over the new rows, and the saved file keeps it grown", async () => {
    const master = await XlsxWorkbook.fromBytes(await masterWithTable(), "master.xlsx");
    await master.applyEdits({
      createSheets: [],
      updates: [],
      appends: [
        {
          sheet: "Actuals",
          firstRow: 6,
          firstColumn: 1,
          rows: [
            ["T1.1", "2009-10", "Q2", 240],
            ["T1.2", "2009-10", "Q2", 160],
          ],
        },
      ],
    });
    const saved = await master.toBytes();
    expect(await tableRef(saved)).toBe("A3:D7");
    const reopened = await XlsxWorkbook.fromBytes(saved, "saved.xlsx");
    const grid = (await reopened.readInputSheets()).find((g) => g.sheet === "Actuals")!;
    expect(grid.rows[grid.rows.length - 1]).toEqual(["T1.2", "2009-10", "Q2", 160]);
  });

  it("leaves a table alone when the rows go elsewhere", async () => {
    const master = await XlsxWorkbook.fromBytes(await masterWithTable(), "master.xlsx");
    await master.applyEdits({
      createSheets: [],
      updates: [],
      appends: [{ sheet: "Actuals", firstRow: 9, firstColumn: 1, rows: [["T9", "2009-10", "Q2", 1]] }],
    });
    expect(await tableRef(await master.toBytes())).toBe("A3:D5");
  });
});
