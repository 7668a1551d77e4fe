// npm run bench (the pane): the longest main-thread task while a user opens, updates and downloads synthetic
// consortia in the built standalone pane in headless Chromium (see paneMainThread.ts). Prints the table, records
// it under "pane" in bench/results.json, and fails when a task passes the bar. Needs a build in dist/.
import * as path from "path";
import { LONGEST_TASK_BAR_MS, measurePaneMainThread, type MainThreadFigures } from "./paneMainThread";
import { recordResults } from "./results";

const SIZES = (process.env.PANE_BENCH_SIZES ?? "1000,10000").split(",").map(Number);

async function main(): Promise<number> {
  const dist = path.join(process.cwd(), "dist");
  const figures: MainThreadFigures[] = [];
  for (const targets of SIZES) figures.push(await measurePaneMainThread(targets, { dist }));
  const cell = (value: number) => value.toFixed(0).padStart(10);
  const lines = [
    "The pane's main thread (standalone, headless Chromium): longest task / whole action, in ms",
    `${"Targets".padStart(8)}${"Open".padStart(10)}${"".padStart(10)}${"Update".padStart(10)}${"".padStart(10)}${"Download".padStart(10)}${"".padStart(10)}`,
    ...figures.map(
      (f) =>
        `${f.targets.toLocaleString("en-GB").padStart(8)}${cell(f.longestTaskMs.open)}${cell(f.actionMs.open)}${cell(f.longestTaskMs.update)}${cell(f.actionMs.update)}${cell(f.longestTaskMs.download)}${cell(f.actionMs.download)}`,
    ),
  ];
  const longest = Math.max(...figures.flatMap((f) => Object.values(f.longestTaskMs)));
  const ok = longest <= LONGEST_TASK_BAR_MS;
  lines.push(
    "",
    `Longest main-thread task: ${longest.toFixed(0)} ms: ${ok ? `within ${LONGEST_TASK_BAR_MS} ms OK` : `over ${LONGEST_TASK_BAR_MS} ms FAILED`}`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  await recordResults(
    "pane",
    Object.fromEntries(
      figures.map((f) => [String(f.targets), { longestTaskMs: f.longestTaskMs, actionMs: f.actionMs }]),
    ),
  );
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
