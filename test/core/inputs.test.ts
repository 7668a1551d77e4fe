import { inputsText, paperInputs } from "../../src/core/inputs";
import type { Problem } from "../../src/core/model";
import { aBudget, aConsortium, aMilestone, anActual, aProject, aSpend, aTarget } from "./rules/builders";

// Three partners at 2009-10 Q2: Alpha owns T1 (a figure for Q2 is in), Beta owns M1 (done in Q2) and
// Gamma leads P2, whose only Q2 figure is a blank Actuals row; Gamma's budget line has no Q2 spend either.
function consortium() {
  const c = aConsortium({
    projects: [
      { ...aProject("P1"), leadPartner: "Alpha" },
      { ...aProject("P2"), leadPartner: "Gamma" },
    ],
    targets: [
      aTarget({ id: "T1", projectId: "P1", owner: "Alpha", values: { "2009-10": 100 } }),
      aMilestone({ "2009-10": 3 }, { id: "M1", projectId: "P1", owner: "Beta" }),
      aTarget({ id: "T2", projectId: "P2", owner: "Gamma", values: { "2009-10": 10 } }),
    ],
    actuals: [
      anActual("T1", "2009-10", 2, 40),
      { ...anActual("T2", "2009-10", 2, 0), amount: null },
      { ...anActual("M1", "2009-10", 2, 0), amount: null, done: true },
    ],
    budgets: [aBudget("P2", "Venue", "2009-10", [100, 100, 100, 100], "Gamma")],
    spend: [aSpend("P2", "Venue", "2009-10", 1, 100, "Gamma")],
  });
  c.partners = ["Alpha", "Beta", "Gamma"].map((name) => ({
    name,
    type: null,
    contact: "",
    source: c.projects[0].source,
  }));
  return c;
}
const at = { fy: "2009-10", quarter: 2 } as const;

describe("paperInputs: what a paper's figures rest on", () => {
  it("a partner is in when the workbook holds a figure of its own for the quarter, however it got there", () => {
    const inputs = paperInputs(consortium(), { period: at, problems: [] });
    expect(inputs.partners).toEqual([
      { partner: "Alpha", figuresIn: true },
      { partner: "Beta", figuresIn: true },
      { partner: "Gamma", figuresIn: false },
    ]);
    expect(inputsText(inputs)).toBe(
      "Read problems: none. Figures in for 2009-10 Q2 from 2 of 3 partners; awaited from Gamma.",
    );
  });

  it("spend for the quarter counts as the lead partner's figures", () => {
    const c = consortium();
    c.spend.push(aSpend("P2", "Venue", "2009-10", 2, 50, "Gamma"));
    expect(paperInputs(c, { period: at, problems: [] }).partners.every((p) => p.figuresIn)).toBe(true);
  });

  it("counts errors and warnings and says where to see them", () => {
    const problems: Problem[] = [
      { sheet: "Actuals", cell: "D4", severity: "error", message: "x" },
      { sheet: "Actuals", cell: "D5", severity: "error", message: "y" },
      { sheet: "Targets", cell: "H3", severity: "warning", message: "z" },
    ];
    const inputs = paperInputs(consortium(), { period: at, problems });
    expect(inputs).toMatchObject({ errors: 2, warnings: 1 });
    expect(inputsText(inputs, "the problem list below")).toMatch(
      /^Read problems: 2 errors, 1 warning \(the problem list below\)\. /,
    );
  });
});
