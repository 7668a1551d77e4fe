import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { exampleSheets } from "../../src/core/example/exampleConsortium";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { buildReport } from "../../src/core/report";
import { buildSummarySheets } from "../../src/core/summarySheets";
import { inlineSharedStrings, mergeStyles, remapSheetStyles } from "../../src/file/keptInputs";
import { printedByLibreOffice, withLibreOffice } from "../support/libreOffice";
import { saveSettings } from "../../src/app/settings";
import { XlsxWorkbook } from "../../src/file/xlsxWorkbook";

jest.setTimeout(120_000);

const PERIOD = { fy: "2009-10", quarter: 2 } as const;
const PREPARED_ON = { year: 2009, month: 10, day: 20 };
const NOW = () => new Date(2009, 9, 20, 9, 0, 0);

async function exampleBytes(): Promise<Uint8Array> {
  const workbook = XlsxWorkbook.blank("example.xlsx", { now: NOW });
  await workbook.insertSheets(exampleSheets());
  return workbook.toBytes();
}

/** Opens the bytes, pushes the period's summary sheets, and returns both ways of writing the result. */
async function pushed(bytes: Uint8Array) {
  const workbook = await XlsxWorkbook.fromBytes(bytes, "in.xlsx", { now: NOW });
  const { consortium, problems } = importWorkbook(await workbook.readInputSheets());
  await workbook.pushSummarySheets(buildSummarySheets(consortium, problems, PERIOD, PREPARED_ON));
  return { kept: await workbook.toBytesKeepingInputs(), whole: await workbook.toBytes() };
}

