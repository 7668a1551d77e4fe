/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { syntheticGrids } from "../../bench/syntheticConsortium";
import type { CellValue, SheetGrid } from "../../src/core/grid";
import { consortiumGrids } from "./consortiumGrids";
import { FakePort } from "./fakePort";
import { renderInExcel } from "./renderPane";

/** The pane's consortium plus T1.2 (Annual 80 in 2009-10) with a Q1 figure of 10 and none yet for Q2. */
function withAwaitedTarget() {
  const add = (grid: SheetGrid, rows: CellValue[][]): SheetGrid => ({ ...grid, rows: [...grid.rows, ...rows] });
  return consortiumGrids().map((grid) => {
    if (grid.sheet === "Targets")
      return add(grid, [["T1.2", "P1", "Volunteers trained", "Number", "Higher", "Annual", "", 40, 80]]);
    if (grid.sheet === "Actuals") return add(grid, [["T1.2", "2009-10", "Q1", 10, "", "", "OCVA"]]);
    return grid;
  });
}

/**
 * The pane's consortium plus T1.3, set at +50% on a baseline not yet entered (Baseline and Aim after the years):
 * T1.3's Baseline is Targets!J5.
 */
function withTargetToBeSet() {
  return consortiumGrids().map((grid) => {
    if (grid.sheet !== "Targets") return grid;
    const [header, ...rows] = grid.rows;
    const wide = (row: CellValue[]) => [...row, ...new Array<CellValue>(9 - row.length).fill(null)];
    return {
      ...grid,
      rows: [
        [...wide(header), "Baseline", "Aim"],
        ...rows.map((row) => [...wide(row), null, null]),
        ["T1.3", "P1", "Compact signatories", "Number", "Higher", "Annual", "", "To be set", "To be set", null, "+50%"],
      ],
    };
  });
}

