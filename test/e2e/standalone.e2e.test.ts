// The built task pane in a real browser, standalone mode, with no network: open the example workbook, check it,
// update the summary sheets, download, and check the downloaded file against the core's own figures.
// Needs `npm run build` first (npm run test:e2e does it) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import type { Server } from "http";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { SheetGrid } from "../../src/core/grid";
import { exampleSheets } from "../../src/core/example/exampleConsortium";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { buildReport, defaultPeriod } from "../../src/core/report";
import { periodLabel, type CalendarDate } from "../../src/core/periods";
import { fingerprintOfGrid, fingerprintOfSpec } from "../../src/core/sheets/registry";
import { buildSummarySheets } from "../../src/core/sheets/summarySheets";
import { saveWorkbookFile } from "../../src/file/xlsxFiles";
import { XlsxWorkbook } from "../../src/file/xlsxWorkbook";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveDist } = require("../../scripts/serve-dist.js") as {
  serveDist(options: { dir: string; port: number }): Promise<{ server: Server; url: string }>;
};

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const SCREENSHOT = path.join(ROOT, "assets", "screenshots", "taskpane.png");
const EXAMPLE_FILE = "example-consortium.xlsx";

let server: Server;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let workDir: string;
let examplePath: string;
const blocked: string[] = [];

function today(): CalendarDate {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

async function gridsOf(file: string): Promise<SheetGrid[]> {
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
async function axeViolations(target: Page): Promise<string[]> {
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

beforeAll(async () => {
  await fs.access(path.join(DIST, "taskpane.html")).catch(() => {
    throw new Error("No build in dist/: run `npm run build` first (npm run test:e2e does).");
  });

  // The example workbook, written as the CLI's `example` command writes it.
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), "ct-e2e-"));
  examplePath = path.join(workDir, EXAMPLE_FILE);
  const example = XlsxWorkbook.blank(EXAMPLE_FILE);
  await example.insertSheets(exampleSheets());
  await saveWorkbookFile(example, examplePath);

  ({ server, url: baseUrl } = await serveDist({ dir: DIST, port: 0 }));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
  // A typical task pane: about 400 px wide.
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 400, height: 900 } });
  // No network: only the local server is reachable; the Office.js CDN and anything else is refused.
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    blocked.push(url.hostname);
    return route.abort();
  });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (workDir) await fs.rm(workDir, { recursive: true, force: true });
});

describe("standalone task pane in a browser", () => {
  it("opens the example, checks it, writes the summary sheets and downloads a workbook with the core's figures", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto(`${baseUrl}taskpane.html`);
    await page.getByRole("heading", { level: 1, name: "Consortium Tracker" }).waitFor();
    expect(blocked).toContain("appsforoffice.microsoft.com");

    // Open workbook → the file chooser.
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Open workbook" }).click();
    await (await chooser).setFiles(examplePath);
    await page.getByText(`Opened ${EXAMPLE_FILE}`).waitFor();

    // The pane's period is the core's default period for the same input.
    const original = await gridsOf(examplePath);
    const imported = importWorkbook(original);
    const period = defaultPeriod(imported.consortium)!;
    expect(await page.getByLabel("Financial year").inputValue()).toBe(period.fy);
    expect(await page.getByLabel("Quarter").inputValue()).toBe(String(period.quarter));

    await page.getByRole("tab", { name: "Data" }).click();
    await page.getByRole("button", { name: "Check data" }).click();
    const errorCount = imported.problems.filter((p) => p.severity === "error").length;
    await page
      .getByText(imported.problems.length === 0 ? "No problems found" : /found$/)
      .first()
      .waitFor();
    if (errorCount > 0)
      await page
        .getByText(new RegExp(`^${errorCount} errors?`))
        .first()
        .waitFor();

    await page.getByRole("button", { name: "Update summary sheets" }).click();
    await page.getByText(/^Updated \d+ summary sheets/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    if (process.env.CT_DEBUG_SHOTS)
      await page.screenshot({ path: path.join(process.env.CT_DEBUG_SHOTS, "data.png"), fullPage: true });

    // The claim's confirmation dialog: announced as an alert dialog, keyboard-operable, cancelled with Escape.
    await page.getByRole("button", { name: "Mark claim as submitted" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Mark Claim ${periodLabel(period)} as submitted?` });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Mark as submitted" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download workbook" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(EXAMPLE_FILE);
    const downloadedPath = path.join(workDir, "downloaded.xlsx");
    await download.saveAs(downloadedPath);

    // Summary sheets: exactly what the core builds for this input and period, cell for cell.
    const downloaded = await gridsOf(downloadedPath);
    const specs = buildSummarySheets(imported.consortium, imported.problems, period, today());
    for (const spec of specs) {
      const grid = downloaded.find((g) => g.sheet === spec.name);
      expect(grid).toBeDefined();
      expect({ sheet: spec.name, fingerprint: fingerprintOfGrid(grid!) }).toEqual({
        sheet: spec.name,
        fingerprint: fingerprintOfSpec(spec),
      });
    }
    // ...whose figures are the report's: the claim for the quarter and each project's ratio.
    const report = buildReport(imported.consortium, imported.problems, period);
    const claim = downloaded.find((g) => g.sheet === `Claim ${periodLabel(period)}`)!;
    const claimNumbers = claim.rows.flat().filter((v): v is number => typeof v === "number");
    const totalClaim = report.spend.reduce((sum, line) => sum + line.claimThisQuarter, 0);
    expect(claimNumbers.some((n) => Math.abs(n - totalClaim) < 0.005)).toBe(true);
    const rag = downloaded.find((g) => g.sheet === `RAG ${periodLabel(period)}`)!;
    for (const project of report.projects.filter((p) => p.ratio !== null)) {
      const row = rag.rows.find((r) => r.includes(project.projectId))!;
      expect(row.some((v) => typeof v === "number" && Math.abs(v - project.ratio!) < 1e-9)).toBe(true);
    }

    // Every input sheet is unchanged, cell for cell.
    for (const sheet of original) {
      expect(downloaded.find((g) => g.sheet === sheet.sheet)).toEqual(sheet);
    }

    // The RAG overview, as the README shows it.
    await page.getByRole("tab", { name: "Overview" }).click();
    await page.getByRole("heading", { name: `Projects at ${periodLabel(period)}` }).waitFor();
    const firstProject = page.getByRole("button", { name: new RegExp(`^${report.projects[0].projectId} `) });
    await firstProject.click();
    await page.getByRole("list", { name: `Targets of ${report.projects[0].projectId}` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await firstProject.click(); // collapsed again: the screenshot shows every project
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    expect(errors).toEqual([]);
  });
});
