import { riskRag, riskReport, riskScore } from "../../../src/core/rules/riskScore";
import { aRating, aRisk } from "./builders";

describe("Risk score = impact x probability; RAG >= 15 Red, >= 8 Amber, else Green", () => {
  it("high impact (4) x medium probability (3) = 12: Amber", () => {
    expect(riskReport(aRisk({ impact: aRating(4), probability: aRating(3) }))).toEqual({
      riskId: "R1",
      projectId: "P1",
      impact: 4,
      probability: 3,
      score: 12,
      rag: "Amber",
      needsReview: false,
    });
  });

  it("exactly 15 (5 x 3) is Red; 12 (the highest score below) is Amber", () => {
    expect(riskRag(riskScore(5, 3))).toBe("Red");
    expect(riskRag(riskScore(3, 4))).toBe("Amber");
  });

  it("exactly 8 (2 x 4) is Amber; 6 (the highest score below) is Green", () => {
    expect(riskRag(riskScore(2, 4))).toBe("Amber");
    expect(riskRag(riskScore(2, 3))).toBe("Green");
  });

  it("the extremes: 1 x 1 Green, 5 x 5 = 25 Red", () => {
    expect(riskRag(riskScore(1, 1))).toBe("Green");
    expect(riskScore(5, 5)).toBe(25);
    expect(riskRag(25)).toBe("Red");
  });

  it("impact or probability without a value: score and rag are null", () => {
    const unrated = riskReport(aRisk({ probability: aRating(null, true) }));
    expect(unrated).toMatchObject({ impact: 3, probability: null, score: null, rag: null, needsReview: true });
    expect(riskScore(null, 4)).toBeNull();
  });

  it("needsReview from either rating (e.g. 'medium to high' read as 4)", () => {
    expect(riskReport(aRisk({ impact: aRating(4, true) })).needsReview).toBe(true);
    expect(riskReport(aRisk({ probability: aRating(4, true) })).needsReview).toBe(true);
    expect(riskReport(aRisk({ impact: aRating(4, true) })).score).toBe(8); // the value still scores: 4 x 2
  });

  it("a programme-wide risk keeps projectId null", () => {
    expect(riskReport(aRisk({ projectId: null })).projectId).toBeNull();
  });
});
