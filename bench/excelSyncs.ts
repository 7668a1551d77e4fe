/// <reference types="office-js" />
// npm run bench:syncs: how many context.sync() calls (round trips to Excel) each Office.js command takes as the
// consortium grows. The bench's synthetic consortia of 100, 1,000 and 10,000 targets are put in an in-memory fake
// of Excel (test/excel/fakeExcel.ts: it counts syncs and refuses requests or responses over Excel on the web's
// 5 MB), then read, and their summary sheets pushed twice (created, then replaced) on a current host and on a
// host with only the declared ExcelApi set. Exits 1 when a command's syncs grow with size where they should not.
import { performance } from "perf_hooks";
import type { CellValue } from "../src/core/grid";
import type { Period } from "../src/core/periods";
import { importWorkbook } from "../src/core/read/importWorkbook";
import { buildSummarySheets } from "../src/core/sheets/summarySheets";
import { OfficeWorkbook } from "../src/excel/officeWorkbook";
import { DECLARED_EXCEL_API } from "../src/excel/requirements";
import { FakeExcel, type FakeValue } from "../test/excel/fakeExcel";
import { syntheticGrids } from "./syntheticConsortium";

const SIZES = [100, 1_000, 10_000];
const PERIOD: Period = { fy: "2010-11", quarter: 2 };
const PREPARED_ON = { year: 2010, month: 10, day: 20 };
const CURRENT_HOST = "1.20";

interface Run {
  syncs: number;
  refused: number;
  largestRequestMb: number;
  largestResponseMb: number;
  ms: number;
}

function excelValue(value: CellValue): FakeValue | null {
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569; // an Excel serial, as Office.js gives
  return value;
}

/** A fake workbook holding the synthetic template sheets. */
function workbookOf(targets: number, apiVersion: string): FakeExcel {
  const fake = new FakeExcel({ apiVersion });
  for (const grid of syntheticGrids(targets)) {
    const sheet = fake.addSheet(grid.sheet);
    grid.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const written = excelValue(value);
        if (written !== null && written !== "") sheet.cell(grid.firstRow + r, grid.firstColumn + c).value = written;
      }),
    );
  }
  return fake;
}

async function measured(fake: FakeExcel, command: () => Promise<unknown>): Promise<Run> {
  const first = fake.syncLog.length;
  const started = performance.now();
  await command();
  const log = fake.syncLog.slice(first);
  return {
    syncs: log.length,
    refused: log.filter((s) => s.refused).length,
    largestRequestMb: Math.max(...log.map((s) => s.requestBytes)) / 1e6,
    largestResponseMb: Math.max(...log.map((s) => s.responseBytes)) / 1e6,
    ms: performance.now() - started,
  };
}

async function measure(targets: number, apiVersion: string) {
  const fake = workbookOf(targets, apiVersion);
  const port = new OfficeWorkbook({ run: fake.run, probe: fake.probe, now: () => new Date("2010-10-20T10:00:00Z") });
  let grids: Awaited<ReturnType<OfficeWorkbook["readInputSheets"]>> = [];
  const read = await measured(fake, async () => {
    grids = await port.readInputSheets();
  });
  const { consortium, problems } = importWorkbook(grids);
  const specs = buildSummarySheets(consortium, problems, PERIOD, PREPARED_ON);
  const created = await measured(fake, () => port.pushSummarySheets(specs));
  const replaced = await measured(fake, () => port.pushSummarySheets(specs));
  return { targets, apiVersion, read, created, replaced };
}

function row(label: string, targets: number, run: Run): string {
  return [
    label.padEnd(28),
    targets.toLocaleString("en-GB").padStart(7),
    String(run.syncs).padStart(6),
    String(run.refused).padStart(8),
    run.largestRequestMb.toFixed(2).padStart(12),
    run.largestResponseMb.toFixed(2).padStart(13),
    run.ms.toFixed(0).padStart(8),
  ].join("");
}

async function main(): Promise<number> {
  const lines = [
    "context.sync() calls per command (fake Excel; requests and responses over 5 MB are refused and retried smaller)",
    `${"Command".padEnd(28)}${"Targets".padStart(7)}${"Syncs".padStart(6)}${"Refused".padStart(8)}${"Request MB".padStart(12)}${"Response MB".padStart(13)}${"ms".padStart(8)}`,
  ];
  const results = [];
  for (const apiVersion of [CURRENT_HOST, DECLARED_EXCEL_API]) {
    for (const targets of SIZES) {
      const result = await measure(targets, apiVersion);
      results.push(result);
      const host = `ExcelApi ${apiVersion}`;
      lines.push(
        row(`read (${host})`, targets, result.read),
        row(`push new (${host})`, targets, result.created),
        row(`push again (${host})`, targets, result.replaced),
      );
    }
    lines.push("");
  }
  const current = results.filter((r) => r.apiVersion === CURRENT_HOST);
  const fixed = current.filter((r) => r.targets <= 1_000);
  const constant =
    fixed.every((r) => r.read.syncs === 1 && r.created.syncs === 3 && r.replaced.syncs === 3) &&
    results.every((r) => r.created.largestRequestMb <= 5 && r.replaced.largestRequestMb <= 5);
  lines.push(
    "Read: 1 sync while the template sheets fit one 5 MB response; beyond that a refused sync, then names, addresses",
    "and about one sync per 3 MB of values. Push: 3 syncs (read, draw, swap) while the new sheets fit one 4 MB",
    "request, then one more per 4 MB; below ExcelApi 1.9 (no RangeAreas) each changing style rectangle is its own write.",
    constant
      ? "Up to 1,000 targets on a current host: read 1, push 3 (both times): constant OK; every request under 5 MB OK"
      : "Sync counts grew with size, or a request passed 5 MB: FAILED",
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  return constant ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
