/** @jest-environment jsdom */
// Review and lock on the Returns tab: the Bedfordshire-style master with Luton CVS's 2009-10 Q3 return imported.
// Accept locks its figures (recorded in the workbook), Reopen needs a reason, and the decisions reach the sheets.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookGrids } from "../../src/core/grid";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { AUDIT_SHEET } from "../../src/core/returns/audit";
import { applyEditsToGrids } from "../../src/core/returns/batch";
import { importReturnFiles } from "../../src/core/returns/incoming";
import { outgoingReturns } from "../../src/core/returns/outgoing";
import { RETURNS_STATUS_SHEET } from "../../src/core/returns/status";
import { LUTON, Q3, VC, bedfordshireGrids } from "../core/returns/bedfordshireKit";
import { setCell, specToGrid } from "../core/returns/kit";
import { FakePort } from "./fakePort";
import { openTab, renderInExcel } from "./renderPane";

function withLutonsReturn(): WorkbookGrids {
  const master = bedfordshireGrids();
  const book = outgoingReturns(importWorkbook(master).consortium, Q3, {
    masterName: "master.xlsx",
    preparedOn: { year: 2009, month: 12, day: 20 },
  }).returns.find((b) => b.partner === LUTON);
  if (!book) throw new Error("no return");
  const grids = book.sheets.map(specToGrid);
  (grids.find((grid) => grid.sheet === "Return")?.rows ?? []).forEach((row, index) => {
    if (typeof row[0] === "string" && /^T\d/.test(row[0])) setCell(grids, "Return", `J${index + 1}`, 3);
  });
  const incoming = importReturnFiles(master, [{ fileName: "luton.xlsx", grids }], {
    period: Q3,
    importedAt: "2009-10-20 09:00", // before the pane's clock (14:05 that day), when the decisions are made
  });
  return applyEditsToGrids(master, incoming.edits);
}

describe("Returns tab: review and lock", () => {
  it("accepts a received return, then reopens it only with a reason", async () => {
    const port = new FakePort(withLutonsReturn());
    renderInExcel(port);
    await openTab("Returns");
    const list = await screen.findByRole("list", { name: "Review of returns for 2009-10 Q3" });
    expect(within(list).getByText(/^Received \(2009-10-20 09:00\)/)).toBeTruthy();
    // Nothing has come in from VC Central Beds: nothing to decide.
    expect(within(list).queryByRole("button", { name: `Accept ${VC}` })).toBeNull();

    fireEvent.click(within(list).getByRole("button", { name: `Accept ${LUTON}` }));
    expect(await screen.findByText(`${LUTON}, 2009-10 Q3: Accepted`)).toBeTruthy();
    expect(port.sheets.find((s) => s.sheet === RETURNS_STATUS_SHEET)?.rows[1]?.[3]).toBe("Accepted");
    expect(
      port.sheets
        .find((s) => s.sheet === AUDIT_SHEET)
        ?.rows.at(-1)
        ?.slice(6, 8),
    ).toEqual(["Received", "Accepted"]);

    const reopen = await screen.findByRole("button", { name: `Reopen ${LUTON}` });
    expect(reopen.getAttribute("aria-disabled")).toBe("true"); // a reason first
    fireEvent.change(screen.getByLabelText("Reason for sending back or reopening"), {
      target: { value: "Late correction to T1.2" },
    });
    await waitFor(() => expect(reopen.getAttribute("aria-disabled")).not.toBe("true"));
    fireEvent.click(reopen);
    expect(await screen.findByText(`${LUTON}, 2009-10 Q3: Received (reopened)`)).toBeTruthy();
    expect(port.sheets.find((s) => s.sheet === RETURNS_STATUS_SHEET)?.rows[2]?.slice(3, 5)).toEqual([
      "Reopened",
      "Late correction to T1.2",
    ]);
  });
});
