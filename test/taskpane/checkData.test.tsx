/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { renderInExcel, openTab } from "./renderPane";

async function checkData() {
  await openTab("Data");
  fireEvent.click(screen.getByRole("button", { name: "Check data" }));
}

describe("Check data", () => {
  it("lists the problems grouped by sheet, with counts and the severity in words", async () => {
    renderInExcel();
    await checkData();
    expect(await screen.findByText("2 errors found")).toBeTruthy();

    const targets = screen.getByRole("group", { name: "Targets (1 error)" });
    const actuals = screen.getByRole("group", { name: "Actuals (1 error)" });
    const targetProblem = within(targets).getByRole("button");
    expect(targetProblem.textContent).toMatch(/^ErrorTargets!I4 — .*"lots"/);
    expect(within(actuals).getByRole("button").textContent).toMatch(/^ErrorActuals!C7 — .*"Q5"/);
    // The severity icon is decoration: the word carries the meaning.
    expect(targetProblem.querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
  });

  it("goes to the problem's cell when one is chosen", async () => {
    const { port } = renderInExcel();
    await checkData();
    const group = await screen.findByRole("group", { name: "Actuals (1 error)" });
    fireEvent.click(within(group).getByRole("button"));
    await waitFor(() => expect(port.calls.selectCell).toEqual([{ sheet: "Actuals", cell: "C7" }]));
    expect(screen.getByText("Selected Actuals!C7 in the workbook.")).toBeTruthy();
  });

  it("says so when every sheet reads cleanly", async () => {
    const { port } = renderInExcel();
    await checkData();
    await screen.findByText("2 errors found");
    // Fix both cells, then check again: the list empties.
    port.sheets.find((s) => s.sheet === "Targets")!.rows[3][8] = 12;
    port.sheets.find((s) => s.sheet === "Actuals")!.rows[6][2] = "Q3";
    fireEvent.click(screen.getByRole("button", { name: "Check data" }));
    expect(await screen.findByText("No problems found")).toBeTruthy();
    expect(screen.queryByRole("group", { name: /Targets/ })).toBeNull();
  });
});
