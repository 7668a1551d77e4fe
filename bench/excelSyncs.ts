/// <reference types="office-js" />
// npm run bench:syncs: how many context.sync() calls (round trips to Excel) each Office.js command takes as the
// consortium grows. The bench's synthetic consortia of 100, 1,000 and 10,000 targets are put in an in-memory fake
// of Excel (test/excel/fakeExcel.ts: it counts syncs), then read, and their summary sheets pushed twice (created,
// then replaced) on two hosts: Excel on the web (every ExcelApi set; requests and responses over 5 MB refused) and
// an Excel 2016 desktop with only the declared ExcelApi set (no RangeAreas, no size limit). Exits 1 when a push
// takes more than 4 syncs, a read more than 1 where it fits one response, or a web request passes 5 MB.
import { performance } from "perf_hooks";
import type { CellValue } from "../src/core/grid";
import type { Period } from "../src/core/periods";
import { importWorkbook } from "../src/core/read/importWorkbook";
import { buildSummarySheets } from "../src/core/summarySheets";
import { OfficeWorkbook } from "../src/excel/officeWorkbook";
import { DECLARED_EXCEL_API } from "../src/excel/requirements";
import { requestBudgetFor } from "../src/excel/syncBudget";
import { FakeExcel, type FakeValue } from "../test/excel/fakeExcel";
import { syntheticGrids } from "./syntheticConsortium";

const SIZES = [100, 1_000, 10_000];
const PERIOD: Period = { fy: "2010-11", quarter: 2 };
const PREPARED_ON = { year: 2010, month: 10, day: 20 };
interface Host {
  label: string;
  apiVersion: string;
  /** Office's platform name, which decides whether batches are split under 5 MB. */
  platform: "OfficeOnline" | "PC";
}

const HOSTS: Host[] = [
  { label: "web, ExcelApi 1.20", apiVersion: "1.20", platform: "OfficeOnline" },
  { label: `desktop, ExcelApi ${DECLARED_EXCEL_API}`, apiVersion: DECLARED_EXCEL_API, platform: "PC" },
];

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
function workbookOf(targets: number, host: Host): FakeExcel {
  const unlimited =
    host.platform === "OfficeOnline" ? {} : { requestLimitBytes: Infinity, responseLimitBytes: Infinity };
  const fake = new FakeExcel({ apiVersion: host.apiVersion, ...unlimited });
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

async function measure(targets: number, host: Host) {
  const fake = workbookOf(targets, host);
  const port = new OfficeWorkbook({
    run: fake.run,
    probe: fake.probe,
    now: () => new Date("2010-10-20T10:00:00Z"),
    requestBudgetBytes: requestBudgetFor(host.platform),
  });
  let grids: Awaited<ReturnType<OfficeWorkbook["readInputSheets"]>> = [];
  const read = await measured(fake, async () => {
    grids = await port.readInputSheets();
  });
  const { consortium, problems } = importWorkbook(grids);
  const specs = buildSummarySheets(consortium, problems, PERIOD, PREPARED_ON);
  const created = await measured(fake, () => port.pushSummarySheets(specs));
  const replaced = await measured(fake, () => port.pushSummarySheets(specs));
  return { targets, host, read, created, replaced };
}

function row(label: string, targets: number, run: Run): string {
  return [
    label.padEnd(36),
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
    "context.sync() calls per command (fake Excel; on the web, requests and responses over 5 MB are refused)",
    `${"Command".padEnd(36)}${"Targets".padStart(7)}${"Syncs".padStart(6)}${"Refused".padStart(8)}${"Request MB".padStart(12)}${"Response MB".padStart(13)}${"ms".padStart(8)}`,
  ];
  const results = [];
  for (const host of HOSTS) {
    for (const targets of SIZES) {
      const result = await measure(targets, host);
      results.push(result);
      lines.push(
        row(`read (${host.label})`, targets, result.read),
        row(`push new (${host.label})`, targets, result.created),
        row(`push again (${host.label})`, targets, result.replaced),
      );
    }
    lines.push("");
  }
  const web = results.filter((r) => r.host.platform === "OfficeOnline");
  const pushes = results.flatMap((r) => [r.created, r.replaced]);
  const ok =
    pushes.every((push) => push.syncs <= 4) &&
    results.every((r) => r.read.syncs === 1 || r.read.largestResponseMb > 5) &&
    web.every((r) => r.created.largestRequestMb <= 5 && r.replaced.largestRequestMb <= 5);
  lines.push(
    "Read: 1 sync while the template sheets fit one response (on the web, 5 MB); beyond that a refused sync, then",
    "names, addresses and about one sync per 3 MB of values. Push: 3 syncs (read, draw, swap); on the web the draw is",
    "split into requests of at most 4 MB, so 4 syncs once the new sheets pass 4 MB (10,000 targets) and one more per",
    "4 MB beyond 8 MB. Desktop Excel has no request limit: 3 syncs whatever the size.",
    ok
      ? "Every push at most 4 syncs, every read 1 where it fits one response, every web request under 5 MB: OK"
      : "A push took more than 4 syncs, a read more than 1, or a web request passed 5 MB: FAILED",
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  return ok ? 0 : 1;
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
