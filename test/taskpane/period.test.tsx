/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { renderInExcel } from "./renderPane";

describe("period picker", () => {
  it("defaults to the latest quarter with actuals and offers the plan's years", async () => {
    renderInExcel();
    const year = (await screen.findByLabelText("Financial year")) as HTMLSelectElement;
    const quarter = screen.getByLabelText("Quarter") as HTMLSelectElement;
    expect(year.value).toBe("2009-10");
    expect(quarter.value).toBe("2");
    expect(
      within(year)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["2008-09", "2009-10"]);
    expect(
      within(quarter)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Q1 (Apr-Jun)", "Q2 (Jul-Sep)", "Q3 (Oct-Dec)", "Q4 (Jan-Mar)"]);
  });

  it("reports at the chosen quarter: the overview and the summary sheets follow it", async () => {
    const { port } = renderInExcel();
    const quarter = await screen.findByLabelText("Quarter");
    fireEvent.change(quarter, { target: { value: "1" } });
    expect(await screen.findByRole("heading", { name: "Projects at 2009-10 Q1" })).toBeTruthy();

    fireEvent.click(screen.getByRole("tab", { name: "Data" }));
    fireEvent.click(screen.getByRole("button", { name: "Update summary sheets" }));
    await waitFor(() => expect(port.calls.pushSummarySheets).toHaveLength(1));
    expect(port.calls.pushSummarySheets[0].map((spec) => spec.name)).toContain("Claim 2009-10 Q1");
  });
});
