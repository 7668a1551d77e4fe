import { runCli } from "../../src/cli/main";

/** What one run of the command printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs consortium-tracker in-process with its output captured and the clock fixed at `now`. */
export async function runCapturing(now: Date, argv: readonly string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    [...argv],
    { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) },
    { now: () => new Date(now) },
  );
  return { code, stdout, stderr };
}

/** A `run(...argv)` for a test file whose runs all happen at `now`. */
export function cliAt(now: Date): (...argv: string[]) => Promise<CliRun> {
  return (...argv) => runCapturing(now, argv);
}
