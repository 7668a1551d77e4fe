import { actualToDate, expectedToDate, missingQuarters } from "../../../src/core/rules/expectedAndActual";
import { targetStatusAt } from "../../../src/core/rules/targetStatus";
import { aConsortium, aDoneReturn, aMilestone, anActual, aProfile, aTarget } from "./builders";

const Q = (fy: string, quarter: 1 | 2 | 3 | 4) => ({ fy, quarter });

describe("Annual basis: E = T(FY) x share(q); A = sum of actuals of FY, quarters 1..q", () => {
  const target = aTarget({ basis: "Annual", values: { "2008-09": 80, "2009-10": 100 } });
  const actuals = [
    anActual("T1", "2008-09", 4, 30), // last year: not this year's
    anActual("T1", "2009-10", 1, 20),
    anActual("T1", "2009-10", 2, 25),
    anActual("T1", "2009-10", 3, 40), // after Q2: not yet
    anActual("T2", "2009-10", 1, 999), // another target
  ];

  it("Annual target, Q2: expects half the year's target", () => {
    // 100 x 2/4 = 50
    expect(expectedToDate(target, Q("2009-10", 2), [])).toBe(50);
  });

  it("Annual target, Q2: counts only this year's Q1 and Q2", () => {
    // 20 + 25 = 45
    expect(actualToDate(target, Q("2009-10", 2), actuals, "2008-09")).toBe(45);
  });

  it("Annual target with a profile: E follows the Profiles sheet", () => {
    // 100 x (0.125 + 0.375) = 50 at Q2; 100 x 0.125 = 12.5 at Q1
    const profiles = [aProfile("T1", "2009-10", [0.125, 0.375, 0.25, 0.25])];
    expect(expectedToDate(target, Q("2009-10", 1), profiles)).toBe(12.5);
    expect(expectedToDate(target, Q("2009-10", 2), profiles)).toBe(50);
  });

  it("a year without a value has no E", () => {
    expect(expectedToDate(target, Q("2010-11", 1), [])).toBeNull();
  });
});

describe("Cumulative basis: E = T(prev) + (T(FY) - T(prev)) x share(q); A = all actuals since the plan start", () => {
  const target = aTarget({ basis: "Cumulative", values: { "2008-09": 40, "2009-10": 100 } });
  const actuals = [
    anActual("T1", "2007-08", 4, 500), // before the plan start (2008-09)
    anActual("T1", "2008-09", 1, 10),
    anActual("T1", "2008-09", 2, 10),
    anActual("T1", "2008-09", 3, 10),
    anActual("T1", "2008-09", 4, 10),
    anActual("T1", "2009-10", 1, 15),
    anActual("T1", "2009-10", 2, 15),
    anActual("T1", "2009-10", 3, 99), // after the period
  ];

  it("Cumulative target, Q2 of the second year: expects T(prev) + half the increase", () => {
    // 40 + (100 - 40) x 0.5 = 70
    expect(expectedToDate(target, Q("2009-10", 2), [])).toBe(70);
  });

  it("Cumulative target, Q2 of the second year: A is everything since the plan start through Q2", () => {
    // 2008-09: 10 + 10 + 10 + 10; 2009-10: 15 + 15 = 70 (2007-08 is before the plan; Q3 is after the period)
    expect(actualToDate(target, Q("2009-10", 2), actuals, "2008-09")).toBe(70);
  });

  it("Cumulative target, first year: T(prev) = 0 when there is no value for the previous FY", () => {
    // 0 + (40 - 0) x 0.25 = 10
    expect(expectedToDate(target, Q("2008-09", 1), [])).toBe(10);
  });

  it("Cumulative target after a year with no value: T(prev) = 0, not an earlier year's value", () => {
    // 2008-09 = 40, 2009-10 blank, 2010-11 = 100: at 2010-11 Q2, 0 + (100 - 0) x 0.5 = 50
    const gappy = aTarget({ basis: "Cumulative", values: { "2008-09": 40, "2010-11": 100 } });
    expect(expectedToDate(gappy, Q("2010-11", 2), [])).toBe(50);
  });

  it("Cumulative target with a profile: the increase is profiled", () => {
    // 40 + 60 x 0.125 = 47.5
    const profiles = [aProfile("T1", "2009-10", [0.125, 0.375, 0.25, 0.25])];
    expect(expectedToDate(target, Q("2009-10", 1), profiles)).toBe(47.5);
  });

  it("Cumulative target: a later plan start leaves out the earlier actuals", () => {
    // plan from 2009-10: only 15 + 15 = 30
    expect(actualToDate(target, Q("2009-10", 2), actuals, "2009-10")).toBe(30);
  });
});

