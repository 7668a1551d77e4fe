// Review and lock in the built task pane, standalone mode, no network: open the example, accept ORCC's 2009-10
// Q2 figures on the Returns tab, reopen them with a reason, and download the workbook: the decisions are on its
// Returns status and Audit sheets. axe checks the tab on the way.
import { findGrid } from "../../src/core/grid";
import { AUDIT_SHEET } from "../../src/core/returns/audit";
import { RETURNS_STATUS_SHEET } from "../../src/core/returns/status";
import { axeViolations, downloadFrom, gridsOf, openPane, openWorkbookIn, type Pane } from "./pane";

let pane: Pane;

beforeAll(async () => {
  pane = await openPane();
});

afterAll(async () => {
  await pane?.close();
});

describe("review and lock in the task pane, in a browser", () => {
  it("accepts a partner's figures, reopens them with a reason, and keeps both in the workbook", async () => {
    const { page, examplePath } = pane;
    await openWorkbookIn(pane, examplePath);
    await page.getByRole("tab", { name: "Returns" }).click();
    const review = page.getByRole("list", { name: "Review of returns for 2009-10 Q2" });
    await review.waitFor();

    await review.getByRole("button", { name: "Accept ORCC" }).click();
    await page.getByText("ORCC, 2009-10 Q2: Accepted").waitFor();
    const reopen = review.getByRole("button", { name: "Reopen ORCC" });
    expect(await reopen.getAttribute("aria-disabled")).toBe("true");
    await page.getByLabel("Reason for sending back or reopening").fill("Invoice posted late");
    await reopen.click();
    await page.getByText("ORCC, 2009-10 Q2: Received (reopened)").waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const after = await gridsOf(await downloadFrom(pane, "Download workbook", "reviewed.xlsx"));
    const status = findGrid(after, RETURNS_STATUS_SHEET)?.rows ?? [];
    expect(status.slice(1).map((row) => [row[2], row[3], row[4]])).toEqual([
      ["ORCC", "Accepted", null],
      ["ORCC", "Reopened", "Invoice posted late"],
    ]);
    const audit = findGrid(after, AUDIT_SHEET)?.rows ?? [];
    expect(audit.slice(1).map((row) => [row[1], row[6], row[7]])).toEqual([
      ["pane", "Received", "Accepted"],
      ["pane", "Accepted", "Received (reopened)"],
    ]);
    expect(pane.errors).toEqual([]);
  });
});
