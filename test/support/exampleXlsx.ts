// The example consortium as .xlsx bytes, edited with ExcelJS, and read back the way the CLI reads a workbook.
import ExcelJS from "exceljs";
import { exampleSheets } from "../../src/core/example/exampleConsortium";
import type { Problem } from "../../src/core/model";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { buildReport } from "../../src/core/report";
import type { Report } from "../../src/core/reportTypes";
import { XlsxWorkbook } from "../../src/file/xlsxWorkbook";

let example: Promise<Uint8Array> | null = null;

/** The example workbook's bytes (built once per test file). */
export function exampleBytes(): Promise<Uint8Array> {
  example ??= (async () => {
    const workbook = XlsxWorkbook.blank("example.xlsx");
    await workbook.insertSheets(exampleSheets());
    return workbook.toBytes();
  })();
  return example;
}

export async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return workbook;
}

/** The example with an edit made in ExcelJS, as new bytes. */
export async function editedExample(edit: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = await loadExcel(await exampleBytes());
  edit(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const REPORT_PERIOD = { fy: "2009-10", quarter: 2 } as const;

/** The report the CLI would give for 2009-10 Q2. */
export async function reportOf(bytes: Uint8Array): Promise<Report> {
  const workbook = await XlsxWorkbook.fromBytes(bytes, "workbook.xlsx");
  const { consortium, problems } = importWorkbook(await workbook.readInputSheets());
  return buildReport(consortium, problems, { ...REPORT_PERIOD });
}

/** The claim for the quarter across every spend line, in the report's money unit. */
export function claimOf(report: Report): number {
  return report.spend.reduce((total, line) => total + line.claimThisQuarter, 0);
}

export function errorsOf(report: Report): Problem[] {
  return report.problems.filter((problem) => problem.severity === "error");
}
