/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { renderInExcel } from "./renderPane";

describe("Mark claim as submitted", () => {
  it("is only offered once the period's claim sheet exists", async () => {
    renderInExcel();
    fireEvent.click(await screen.findByRole("tab", { name: "Data" }));
    expect(screen.getByText(/There is no claim sheet for 2009-10 Q2 yet/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Mark claim as submitted" }).getAttribute("aria-disabled")).toBe("true");
  });

  it("asks first, then marks the period's claim sheet as submitted on today's date", async () => {
    const { port } = renderInExcel();
    fireEvent.click(await screen.findByRole("tab", { name: "Data" }));
    fireEvent.click(screen.getByRole("button", { name: "Update summary sheets" }));
    await screen.findByText("Claim 2009-10 Q2: created.");

    fireEvent.click(screen.getByRole("button", { name: "Mark claim as submitted" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Mark Claim 2009-10 Q2 as submitted?" });
    expect(dialog).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(port.calls.markClaimSubmitted).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Mark claim as submitted" }));
    fireEvent.click(await screen.findByRole("button", { name: "Mark as submitted" }));
    await waitFor(() => expect(port.calls.markClaimSubmitted).toEqual([{ sheet: "Claim 2009-10 Q2", on: "2009-10-20" }]));
    expect(await screen.findByText("Claim 2009-10 Q2 marked as submitted")).toBeTruthy();
    expect(screen.getByText(/Claim 2009-10 Q2 is marked as submitted/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Mark claim as submitted" }).getAttribute("aria-disabled")).toBe("true");
  });
});
