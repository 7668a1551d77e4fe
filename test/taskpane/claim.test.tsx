/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { SheetGrid } from "../../src/core/grid";
import { AUDIT_COLUMNS, AUDIT_SHEET, readAudit } from "../../src/core/returns/audit";
import { templateFor } from "../../src/core/templates";
import { consortiumGrids } from "./consortiumGrids";
import { FakePort } from "./fakePort";
import { renderInExcel, openTab } from "./renderPane";

function moneySheet(name: "Budget" | "Spend", rows: (string | number)[][]): SheetGrid {
  const headers = templateFor(name).columns.map((c) => c.header);
  return { sheet: name, rows: [headers, ...rows], firstRow: 1, firstColumn: 1 };
}

describe("Mark claim as submitted", () => {
  it("is only offered once the period's claim sheet exists", async () => {
    renderInExcel();
    await openTab("Data");
    expect(screen.getByText(/There is no claim sheet for 2009-10 Q2 yet/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Mark claim as submitted" }).getAttribute("aria-disabled")).toBe("true");
  });

  it("asks first, then marks the period's claim sheet as submitted on today's date", async () => {
    const { port } = renderInExcel();
    await openTab("Data");
    fireEvent.click(screen.getByRole("button", { name: "Update summary sheets" }));
    await screen.findByText("Claim 2009-10 Q2: created.");

    fireEvent.click(screen.getByRole("button", { name: "Mark claim as submitted" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Mark Claim 2009-10 Q2 as submitted?" });
    // hidden: true because in jsdom Fluent's focus manager (tabster) sometimes leaves a just-opened dialog marked
    // aria-hidden; the browser test checks the real dialog's accessibility.
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(port.calls.markClaimSubmitted).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Mark claim as submitted" }));
    const again = await screen.findByRole("alertdialog", { hidden: true });
    fireEvent.click(within(again).getByRole("button", { name: "Mark as submitted", hidden: true }));
    await waitFor(() =>
      expect(port.calls.markClaimSubmitted).toEqual([{ sheet: "Claim 2009-10 Q2", on: "20/10/2009" }]),
    );
    expect(port.protectedSheets).toEqual(["Claim 2009-10 Q2"]);
    expect(port.sheets.find((sheet) => sheet.sheet === "Claim 2009-10 Q2")!.rows.flat()).toContain(
      "Submitted on 20/10/2009",
    );
    expect(await screen.findByText("Claim 2009-10 Q2 marked as submitted")).toBeTruthy();
    expect(screen.getByText(/Claim 2009-10 Q2 is marked as submitted/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Mark claim as submitted" }).getAttribute("aria-disabled")).toBe("true");
    // A further update writes no second claim for the quarter, and says why.
    fireEvent.click(screen.getByRole("button", { name: "Update summary sheets" }));
    expect(
      await screen.findByText("Claim 2009-10 Q2 was submitted on 20/10/2009 and no figure has changed."),
    ).toBeTruthy();
    expect(port.sheets.map((sheet) => sheet.sheet)).not.toContain("Claim 2009-10 Q2 (2)");
    expect(screen.getByText(/Claim 2009-10 Q2 is marked as submitted/)).toBeTruthy();
  });

  it("records the claim marked as submitted on the Audit sheet, below the rows already there, with no who", async () => {
    const earlier = AUDIT_COLUMNS.map((column) => `earlier ${column.key}`);
    const auditGrid: SheetGrid = {
      sheet: AUDIT_SHEET,
      rows: [AUDIT_COLUMNS.map((column) => column.header), earlier],
      firstRow: 1,
      firstColumn: 1,
    };
    const port = new FakePort([...consortiumGrids(), auditGrid]);
    renderInExcel(port);
    await openTab("Data");
    fireEvent.click(screen.getByRole("button", { name: "Update summary sheets" }));
    await screen.findByText("Claim 2009-10 Q2: created.");
    fireEvent.click(screen.getByRole("button", { name: "Mark claim as submitted" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    fireEvent.click(within(dialog).getByRole("button", { name: "Mark as submitted", hidden: true }));
    expect(await screen.findByText("Claim 2009-10 Q2 marked as submitted")).toBeTruthy();

    const rows = readAudit(await port.readInputSheets());
    expect(rows).toHaveLength(2);
    expect(Object.values(rows[0])).toEqual(earlier);
    expect(rows[1]).toMatchObject({
      when: "2009-10-20 14:05",
      command: "pane",
      sheet: "Claim 2009-10 Q2",
      row: "Claim 2009-10 Q2 marked submitted on 20/10/2009",
      newValue: "Submitted on 20/10/2009",
      period: "2009-10 Q2",
      by: "",
    });
  });

  it("marks nothing when the batch (stamp, protection, registry, Audit row) cannot be written", async () => {
    const { port } = renderInExcel();
    await openTab("Data");
    fireEvent.click(screen.getByRole("button", { name: "Update summary sheets" }));
    await screen.findByText("Claim 2009-10 Q2: created.");
    port.failApply = new Error("The workbook is read-only");
    fireEvent.click(screen.getByRole("button", { name: "Mark claim as submitted" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    fireEvent.click(within(dialog).getByRole("button", { name: "Mark as submitted", hidden: true }));
    expect(await screen.findByText("The claim was not marked as submitted")).toBeTruthy();
    expect(screen.getByText("The workbook is read-only.")).toBeTruthy();
    expect(port.calls.markClaimSubmitted).toEqual([]);
    expect(port.protectedSheets).toEqual([]);
    expect(readAudit(await port.readInputSheets())).toEqual([]);
  });

  it("warns beside the claim when the year's profile shows an underspend beyond the amber tolerance", async () => {
    // P1 Staff: 2,500 a quarter; 3,000 spent by Q2 of 5,000 budgeted: 40% short, so 4,000 of 10,000 by year end.
    const grids = [
      ...consortiumGrids(),
      moneySheet("Budget", [["P1", "Staff", "2009-10", 2500, 2500, 2500, 2500]]),
      moneySheet("Spend", [["P1", "Staff", "2009-10", "Q1", 3000, ""]]),
    ];
    renderInExcel(new FakePort(grids));
    await openTab("Data");
    expect(await screen.findByText("Underspend by year end (2009-10 Q2)")).toBeTruthy();
    expect(
      screen.getAllByText(/At this profile 2009-10 ends £4,000.00 underspent against its £10,000.00 budget\./),
    ).toHaveLength(2); // overall and the line
  });
});
