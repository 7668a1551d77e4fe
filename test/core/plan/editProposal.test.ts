// A person's edits while reviewing: a figure or due quarter for one year (then no longer a guess), and a baseline
// that sets the figures of a target the plan states relative to it.
import { editBaseline, editChoice, editYear, valuesFromBaseline } from "../../../src/core/plan/editProposal";
import { proposePlanFromText } from "../../../src/core/plan/proposePlan";

const proposal = proposePlanFromText(
  [
    "Project 7 Networks",
    "2008 - 2009",
    "Outreach visits including 3 per month to Vale",
    "Raise awareness so as to obtain 50% more signatories",
    "Guide updated",
    "Increase membership by 10% year on year",
    "2009 - 2010",
    "Increase membership by 10% year on year",
    "Grow the network year on year increase",
  ].join("\n"),
);

describe("editing a year", () => {
  it("takes the person's figure and drops that year's guess", () => {
    const edited = editYear(proposal, "T7.1", "2008-09", "30");
    expect(edited.ok && edited.proposal.targets[0].values).toEqual({ "2008-09": 30 });
    expect(edited.ok && edited.proposal.targets[0].guesses).toEqual([]);
  });

  it("reads a milestone's month as the quarter in that year, and refuses a month in another year", () => {
    const edited = editYear(proposal, "T7.3", "2008-09", "December 2008");
    expect(edited.ok && edited.proposal.targets[2].dueQuarters).toEqual({ "2008-09": 3 });
    expect(editYear(proposal, "T7.3", "2008-09", "May 2010")).toEqual({
      ok: false,
      reason: '"May 2010" falls in 2010-11, not 2008-09.',
    });
  });

  it("refuses what is not a number", () => {
    expect(editYear(proposal, "T7.1", "2008-09", "lots")).toEqual({ ok: false, reason: '"lots" is not a number.' });
  });
});

describe("a target set on a baseline", () => {
  it("waits for its baseline: no figures until then", () => {
    expect(proposal.targets[1]).toMatchObject({ values: {}, aim: { change: 0.5, yearOnYear: false } });
  });

  it("baseline + 50%: 120 signatories gives 180", () => {
    const edited = editBaseline(proposal, "T7.2", "120");
    expect(edited.ok && edited.proposal.targets[1]).toMatchObject({ values: { "2008-09": 180 }, aim: null });
  });

  it("10% year on year from a baseline of 200: 220 then 242", () => {
    const values = valuesFromBaseline(proposal.targets[3], 200);
    expect(typeof values !== "string" && values["2008-09"]).toBeCloseTo(220, 9);
    expect(typeof values !== "string" && values["2009-10"]).toBeCloseTo(242, 9);
  });

  it("says so when the plan gives no size of increase", () => {
    expect(editBaseline(proposal, "T7.5", "40")).toEqual({
      ok: false,
      reason: "The plan does not say by how much T7.5 should rise: enter each year's figure.",
    });
  });
});

describe("choosing a measure, basis or direction", () => {
  it("takes the person's choice and drops the guess about it", () => {
    const level = proposePlanFromText(["2008 - 2009", "9/10 outreach points operational"].join("\n"));
    expect(level.targets[0].guesses.map((g) => g.field)).toEqual(["value", "basis"]);
    const annual = editChoice(level, "T1.1", "basis", "Annual");
    expect(annual.targets[0].basis).toBe("Annual");
    expect(annual.targets[0].guesses.map((g) => g.field)).toEqual(["value"]);
  });

  it("keeps only what the new measure holds: a milestone has no figures", () => {
    const milestone = editChoice(proposal, "T7.1", "measure", "Milestone");
    expect(milestone.targets[0]).toMatchObject({ measure: "Milestone", values: {}, dueQuarters: {} });
  });
});