describe("RAG overview", () => {
  it("shows each project's RAG as a word with an icon, its ratio and trend", async () => {
    renderInExcel();
    const p1 = await screen.findByRole("button", { name: /^P1 Volunteering/ });
    const p2 = screen.getByRole("button", { name: /^P2 Outreach/ });
    // T1.1: 60 + 40 = 100 of 200 x 2/4 expected; T2.1: 4 of a level 8.
    expect(p1.textContent).toContain("Green");
    expect(p1.textContent).toContain("100%");
    expect(p2.textContent).toContain("Red");
    expect(p2.textContent).toContain("50%");
    // Same quarter last year P1 was also at 100%: level. P2 had no figure then: awaiting, so no trend.
    expect(p1.textContent).toContain("Level");
    expect(p2.textContent).toContain("No trend");
    const badge = within(p2).getByText("Red");
    expect(badge.querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
  });

  it("expands a project to its targets", async () => {
    renderInExcel();
    fireEvent.click(await screen.findByRole("button", { name: /^P2 Outreach/ }));
    const targets = await screen.findByRole("list", { name: "Targets of P2" });
    const item = within(targets).getByText("Outreach points operational").closest("li")!;
    expect(within(item).getByText("Red")).toBeTruthy();
    expect(within(item).getByText("50% of expected")).toBeTruthy();
    expect(item.textContent).toContain("Up 50 points on last year");
  });

  it("shows a target with no figure for the quarter as Awaiting, with why, and does not let it pull its project down", async () => {
    renderInExcel(new FakePort(withAwaitedTarget()));
    const p1 = await screen.findByRole("button", { name: /^P1 Volunteering/ });
    // T1.1 alone is rated (100%): P1 stays Green; its targets are counted with the Awaiting one.
    expect(within(p1).getByText("Green")).toBeTruthy();
    expect(p1.textContent).toContain("1 Green, 1 Awaiting");
    fireEvent.click(p1);
    const targets = await screen.findByRole("list", { name: "Targets of P1" });
    const item = within(targets).getByText("Volunteers trained").closest("li")!;
    expect(within(item).getByText("Awaiting").closest("[data-rag]")?.getAttribute("data-rag")).toBe("Awaiting");
    expect(within(item).queryByText("Red")).toBeNull();
    // 80 a year: a quarter, 20, expected by Q1; 10 in.
    expect(item.textContent).toContain("Why: No figure for Q2 yet; 10 of 20 expected by Q1.");
    // Said above the projects too.
    const note = screen.getByRole("region", { name: "What these figures rest on" });
    expect(note.textContent).toContain("1 target awaits its figure for the quarter (T1.2)");
  });

  it("shows a target set on a baseline not yet entered as Target to be set, with the cell to fill in", async () => {
    renderInExcel(new FakePort(withTargetToBeSet()));
    const p1 = await screen.findByRole("button", { name: /^P1 Volunteering/ });
    // The note above the figures says the target is not rated, and why.
    const inputsNote = screen.getByRole("region", { name: "What these figures rest on" });
    expect(inputsNote.textContent).toContain("Figures incomplete");
    expect(inputsNote.textContent).toContain("1 target is set on a baseline not yet entered (T1.3)");
    // T1.1 alone is rated (100%): P1 stays Green, never pulled down by the target with no figure to meet.
    expect(within(p1).getByText("Green")).toBeTruthy();
    fireEvent.click(p1);
    const targets = await screen.findByRole("list", { name: "Targets of P1" });
    const item = within(targets).getByText("Compact signatories").closest("li")!;
    expect(within(item).getByText("Target to be set").closest("[data-rag]")?.getAttribute("data-rag")).toBe("NotDue");
    expect(within(item).queryByText("Red")).toBeNull();
    expect(item.textContent).toContain("Not rated until its baseline is entered");
    expect(item.textContent).toContain("Target to be set: baseline not entered (Targets!J5)");
  });

  it("gives the reason beside a Red target, and lists a target it could not read as Not read with its cell", async () => {
    renderInExcel();
    fireEvent.click(await screen.findByRole("button", { name: /^P2 Outreach/ }));
    const targets = await screen.findByRole("list", { name: "Targets of P2" });
    const t21 = within(targets).getByText("Outreach points operational").closest("li")!;
    // Level 8, latest figure 4: 50%, below Amber at 75%; no Q1 figure.
    expect(t21.textContent).toContain(
      "Why: Expected 8 at Q2 (the year's level), latest figure 4: 50%, below Amber at 75%. No figure for Q1.",
    );
    const t22 = within(targets).getByText("Groups supported").closest("li")!;
    expect(t22.textContent).toContain("✕ Not read");
    expect(t22.textContent).toContain("Targets!I4");
  });

  it("says above the projects how many read problems the workbook has and whose figures are in", async () => {
    renderInExcel();
    const note = await screen.findByRole("region", { name: "What these figures rest on" });
    expect(note.textContent).toContain("Figures incomplete");
    expect(note.textContent).toMatch(/Read problems: 2 errors, \d+ warnings? \(see Check data\)\./);
    expect(note.textContent).toContain("Figures in for 2009-10 Q2 from all 2 partners.");
    expect(note.textContent).toContain("1 target could not be read");
  });

  it("counts risks by RAG and lists the highest scores first", async () => {
    renderInExcel();
    const counts = await screen.findByRole("list", { name: "Risks by RAG" });
    expect(
      within(counts)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Red 1", "Amber 1", "Green 1"]);
    const top = screen.getByRole("heading", { name: "Highest risks" }).nextElementSibling as HTMLElement;
    const rows = within(top)
      .getAllByRole("listitem")
      .map((li) => li.textContent ?? "");
    expect(rows.map((text) => text.slice(0, 2))).toEqual(["R1", "R3", "R2"]);
    expect(rows[0]).toContain("Score 20");
    expect(rows[0]).toContain("Too few volunteers come forward");
  });

  it("draws a large consortium's projects a batch at a time, until every one is there to reach by keyboard", async () => {
    renderInExcel(new FakePort(syntheticGrids(600)));
    await screen.findByRole("heading", { name: /^Projects at / });
    await waitFor(() => expect(screen.getAllByRole("button", { name: /^P\d+ / })).toHaveLength(60), {
      timeout: 10_000,
    });
    const last = screen.getByRole("button", { name: /^P60 / });
    fireEvent.click(last);
    expect(await screen.findByRole("list", { name: "Targets of P60" })).toBeTruthy();
  }, 20_000);
});
