/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { renderInExcel, openTab } from "./renderPane";

async function openSettings() {
  await openTab("Settings");
}

describe("Settings", () => {
  it("shows the Settings sheet's thresholds as percentages, defaults where the sheet is blank", async () => {
    renderInExcel();
    await openSettings();
    expect((screen.getByLabelText("Green threshold (%)") as HTMLInputElement).value).toBe("95");
    expect((screen.getByLabelText("Amber threshold (%)") as HTMLInputElement).value).toBe("75");
    expect((screen.getByLabelText("Spend green tolerance (%)") as HTMLInputElement).value).toBe("10");
    expect((screen.getByLabelText("Spend amber tolerance (%)") as HTMLInputElement).value).toBe("25");
    expect((screen.getByRole("radio", { name: /^Average/ }) as HTMLInputElement).checked).toBe(true);
  });

  it("writes the thresholds as fractions and the roll-up mode through writeSettings", async () => {
    const { port } = renderInExcel();
    await openSettings();
    fireEvent.change(screen.getByLabelText("Green threshold (%)"), { target: { value: "90" } });
    fireEvent.click(screen.getByRole("radio", { name: /^Worst/ }));
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));

    await waitFor(() => expect(port.calls.writeSettings).toHaveLength(1));
    const written = port.calls.writeSettings[0];
    expect(written.greenThreshold).toBeCloseTo(0.9, 10);
    expect(written.amberThreshold).toBeCloseTo(0.75, 10);
    expect(written.spendGreenTolerance).toBeCloseTo(0.1, 10);
    expect(written.spendAmberTolerance).toBeCloseTo(0.25, 10);
    expect(written.projectRollup).toBe("Worst");
    expect(await screen.findByText("Settings saved to the Settings sheet")).toBeTruthy();
    // Read back from the sheet.
    expect((screen.getByLabelText("Green threshold (%)") as HTMLInputElement).value).toBe("90");
  });

  it("changes the RAG the overview shows once saved", async () => {
    renderInExcel();
    await openSettings();
    // P2 is at 50%: Red with amber at 75%, Amber once amber is 50%.
    fireEvent.change(screen.getByLabelText("Amber threshold (%)"), { target: { value: "50" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText("Settings saved to the Settings sheet");
    fireEvent.click(screen.getByRole("tab", { name: "Overview" }));
    expect(screen.getByRole("button", { name: /^P2 Outreach/ }).textContent).toContain("Amber");
  });

  it("refuses an amber threshold above the green one, in plain words, without writing", async () => {
    const { port } = renderInExcel();
    await openSettings();
    fireEvent.change(screen.getByLabelText("Amber threshold (%)"), { target: { value: "99" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("The amber threshold cannot be above the green threshold.")).toBeTruthy();
    expect(port.calls.writeSettings).toHaveLength(0);
  });
});
