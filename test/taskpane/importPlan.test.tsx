/** @jest-environment jsdom */
// Import plan in the task pane: paste the plan's tables, review the proposed targets grouped by project with
// each guess highlighted, edit a figure, then add them to the workbook below the rows already there.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { FakePort } from "./fakePort";
import { consortiumGrids } from "./consortiumGrids";
import { openTab, renderInExcel } from "./renderPane";

jest.setTimeout(30_000);

const PLAN = [
  "Project 9 Support for volunteering",
  "2008 – 2009",
  "General volunteer brokerage services:",
  "900 potential volunteers make contact",
  "Outreach visits including 3 per month to Vale",
  "Cherwell CVS finalises implementation of Vbase system",
  "2009 – 2010",
  "General volunteer brokerage services:",
  "900 potential volunteers make contact",
  "Outreach visits including 3 per month to Vale",
  "What are the key targets for each year?",
].join("\n");

async function readPlan(text = PLAN) {
  await openTab("Plan");
  fireEvent.change(screen.getByLabelText("Plan tables"), { target: { value: text } });
  fireEvent.click(screen.getByRole("button", { name: "Read plan" }));
}

describe("Import plan", () => {
  it("shows the proposed targets grouped by project, with the guessed years highlighted and explained", async () => {
    renderInExcel();
    await readPlan();
    const project = screen.getByRole("region", { name: "P9 Support for volunteering" });
    expect(within(project).getByRole("heading").textContent).toBe("P9 Support for volunteering (3)");
    expect((screen.getByLabelText("T9.1 target") as HTMLInputElement).value).toBe(
      "General volunteer brokerage services: 900 potential volunteers make contact",
    );
    expect((screen.getByLabelText("T9.2 2008-09 (guessed: check)") as HTMLInputElement).value).toBe("36");
    expect(within(screen.getByRole("list", { name: "T9.2 guesses" })).getAllByRole("listitem")[0].textContent).toBe(
      '⚠ 2008-09 value 36: 3 per month × 12 = 36 a year (from "3 per month")',
    );
    expect((screen.getByLabelText("T9.3 2008-09 (guessed: check)") as HTMLInputElement).value).toBe("Q4");
    expect(screen.getByRole("region", { name: "Not read" }).textContent).toContain(
      "a question or prompt, not a target: “What are the key targets for each year?”",
    );
  });

  it("takes an edited figure as the person's, no longer a guess, and refuses one it cannot read", async () => {
    renderInExcel();
    await readPlan();
    const cell = screen.getByLabelText("T9.2 2008-09 (guessed: check)");
    fireEvent.change(cell, { target: { value: "thirty" } });
    fireEvent.blur(cell);
    expect(await screen.findByText('"thirty" is not a number.')).toBeTruthy();
    fireEvent.change(cell, { target: { value: "40" } });
    fireEvent.blur(cell);
    await waitFor(() => expect((screen.getByLabelText("T9.2 2008-09") as HTMLInputElement).value).toBe("40"));
  });

  it("lets a guessed basis be chosen, after which it is no longer marked", async () => {
    renderInExcel();
    await readPlan(["2008 – 2009", "9/10 outreach points operational in market towns"].join("\n"));
    const basis = screen.getByLabelText("T1.1 basis (guessed: check)") as HTMLSelectElement;
    expect(basis.value).toBe("Level");
    fireEvent.change(basis, { target: { value: "Annual" } });
    await waitFor(() => expect((screen.getByLabelText("T1.1 basis") as HTMLSelectElement).value).toBe("Annual"));
  });

  it("reads the cells selected in the workbook", async () => {
    const port = new FakePort(consortiumGrids());
    port.selection = [
      ["Project 9 Support for volunteering", null, null],
      ["Key targets", "2008-09", "2009-10"],
      ["Potential volunteers make contact", 900, 950],
    ];
    renderInExcel(port);
    await openTab("Plan");
    fireEvent.click(screen.getByRole("button", { name: "Read the selected cells" }));
    expect(await screen.findByLabelText("T9.1 target")).toBeTruthy();
    expect((screen.getByLabelText("T9.1 2009-10") as HTMLInputElement).value).toBe("950");
  });

  it("writes nothing until confirmed, then adds the projects and targets below the sheets' rows", async () => {
    const port = new FakePort(consortiumGrids());
    renderInExcel(port);
    await readPlan();
    expect(port.calls.applyEdits).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Add 3 targets and 0 risks to the workbook" }));
    expect(await screen.findByText("Plan added to the workbook")).toBeTruthy();
    expect(screen.getByText("Added Targets: T9.1, T9.2, T9.3")).toBeTruthy();
    const edits = port.calls.applyEdits[0];
    const targets = edits.appends.find((append) => append.sheet === "Targets");
    expect(targets?.rows.map((row) => row.slice(0, 3))).toEqual([
      ["T9.1", "P9", "General volunteer brokerage services: 900 potential volunteers make contact"],
      ["T9.2", "P9", "General volunteer brokerage services: Outreach visits including 3 per month to Vale"],
      ["T9.3", "P9", "General volunteer brokerage services: Cherwell CVS finalises implementation of Vbase system"],
    ]);
  });
});
