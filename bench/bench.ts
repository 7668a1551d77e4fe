// npm run bench: how the core scales. Synthetic consortia of 100, 1,000 and 10,000 targets (three years, every
// quarter returned, budgets, spend, risks) go through import, calculation and summary-sheet building; each phase
// is timed separately (best of a few runs). Then two checks: growth is linear (10x the targets within 12x the
// time) and 10,000 targets take under two seconds of core time. Exits 1 when a check fails.
// Each run starts from a collected heap, so no phase pays for collecting the garbage of an earlier run or size
// (or the generator's); a phase still pays for every collection its own work causes.
import { performance } from "perf_hooks";
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import type { Period } from "../src/core/periods";
import { importWorkbook } from "../src/core/read/importWorkbook";
import { buildReport } from "../src/core/report";
import { buildSummarySheets } from "../src/core/summarySheets";
import { syntheticGrids } from "./syntheticConsortium";

const SIZES = [100, 1_000, 10_000];
const PERIOD: Period = { fy: "2010-11", quarter: 2 };
const PREPARED_ON = { year: 2010, month: 10, day: 20 };
const MAX_GROWTH = 12;
// Two seconds: the papers are five sheets now, with a reason beside every flagged target and each project's RAG
// at every quarter of the plan so far (a roll-up per quarter), on top of the three reports the RAG sheet compares.
const MAX_CORE_MS = 2_000;
const MIN_RUNS = 1;
const MAX_RUNS = 5;
const REPEAT_BUDGET_MS = 5_000;

interface Timing {
  targets: number;
  importMs: number;
  calculateMs: number;
  summaryMs: number;
  /** The most heap in use after a phase (live results plus that run's uncollected garbage). */
  peakHeapMb: number;
  /** The heap still in use after a full collection with all three phases' results alive. */
  liveHeapMb: number;
  peakRssMb: number;
}

// gc() is only exposed behind a flag: turned on here, so `node lib/bench/bench.js` needs no flags.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

let peakHeap = 0;
let peakRss = 0;

/** Memory after a phase, while its results are still alive: the sampled peak. */
function sampleMemory(): void {
  const usage = process.memoryUsage();
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  peakRss = Math.max(peakRss, usage.rss);
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  sampleMemory();
  return { result, ms };
}

function measure(targets: number): Timing {
  const grids = syntheticGrids(targets);
  peakHeap = 0;
  peakRss = 0;
  let liveHeap = 0;
  let best = { importMs: Infinity, calculateMs: Infinity, summaryMs: Infinity };
  const started = performance.now();
  // Best of up to five runs, but stop repeating after a few seconds so a slow phase cannot stall the bench.
  for (let run = 0; run < MAX_RUNS && (run < MIN_RUNS || performance.now() - started < REPEAT_BUDGET_MS); run++) {
    collectGarbage();
    const imported = timed(() => importWorkbook(grids));
    const { consortium, problems } = imported.result;
    if (problems.some((p) => p.severity === "error")) {
      throw new Error(
        `The synthetic workbook has errors: ${problems[0].sheet}!${problems[0].cell} ${problems[0].message}`,
      );
    }
    const calculated = timed(() => buildReport(consortium, problems, PERIOD));
    if (calculated.result.targets.length === 0) throw new Error("The synthetic report has no targets.");
    const summary = timed(() => buildSummarySheets(consortium, problems, PERIOD, PREPARED_ON));
    collectGarbage();
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
    if (summary.result.length === 0) throw new Error("No summary sheets were built.");
    best = {
      importMs: Math.min(best.importMs, imported.ms),
      calculateMs: Math.min(best.calculateMs, calculated.ms),
      summaryMs: Math.min(best.summaryMs, summary.ms),
    };
  }
  return {
    targets,
    ...best,
    peakHeapMb: peakHeap / 2 ** 20,
    liveHeapMb: liveHeap / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
  };
}

const coreMs = (t: Timing) => t.importMs + t.calculateMs + t.summaryMs;
const ms = (value: number) => value.toFixed(1).padStart(10);
const mb = (value: number) => value.toFixed(0).padStart(8);

function main(): number {
  // Warm up the JIT so the smallest size is not charged for compilation.
  measure(SIZES[0]);
  const timings = SIZES.map(measure);

  const lines = [
    "Core performance (best of several runs, each from a collected heap; heap sampled after each phase,",
    "live = still in use after a full collection with the workbook, model, report and sheets all held)",
    `${"Targets".padStart(8)}${"Import ms".padStart(10)}${"Calc ms".padStart(10)}${"Sheets ms".padStart(10)}${"Core ms".padStart(10)}${"Heap MB".padStart(8)}${"Live MB".padStart(8)}${"RSS MB".padStart(8)}`,
    ...timings.map(
      (t) =>
        `${t.targets.toLocaleString("en-GB").padStart(8)}${ms(t.importMs)}${ms(t.calculateMs)}${ms(t.summaryMs)}${ms(coreMs(t))}${mb(t.peakHeapMb)}${mb(t.liveHeapMb)}${mb(t.peakRssMb)}`,
    ),
  ];
  const [, thousand, tenThousand] = timings;
  const phaseGrowth = (phase: (t: Timing) => number) =>
    `${(phase(tenThousand) / phase(thousand)).toFixed(1)}x`.padStart(10);
  lines.push(
    `${"growth".padStart(8)}${phaseGrowth((t) => t.importMs)}${phaseGrowth((t) => t.calculateMs)}${phaseGrowth((t) => t.summaryMs)}${phaseGrowth(coreMs)}   (1,000 -> 10,000 targets)`,
  );
  const growth = coreMs(tenThousand) / coreMs(thousand);
  const linear = growth <= MAX_GROWTH;
  const fast = coreMs(tenThousand) < MAX_CORE_MS;
  lines.push(
    "",
    `Growth 1,000 -> 10,000 targets: ${growth.toFixed(1)}x the time for 10x the targets: ${linear ? "linear (within 12x) OK" : "NOT linear (over 12x) FAILED"}`,
    `10,000 targets: ${coreMs(tenThousand).toFixed(0)} ms of core time: ${fast ? "under 2 s OK" : "over 2 s FAILED"}`,
    `Peak RSS of the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  return linear && fast ? 0 : 1;
}

process.exitCode = main();
