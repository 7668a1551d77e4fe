/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { renderInExcel } from "./renderPane";

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
});
