import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetSpec } from "../../src/core/sheets/spec";
import { NUMBER_FORMATS, RAG_STYLE } from "../../src/core/sheets/spec";
import { drawSheet } from "../../src/file/drawSheet";

/** ExcelJS keeps these at run time but not in its type declarations. */
type Inspectable = ExcelJS.Worksheet & {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  sheetProtection: Record<string, unknown> | null;
};

const HYPERLINK_TEXT = '=HYPERLINK("https://www.oxnet.org.uk","oxnet")';

function claimSpec(): SheetSpec {
  return {
    name: "Claim 2009-10 Q2",
    kind: "claim",
    cells: [
      { row: 1, column: 1, value: "Claim 2009-10 Q2", style: { bold: true, fontSize: 14 } },
      {
        row: 3,
        column: 1,
        value: "Project",
        style: { bold: true, fill: "#1F4E79", fontColor: "#FFFFFF", bottomBorder: "medium" },
      },
      { row: 3, column: 2, value: "Budget to date", style: { bold: true, wrapText: true } },
      { row: 3, column: 3, value: "RAG", style: { bold: true, horizontalAlignment: "center" } },
      { row: 4, column: 1, value: HYPERLINK_TEXT, style: { indent: 1 } },
      { row: 4, column: 2, value: 1250.5, style: { numberFormat: NUMBER_FORMATS.money, border: "thin" } },
      {
        row: 4,
        column: 3,
        value: "Green",
        style: { fill: RAG_STYLE.Green.fill, fontColor: RAG_STYLE.Green.fontColor },
        note: "Spend within 10% of budget.",
      },
      { row: 5, column: 1, value: "Total", style: { bold: true } },
      {
        row: 5,
        column: 2,
        value: { formula: "SUM(B4:B4)", result: 1250.5 },
        style: { numberFormat: NUMBER_FORMATS.money },
      },
      { row: 5, column: 3, value: "1,250", style: { unlocked: true } },
      { row: 6, column: 2, value: 40179, style: { numberFormat: NUMBER_FORMATS.date } },
      { row: 6, column: 3, value: true },
    ],
    columnWidths: [40, 16, 10],
    merges: [{ firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 3 }],
    freeze: { rows: 3, columns: 1 },
    conditionalFormats: [
      {
        type: "textEquals",
        range: { firstRow: 4, firstColumn: 3, lastRow: 20, lastColumn: 3 },
        text: "Red",
        style: { fill: RAG_STYLE.Red.fill, fontColor: RAG_STYLE.Red.fontColor },
      },
      {
        type: "numberBetween",
        range: { firstRow: 4, firstColumn: 2, lastRow: 20, lastColumn: 2 },
        min: 15,
        max: 25,
        style: { fill: "#F5C0C0", bold: true },
      },
      {
        type: "formula",
        range: { firstRow: 4, firstColumn: 1, lastRow: 20, lastColumn: 1 },
        formula: 'AND($B4>1000,$A4="")',
        style: { fill: "#FFE3A3" },
      },
    ],
    validations: [
      {
        range: { firstRow: 4, firstColumn: 3, lastRow: 20, lastColumn: 3 },
        list: ["Green", "Amber", "Red"],
        errorMessage: "Choose Green, Amber or Red.",
        prompt: "The RAG status",
      },
      {
        range: { firstRow: 4, firstColumn: 2, lastRow: 20, lastColumn: 2 },
        decimal: { min: 0 },
        errorMessage: "A positive amount.",
        allowOther: true,
      },
      {
        range: { firstRow: 4, firstColumn: 4, lastRow: 20, lastColumn: 4 },
        whole: { min: 1, max: 5 },
        errorMessage: "1 to 5.",
      },
    ],
    rangeStyles: [
      { range: { firstRow: 4, firstColumn: 1, lastRow: 8, lastColumn: 1 }, style: { numberFormat: "@", italic: true } },
    ],
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: { first: 3, last: 3 },
      pageBreaksBefore: [6],
      header: "Oxford && District claim",
      footer: "Page &P of &N",
    },
    protection: { protect: true, allowSelectLockedCells: true },
    tabColor: "#1F4E79",
  };
}

async function roundTrip(spec: SheetSpec): Promise<{ sheet: Inspectable; bytes: Uint8Array }> {
  const workbook = new ExcelJS.Workbook();
  await drawSheet(workbook.addWorksheet(spec.name), spec);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const reopened = new ExcelJS.Workbook();
  await reopened.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  const sheet = reopened.getWorksheet(spec.name);
  if (!sheet) throw new Error("sheet missing after round trip");
  return { sheet: sheet as Inspectable, bytes };
}

