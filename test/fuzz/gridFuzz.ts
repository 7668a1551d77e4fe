// The grid half of the workbook fuzz: the example workbook as the file adapter reads it, mutated at random, through
// the importer and the report. Shared by the seeded test files that split the cases between jest workers.
import fc from "fast-check";
import type { WorkbookGrids } from "../../src/core/grid";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { buildReport } from "../../src/core/report";
import { XlsxWorkbook } from "../../src/file/xlsxWorkbook";
import { exampleBytes, REPORT_PERIOD } from "../support/exampleXlsx";
import { applyMutations, deepFreeze, mutations } from "./workbookMutations";

const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

export async function exampleGrids(): Promise<WorkbookGrids> {
  const workbook = await XlsxWorkbook.fromBytes(await exampleBytes(), "example.xlsx");
  return deepFreeze(await workbook.readInputSheets());
}

/** Runs `cases` mutated workbooks from `seed`: none throws, and every problem names a sheet it read and a cell. */
export function fuzzGrids(base: WorkbookGrids, seed: number, cases: number): void {
  fc.assert(
    fc.property(mutations, (list) => {
      const grids = deepFreeze(applyMutations(base, list));
      const before = JSON.stringify(grids.map((g) => [g.sheet, g.firstRow, g.firstColumn, g.rows.length]));
      const { consortium, problems } = importWorkbook(grids);
      const report = buildReport(consortium, problems, { ...REPORT_PERIOD });
      const sheets = new Set(grids.map((g) => g.sheet));
      for (const problem of report.problems) {
        // The importer's safety net reports a bug it caught: never expected.
        if (/could not be read .*Please report this/.test(problem.message)) throw new Error(problem.message);
        if (!A1.test(problem.cell)) throw new Error(`no cell: ${JSON.stringify(problem)}`);
        if (problem.sheet === "" || (!sheets.has(problem.sheet) && !/has no|no .* sheet/i.test(problem.message))) {
          throw new Error(`no sheet: ${JSON.stringify(problem)}`);
        }
      }
      // The grids were frozen: a reader writing to them would have thrown; their shape is as given.
      expect(JSON.stringify(grids.map((g) => [g.sheet, g.firstRow, g.firstColumn, g.rows.length]))).toBe(before);
    }),
    { seed, numRuns: cases },
  );
}
