import { readRating } from "../../../src/core/read/rating";
import { riskReviewReason } from "../../../src/core/reasons/riskReviewReason";

const risk = (impact: unknown, probability: unknown) => ({
  impact: readRating(impact as string),
  probability: readRating(probability as string),
});

describe("riskReviewReason", () => {
  it("names the rating and says what the reader made of it", () => {
    expect(riskReviewReason(risk("medium to high", 3))).toBe(
      "Impact 'medium to high' is a range: the higher value is used",
    );
    expect(riskReviewReason(risk(4, "Low now, medium later"))).toBe(
      "Probability 'Low now, medium later' has two ratings: the first is used",
    );
  });

  it("says when a rating is missing, and joins the reasons for both", () => {
    expect(riskReviewReason(risk(null, "Serious"))).toBe(
      "Impact: no rating; Probability 'Serious' holds no rating (1-5, or very low to very high)",
    );
  });

  it("quotes long free text by its start, and is null when both ratings were read plainly", () => {
    const long = "Low, provided that the resources needed are available. Medium when the resource issue is counted.";
    expect(riskReviewReason(risk(long, 2))).toBe(
      "Impact 'Low, provided that the resources needed…' has two ratings: the first is used",
    );
    expect(riskReviewReason(risk("High", 2))).toBeNull();
  });
});
