/// <reference types="office-js" />
// npm run bench:syncs: how many context.sync() calls (round trips to Excel) opening a workbook and "Update summary
// sheets" take as the consortium grows. The bench's synthetic consortia of 100, 1,000 and 10,000 targets are put
// in an in-memory fake of Excel (test/excel/fakeExcel.ts: it counts syncs and, on the web, refuses requests and
// responses over 5 MB) on two hosts: Excel on the web (every ExcelApi set) and an Excel 2016 desktop with only the
// declared ExcelApi set (no RangeAreas, no size limit). For each:
//   open        a new session reads a workbook that already has its summary sheets (readWorkbook);
//   update      read (readWorkbook) and write (pushSummarySheets from what was read), in the session that opened
//               it, once the summary sheets are there (the first update, which creates them, is printed too).
// The figures go to bench/results.json as {"syncs": {"update": {"web": {"100": n, ...}, "desktop": {...}},
// "open": {...}}}. Exits 1 when an update of 100 or 1,000 targets takes more than 1 read and 1 write, when any
// request is refused, or when a web request or response passes 5 MB.
import { performance } from "perf_hooks";
import { FakeExcel, REQUEST_LIMIT_BYTES, RESPONSE_LIMIT_BYTES } from "../test/excel/fakeExcel";
import { DESKTOP, WEB, adapterFor, summarySheetsOf, syntheticExcel, type Host } from "../test/excel/syntheticWorkbook";
import { recordResults } from "./results";

const SIZES = [100, 1_000, 10_000];
/** Below this many targets, an update must be 1 read and 1 write. */
const FLOOR_UP_TO = 1_000;

interface Run {
  syncs: number;
  refused: number;
  largestRequestMb: number;
  largestResponseMb: number;
  ms: number;
}

async function measured(fake: FakeExcel, command: () => Promise<unknown>): Promise<Run> {
  const first = fake.syncLog.length;
  const started = performance.now();
  await command();
  const log = fake.syncLog.slice(first);
  return {
    syncs: log.length,
    refused: log.filter((s) => s.refused).length,
    largestRequestMb: Math.max(0, ...log.map((s) => s.requestBytes)) / 1e6,
    largestResponseMb: Math.max(0, ...log.map((s) => s.responseBytes)) / 1e6,
    ms: performance.now() - started,
  };
}

interface Update {
  read: Run;
  write: Run;
}

async function update(fake: FakeExcel, port: ReturnType<typeof adapterFor>): Promise<Update> {
  let basis: Awaited<ReturnType<typeof port.readWorkbook>> | undefined;
  const read = await measured(fake, async () => {
    basis = await port.readWorkbook();
  });
  const specs = summarySheetsOf(basis!); // the core's work is not a round trip: outside the measure
  const write = await measured(fake, () => port.pushSummarySheets(specs, basis));
  return { read, write };
}

interface Measure {
  targets: number;
  host: Host;
  openNew: Run;
  first: Update;
  again: Update;
  open: Run;
}

async function measure(targets: number, host: Host): Promise<Measure> {
  const fake = syntheticExcel(targets, host);
  const port = adapterFor(fake, host);
  const openNew = await measured(fake, () => port.readWorkbook());
  const first = await update(fake, port);
  const again = await update(fake, port);
  // A new session (the pane opened again) over the workbook as it now is, summary sheets and all.
  const open = await measured(fake, () => adapterFor(fake, host).readWorkbook());
  return { targets, host, openNew, first, again, open };
}

function row(label: string, targets: number, run: Run): string {
  return [
    label.padEnd(44),
    targets.toLocaleString("en-GB").padStart(7),
    String(run.syncs).padStart(6),
    String(run.refused).padStart(8),
    run.largestRequestMb.toFixed(2).padStart(12),
    run.largestResponseMb.toFixed(2).padStart(13),
    run.ms.toFixed(0).padStart(8),
  ].join("");
}

const total = (u: Update) => u.read.syncs + u.write.syncs;

async function main(): Promise<number> {
  const lines = [
    "context.sync() calls per action (fake Excel; on the web, requests and responses over 5 MB are refused)",
    `${"Action".padEnd(44)}${"Targets".padStart(7)}${"Syncs".padStart(6)}${"Refused".padStart(8)}${"Request MB".padStart(12)}${"Response MB".padStart(13)}${"ms".padStart(8)}`,
  ];
  const results: Measure[] = [];
  for (const host of [WEB, DESKTOP]) {
    for (const targets of SIZES) {
      const result = await measure(targets, host);
      results.push(result);
      lines.push(
        row(`open, first time (${host.label})`, targets, result.openNew),
        row(`update, first: read (${host.label})`, targets, result.first.read),
        row(`update, first: write (${host.label})`, targets, result.first.write),
        row(`update: read (${host.label})`, targets, result.again.read),
        row(`update: write (${host.label})`, targets, result.again.write),
        row(`open, with summary sheets (${host.label})`, targets, result.open),
      );
    }
    lines.push("");
  }

  const byHost = (pick: (m: Measure) => number) => ({
    web: Object.fromEntries(results.filter((m) => m.host === WEB).map((m) => [String(m.targets), pick(m)])),
    desktop: Object.fromEntries(results.filter((m) => m.host === DESKTOP).map((m) => [String(m.targets), pick(m)])),
  });
  const syncs = { update: byHost((m) => total(m.again)), open: byHost((m) => m.open.syncs) };
  await recordResults("syncs", syncs);

  const runs = results.flatMap((m) => [m.openNew, m.open, m.first.read, m.first.write, m.again.read, m.again.write]);
  const web = results.filter((m) => m.host === WEB);
  const webRuns = web.flatMap((m) => [m.openNew, m.open, m.first.read, m.first.write, m.again.read, m.again.write]);
  const atFloor = results
    .filter((m) => m.targets <= FLOOR_UP_TO)
    .every((m) => [m.first, m.again].every((u) => u.read.syncs === 1 && u.write.syncs === 1));
  const ok =
    atFloor &&
    runs.every((run) => run.refused === 0) &&
    webRuns.every(
      (run) => run.largestRequestMb * 1e6 <= REQUEST_LIMIT_BYTES && run.largestResponseMb * 1e6 <= RESPONSE_LIMIT_BYTES,
    );
  lines.push(
    `Update (read + write), as written to bench/results.json: web ${JSON.stringify(syncs.update.web)}, desktop ${JSON.stringify(syncs.update.desktop)}`,
    `Open (a new session, summary sheets there): web ${JSON.stringify(syncs.open.web)}, desktop ${JSON.stringify(syncs.open.desktop)}`,
    "An update is 1 read and 1 write while the workbook fits Excel on the web's 5 MB (request and response); past",
    "that, the read and the write are split into parts of about 4 MB, and nothing is refused first. Desktop Excel has",
    "no limit: 1 read and 1 write at any size. Opening in a new session takes 1 sync more to read the summary sheets",
    "the registry names (and on the web, for a workbook past 1,000 targets, more for the rows past its first read).",
    ok
      ? `Every update up to ${FLOOR_UP_TO.toLocaleString("en-GB")} targets 1 read + 1 write, nothing refused, every web request and response under 5 MB: OK`
      : `An update up to ${FLOOR_UP_TO.toLocaleString("en-GB")} targets took more than 1 read + 1 write, a request was refused, or a web request or response passed 5 MB: FAILED`,
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
