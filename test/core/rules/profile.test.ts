import { share } from "../../../src/core/rules/profile";
import { aProfile, aTarget } from "./builders";

describe("Profile: share of the year's target expected by the end of quarter q", () => {
  it("Annual target without a profile: q/4 (25%, 50%, 75%, 100%)", () => {
    const target = aTarget({ basis: "Annual" });
    expect([1, 2, 3, 4].map((q) => share(target, "2009-10", q as 1 | 2 | 3 | 4, []))).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it("Cumulative target without a profile: q/4 as well", () => {
    const target = aTarget({ basis: "Cumulative" });
    expect([1, 2, 3, 4].map((q) => share(target, "2009-10", q as 1 | 2 | 3 | 4, []))).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it("Level target without a profile: 100% every quarter", () => {
    const target = aTarget({ basis: "Level" });
    expect([1, 2, 3, 4].map((q) => share(target, "2009-10", q as 1 | 2 | 3 | 4, []))).toEqual([1, 1, 1, 1]);
  });

  it("Profiles row for the FY overrides q/4 with the cumulative share of quarters 1..q", () => {
    // Shares 12.5%, 37.5%, 25%, 25%: by Q1 0.125, by Q2 0.125 + 0.375 = 0.5, by Q3 0.75, by Q4 1.
    const target = aTarget();
    const profiles = [aProfile("T1", "2009-10", [0.125, 0.375, 0.25, 0.25])];
    expect(share(target, "2009-10", 1, profiles)).toBe(0.125);
    expect(share(target, "2009-10", 2, profiles)).toBe(0.5);
    expect(share(target, "2009-10", 3, profiles)).toBe(0.75);
    expect(share(target, "2009-10", 4, profiles)).toBe(1);
  });

  it("Profiles row overrides Level's 100% too", () => {
    // A Level target phased in: nothing expected in Q1, half by Q2.
    const target = aTarget({ basis: "Level" });
    const profiles = [aProfile("T1", "2009-10", [0, 0.5, 0.25, 0.25])];
    expect(share(target, "2009-10", 1, profiles)).toBe(0);
    expect(share(target, "2009-10", 2, profiles)).toBe(0.5);
  });

  it("a profile for another FY or another target does not apply: back to q/4", () => {
    const target = aTarget();
    const profiles = [aProfile("T1", "2008-09", [1, 0, 0, 0]), aProfile("T2", "2009-10", [1, 0, 0, 0])];
    expect(share(target, "2009-10", 1, profiles)).toBe(0.25);
  });
});
