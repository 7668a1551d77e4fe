// One measured run, in its own process so its peak memory is its own: `node fileReportRun.js report <in.xlsx>`
// runs `consortium-tracker report` on the file; `... floor <in.xlsx> <cells>` does the least any implementation
// must: a streaming read of every cell, the core on the grids read, and a streaming write of as many new cells
// as the summary sheets hold. Prints {"cpuSeconds", "peakRssMb", "cells"} as JSON on the last line.
import ExcelJS from "exceljs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../src/cli/main";
import type { CellValue, SheetGrid } from "../src/core/grid";
import { importWorkbook } from "../src/core/read/importWorkbook";
import { buildSummarySheets } from "../src/core/summarySheets";

const PERIOD = { fy: "2010-11", quarter: 2 } as const;

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

async function report(file: string): Promise<number> {
  const out = path.join(os.tmpdir(), `file-bench-${process.pid}.xlsx`);
  let said = "";
  const code = await runCli(["report", file, "--period", "2010-11 Q2", "--out", out], {
    stdout: (text) => void (said += text),
    stderr: (text) => void (said += text),
  });
  if (code !== 0) throw new Error(`report exited ${code}: ${said.slice(-500)}`);
  return 0;
}

async function floor(file: string): Promise<number> {
  // Streaming read: every cell's value, into grids.
  const grids: SheetGrid[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", worksheets: "emit" });
  for await (const worksheet of reader) {
    const rows: CellValue[][] = [];
    const named = worksheet as unknown as { name: string };
    for await (const row of worksheet) {
      const values = (row.values as ExcelJS.CellValue[])
        .slice(1)
        .map((v) => (v === undefined ? null : (v as CellValue)));
      rows[row.number - 1] = values;
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    grids.push({ sheet: named.name, rows, firstRow: 1, firstColumn: 1 });
  }
  // The core alone.
  const { consortium, problems } = importWorkbook(grids);
  const specs = buildSummarySheets(consortium, problems, PERIOD, { year: 2010, month: 10, day: 20 });
  const cells = specs.reduce((total, spec) => total + spec.cells.length, 0);
  // Streaming write of as many cells.
  const out = path.join(os.tmpdir(), `file-bench-floor-${process.pid}.xlsx`);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: false, useStyles: true });
  for (const spec of specs) {
    const sheet = writer.addWorksheet(spec.name);
    let row: ExcelJS.Row | null = null;
    for (const cell of spec.cells) {
      if (!row || row.number !== cell.row) {
        row?.commit();
        row = sheet.getRow(cell.row);
      }
      row.getCell(cell.column).value = cell.value as ExcelJS.CellValue;
    }
    row?.commit();
    sheet.commit();
  }
  await writer.commit();
  return cells;
}

async function main(): Promise<void> {
  const [what, file] = process.argv.slice(2);
  const started = cpuSeconds();
  const cells = what === "floor" ? await floor(file) : await report(file);
  const result = {
    cpuSeconds: cpuSeconds() - started,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cells,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
