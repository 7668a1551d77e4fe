// Workbook fuzz, file half: the example .xlsx mutated in its cells, formats, formulas and sheets (through ExcelJS)
// and in its zip structure (parts dropped, cut short, bytes flipped, control characters), then opened by the file
// adapter as the CLI and the standalone pane open it. For each: no throw escapes but a plain one-sentence refusal,
// the input bytes are unchanged, and a workbook imported without errors gives the same figures after the file
// adapter writes it out and reads it back. Seeded (seed 4242): a failure prints the seed and path to reproduce it.
import type ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { buildReport } from "../../src/core/report";
import { PackageProblem } from "../../src/file/xlsxPackage";
import { XlsxWorkbook } from "../../src/file/xlsxWorkbook";
import { exampleBytes, loadExcel, REPORT_PERIOD } from "../support/exampleXlsx";
import { mutation, type Mutation } from "./workbookMutations";

jest.setTimeout(600_000);

const FILE_CASES = 24;

type ZipMutation =
  | { kind: "dropPart"; part: number }
  | { kind: "cut"; at: number }
  | { kind: "flip"; at: number; byte: number }
  | { kind: "control"; part: number };

const zipMutation: fc.Arbitrary<ZipMutation> = fc.oneof(
  fc.record({ kind: fc.constant("dropPart" as const), part: fc.nat() }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant("flip" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant("control" as const), part: fc.nat() }),
);

/** A grid mutation made to the file itself, in ExcelJS (formats and uncalculated formulas as Excel keeps them). */
function mutateWorkbook(workbook: ExcelJS.Workbook, m: Mutation): void {
  const sheets = workbook.worksheets;
  if (sheets.length === 0) return;
  const sheet = sheets[m.sheet % sheets.length];
  const near = (row: number, column: number) => sheet.getCell((row % 220) + 1, (column % 14) + 1);
  switch (m.kind) {
    case "cell": {
      const cell = sheet.getCell(m.row, m.column);
      const value = m.value;
      if (typeof value === "number" && !Number.isFinite(value)) cell.value = null;
      else if (value instanceof Date && Number.isNaN(value.getTime())) cell.value = null;
      else cell.value = value;
      return;
    }
    case "percentFormat":
      near(m.row, m.column).numFmt = "0%";
      return;
    case "uncalculated":
      near(m.row, m.column).value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
      return;
    case "deleteRow":
      sheet.spliceRows((m.row % 220) + 1, 1);
      return;
    case "header":
      sheet.getCell(1, m.column).value = m.text;
      return;
    case "dropSheet":
      workbook.removeWorksheet(sheet.id);
      return;
    case "renameSheet":
    case "doubleSheet": {
      const name = m.name
        .replace(/[\\/?*[\]:]/g, "")
        .slice(0, 31)
        .trim();
      if (name === "" || sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) return;
      if (m.kind === "renameSheet") sheet.name = name;
      else workbook.addWorksheet(name).getCell("A1").value = "Target ID";
      return;
    }
    case "move":
      if (m.rows > 0) sheet.spliceRows(1, 0, ...new Array<unknown[]>(m.rows).fill([]));
      return;
  }
}

async function mutateZip(bytes: Uint8Array, m: ZipMutation): Promise<Uint8Array> {
  switch (m.kind) {
    case "cut":
      return bytes.slice(0, Math.floor(bytes.length * m.at));
    case "flip": {
      const copy = new Uint8Array(bytes);
      copy[Math.min(copy.length - 1, Math.floor(copy.length * m.at))] = m.byte;
      return copy;
    }
    case "dropPart":
    case "control": {
      const zip = await JSZip.loadAsync(bytes);
      const parts = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
      const part = parts[m.part % parts.length];
      if (m.kind === "dropPart") zip.remove(part);
      else zip.file(part, `${await zip.file(part)!.async("string")}\u0002`);
      return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    }
  }
}

/** The figures a finance officer reads: the report less the problems' wording. */
function figures(bytesRead: Awaited<ReturnType<XlsxWorkbook["readInputSheets"]>>) {
  const { consortium, problems } = importWorkbook(bytesRead);
  return { report: buildReport(consortium, problems, { ...REPORT_PERIOD }), problems };
}

it(`${FILE_CASES} mutated example files: a plain refusal or a report, input unchanged, the same figures after a round trip`, async () => {
  const base = await exampleBytes();
  await fc.assert(
    fc.asyncProperty(
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
      fc.option(zipMutation, { freq: 3 }),
      async (cellEdits, zipEdit) => {
        const workbook = await loadExcel(base);
        for (const edit of cellEdits) mutateWorkbook(workbook, edit);
        let bytes: Uint8Array = new Uint8Array(await workbook.xlsx.writeBuffer());
        if (zipEdit) bytes = await mutateZip(bytes, zipEdit);
        const input = new Uint8Array(bytes);

        let opened: XlsxWorkbook;
        try {
          opened = await XlsxWorkbook.fromBytes(bytes, "fuzzed.xlsx");
        } catch (error) {
          // Refused: one plain sentence (the CLI prints it with the file name), never a crash deep in a library.
          const message = error instanceof Error ? error.message : String(error);
          expect(message.split("\n")).toHaveLength(1);
          expect(error).toBeInstanceOf(PackageProblem);
          expect(bytes).toEqual(input);
          return;
        }
        const first = figures(await opened.readInputSheets());
        expect(bytes).toEqual(input);
        for (const problem of first.problems) {
          expect(problem.sheet).not.toBe("");
          expect(problem.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
        }
        if (first.problems.some((problem) => problem.severity === "error")) return;
        const again = await XlsxWorkbook.fromBytes(await opened.toBytes(), "round-trip.xlsx");
        expect(figures(await again.readInputSheets()).report).toEqual(first.report);
      },
    ),
    { seed: 4242, numRuns: FILE_CASES },
  );
});
