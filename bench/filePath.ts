// npm run bench (file path): `consortium-tracker report` on synthetic consortia of 1,000, 10,000 and 50,000
// targets, each run in its own process, against a floor measured in the same way on the same file (a streaming
// read of every cell + the core + a streaming write of as many new cells as the summary sheets hold). Prints CPU
// time, peak memory and the ratio to the floor, and records them under "file" in bench/results.json. Informative:
// it does not fail the bench. The floor reads with ExcelJS's streaming reader; the product reads with its own
// (src/file/streamGrids.ts), which is quicker, so a ratio near or below 1 is possible. The time per target should
// not grow with the size (linear), and most of the memory at the largest size is the core's own.
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { recordResults } from "./results";
import { writeSyntheticWorkbook } from "./syntheticFile";

const SIZES = (process.env.FILE_BENCH_SIZES ?? "1000,10000,50000").split(",").map(Number);
const RUN_LIMIT_MS = 15 * 60_000;

interface Run {
  cpuSeconds: number;
  peakRssMb: number;
  cells: number;
}

function measure(what: "report" | "floor", file: string): Promise<Run | { failed: string }> {
  const script = path.join(__dirname, "fileReportRun.js");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--max-old-space-size=6144", script, what, file],
      { timeout: RUN_LIMIT_MS, maxBuffer: 1 << 24 },
      (error, stdout, stderr) => {
        const last = stdout.trim().split("\n").pop() ?? "";
        if (error || !last.startsWith("{")) {
          resolve({ failed: (stderr.trim().split("\n").pop() ?? String(error)).slice(0, 200) });
        } else resolve(JSON.parse(last) as Run);
      },
    );
  });
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "file-bench-"));
  const rows: Record<string, unknown> = {};
  const lines = [
    "",
    "File path: consortium-tracker report, against a floor (streaming read + core + streaming write), own process each",
    `${"Targets".padStart(8)}${"CPU s".padStart(9)}${"Peak MB".padStart(9)}${"Floor s".padStart(9)}${"Floor MB".padStart(9)}${"x floor".padStart(9)}${"s/1k".padStart(8)}`,
  ];
  try {
    for (const targets of SIZES) {
      const file = path.join(dir, `synthetic-${targets}.xlsx`);
      await writeSyntheticWorkbook(file, targets);
      const run = await measure("report", file);
      const floorRun = await measure("floor", file);
      if ("failed" in run || "failed" in floorRun) {
        const why = "failed" in run ? run.failed : (floorRun as { failed: string }).failed;
        lines.push(`${targets.toLocaleString("en-GB").padStart(8)}  did not complete: ${why}`);
        rows[targets] = { failed: why };
        continue;
      }
      const ratio = run.cpuSeconds / floorRun.cpuSeconds;
      lines.push(
        `${targets.toLocaleString("en-GB").padStart(8)}${run.cpuSeconds.toFixed(1).padStart(9)}${run.peakRssMb.toFixed(0).padStart(9)}` +
          `${floorRun.cpuSeconds.toFixed(1).padStart(9)}${floorRun.peakRssMb.toFixed(0).padStart(9)}${ratio.toFixed(2).padStart(9)}` +
          `${((run.cpuSeconds / targets) * 1000).toFixed(2).padStart(8)}`,
      );
      rows[targets] = {
        cpuSeconds: run.cpuSeconds,
        peakRssMb: run.peakRssMb,
        floorCpuSeconds: floorRun.cpuSeconds,
        floorPeakRssMb: floorRun.peakRssMb,
        ratioToFloor: ratio,
        summaryCells: floorRun.cells,
      };
      await fs.rm(file, { force: true });
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  await recordResults("file", rows);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
