// npm run bench (roll-up): 130 synthetic consortia of 100 targets each, written as .xlsx files into a temporary
// folder, rolled up by `consortium-tracker rollup` at 2010-11 Q2. Prints the time and peak memory and records
// them under "rollup" in bench/results.json. Exits 1 when it takes a minute or more.
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { runCli } from "../src/cli/main";
import { recordResults } from "./results";
import { writeSyntheticWorkbook } from "./syntheticFile";

const CONSORTIA = 130;
const TARGETS = 100;
const LIMIT_MS = 60_000;

async function main(): Promise<number> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "rollup-bench-"));
  try {
    const folder = path.join(dir, "consortia");
    await fs.mkdir(folder);
    for (let i = 0; i < CONSORTIA; i++) {
      const file = path.join(folder, `consortium-${String(i + 1).padStart(3, "0")}.xlsx`);
      await writeSyntheticWorkbook(file, TARGETS, 2008 + i, `Synthetic consortium ${i + 1}`);
    }
    let output = "";
    const rssBefore = process.resourceUsage().maxRSS;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const code = await runCli(["rollup", folder, "--period", "2010-11 Q2", "--out", path.join(dir, "rollup.xlsx")], {
      stdout: (text) => void (output += text),
      stderr: (text) => void (output += text),
    });
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    const peakRssMb = Math.max(rssBefore, process.resourceUsage().maxRSS) / 1024;
    if (code !== 0) throw new Error(`rollup exited ${code}: ${output}`);
    const ok = ms < LIMIT_MS;
    process.stdout.write(
      [
        "",
        `Roll-up of ${CONSORTIA} consortia of ${TARGETS} targets: ${(ms / 1000).toFixed(1)} s ` +
          `(${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU), peak RSS ${peakRssMb.toFixed(0)} MB: ` +
          `${ok ? "under a minute OK" : "a minute or more FAILED"}`,
        "",
      ].join("\n"),
    );
    await recordResults("rollup", {
      consortia: CONSORTIA,
      targetsEach: TARGETS,
      seconds: ms / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMb,
    });
    return ok ? 0 : 1;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
