// Summary sheets written straight as worksheet XML into a copy of the input, against the same specs drawn by
// ExcelJS (drawSheet, in a whole write): read back through ExcelJS they must be the same sheet, look for look.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetSpec } from "../../src/core/sheets/spec";
import { XlsxWorkbook } from "../../src/file/xlsxWorkbook";
import { exampleBytes, loadExcel } from "../support/exampleXlsx";
import { printedByLibreOffice, withLibreOffice } from "../support/libreOffice";

jest.setTimeout(60_000);

const NOW = { now: () => new Date(2009, 9, 20, 9, 0, 0) };

/** A sheet using every feature a summary sheet may use. */
function handSpec(): SheetSpec {
  const bold = { bold: true, fontSize: 14 };
  const cells: SheetSpec["cells"] = [
    { row: 1, column: 1, value: "Oxfordshire consortium: claim", style: bold },
    { row: 2, column: 1, value: '=HYPERLINK("http://example.org","click")' },
    { row: 2, column: 2, value: "  leading and trailing spaces  " },
    { row: 2, column: 3, value: 'Quotes " & <angles> and a line\nbreak' },
    { row: 3, column: 1, value: 1234.5, style: { numberFormat: '"£"#,##0.00;[Red]-"£"#,##0.00', border: "thin" } },
    { row: 3, column: 2, value: 0.955, style: { numberFormat: "0%", fill: "#C6E7D8", fontColor: "#0B5D3B" } },
    { row: 3, column: 3, value: true },
    { row: 3, column: 4, value: { formula: "A3*2", result: 2469 } },
    { row: 3, column: 5, value: { formula: 'B3&"x"', result: "0.955x" } },
    { row: 3, column: 6, value: { formula: "A3+1" } },
    {
      row: 4,
      column: 2,
      value: "● Green",
      style: { horizontalAlignment: "center", verticalAlignment: "center", wrapText: true },
    },
    {
      row: 5,
      column: 1,
      value: "Indented",
      style: { indent: 2, italic: true, bottomBorder: "medium" },
      note: "A note.",
    },
    { row: 6, column: 3, value: "in a range", style: { bold: true } },
    { row: 8, column: 1, value: "Merged title", style: { fill: "#DDEBF7", border: "thin" } },
  ];
  for (let row = 10; row < 60; row++) {
    cells.push({ row, column: 1, value: `T${row}`, style: { fill: "#F2F2F2" } });
    cells.push({ row, column: 2, value: row * 3, style: { numberFormat: "#,##0" } });
  }
  return {
    name: "Hand-made",
    kind: "claim",
    cells,
    columnWidths: [12, 40, 0, 9.5],
    merges: [{ firstRow: 8, firstColumn: 1, lastRow: 8, lastColumn: 4 }],
    rowHeights: [
      { row: 5, height: 30 },
      { row: 7, height: 45 },
    ],
    freeze: { rows: 4, columns: 1 },
    conditionalFormats: [
      {
        type: "textEquals",
        range: { firstRow: 4, firstColumn: 2, lastRow: 4, lastColumn: 4 },
        text: "● Green",
        style: { fill: "#C6E7D8", fontColor: "#0B5D3B" },
      },
      {
        type: "numberBetween",
        range: { firstRow: 10, firstColumn: 2, lastRow: 59, lastColumn: 2 },
        min: 15,
        max: 25,
        style: { fill: "#F5C0C0", bold: true },
      },
      {
        type: "formula",
        range: { firstRow: 10, firstColumn: 1, lastRow: 59, lastColumn: 1 },
        formula: "=LEN(A10)>3",
        style: { fontColor: "#8B1A1A" },
      },
    ],
    rangeStyles: [
      {
        range: { firstRow: 6, firstColumn: 1, lastRow: 7, lastColumn: 4 },
        style: { numberFormat: "@", fill: "#FFE3A3" },
      },
      { range: { firstRow: 7, firstColumn: 2, lastRow: 7, lastColumn: 3 }, style: { italic: true } },
    ],
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      pageBreaksBefore: [10, 40],
      repeatRows: { first: 1, last: 4 },
      header: "Claim & more",
      footer: "Page &P of &N",
    },
    tabColor: "#1F3864",
  };
}

function cellsOf(sheet: ExcelJS.Worksheet): string[] {
  const cells: string[] = [];
  sheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) =>
      cells.push(JSON.stringify([cell.address, cell.value, cell.style, cell.note ?? null])),
    ),
  );
  return cells;
}

