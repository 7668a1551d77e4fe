// What the browser end-to-end tests share: the built task pane served from dist/, a headless Chromium with no
// network (only the local server), the example workbook as a file, reading .xlsx files back, and axe-core.
// Needs `npm run build` first (npm run test:e2e does it) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import type { Server } from "http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, localOnly } from "../../scripts/chromium";
import type { SheetGrid } from "../../src/core/grid";
import { exampleSheets } from "../../src/core/example/exampleConsortium";
import type { CalendarDate } from "../../src/core/periods";
import { saveWorkbookFile } from "../../src/file/xlsxFiles";
import { XlsxWorkbook } from "../../src/file/xlsxWorkbook";

const { serveDist } = require("../../scripts/serve-dist.js") as {
  serveDist(options: { dir: string; port: number }): Promise<{ server: Server; url: string }>;
};

export const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
export const EXAMPLE_FILE = "example-consortium.xlsx";

export interface Pane {
  baseUrl: string;
  page: Page;
  /** A temporary folder for files, removed afterwards. */
  workDir: string;
  /** The example workbook, written as the CLI's `example` command writes it. */
  examplePath: string;
  /** Hosts the page tried to reach and was refused. */
  blocked: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  close(): Promise<void>;
}

/** Serves dist/, starts Chromium with a task-pane-sized page, and writes the example workbook. */
export async function openPane(): Promise<Pane> {
  await fs.access(path.join(DIST, "taskpane.html")).catch(() => {
    throw new Error("No build in dist/: run `npm run build` first (npm run test:e2e does).");
  });
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), "ct-e2e-"));
  const examplePath = path.join(workDir, EXAMPLE_FILE);
  const example = XlsxWorkbook.blank(EXAMPLE_FILE);
  await example.insertSheets(exampleSheets());
  await saveWorkbookFile(example, examplePath);

  const { server, url: baseUrl } = await serveDist({ dir: DIST, port: 0 });
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fs.rm(workDir, { recursive: true, force: true });
  };
  try {
    browser = await launchChromium();
    // A typical task pane: about 400 px wide.
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 400, height: 900 } });
    // No network: only the local server is reachable; the Office.js CDN and anything else is refused.
    const blocked: string[] = [];
    await localOnly(context, (host) => blocked.push(host));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    return { baseUrl, page, workDir, examplePath, blocked, errors, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Loads the pane and opens a workbook file through Open workbook → the file chooser. */
export async function openWorkbookIn(pane: Pane, file: string): Promise<void> {
  const { page } = pane;
  await page.goto(`${pane.baseUrl}taskpane.html`);
  await page.getByRole("heading", { level: 1, name: "Consortium Tracker" }).waitFor();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open workbook" }).click();
  await (await chooser).setFiles(file);
  await page.getByText(`Opened ${path.basename(file)}`).waitFor();
}

/** Clicks a button that starts a download and saves the file in the work folder; returns its path. */
export async function downloadFrom(pane: Pane, button: string, saveAs: string): Promise<string> {
  const downloading = pane.page.waitForEvent("download");
  await pane.page.getByRole("button", { name: button, exact: true }).click();
  const download = await downloading;
  const file = path.join(pane.workDir, saveAs);
  await download.saveAs(file);
  return file;
}

export function today(): CalendarDate {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Every sheet of an .xlsx file as grids, read as the CLI reads it. */
export async function gridsOf(file: string): Promise<SheetGrid[]> {
  const workbook = await XlsxWorkbook.fromBytes(new Uint8Array(await fs.readFile(file)), path.basename(file));
  return workbook.readInputSheets();
}

interface AxeViolation {
  id: string;
  nodes: { html: string; target: string[] }[];
}

/**
 * axe-core's violations on the page, as "rule: element" lines. One known false positive is left out: Fluent UI's
 * focus manager (tabster) places focusable aria-hidden "dummy" elements around arrow-key groups such as the tab list;
 * they only pass focus on (microsoft/tabster#288, Fluent's known issues), and Accessibility Insights ignores them too.
 */
export async function axeViolations(target: Page): Promise<string[]> {
  if (!(await target.evaluate(() => "axe" in window))) {
    await target.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  }
  // Let expand/collapse animations finish first: a half-faded panel is a contrast failure that nobody sees.
  await target.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  const violations = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations.flatMap((violation) =>
    violation.nodes
      .filter((node) => !(violation.id === "aria-hidden-focus" && node.html.includes("data-tabster-dummy")))
      .map((node) => `${violation.id}: ${node.target.join(" ")} ${node.html.slice(0, 120)}`),
  );
}
