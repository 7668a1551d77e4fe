/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import type { SheetSpec } from "../../src/core/sheets/spec";
import type { PushOutcome } from "../../src/workbook/port";
import { consortiumGrids } from "./consortiumGrids";
import { FakePort } from "./fakePort";
import { renderInExcel, openTab } from "./renderPane";

async function update() {
  await openTab("Data");
  fireEvent.click(screen.getByRole("button", { name: "Update summary sheets" }));
}

describe("Update summary sheets", () => {
  it("pushes the period's summary sheets and lists each one created or kept, with the reason", async () => {
    // A "Risk register" the user made by hand: the add-in must keep it and write its own beside it.
    const port = new FakePort([
      ...consortiumGrids(),
      { sheet: "Risk register", rows: [["My risks"]], firstRow: 1, firstColumn: 1 },
    ]);
    renderInExcel(port);
    await update();

    await waitFor(() => expect(port.calls.pushSummarySheets).toHaveLength(1));
    const names = port.calls.pushSummarySheets[0].map((spec) => spec.name);
    expect(names).toEqual(expect.arrayContaining(["Claim 2009-10 Q2", "RAG 2009-10 Q2", "Risk register"]));

    expect(await screen.findByText("Claim 2009-10 Q2: created.")).toBeTruthy();
    expect(
      screen.getByText(
        'Risk register: kept as it was because a sheet named "Risk register" that the add-in did not write is already there. The new figures are on "Risk register (2)".',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/Updated 5 summary sheets; 1 existing sheet kept/)).toBeTruthy();
    // The importer's two errors are mentioned, so nobody mistakes the figures for complete.
    expect(screen.getByText(/The data has 2 errors/)).toBeTruthy();
    expect(port.sheets.find((s) => s.sheet === "Risk register")?.rows).toEqual([["My risks"]]);
  });

  it("replaces its own unedited sheets on the next update", async () => {
    const { port } = renderInExcel();
    await update();
    await screen.findByText("Claim 2009-10 Q2: created.");
    fireEvent.click(screen.getByRole("button", { name: "Update summary sheets" }));
    expect(await screen.findByText("Claim 2009-10 Q2: replaced with up-to-date figures.")).toBeTruthy();
    expect(port.calls.pushSummarySheets).toHaveLength(2);
  });

  it("shows progress while the sheets are written", async () => {
    const port = new FakePort(consortiumGrids());
    let finish: (outcome: PushOutcome) => void = () => undefined;
    port.pushSummarySheets = (specs: SheetSpec[]) => {
      port.calls.pushSummarySheets.push(specs);
      return new Promise<PushOutcome>((resolve) => (finish = resolve));
    };
    renderInExcel(port);
    await update();
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Update summary sheets" }).getAttribute("aria-disabled")).toBe("true");
    await act(async () =>
      finish({ sheets: [{ requested: "Year on year", writtenAs: "Year on year", action: "created" }] }),
    );
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByText("Year on year: created.")).toBeTruthy();
  });

  it("says the workbook was left as it was when the push fails", async () => {
    const port = new FakePort(consortiumGrids());
    port.failPush = new Error("Excel could not add the sheet");
    renderInExcel(port);
    await update();
    expect(await screen.findByText("The summary sheets were not updated")).toBeTruthy();
    expect(screen.getByText("Excel could not add the sheet.")).toBeTruthy();
    expect(screen.getByText("The workbook was left as it was.")).toBeTruthy();
    expect(port.sheets.map((s) => s.sheet)).toEqual(consortiumGrids().map((g) => g.sheet));
  });

  it("says the sheets were written when only reading the workbook again fails, and offers Retry", async () => {
    const port = new FakePort(consortiumGrids());
    port.failReadsAfterWrite = new Error("The request timed out");
    renderInExcel(port);
    await update();
    expect(await screen.findByText("Written; could not read the workbook again")).toBeTruthy();
    expect(screen.getByText(/^Updated \d+ summary sheets/)).toBeTruthy();
    expect(screen.getByText("Reading it again failed: The request timed out.")).toBeTruthy();
    expect(screen.queryByText("The workbook was left as it was.")).toBeNull();
    expect(port.sheets.map((s) => s.sheet)).toContain("Claim 2009-10 Q2");

    port.failReadsAfterWrite = null;
    port.readsFail = null;
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Read the workbook again")).toBeTruthy();
    // Read again, the claim sheet is there to mark as submitted.
    expect(screen.getByRole("button", { name: "Mark claim as submitted" }).getAttribute("aria-disabled")).not.toBe(
      "true",
    );
  });
});
