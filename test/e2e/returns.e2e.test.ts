// A finance officer's quarter of partner returns in the built task pane, standalone mode, no network: open the
// example, make the 2009-10 Q3 returns on the Returns tab, download one, fill it in as the partner would (by
// program, with ExcelJS), import it through the file input, check the preview, apply it, download the workbook and
// check it gained the rows and an Import log entry. axe checks the tab on the way.
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { readImportLog } from "../../src/core/returns/importLog";
import { issuedReturn } from "../../src/core/returns/issue";
import { outgoingReturns } from "../../src/core/returns/outgoing";
import { readPartnerReturn } from "../../src/core/returns/readReturn";
import { axeViolations, downloadFrom, gridsOf, openPane, openWorkbookIn, today, type Pane } from "./pane";

const Q3 = { fy: "2009-10", quarter: 3 as const };

let pane: Pane;

beforeAll(async () => {
  pane = await openPane();
});

afterAll(async () => {
  await pane?.close();
});

describe("partner returns in the task pane, in a browser", () => {
  it("makes a return, imports it filled in, applies it, and the downloaded workbook has its rows", async () => {
    const { page, examplePath } = pane;
    await openWorkbookIn(pane, examplePath);
    await page.getByRole("tab", { name: "Returns" }).click();
    await page.getByLabel("Quarter").selectOption("3");
    // The pane proposes the quarter due next (Q2, where Cherwell CVS is still awaited); ask for Q3 instead.
    await page.getByText(/^Returns due next: 2009-10 Q2\./).waitFor();
    await page.getByLabel("Ask partners for").selectOption("2009-10 Q3");

    // The partners the core would send a return to: the pane lists one file each.
    const consortium = importWorkbook(await gridsOf(examplePath)).consortium;
    const outgoing = outgoingReturns(consortium, Q3, { masterName: "", preparedOn: today() }).returns;
    await page.getByRole("button", { name: "Create partner returns" }).click();
    await page.getByText(`${outgoing.length} returns made for 2009-10 Q3`).waitFor();
    const list = page.getByRole("list", { name: "Returns for 2009-10 Q3" });
    expect(await list.getByRole("button").allTextContents()).toEqual(outgoing.map((r) => `Download ${r.fileName}`));
    expect(await page.getByRole("button", { name: "Write returns as sheets" }).count()).toBe(0); // Excel only
    expect(await axeViolations(page)).toEqual([]);

    // A partner with numeric targets and a budget line downloads its return...
    const chosen = outgoing.find(
      (r) => r.lines > 0 && issuedReturn(consortium, r.partner, Q3).targets.some((t) => t.target.measure === "Number"),
    )!;
    const issuedPath = await downloadFrom(pane, `Download ${chosen.fileName}`, "issued.xlsx");

    // ...and types its figures into the yellow cells: each Number target's Actual, and the first line's spend.
    const issued = readPartnerReturn(await gridsOf(issuedPath), chosen.fileName).return!;
    const numbers = issued.targets.filter((t) => t.measure === "Number");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fs.readFile(issuedPath)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    const sheet = workbook.getWorksheet("Return")!;
    numbers.forEach((target, index) => (sheet.getCell(target.cells.actual).value = 10 + index));
    const line = issued.spend[0];
    sheet.getCell(line.cells.amount).value = 1234.5;
    sheet.getCell(line.cells.explanation).value = "Two posts filled in October";
    const filledPath = path.join(pane.workDir, chosen.fileName);
    await workbook.xlsx.writeFile(filledPath);

    // Import: choose the file, read the preview, apply.
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Choose return files" }).click();
    await (await chooser).setFiles(filledPath);
    await page.getByText("1 return ready to apply").waitFor();
    const preview = page.getByRole("article", { name: chosen.fileName });
    await preview.getByText(`${chosen.partner}, 2009-10 Q3`).waitFor();
    const added = preview.getByRole("list", { name: `Rows to add: ${numbers.length + 1}` });
    expect(await added.getByRole("listitem").allTextContents()).toEqual([
      ...numbers.map((t, index) => `Actuals ${t.targetId} 2009-10 Q3: Actual ${10 + index}`),
      `Spend ${line.projectId} ${line.line} 2009-10 Q3: Amount £1,234.50, Comment "Two posts filled in October"`,
    ]);
    expect(await axeViolations(page)).toEqual([]);
    if (process.env.CT_DEBUG_SHOTS) {
      await page.screenshot({ path: path.join(process.env.CT_DEBUG_SHOTS, "returns-preview.png"), fullPage: true });
    }
    await page.getByRole("button", { name: "Apply returns" }).click();
    await page.getByText("Applied 1 return").waitFor();
    // The tracker, read again from the workbook, counts the return in.
    await page
      .getByRole("list", { name: "Partner returns for 2009-10 Q3" })
      .getByRole("listitem")
      .filter({ hasText: chosen.partner })
      .getByText(/^(Returned|Late)$/)
      .waitFor();

    if (process.env.CT_DEBUG_SHOTS) {
      await page.screenshot({ path: path.join(process.env.CT_DEBUG_SHOTS, "returns-applied.png"), fullPage: true });
    }

    // The downloaded workbook: the rows in Actuals and Spend, one row in the Import log.
    const after = await gridsOf(await downloadFrom(pane, "Download workbook", "after.xlsx"));
    const imported = importWorkbook(after).consortium;
    const q3 = (fy: string, quarter: number) => fy === "2009-10" && quarter === 3;
    expect(
      imported.actuals
        .filter((a) => q3(a.fy, a.quarter) && a.partner === chosen.partner)
        .map((a) => [a.targetId, a.amount]),
    ).toEqual(numbers.map((t, index) => [t.targetId, 10 + index]));
    expect(
      imported.spend.filter((s) => q3(s.fy, s.quarter)).map((s) => [s.projectId, s.line, s.pence, s.comment]),
    ).toEqual([[line.projectId, line.line, 123450, "Two posts filled in October"]]);
    expect(readImportLog(after).map((entry) => [entry.partner, entry.fileName, entry.rowsAdded])).toEqual([
      [chosen.partner, chosen.fileName, numbers.length + 1],
    ]);
    expect(pane.errors).toEqual([]);
  });
});