/** Each sheet's part, by sheet name, as the package holds it. */
async function sheetParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const parts = new Map<string, string>();
  for (const sheet of workbook.match(/<sheet\b[^>]*\/>/g) ?? []) {
    const name = /\bname="([^"]*)"/.exec(sheet)![1];
    const id = /\br:id="([^"]*)"/.exec(sheet)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${id}"`).exec(rels)!;
    const part = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
    parts.set(name, await zip.file(part)!.async("string"));
  }
  return parts;
}

async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Every cell of a sheet: address, value, style and note, to compare two renderings. */
function cellsOf(sheet: ExcelJS.Worksheet): string[] {
  const cells: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) =>
      cells.push(JSON.stringify([cell.address, cell.value, cell.style, cell.note ?? null])),
    ),
  );
  return cells;
}

describe.each([
  ["a workbook this tool wrote", exampleBytes],
  ["a workbook LibreOffice saved", () => fs.readFile(path.join(__dirname, "fixtures", "libreoffice-example.xlsx"))],
])("a copy that keeps the input sheets: %s", (_label, source) => {
  let input: Uint8Array;
  let kept: Uint8Array;
  let whole: Uint8Array;

  beforeAll(async () => {
    input = new Uint8Array(await source());
    ({ kept, whole } = await pushed(input));
  });

  it("copies every input sheet's part byte for byte", async () => {
    const before = await sheetParts(input);
    const after = await sheetParts(kept);
    expect(before.size).toBeGreaterThanOrEqual(9);
    for (const [name, xml] of before) expect(after.get(name)).toBe(xml);
  });

  it("adds the summary sheets and the hidden registry, drawn exactly as a whole write draws them", async () => {
    const fromKept = await excel(kept);
    const fromWhole = await excel(whole);
    expect(fromKept.worksheets.map((s) => [s.name, s.state])).toEqual(
      fromWhole.worksheets.map((s) => [s.name, s.state]),
    );
    for (const name of ["Claim 2009-10 Q2", "RAG 2009-10 Q2", "Year on year", "Risk register"]) {
      const a = fromKept.getWorksheet(name)!;
      const b = fromWhole.getWorksheet(name)!;
      expect(cellsOf(a)).toEqual(cellsOf(b));
      const formats = (sheet: ExcelJS.Worksheet) =>
        (sheet.model as { conditionalFormattings?: unknown }).conditionalFormattings;
      expect(formats(a)).toEqual(formats(b));
      if (name.startsWith("RAG")) expect(formats(a)).not.toEqual([]);
      expect(a.pageSetup.printTitlesRow).toBe(b.pageSetup.printTitlesRow);
      expect(a.views).toEqual(b.views);
    }
  });

  it("keeps the RAG sheet's page break before its full table, as a whole write does", async () => {
    const breaks = async (bytes: Uint8Array) =>
      /<rowBreaks\b.*<\/rowBreaks>/.exec((await sheetParts(bytes)).get("RAG 2009-10 Q2") ?? "")?.[0];
    expect(await breaks(kept)).toMatch(/<brk id="\d+"/);
    expect(await breaks(kept)).toBe(await breaks(whole));
  });

  it("reads back to the same report, and a second report over the copy replaces its summary sheets", async () => {
    const first = await XlsxWorkbook.fromBytes(kept, "copy.xlsx", { now: NOW });
    const { consortium, problems } = importWorkbook(await first.readInputSheets());
    const original = importWorkbook(await (await XlsxWorkbook.fromBytes(input, "in.xlsx")).readInputSheets());
    expect(buildReport(consortium, problems, PERIOD)).toEqual(
      buildReport(original.consortium, original.problems, PERIOD),
    );
    const again = await pushed(kept);
    const names = (await excel(again.kept)).worksheets.map((s) => s.name);
    expect(names.filter((name) => name.startsWith("RAG"))).toEqual(["RAG 2009-10 Q2"]);
  });

  withLibreOffice("opens in LibreOffice (converted to PDF headless)", async () => {
    const pdf = await printedByLibreOffice(kept);
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  });
});

describe("laying written sheets into another package", () => {
  it("appends the written styles after the original's and moves every index by as much", () => {
    const original =
      '<styleSheet xmlns="x"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill/><fill/></fills>' +
      '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>' +
      '<cellXfs count="2"><xf fontId="0"/><xf fontId="0" fillId="1"/></cellXfs><cellStyles count="1"><cellStyle/></cellStyles></styleSheet>';
    const written =
      '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0%"/></numFmts>' +
      '<fonts count="2"><font><sz val="11"/></font><font><b/></font></fonts><fills count="1"><fill/></fills>' +
      '<borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>';
    const merged = mergeStyles(original, written)!;
    expect(merged.offsets).toEqual({ font: 1, fill: 2, border: 1, xf: 2, dxf: 0 });
    expect(merged.xml).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0%"/></numFmts><fonts');
    expect(merged.xml).toContain('<fonts count="3">');
    expect(merged.xml).toContain('<xf numFmtId="164" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1"/>');
    expect(merged.xml).toContain('<cellXfs count="4">');
    // The original had no dxfs: they follow cellStyles.
    expect(merged.xml).toContain('</cellStyles><dxfs count="1"><dxf><font><b/></font></dxf></dxfs>');
  });

  it("moves a written sheet's cell, row, column and conditional-format styles, and inlines its strings", () => {
    const sheet =
      '<cols><col min="1" max="1" style="3"/></cols><row r="1" s="2" customFormat="1"><c r="A1" s="1" t="s"><v>1</v></c>' +
      '<c r="B1" s="4"/><c r="C1"><v>5</v></c></row><cfRule dxfId="0"/>';
    const moved = remapSheetStyles(sheet, { font: 0, fill: 0, border: 0, xf: 10, dxf: 3 });
    expect(moved).toBe(
      '<cols><col min="1" max="1" style="13"/></cols><row r="1" s="12" customFormat="1"><c r="A1" s="11" t="s"><v>1</v></c>' +
        '<c r="B1" s="14"/><c r="C1"><v>5</v></c></row><cfRule dxfId="3"/>',
    );
    expect(
      inlineSharedStrings(moved, ["<t>zero</t>", '<t xml:space="preserve">=HYPERLINK("x") &amp; one</t>']),
    ).toContain('<c r="A1" s="11" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK("x") &amp; one</t></is></c>');
  });
});

describe("what is written whole", () => {
  it("a workbook changed in place (settings written) is written whole, with the change", async () => {
    const workbook = await XlsxWorkbook.fromBytes(await exampleBytes(), "in.xlsx", { now: NOW });
    await saveSettings(workbook, { greenThreshold: 0.9 });
    const bytes = await workbook.toBytesKeepingInputs();
    const reread = importWorkbook(await (await XlsxWorkbook.fromBytes(bytes, "x.xlsx")).readInputSheets());
    expect(reread.consortium.settings.greenThreshold).toBe(0.9);
  });
});
