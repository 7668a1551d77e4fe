import { projectRollup, targetScore, type TargetOutcome } from "../../../src/core/rules/projectRollup";
import { someSettings } from "./builders";

const numeric = (ratio: number | null, rag: TargetOutcome["rag"], awaiting = false): TargetOutcome => ({
  measure: "Number",
  ratio,
  rag,
  awaiting,
});
const milestone = (rag: TargetOutcome["rag"]): TargetOutcome => ({
  measure: "Milestone",
  ratio: null,
  rag,
  awaiting: false,
  toBeSet: false,
});
const average = someSettings({ projectRollup: "Average" });
const worst = someSettings({ projectRollup: "Worst" });

describe("Project RAG, Average (default)", () => {
  it("scores: numeric min(r, 1); milestones Green 1, Amber 0.5, Red 0; NotDue has no score", () => {
    expect(targetScore(numeric(0.9, "Amber"))).toBe(0.9);
    expect(targetScore(numeric(1.2, "Green"))).toBe(1);
    expect(targetScore(milestone("Green"))).toBe(1);
    expect(targetScore(milestone("Amber"))).toBe(0.5);
    expect(targetScore(milestone("Red"))).toBe(0);
    expect(targetScore(milestone("NotDue"))).toBeNull();
    expect(targetScore(numeric(null, "NotDue"))).toBeNull();
  });

  it("mean of the scores of the targets that are not NotDue; over-achievement is capped at 1", () => {
    // (0.9 + min(1.2, 1) + 0.5) / 3 = 0.8: Amber. The NotDue target and milestone are left out.
    const outcomes = [
      numeric(0.9, "Amber"),
      numeric(1.2, "Green"),
      milestone("Amber"),
      numeric(null, "NotDue"),
      milestone("NotDue"),
    ];
    expect(projectRollup("P1", outcomes, average)).toEqual({
      projectId: "P1",
      ratio: (0.9 + 1 + 0.5) / 3,
      rag: "Amber",
      awaitingTargets: 0,
      toBeSetTargets: 0,
    });
  });

  it("RAG from the same thresholds as targets: a mean of exactly 0.95 is Green", () => {
    // (1 + 0.9) / 2 = 0.95
    expect(projectRollup("P1", [numeric(1, "Green"), numeric(0.9, "Amber")], average).rag).toBe("Green");
  });

  it("a late milestone scores 0 and pulls the project down", () => {
    // (1 + 0) / 2 = 0.5: Red
    expect(projectRollup("P1", [numeric(1, "Green"), milestone("Red")], average)).toEqual({
      projectId: "P1",
      ratio: 0.5,
      rag: "Red",
      awaitingTargets: 0,
      toBeSetTargets: 0,
    });
  });
});

describe("Project RAG, Worst", () => {
  // Two targets met and one at 0.7: Average (1 + 1 + 0.7) / 3 = 0.9 (Amber); Worst is Red.
  const outcomes = [numeric(1, "Green"), numeric(1.1, "Green"), numeric(0.7, "Red")];

  it("Worst vs Average: the same targets are Amber on average but Red at worst", () => {
    expect(projectRollup("P1", outcomes, average).rag).toBe("Amber");
    expect(projectRollup("P1", outcomes, worst).rag).toBe("Red");
  });

  it("in Worst mode the ratio is still the Average mode's ratio", () => {
    expect(projectRollup("P1", outcomes, worst).ratio).toBe((1 + 1 + 0.7) / 3);
  });

  it("Red < Amber < Green: an Amber milestone among Greens makes the project Amber", () => {
    expect(projectRollup("P1", [numeric(1, "Green"), milestone("Amber")], worst).rag).toBe("Amber");
  });

  it("NotDue targets are ignored by Worst too", () => {
    expect(projectRollup("P1", [numeric(1, "Green"), milestone("NotDue")], worst).rag).toBe("Green");
  });
});

describe("Project RAG with nothing due", () => {
  it("all targets NotDue: NotDue with ratio null, in both modes", () => {
    const outcomes = [numeric(null, "NotDue"), milestone("NotDue")];
    expect(projectRollup("P1", outcomes, average)).toEqual({
      projectId: "P1",
      ratio: null,
      rag: "NotDue",
      awaitingTargets: 0,
      toBeSetTargets: 0,
    });
    expect(projectRollup("P1", outcomes, worst)).toEqual({
      projectId: "P1",
      ratio: null,
      rag: "NotDue",
      awaitingTargets: 0,
      toBeSetTargets: 0,
    });
  });

  it("no targets in the FY: NotDue with ratio null", () => {
    expect(projectRollup("P2", [], worst)).toEqual({
      projectId: "P2",
      ratio: null,
      rag: "NotDue",
      awaitingTargets: 0,
      toBeSetTargets: 0,
    });
  });
});

describe("Project RAG with targets awaiting figures (rules version 2)", () => {
  it("an awaiting target is not rated: the project rolls up the others and counts it", () => {
    // T1 0.9 rated; T2 would be 0.2 (Red) but has no figure for the quarter: (0.9) / 1 = 0.9 Amber, 1 awaiting.
    const outcomes = [numeric(0.9, "Amber"), numeric(0.2, "Red", true)];
    expect(projectRollup("P1", outcomes, average)).toEqual({
      projectId: "P1",
      ratio: 0.9,
      rag: "Amber",
      awaitingTargets: 1,
      toBeSetTargets: 0,
    });
    // Worst: the awaiting Red does not pull it down either.
    expect(projectRollup("P1", outcomes, worst)).toEqual({
      projectId: "P1",
      ratio: 0.9,
      rag: "Amber",
      awaitingTargets: 1,
      toBeSetTargets: 0,
    });
  });

  it("only awaiting targets (and NotDue ones): Awaiting with ratio null, in both modes", () => {
    const outcomes = [numeric(0, "Red", true), numeric(0.5, "Red", true), numeric(null, "NotDue")];
    const expected = { projectId: "P1", ratio: null, rag: "Awaiting", awaitingTargets: 2, toBeSetTargets: 0 };
    expect(projectRollup("P1", outcomes, average)).toEqual(expected);
    expect(projectRollup("P1", outcomes, worst)).toEqual(expected);
  });

  it("an awaiting target has no score", () => {
    expect(targetScore(numeric(0.5, "Red", true))).toBeNull();
  });
});
