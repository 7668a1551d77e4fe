import { readRating } from "../../../src/core/read/rating";
import type { CellValue } from "../../../src/core/grid";

const read = (cell: CellValue) => {
  const { value, needsReview } = readRating(cell);
  return { value, needsReview };
};

describe("readRating: scale words, letters and numbers", () => {
  it.each<[CellValue, number]>([
    ["Very low", 1],
    ["low", 2],
    ["Medium", 3],
    ["HIGH", 4],
    ["very high", 5],
    ["Very  High", 5],
    ["L", 2],
    ["m", 3],
    ["H.", 4],
    [1, 1],
    [5, 5],
    ["3", 3],
  ])("%p is %p and needs no review", (cell, value) => {
    expect(read(cell)).toEqual({ value, needsReview: false });
  });

  it("'very high' is one phrase, not 'very high' plus 'high'", () => {
    expect(read("Diversity and equality – very high – no funding so far secured")).toEqual({
      value: 5,
      needsReview: false,
    });
  });

  it.each<CellValue>([0, 6, 2.5, -1, "7"])("%p is outside 1-5: no value, needs review", (cell) => {
    expect(read(cell)).toEqual({ value: null, needsReview: true });
  });

  it("a blank cell is not assessed: no value and nothing to review", () => {
    expect(read(null)).toEqual({ value: null, needsReview: false });
    expect(read("   ")).toEqual({ value: null, needsReview: false });
  });

  it("keeps the text as written, for the risk register", () => {
    expect(readRating("  Medium to   high ").text).toBe("Medium to high");
    expect(readRating(4).text).toBe("4");
  });
});

describe("readRating: ranges take the higher value and need review", () => {
  it.each<[string, number]>([
    ["medium to high", 4],
    ["Medium to high", 4],
    ["low-medium", 3],
    ["low/medium", 3],
    ["Low to medium", 3],
    ["low – medium", 3],
    ["high to low", 4],
    ["low to very high", 5],
    ["medium-to-high", 4],
    ["M/H", 4],
  ])("%p is %p", (cell, value) => {
    expect(read(cell)).toEqual({ value, needsReview: true });
  });
});

describe("readRating: free text is read from its first rating phrase", () => {
  it("'High. If the partnership fails...' is 4 with nothing to review", () => {
    expect(read("High. If the partnership fails to monitor the programme")).toEqual({ value: 4, needsReview: false });
  });

  it("words match whole words only: 'highly' and 'lower' are not ratings", () => {
    expect(read("Highly unlikely, lower than last year")).toEqual({ value: null, needsReview: true });
    expect(read("Highly unlikely; medium overall")).toEqual({ value: 3, needsReview: false });
  });

  it("a scale word hyphenated onto another word is part of it: 'high-level', 'medium-sized'", () => {
    expect(read("Needs high-level buy-in; medium-sized groups most at risk")).toEqual({
      value: null,
      needsReview: true,
    });
    expect(read("Low: high-level support is in place")).toEqual({ value: 2, needsReview: false });
  });

  it("the letters L, M and H count only as the whole cell", () => {
    expect(read("H for now")).toEqual({ value: null, needsReview: true });
    expect(read("Plan M")).toEqual({ value: null, needsReview: true });
  });

  it("numbers inside free text are not ratings", () => {
    expect(read("See section 4")).toEqual({ value: null, needsReview: true });
  });

  it("text with no rating phrase has no value and needs review", () => {
    expect(read("Unknown until the funding decision")).toEqual({ value: null, needsReview: true });
  });

  it("a TRUE, a date or a number that is not a rating needs review", () => {
    expect(read(true)).toEqual({ value: null, needsReview: true });
    expect(read(new Date(Date.UTC(2009, 0, 1)))).toEqual({ value: null, needsReview: true });
  });
});

describe("readRating: the Oxfordshire 2008-11 risk table, as written", () => {
  it.each<[string, number | null, boolean]>([
    [
      "High.  If the Partnership fails to monitor and ensure that service providers listen and deliver, then the purpose of the whole programme is frustrated.",
      4,
      false,
    ],
    // Two phrases (low, then medium): the first is read and the risk needs review.
    [
      "Low, provided that the resources to undertake the programme are available.  Medium when the resource issue is taken into account.",
      2,
      true,
    ],
    ["High - A fundamental principle of the Partnership and the IDP would be in breach.", 4, false],
    // "Low ... (2008 – 2011) to medium ...": the words are not joined directly, so two phrases, not a range.
    [
      "Low in the short term (2008 – 2011) to medium in the longer term (2011 – 2014) - will depend on the continued support of Partnership members and front-line groups.  Apathy is more likely to be a risk than conflict although neither can be ruled out.",
      2,
      true,
    ],
    ["High.  Without effective and committed leadership, the programme will flounder", 4, false],
    ["Low for the Partnership as a whole; low to medium for individual organisations", 2, true],
    [
      "Medium to high – some parts of the programme are funded but others are not.  Without funding these projects would not start.",
      4,
      true,
    ],
    ["Volunteering – medium to high in this plan period;", 4, true],
    ["Information – low to medium in this plan period;", 3, true],
    ["Organisational development – low in this plan period;", 2, false],
    ["Diversity and equality – very high – no funding so far secured;", 5, false],
    ["Support for faith-based social and community activity – high: no funding so far secured", 4, false],
    // "very basic" is not "very" + a scale word.
    [
      "Medium.  To some extent, there is independent funding available to support the programme, and very basic delivery some projects could be undertaken within existing resources in the plan period.",
      3,
      false,
    ],
    [
      "Medium to high.  For national policy, the risk is low to medium in the plan period; for local policy the risk is medium but varies between authorities; member buy-in is critical (high) and has yet to be achieved in some  areas.",
      4,
      true,
    ],
  ])("%p", (cell, value, needsReview) => {
    expect(read(cell)).toEqual({ value, needsReview });
  });

  it("the whole funding cell, with its list of workstreams, is read from its first phrase (medium to high)", () => {
    const cell = [
      "Medium to high – some parts of the programme are funded but others are not.",
      "Volunteering – medium to high in this plan period;",
      "Information – low to medium in this plan period;",
      "Diversity and equality – very high – no funding so far secured;",
    ].join("\n");
    expect(read(cell)).toEqual({ value: 4, needsReview: true });
  });
});

describe("readRating: why a rating needs review, in words", () => {
  it("says a range is a range, two phrases are two ratings, and no phrase holds no rating", () => {
    expect(readRating("medium to high")).toMatchObject({
      value: 4,
      reviewReason: "is a range: the higher value is used",
    });
    expect(readRating("M/H")).toMatchObject({ value: 4, reviewReason: "is a range: the higher value is used" });
    expect(readRating("Low now; medium later")).toMatchObject({
      value: 2,
      reviewReason: "has two ratings: the first is used",
    });
    expect(readRating("Serious")).toMatchObject({
      value: null,
      reviewReason: "holds no rating (1-5, or very low to very high)",
    });
    expect(readRating(7)).toMatchObject({ value: null, reviewReason: "is not a rating from 1 to 5" });
  });

  it("gives no reason when there is nothing to review", () => {
    expect(readRating("High").reviewReason).toBeUndefined();
    expect(readRating(3).reviewReason).toBeUndefined();
    expect(readRating(null).reviewReason).toBeUndefined();
  });
});
