// How long the task pane's main thread is blocked while a user opens, updates and downloads a large workbook in
// standalone mode: the built pane (dist/) in headless Chromium, with a PerformanceObserver for "longtask" entries
// (tasks over 50 ms) installed before the page's own scripts. A long task is time in which the pane cannot
// repaint or answer a key press, so the longest one is what a user feels as a freeze.
// Used by `npm run bench` (which checks the bar) and by a browser test (which reports the figures).
import { existsSync, promises as fs } from "fs";
import type { Server } from "http";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { writeSyntheticWorkbook } from "./syntheticFile";

interface DistServer {
  serveDist(options: { dir: string; port: number }): Promise<{ server: Server; url: string }>;
}
type Chromium = typeof import("../scripts/chromium");

/** A file of scripts/, found from here whether this runs as source (bench/) or compiled (lib/bench/). */
function repoScript<T>(name: string): T {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const script = path.join(dir, "scripts", name);
    if (existsSync(script)) return require(script) as T;
  }
  throw new Error(`scripts/${name} not found above the benchmark`);
}

export type PaneAction = "open" | "update" | "download";

export interface MainThreadFigures {
  targets: number;
  /** The longest main-thread task during each action, in ms (0 when none passed 50 ms). */
  longestTaskMs: Record<PaneAction, number>;
  /** How long each action took from the click to its result on screen, in ms. */
  actionMs: Record<PaneAction, number>;
}

/** The bar the bench checks: no main-thread task over this while opening, updating or downloading. */
export const LONGEST_TASK_BAR_MS = 200;

declare global {
  interface Window {
    longTaskDurations?: number[];
  }
}

/** Installed before any of the page's scripts: collects every long task's duration. */
function observeLongTasks(): void {
  window.longTaskDurations = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTaskDurations!.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
}

async function takeLongTasks(page: Page): Promise<number> {
  // A long task is reported after it ends: give the observer a frame to deliver the last one.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  const durations = await page.evaluate(() => window.longTaskDurations!.splice(0));
  return durations.reduce((longest, duration) => Math.max(longest, duration), 0);
}

/**
 * Opens a synthetic consortium of `targets` targets in the built pane, updates its summary sheets and downloads
 * it, measuring the longest main-thread task of each action. `dist` must hold a build (`npm run build`).
 */
export async function measurePaneMainThread(targets: number, options: { dist: string }): Promise<MainThreadFigures> {
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), "ct-pane-"));
  const file = path.join(workDir, `synthetic-${targets}.xlsx`);
  await writeSyntheticWorkbook(file, targets);
  const { server, url } = await repoScript<DistServer>("serve-dist.js").serveDist({ dir: options.dist, port: 0 });
  const { launchChromium, localOnly } = repoScript<Chromium>("chromium.js");
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 400, height: 900 } });
    await localOnly(context);
    await context.addInitScript(observeLongTasks);
    const page = await context.newPage();
    const limit = { timeout: 10 * 60_000 };
    await page.goto(`${url}taskpane.html`);
    await page.getByRole("heading", { level: 1, name: "Consortium Tracker" }).waitFor(limit);
    await takeLongTasks(page); // loading the pane itself is not an action

    const timed = async (action: () => Promise<void>) => {
      const started = Date.now();
      await action();
      return { ms: Date.now() - started, longest: await takeLongTasks(page) };
    };

    const open = await timed(async () => {
      const chooser = page.waitForEvent("filechooser");
      await page.getByRole("button", { name: "Open workbook" }).click();
      await (await chooser).setFiles(file);
      await page.getByText(`Opened ${path.basename(file)}`).waitFor(limit);
    });
    await page.getByRole("tab", { name: "Data" }).click();
    await takeLongTasks(page);
    const update = await timed(async () => {
      await page.getByRole("button", { name: "Update summary sheets" }).click();
      await page.getByText(/^Updated \d+ summary sheets/).waitFor(limit);
    });
    const download = await timed(async () => {
      const downloading = page.waitForEvent("download", limit);
      await page.getByRole("button", { name: "Download workbook", exact: true }).click();
      await (await downloading).saveAs(path.join(workDir, "downloaded.xlsx"));
    });
    return {
      targets,
      longestTaskMs: { open: open.longest, update: update.longest, download: download.longest },
      actionMs: { open: open.ms, update: update.ms, download: download.ms },
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fs.rm(workDir, { recursive: true, force: true });
  }
}
