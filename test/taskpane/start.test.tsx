/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { exampleSheets } from "../../src/core/example/exampleConsortium";
import { templateSheets } from "../../src/core/sheets/templateSheets";
import { consortiumGrids } from "./consortiumGrids";
import { FakePort } from "./fakePort";
import { renderInExcel } from "./renderPane";

/** The button, once the pane has finished reading the workbook (buttons wait while it reads). */
async function readyButton(name: string): Promise<HTMLElement> {
  const button = await screen.findByRole("button", { name });
  await waitFor(() => expect(button.getAttribute("aria-disabled")).not.toBe("true"));
  return button;
}

describe("Start", () => {
  it("inserts the standard templates, never over a sheet already there, and says which were skipped", async () => {
    const settingsOnly = consortiumGrids().filter((g) => g.sheet === "Settings");
    const { port } = renderInExcel(new FakePort(settingsOnly));
    fireEvent.click(await readyButton("Insert standard templates"));

    await screen.findByText("Standard templates inserted");
    const names = templateSheets().map((spec) => spec.name);
    expect(port.calls.insertSheets[0].map((spec) => spec.name)).toEqual(names);
    const inserted = names.filter((name) => name !== "Settings");
    expect(screen.getByText(`Inserted template sheets: ${inserted.join(", ")}.`, { exact: false })).toBeTruthy();
    expect(
      screen.getByText("Skipped 1 sheet already in the workbook, left exactly as it was: Settings.", { exact: false }),
    ).toBeTruthy();
    // The existing Settings sheet is untouched.
    expect(port.sheets.find((s) => s.sheet === "Settings")).toEqual(settingsOnly[0]);
  });

  it("loads the example into the open workbook and stays on the Data tab to say so", async () => {
    const { port } = renderInExcel(new FakePort([]));
    fireEvent.click(await readyButton("Load example"));
    expect(await screen.findByText("Example loaded")).toBeTruthy();
    expect(port.calls.insertSheets[0].map((s) => s.name)).toEqual(exampleSheets().map((s) => s.name));
    expect(screen.getByRole("tab", { name: "Data" }).getAttribute("aria-selected")).toBe("true");

    fireEvent.click(screen.getByRole("tab", { name: "Overview" }));
    expect(await screen.findByRole("heading", { name: /^Projects at / })).toBeTruthy();
  });
});
