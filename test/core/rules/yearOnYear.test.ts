import { fullYearRatios, previousYearRatio, trendFor, yoyChange } from "../../../src/core/rules/yearOnYear";
import { aConsortium, aMilestone, anActual, aProfile, aTarget } from "./builders";

const PLAN = ["2008-09", "2009-10", "2010-11"];

// Three years of an Annual target of 100 a year (E at Q2 = 50, at Q4 = 100):
//   2008-09: 10, 20, 20, 25  -> r at Q2 = 30 / 50 = 0.6;  at Q4 = 75 / 100 = 0.75
//   2009-10: 25, 25, 25, 25  -> r at Q2 = 50 / 50 = 1;    at Q4 = 100 / 100 = 1
//   2010-11: 25, 15          -> r at Q2 = 40 / 50 = 0.8
const threeYears = aTarget({ values: { "2008-09": 100, "2009-10": 100, "2010-11": 100 } });
const returns = (fy: string, amounts: number[]) => amounts.map((amount, i) => anActual("T1", fy, (i + 1) as 1, amount));
const input = aConsortium({
  targets: [threeYears],
  actuals: [
    ...returns("2008-09", [10, 20, 20, 25]),
    ...returns("2009-10", [25, 25, 25, 25]),
    ...returns("2010-11", [25, 15]),
  ],
});

describe("Year on year across three years", () => {
  it("previousYearRatio is r at the same quarter of the previous FY", () => {
    expect(previousYearRatio(threeYears, { fy: "2010-11", quarter: 2 }, input)).toBe(1);
    expect(previousYearRatio(threeYears, { fy: "2009-10", quarter: 2 }, input)).toBe(0.6);
  });

  it("yoyChange = r - previousYearRatio, in ratio points: 0.8 - 1 is down", () => {
    const change = yoyChange(0.8, previousYearRatio(threeYears, { fy: "2010-11", quarter: 2 }, input));
    expect(change).toBe(0.8 - 1);
    expect(trendFor(change)).toBe("down");
  });

  it("fullYearRatios: r at Q4 of each earlier plan year, and r to date for the reporting year", () => {
    expect(fullYearRatios(threeYears, { fy: "2010-11", quarter: 2 }, PLAN, input)).toEqual({
      "2008-09": 0.75,
      "2009-10": 1,
      "2010-11": 0.8,
    });
  });

  it("fullYearRatios stops at the reporting year", () => {
    // At 2009-10 Q2 the current year's entry is r to date (50 / 50), and 2010-11 is not there yet.
    expect(fullYearRatios(threeYears, { fy: "2009-10", quarter: 2 }, PLAN, input)).toEqual({
      "2008-09": 0.75,
      "2009-10": 1,
    });
  });

  it("fullYearRatios has keys in FY order (the JSON reads chronologically)", () => {
    expect(Object.keys(fullYearRatios(threeYears, { fy: "2010-11", quarter: 2 }, PLAN, input))).toEqual(PLAN);
  });
});

describe("Year on year when a year has no ratio", () => {
  it("previousYearRatio is null when the target had no value the previous FY; change and trend are null", () => {
    const newTarget = aTarget({ values: { "2009-10": 100 } });
    const previous = previousYearRatio(newTarget, { fy: "2009-10", quarter: 2 }, input);
    expect(previous).toBeNull();
    expect(yoyChange(0.9, previous)).toBeNull();
    expect(trendFor(yoyChange(0.9, previous))).toBeNull();
  });

  it("previousYearRatio is null when last year was NotDue at that quarter", () => {
    // 2008-09 profile puts nothing in Q1: E = 0, NotDue
    const phased = aConsortium({ ...input, profiles: [aProfile("T1", "2008-09", [0, 0.5, 0.25, 0.25])] });
    expect(previousYearRatio(threeYears, { fy: "2009-10", quarter: 1 }, phased)).toBeNull();
  });

  it("yoyChange is null when this year's ratio is null", () => {
    expect(yoyChange(null, 0.8)).toBeNull();
  });

  it("fullYearRatios skips plan years in which the target has no value", () => {
    const gappy = aTarget({ values: { "2008-09": 100, "2010-11": 100 } });
    expect(Object.keys(fullYearRatios(gappy, { fy: "2010-11", quarter: 2 }, PLAN, input))).toEqual([
      "2008-09",
      "2010-11",
    ]);
  });

  it("fullYearRatios is null for a NotDue year (Higher, E = 0)", () => {
    const zero = aTarget({ values: { "2008-09": 0, "2009-10": 100 } });
    expect(fullYearRatios(zero, { fy: "2009-10", quarter: 2 }, PLAN, input)).toEqual({ "2008-09": null, "2009-10": 1 });
  });

  it("milestones: an entry for each year with a due quarter, all null; no previous ratio", () => {
    const milestone = aMilestone({ "2008-09": 4, "2009-10": 2 });
    expect(fullYearRatios(milestone, { fy: "2009-10", quarter: 3 }, PLAN, input)).toEqual({
      "2008-09": null,
      "2009-10": null,
    });
    expect(previousYearRatio(milestone, { fy: "2009-10", quarter: 3 }, input)).toBeNull();
  });
});

describe("Trend: up when yoyChange >= +0.05, down when <= -0.05, otherwise level (exact values)", () => {
  // Last year nothing by Q2 (r = 0 / 20); this year 1 of the 20 expected (r = 1 / 20, which is exactly the
  // number 0.05), so the change 0.05 - 0 sits exactly on the threshold.
  const small = aTarget({ values: { "2008-09": 40, "2009-10": 40 } });

  it("a change of exactly +0.05 is up", () => {
    const exact = aConsortium({ actuals: [anActual("T1", "2008-09", 2, 0), anActual("T1", "2009-10", 2, 1)] });
    const previous = previousYearRatio(small, { fy: "2009-10", quarter: 2 }, exact);
    expect(previous).toBe(0);
    expect(yoyChange(1 / 20, previous)).toBe(0.05);
    expect(trendFor(yoyChange(1 / 20, previous))).toBe("up");
  });

  it("a change of exactly -0.05 is down", () => {
    // last year 1 / 20 = 0.05, this year 0 / 20 = 0: 0 - 0.05 = -0.05
    expect(trendFor(yoyChange(0, 1 / 20))).toBe("down");
  });

  it("changes of 0.0625 (0.8125 - 0.75) and -0.0625 are up and down; 0.03125 is level", () => {
    // all exactly representable in binary
    expect(trendFor(yoyChange(0.8125, 0.75))).toBe("up");
    expect(trendFor(yoyChange(0.75, 0.8125))).toBe("down");
    expect(trendFor(yoyChange(0.78125, 0.75))).toBe("level");
    expect(trendFor(0)).toBe("level");
  });

  it("exact means exact: 0.85 - 0.8 is 0.04999999999999993 in floating point, so it is level", () => {
    // 85 of 100 this year against 80 of 100 last year reads as "5 points up" but is a hair under 0.05
    expect(0.85 - 0.8).toBeLessThan(0.05);
    expect(trendFor(yoyChange(0.85, 0.8))).toBe("level");
  });
});
