// The built task pane in a real browser, standalone mode, with no network: open the example workbook, check it,
// update the summary sheets, download, and check the downloaded file against the core's own figures.
// Needs `npm run build` first (npm run test:e2e does it) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { promises as fs } from "fs";
import * as path from "path";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { buildReport, defaultPeriod } from "../../src/core/report";
import { periodLabel } from "../../src/core/periods";
import { fingerprintOfGrid, fingerprintOfSpec } from "../../src/core/sheets/registry";
import { buildSummarySheets } from "../../src/core/summarySheets";
import {
  EXAMPLE_FILE,
  ROOT,
  axeViolations,
  downloadFrom,
  gridsOf,
  openPane,
  openWorkbookIn,
  today,
  type Pane,
} from "./pane";

const SCREENSHOT = path.join(ROOT, "assets", "screenshots", "taskpane.png");

let pane: Pane;

beforeAll(async () => {
  pane = await openPane();
});

afterAll(async () => {
  await pane?.close();
});

describe("standalone task pane in a browser", () => {
  it("opens the example, checks it, writes the summary sheets and downloads a workbook with the core's figures", async () => {
    const { page, examplePath } = pane;
    await openWorkbookIn(pane, examplePath);
    expect(pane.blocked).toContain("appsforoffice.microsoft.com");

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
    const downloadedPath = await downloadFrom(pane, "Download workbook", "downloaded.xlsx");
    expect((await downloading).suggestedFilename()).toBe(EXAMPLE_FILE);

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

    expect(pane.errors).toEqual([]);
  });
});