describe("Level basis: E = T(FY) x share(q); A = the actual of the latest quarter <= q that has one", () => {
  const target = aTarget({ basis: "Level", values: { "2009-10": 9 } });

  it("Level target: expects the whole target every quarter", () => {
    // 9 x 1
    expect(expectedToDate(target, Q("2009-10", 1), [])).toBe(9);
    expect(expectedToDate(target, Q("2009-10", 3), [])).toBe(9);
  });

  it("Level target with gaps: A is the latest quarter that has a return, not a sum", () => {
    const actuals = [anActual("T1", "2009-10", 1, 5), anActual("T1", "2009-10", 3, 7)];
    expect(actualToDate(target, Q("2009-10", 2), actuals, "2008-09")).toBe(5); // Q2 missing: Q1's 5
    expect(actualToDate(target, Q("2009-10", 3), actuals, "2008-09")).toBe(7); // Q3's 7, not 5 + 7
    expect(actualToDate(target, Q("2009-10", 4), actuals, "2008-09")).toBe(7); // Q4 missing: Q3's 7
  });

  it("Level target with no actual in quarters 1..q: A = 0 (last year's position does not carry over)", () => {
    const actuals = [anActual("T1", "2008-09", 4, 9), anActual("T1", "2009-10", 3, 8)];
    expect(actualToDate(target, Q("2009-10", 2), actuals, "2008-09")).toBe(0);
  });

  it("Percentage target held at a level: fractions throughout (85% target, 80% held is Amber)", () => {
    // E = 0.85 x 1; A = 0.8; r = 0.8 / 0.85 = 0.941..., below 0.95 and above 0.75
    const satisfaction = aTarget({ measure: "Percentage", basis: "Level", values: { "2009-10": 0.85 } });
    const input = aConsortium({ actuals: [anActual("T1", "2009-10", 1, 0.8)] });
    const status = targetStatusAt(satisfaction, Q("2009-10", 1), input);
    expect(status).toEqual({
      target: 0.85,
      expectedToDate: 0.85,
      actualToDate: 0.8,
      ratio: 0.8 / 0.85,
      rag: "Amber",
      toBeSet: false,
    });
  });
});

describe("missingQuarters: quarters 1..q of the reporting FY with no actual row", () => {
  const target = aTarget();

  it("lists the quarters up to q without a return, and counts them as 0 in the sum", () => {
    const actuals = [anActual("T1", "2009-10", 1, 20), anActual("T1", "2009-10", 3, 30)];
    expect(missingQuarters(target, Q("2009-10", 3), actuals)).toEqual([2]);
    // 20 + 0 + 30
    expect(actualToDate(target, Q("2009-10", 3), actuals, "2008-09")).toBe(50);
  });

  it("does not list quarters after q, and other years' returns do not fill a gap", () => {
    const actuals = [anActual("T1", "2008-09", 1, 20), anActual("T1", "2008-09", 2, 20)];
    expect(missingQuarters(target, Q("2009-10", 2), actuals)).toEqual([1, 2]);
  });

  it("a reported 0 is a return, not a missing quarter", () => {
    expect(missingQuarters(target, Q("2009-10", 1), [anActual("T1", "2009-10", 1, 0)])).toEqual([]);
  });

  it("a row without a figure is no return for that quarter (interpretation)", () => {
    expect(missingQuarters(target, Q("2009-10", 1), [anActual("T1", "2009-10", 1, null)])).toEqual([1]);
  });

  it("always empty for milestones", () => {
    const milestone = aMilestone({ "2009-10": 3 });
    expect(missingQuarters(milestone, Q("2009-10", 4), [])).toEqual([]);
    expect(missingQuarters(milestone, Q("2009-10", 4), [aDoneReturn("M1", "2009-10", 2)])).toEqual([]);
  });
});
