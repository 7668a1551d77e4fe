#!/usr/bin/env node
// The README's picture of Import plan: the built pane (dist/) in standalone mode, part of the Oxfordshire plan
// pasted and read, saved as assets/screenshots/import-plan.png. Needs `npm run build` and Chromium
// (CHROMIUM_PATH, default /usr/bin/chromium). Usage: node scripts/screenshot-import-plan.js
const fs = require("fs");
const path = require("path");
const { launchChromium, localOnly } = require("./chromium.js");
const { serveDist } = require("./serve-dist.js");

const ROOT = path.join(__dirname, "..");
const PLAN = fs.readFileSync(path.join(ROOT, "assets", "plans", "oxfordshire-business-plan-2008-11.txt"), "utf8");
const OUT = path.join(ROOT, "assets", "screenshots", "import-plan.png");

/** Project 3's lines of the plan: a rate, minimums, an average, milestones and "See above". */
function excerpt() {
  const lines = PLAN.split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith("Project 3"));
  const end = lines.findIndex((line) => line.startsWith("Project 4"));
  return lines.slice(start, end).join("\n");
}

async function main() {
  const { server, url } = await serveDist({ dir: path.join(ROOT, "dist"), port: 0 });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 440, height: 1400 }, deviceScaleFactor: 1 });
    await localOnly(context);
    const page = await context.newPage();
    await page.goto(`${url}taskpane.html`);
    await page.getByRole("heading", { level: 1, name: "Consortium Tracker" }).waitFor();
    await page.getByRole("tab", { name: "Plan" }).click();
    await page.getByLabel("Plan tables").fill(excerpt());
    await page.getByRole("button", { name: "Read plan" }).click();
    await page.getByRole("heading", { name: "Review the proposed targets" }).waitFor();
    // The review at the top of the picture.
    await page.locator("#plan-review-heading").evaluate((heading) => heading.scrollIntoView());
    await page.screenshot({ path: OUT });
    process.stdout.write(`Wrote ${path.relative(ROOT, OUT)}\n`);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
