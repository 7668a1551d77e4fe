/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { renderInExcel, openTab } from "./renderPane";

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
      expect(port.calls.markClaimSubmitted).toEqual([{ sheet: "Claim 2009-10 Q2", on: "2009-10-20" }]),
    );
    expect(await screen.findByText("Claim 2009-10 Q2 marked as submitted")).toBeTruthy();
    expect(screen.getByText(/Claim 2009-10 Q2 is marked as submitted/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Mark claim as submitted" }).getAttribute("aria-disabled")).toBe("true");
  });
});