describe("drawSheet round trip through an .xlsx file", () => {
  let sheet: Inspectable;
  let bytes: Uint8Array;
  beforeAll(async () => {
    ({ sheet, bytes } = await roundTrip(claimSpec()));
  });

  it("keeps partner text that looks like a formula as text, never a formula", async () => {
    expect(sheet.getCell("A4").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("A4").value).toBe(HYPERLINK_TEXT);
    expect(sheet.getCell("A4").formula).toBeUndefined();
    // And in the file itself: the only <f> element is the core's own SUM.
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml.match(/<f>/g)).toHaveLength(1);
    expect(xml).toContain("<f>SUM(B4:B4)</f>");
    expect(sheet.getCell("C5").value).toBe("1,250");
  });

  it("writes numbers, formulas with their results, dates and booleans", () => {
    expect(sheet.getCell("B4").value).toBe(1250.5);
    expect(sheet.getCell("B5").value).toEqual({ formula: "SUM(B4:B4)", result: 1250.5 });
    expect(sheet.getCell("B6").value).toEqual(new Date(Date.UTC(2010, 0, 1)));
    expect(sheet.getCell("C6").value).toBe(true);
  });

  it("writes number formats, fonts, fills, alignment, borders and notes", () => {
    expect(sheet.getCell("B4").numFmt).toBe(NUMBER_FORMATS.money);
    expect(sheet.getCell("B6").numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getCell("A3").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FF1F4E79" },
    });
    expect(sheet.getCell("A3").font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(sheet.getCell("A3").border.bottom).toMatchObject({ style: "medium" });
    expect(sheet.getCell("A3").border.top).toBeUndefined();
    expect(sheet.getCell("B4").border).toMatchObject({ top: { style: "thin" }, left: { style: "thin" } });
    expect(sheet.getCell("B3").alignment).toMatchObject({ wrapText: true });
    expect(sheet.getCell("C3").alignment).toMatchObject({ horizontal: "center" });
    expect(sheet.getCell("C4").fill).toMatchObject({ fgColor: { argb: "FFC6E7D8" } });
    expect(sheet.getCell("C4").note).toBe("Spend within 10% of budget.");
  });

  it("draws range styles beneath the cells, the cell's own style winning property by property", () => {
    expect(sheet.getCell("A4").numFmt).toBe("@");
    expect(sheet.getCell("A4").font).toMatchObject({ italic: true });
    expect(sheet.getCell("A4").alignment).toMatchObject({ indent: 1 });
    expect(sheet.getCell("A8").numFmt).toBe("@");
    expect(sheet.getCell("A5").font).toMatchObject({ italic: true, bold: true });
  });

  it("merges, widths, freeze panes and tab colour", () => {
    expect(sheet.getCell("B1").isMerged).toBe(true);
    expect(sheet.getCell("C1").master.address).toBe("A1");
    expect(sheet.getCell("A2").isMerged).toBe(false);
    expect(sheet.getColumn(1).width).toBe(40);
    expect(sheet.getColumn(2).width).toBe(16);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    expect(sheet.properties.tabColor).toMatchObject({ argb: "FF1F4E79" });
  });

  it("conditional formats: whole-cell text equality, a number range and a formula", () => {
    const [text, between, formula] = sheet.conditionalFormattings;
    expect(text.ref).toBe("C4:C20");
    expect(text.rules[0]).toMatchObject({ type: "expression", formulae: ['TRIM(C4)="Red"'] });
    expect(text.rules[0].style?.fill).toMatchObject({ bgColor: { argb: "FFF5C0C0" } });
    expect(between.ref).toBe("B4:B20");
    expect(between.rules[0]).toMatchObject({ type: "cellIs", operator: "between", formulae: ["15", "25"] });
    expect(formula.ref).toBe("A4:A20");
    expect(formula.rules[0]).toMatchObject({ type: "expression", formulae: ['AND($B4>1000,$A4="")'] });
  });

  it("data validations: list, decimal with a warning, whole number in a range", () => {
    const model = sheet.dataValidations.model;
    expect(model.C4).toMatchObject({
      type: "list",
      formulae: ['"Green,Amber,Red"'],
      error: "Choose Green, Amber or Red.",
    });
    expect(model.C4?.prompt).toBe("The RAG status");
    expect(model.C20).toMatchObject({ type: "list" });
    expect(model.B7).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
      errorStyle: "warning",
    });
    expect(model.D4).toMatchObject({ type: "whole", operator: "between", formulae: [1, 5] });
    expect(model.D4?.errorStyle).not.toBe("warning");
  });

  it("print settings: A4 landscape, one page wide, repeated title rows, header and footer", () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
    });
    expect(sheet.headerFooter.oddHeader).toBe("&COxford && District claim");
    expect(sheet.headerFooter.oddFooter).toBe("&CPage &P of &N");
  });

  it("starts a printed page at each row the spec breaks before (a manual break below the row above)", async () => {
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="5" [^>]*man="1"\/><\/rowBreaks>/);
  });

  it("protects the sheet without a password, leaving unlocked cells editable", () => {
    expect(sheet.sheetProtection).toMatchObject({ sheet: true });
    expect(sheet.sheetProtection?.selectLockedCells).not.toBe(false);
    expect(sheet.sheetProtection?.hashValue).toBeUndefined();
    expect(sheet.getCell("C5").protection).toMatchObject({ locked: false });
    expect(sheet.getCell("C4").protection?.locked).not.toBe(false);
  });

  it("can stop locked cells being selected", async () => {
    const spec = { ...claimSpec(), protection: { protect: true as const, allowSelectLockedCells: false } };
    const { sheet: locked } = await roundTrip(spec);
    expect(locked.sheetProtection).toMatchObject({ sheet: true, selectLockedCells: false });
  });

  it("leaves an unprotected sheet unprotected", async () => {
    const { sheet: open } = await roundTrip({ ...claimSpec(), protection: undefined });
    expect(open.sheetProtection?.sheet).toBeFalsy();
  });
});
