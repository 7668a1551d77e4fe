// The streaming reader against ExcelJS's reader (readGrids): the same grids, formula, percent and uncalculated
// cells on every test workbook: the example this tool writes, one LibreOffice saved, odd cells written by hand
// into the XML, and fuzzed workbooks.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { readGrids } from "../../src/file/readGrids";
import { streamSheets } from "../../src/file/streamGrids";
import { PackageProblem } from "../../src/file/xlsxPackage";
import { XlsxWorkbook } from "../../src/file/xlsxWorkbook";
import { exampleBytes, loadExcel } from "../support/exampleXlsx";
import { writeSyntheticWorkbook } from "../../bench/syntheticFile";
import * as os from "os";

jest.setTimeout(120_000);

async function bothReads(bytes: Uint8Array) {
  const streamed = await streamSheets(bytes);
  const excel = readGrids(await loadExcel(bytes));
  return { streamed: streamed.map((sheet) => sheet.grid), excel };
}

async function expectSameGrids(bytes: Uint8Array): Promise<void> {
  const { streamed, excel } = await bothReads(bytes);
  expect(streamed).toEqual(excel);
}

/** A workbook whose first sheet's part is replaced by the given sheetData (and what follows it). */
async function withSheetXml(sheetData: string, options: { after?: string; date1904?: boolean; shared?: string } = {}) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Odd");
  sheet.getCell("A1").value = "placeholder";
  sheet.getCell("B1").value = 0.5;
  sheet.getCell("B1").numFmt = "0.0%";
  sheet.getCell("C1").value = new Date(Date.UTC(2009, 6, 15));
  sheet.getCell("C1").numFmt = "dd/mm/yyyy";
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const styles = await zip.file("xl/styles.xml")!.async("string");
  // The style indexes ExcelJS gave the percent and date cells, so the hand-written cells can use them.
  const original = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const percent = /<c r="B1" s="(\d+)"/.exec(original)![1];
  const date = /<c r="C1" s="(\d+)"/.exec(original)![1];
  const xml = original.replace(
    /<sheetData>[\s\S]*<\/sheetData>/,
    `<sheetData>${sheetData.replace(/PCT/g, percent).replace(/DATE/g, date)}</sheetData>${options.after ?? ""}`,
  );
  zip.file("xl/worksheets/sheet1.xml", xml.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, ""));
  if (options.shared !== undefined) {
    zip.file(
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.shared}</sst>`,
    );
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    if (!rels.includes("sharedStrings")) {
      zip.file(
        "xl/_rels/workbook.xml.rels",
        rels.replace(
          "</Relationships>",
          '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        ),
      );
      const types = await zip.file("[Content_Types].xml")!.async("string");
      zip.file(
        "[Content_Types].xml",
        types.replace(
          "</Types>",
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        ),
      );
    }
  }
  if (options.date1904) {
    const book = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", book.replace(/<workbookPr\b[^>]*?(\/?)>/, '<workbookPr date1904="1"$1>'));
  }
  void styles;
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}

describe("a streamed read gives the same grids as ExcelJS's reader", () => {
  it("on the example workbook this tool writes", async () => {
    await expectSameGrids(await exampleBytes());
  });

  it("on a workbook LibreOffice saved", async () => {
    await expectSameGrids(
      new Uint8Array(await fs.readFile(path.join(__dirname, "fixtures", "libreoffice-example.xlsx"))),
    );
  });

  it("on a synthetic consortium as the benchmark writes it", async () => {
    const file = path.join(os.tmpdir(), `stream-grids-${process.pid}.xlsx`);
    try {
      await writeSyntheticWorkbook(file, 60);
      const bytes = new Uint8Array(await fs.readFile(file));
      const { streamed, excel } = await bothReads(bytes);
      expect(streamed.length).toBeGreaterThan(2);
      expect(streamed).toEqual(excel);
    } finally {
      await fs.rm(file, { force: true });
    }
  });

  it("on tables, formulas, errors, rich text, hyperlinks, dates, booleans and merges written by ExcelJS", async () => {
    const workbook = new ExcelJS.Workbook();
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
    const values = workbook.addWorksheet("Values & more");
    values.getCell("A1").value = 10;
    values.getCell("A2").value = 20;
    values.getCell("B1").value = { formula: "A1*2", result: 20 };
    values.fillFormula("C1:C3", "A1+1", [11, 21, 31]);
    values.getCell("D1").value = { formula: "A1/0", result: { error: "#DIV/0!" } };
    values.getCell("D2").value = { formula: "A1*3" };
    values.getCell("D3").value = { formula: 'A1&"x"', result: "10x" };
    values.getCell("D4").value = { formula: "A1>1", result: true };
    values.getCell("E1").value = { richText: [{ text: "Oxford" }, { text: "shire", font: { bold: true } }] };
    values.getCell("E2").value = { text: "oxnet", hyperlink: "https://www.oxnet.org.uk" };
    values.getCell("E3").value = '=HYPERLINK("https://www.oxnet.org.uk","oxnet")';
    values.getCell("E4").value = 'Tabs\tand\nnew lines & <angles> "quoted"';
    values.getCell("F1").value = new Date(Date.UTC(2009, 6, 15));
    values.getCell("F1").numFmt = "dd/mm/yyyy";
    values.getCell("F2").value = 40009;
    values.getCell("F3").value = true;
    values.getCell("F4").value = 0.125;
    values.getCell("F4").numFmt = "0.0%";
    values.getCell("F5").value = 0.5;
    values.getCell("F5").numFmt = '0"%"';
    values.getCell("F6").value = { formula: "F4*2", result: 0.25 };
    values.getCell("F6").numFmt = "0%";
    values.getCell("G1").value = "Merged heading";
    values.mergeCells("G1:H2");
    values.getCell("I1").value = { formula: "A1+A2", result: 30 };
    values.mergeCells("I1:J1");
    values.getCell("H3").value = "";
    values.getCell("H4").value = { formula: "A1-A1", result: 0 };
    values.getCell("Z200").value = "far away";
    workbook.addWorksheet("Empty");
    workbook.addWorksheet("Tracker registry", { state: "veryHidden" }).getCell("A1").value = "Sheet";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expectSameGrids(bytes);
    // A formula that comes to 0 was calculated: its 0 is read, not taken for a formula never calculated.
    const [, grid] = (await streamSheets(bytes)).map((sheet) => sheet.grid);
    expect(grid.rows[3][7]).toBe(0);
    expect(grid.uncalculatedCells).toEqual(["D2"]);
  });

  it("on cells written by hand: inline and shared text, escapes, odd types, cells without addresses, 1904 dates", async () => {
    const shared =
      "<si><t>plain</t></si>" +
      '<si><r><t>rich </t></r><r><rPr><b/></rPr><t xml:space="preserve">text</t></r></si>' +
      '<si><t>line_x000D_break</t><rPh sb="0" eb="1"><t>ignored</t></rPh></si>' +
      "<si><t>&amp;amp; &#169; &#x263A;</t></si>" +
      "<si/>" +
      "<si><t></t></si>";
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
      '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c><c r="B2" t="inlineStr"><is><r><t>in</t></r><r><t>_x0041_</t></r></is></c>' +
      '<c r="C2" t="inlineStr"><is><t>_x0041_ stays</t></is></c><c r="D2" t="inlineStr"><is><t></t></is></c></row>' +
      '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#N/A</v></c>' +
      '<c r="D3" t="str"><v>&amp;lt;b&amp;gt;</v></c><c r="E3" t="n"><v>  12.5 </v></c><c r="F3"><v>1e3</v></c></row>' +
      '<row r="4"><c r="A4" s="PCT"><v>0.25</v></c><c r="B4" s="DATE"><v>40009</v></c><c r="C4" s="DATE"><f>A4+1</f><v>40010</v></c>' +
      '<c r="D4" s="PCT"><f>A4</f></c><c r="E4"><f t="shared" ref="E4:E5" si="0">A4*2</f><v>0.5</v></c></row>' +
      '<row r="5"><c r="E5"><f t="shared" si="0"/><v>1</v></c><c r="F5" s="PCT"/><c r="G5"/></row>' +
      '<row r="6"><c r="B6"><v>1</v></c><c><v>2</v></c><c t="inlineStr"><is><t>next</t></is></c></row>' +
      '<row r="9" spans="1:3"><c r="C9"><v>9</v></c><c r="A9"><v>8</v></c><c r="C9"><v>10</v></c></row>' +
      '<row r="10"><c r="A10"><v>n</v></c><c r="B10" t="d"><v>2020-01-01</v></c><c r="C10"><f>1/0</f><v></v></c></row>';
    await expectSameGrids(await withSheetXml(rows, { shared }));
    await expectSameGrids(await withSheetXml(rows, { shared, date1904: true }));
    await expectSameGrids(
      await withSheetXml(
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f>A1</f><v>1</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>',
        { after: '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C1:D1"/></mergeCells>' },
      ),
    );
  });

  it("on fuzzed workbooks: random values, formats, formulas and merges", async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2090, 0, 1)) }),
      fc.constant(null),
    );
    const edit = fc.record({
      row: fc.integer({ min: 1, max: 30 }),
      column: fc.integer({ min: 1, max: 8 }),
      value,
      format: fc.constantFrom(undefined, "0%", "0.00%", "dd/mm/yyyy", '"£"#,##0.00', "@", "mmm-yy", '0"%"'),
      formula: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { maxLength: 40 }),
        fc.option(fc.integer({ min: 1, max: 28 })),
        async (edits, merge) => {
          const workbook = new ExcelJS.Workbook();
          const sheet = workbook.addWorksheet("Fuzz");
          for (const e of edits) {
            const cell = sheet.getCell(e.row, e.column);
            // A formula's text or true/false result under a date format is left out: ExcelJS turns it into a
            // date (or nothing), where the streamed read keeps what the file holds.
            const dated = e.format === "dd/mm/yyyy" || e.format === "mmm-yy";
            const asFormula =
              e.formula && e.value !== null && !(e.value instanceof Date) && !(dated && typeof e.value !== "number");
            cell.value = asFormula ? { formula: "1+1", result: e.value as number | string | boolean } : e.value;
            if (e.format) cell.numFmt = e.format;
          }
          if (merge !== null) sheet.mergeCells(merge, 2, merge + 2, 4);
          await expectSameGrids(new Uint8Array(await workbook.xlsx.writeBuffer()));
        },
      ),
      { seed: 1313, numRuns: 40 },
    );
  });
});

describe("the checks made on each sheet as it is read", () => {
  /** The example with a sheet's unpacked size in the zip directory stated smaller than it is. */
  async function understated(): Promise<Uint8Array> {
    const bytes = new Uint8Array(await exampleBytes());
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
    for (let at = 0; at + 46 < bytes.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      const entry = bytes.subarray(at + 46, at + 46 + length);
      if (entry.length === name.length && entry.every((byte, i) => byte === name[i]))
        view.setUint32(at + 24, 100, true);
    }
    return bytes;
  }

  it("a sheet that unpacks past the size its directory states is refused, naming the sheet", async () => {
    const opening = XlsxWorkbook.fromBytes(await understated(), "lying.xlsx");
    await expect(opening).rejects.toBeInstanceOf(PackageProblem);
    await expect(opening).rejects.toThrow(
      /the sheet "[^"]+" (unpacks to more than its zip directory says|cannot be unpacked)/,
    );
  });
});
