/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { importWorkbook } from "../../src/core/read/importWorkbook";
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

  it("writes the thresholds as fractions and the roll-up mode into the Settings sheet", async () => {
    const { port } = renderInExcel();
    await openSettings();
    fireEvent.change(screen.getByLabelText("Green threshold (%)"), { target: { value: "90" } });
    fireEvent.click(screen.getByRole("radio", { name: /^Worst/ }));
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));

    expect(await screen.findByText("Settings saved to the Settings sheet")).toBeTruthy();
    expect(port.calls.applyEdits).toHaveLength(1);
    const written = importWorkbook(await port.readInputSheets()).consortium.settings;
    expect(written.greenThreshold).toBeCloseTo(0.9, 10);
    expect(written.amberThreshold).toBeCloseTo(0.75, 10);
    expect(written.spendGreenTolerance).toBeCloseTo(0.1, 10);
    expect(written.spendAmberTolerance).toBeCloseTo(0.25, 10);
    expect(written.projectRollup).toBe("Worst");
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
    expect(port.calls.applyEdits).toHaveLength(0);
  });

  it("says the settings were written, not 'left as it was', when the workbook cannot be read again, and retries", async () => {
    const { port } = renderInExcel();
    await openSettings();
    port.failReadsAfterWrite = new Error("Excel lost the connection");
    fireEvent.change(screen.getByLabelText("Green threshold (%)"), { target: { value: "90" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));

    expect(await screen.findByText("Written; could not read the workbook again")).toBeTruthy();
    expect(screen.getByText("Settings saved to the Settings sheet.")).toBeTruthy();
    expect(screen.getByText("Reading it again failed: Excel lost the connection.")).toBeTruthy();
    expect(screen.queryByText(/left as it was/)).toBeNull();
    // The write did go through.
    port.readsFail = null;
    port.failReadsAfterWrite = null;
    expect(importWorkbook(await port.readInputSheets()).consortium.settings.greenThreshold).toBeCloseTo(0.9, 10);

    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Read the workbook again")).toBeTruthy();
    expect(screen.queryByText("Written; could not read the workbook again")).toBeNull();
    expect((screen.getByLabelText("Green threshold (%)") as HTMLInputElement).value).toBe("90");
  });

  it("says again, with Retry, when reading fails again", async () => {
    const { port } = renderInExcel();
    await openSettings();
    port.failReadsAfterWrite = new Error("Excel lost the connection");
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("Written; could not read the workbook again")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Retry" })).toBeTruthy());
    expect(screen.getByText("Written; could not read the workbook again")).toBeTruthy();
  });
});
