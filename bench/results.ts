// bench/results.json: each benchmark merges its own section into the one file, so a run of `npm run bench`
// leaves every figure it measured in one machine-readable place.
import { promises as fs } from "fs";
import * as path from "path";

/** The results file beside this benchmark's source (bench/results.json from the repository root). */
export const RESULTS_FILE = path.join(process.cwd(), "bench", "results.json");

export async function recordResults(section: string, value: unknown): Promise<void> {
  let results: Record<string, unknown> = {};
  try {
    results = JSON.parse(await fs.readFile(RESULTS_FILE, "utf8")) as Record<string, unknown>;
  } catch {
    // No results yet, or a file from an older layout: start afresh.
  }
  results[section] = value;
  await fs.mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await fs.writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}