describe("summary sheets written as XML", () => {
  let kept: Uint8Array;
  let whole: Uint8Array;

  beforeAll(async () => {
    const workbook = await XlsxWorkbook.fromBytes(await exampleBytes(), "in.xlsx", NOW);
    await workbook.pushSummarySheets([handSpec()]);
    kept = await workbook.toBytesKeepingInputs();
    whole = await workbook.toBytes();
  });

  it("are written by the direct writer, not by ExcelJS", async () => {
    const zip = await JSZip.loadAsync(kept);
    const parts = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.startsWith("xl/worksheets/sheet"))
        .map((name) => zip.file(name)!.async("string")),
    );
    const written = parts.find((xml) => xml.includes("Merged title"))!;
    // ExcelJS marks every row with x14ac:dyDescent; the direct writer does not.
    expect(written).not.toContain("dyDescent");
    expect(written).toContain(
      '<c r="A2" t="inlineStr"><is><t>=HYPERLINK(&quot;http://example.org&quot;,&quot;click&quot;)</t></is></c>',
    );
  });

  it("read back as the same cells, looks, notes and merges as drawSheet draws them", async () => {
    const a = (await loadExcel(kept)).getWorksheet("Hand-made")!;
    const b = (await loadExcel(whole)).getWorksheet("Hand-made")!;
    expect(cellsOf(a)).toEqual(cellsOf(b));
    expect(a.getCell("A2").value).toBe('=HYPERLINK("http://example.org","click")');
    expect(a.getCell("A2").formula).toBeUndefined();
    expect(a.getCell("B2").value).toBe("  leading and trailing spaces  ");
    expect(a.getCell("B8").isMerged).toBe(true);
    expect(a.getCell("D8").style.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(a.getCell("A5").note).toEqual(b.getCell("A5").note);
  });

  it("keep column widths, row heights, frozen panes, tab colour, conditional formats and print setup", async () => {
    const a = (await loadExcel(kept)).getWorksheet("Hand-made")!;
    const b = (await loadExcel(whole)).getWorksheet("Hand-made")!;
    expect([1, 2, 3, 4].map((c) => a.getColumn(c).width)).toEqual([1, 2, 3, 4].map((c) => b.getColumn(c).width));
    expect([5, 6, 7].map((r) => a.getRow(r).height)).toEqual([5, 6, 7].map((r) => b.getRow(r).height));
    expect(a.views).toEqual(b.views);
    expect(a.properties.tabColor).toEqual(b.properties.tabColor);
    const formats = (sheet: ExcelJS.Worksheet) =>
      (sheet.model as { conditionalFormattings?: unknown }).conditionalFormattings;
    expect(formats(a)).toEqual(formats(b));
    expect(a.pageSetup.printTitlesRow).toBe("1:4");
    expect(a.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(a.headerFooter).toMatchObject(b.headerFooter);
    const breaks = (sheet: ExcelJS.Worksheet) => (sheet.model as { rowBreaks?: unknown }).rowBreaks;
    expect(breaks(a)).toEqual(breaks(b));
  });

  it("share one cell style per distinct look, never one per cell", async () => {
    const styles = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      const xml = await zip.file("xl/styles.xml")!.async("string");
      return /<cellXfs count="(\d+)"/.exec(xml)![1];
    };
    const added = Number(await styles(kept)) - Number(await styles(await exampleBytes()));
    // 100 table cells in two looks, plus a dozen one-off looks.
    expect(added).toBeGreaterThan(5);
    expect(added).toBeLessThan(20);
  });

  withLibreOffice("open in LibreOffice (converted to PDF headless)", async () => {
    const pdf = await printedByLibreOffice(kept);
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  });
});

/** A sheet without range styles (the quick path, as the claim sheet) whose merges sit among many plain cells. */
function mergedSpec(): SheetSpec {
  const cells: SheetSpec["cells"] = [{ row: 1, column: 1, value: "Title over four columns", style: { bold: true } }];
  for (let row = 2; row <= 30; row++) {
    cells.push({ row, column: 1, value: `T${row}`, style: { border: "thin" } });
    // Covered by the merge of C10:E11, so written empty with C10's look, as drawSheet leaves it.
    cells.push({ row, column: 3, value: row * 100, style: { numberFormat: "#,##0", fill: "#F2F2F2" } });
    cells.push({ row, column: 6, value: row === 20 ? "last column" : row });
  }
  return {
    name: "Merged among cells",
    kind: "claim",
    cells,
    columnWidths: [12, 12, 12, 12, 12, 12],
    merges: [
      { firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 4 },
      { firstRow: 10, firstColumn: 3, lastRow: 11, lastColumn: 5 },
      // No cell of its own at B25: its first cell is laid plain.
      { firstRow: 25, firstColumn: 2, lastRow: 26, lastColumn: 2 },
    ],
    conditionalFormats: [],
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: false },
  };
}

describe("merged areas among many cells, written as XML", () => {
  it("read back as drawSheet draws them: the first cell kept, the covered ones empty with its look", async () => {
    const workbook = await XlsxWorkbook.fromBytes(await exampleBytes(), "in.xlsx", NOW);
    await workbook.pushSummarySheets([mergedSpec()]);
    const kept = await workbook.toBytesKeepingInputs();
    const zip = await JSZip.loadAsync(kept);
    const parts = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.startsWith("xl/worksheets/sheet"))
        .map((name) => zip.file(name)!.async("string")),
    );
    const xml = parts.find((part) => part.includes("Title over four columns"))!;
    // Excel refuses a sheet that names a cell twice: each address once, in order.
    const addresses = [...xml.matchAll(/<c r="([A-Z]+)(\d+)"/g)].map(
      (m) => Number(m[2]) * 100 + (m[1].charCodeAt(0) - 64),
    );
    expect(addresses.length).toBeGreaterThan(90);
    expect(addresses).toEqual([...new Set(addresses)].sort((x, y) => x - y));
    const a = (await loadExcel(kept)).getWorksheet("Merged among cells")!;
    const b = (await loadExcel(await workbook.toBytes())).getWorksheet("Merged among cells")!;
    expect(cellsOf(a)).toEqual(cellsOf(b));
    expect(a.getCell("C10").value).toBe(1000);
    expect(a.getCell("C11").isMerged).toBe(true);
    expect(a.getCell("C11").style.fill).toEqual(a.getCell("C10").style.fill);
    expect(a.getCell("F11").value).toBe(11);
    expect(a.getCell("B26").isMerged).toBe(true);
    expect(a.getCell("A30").value).toBe("T30");
  });
});
