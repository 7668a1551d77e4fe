import { yearEndUnderspend } from "../../../src/core/rules/yearEndUnderspend";
import { aBudget, aSpend, DEFAULT_SETTINGS } from "./builders";

const Q2 = { fy: "2009-10", quarter: 2 as const };
const STAFF = { projectId: "P1", line: "Staff", partner: "" };
const VENUE = { projectId: "P1", line: "Venue", partner: "" };
// Staff: 2,500 a quarter (annual 10,000, 5,000 to date at Q2). Venue: 500 a quarter (2,000; 1,000 to date).
const budgets = [
  aBudget("P1", "Staff", "2009-10", [2500, 2500, 2500, 2500]),
  aBudget("P1", "Venue", "2009-10", [500, 500, 500, 500]),
];

describe("yearEndUnderspend (amber tolerance 25%)", () => {
  it("projects a line at its profile: annual budget x shortfall share, and says so with the figures", () => {
    // Staff spent 3,000 of 5,000: 40% short; 10,000 x 40% = 4,000 underspent. Venue 1,000 of 1,000: no warning.
    // Overall 4,000 of 6,000: 33.3% short, beyond 25%; 12,000 x 1/3 = 4,000.
    const spend = [aSpend("P1", "Staff", "2009-10", 1, 3000), aSpend("P1", "Venue", "2009-10", 2, 1000)];
    const warnings = yearEndUnderspend({ budgets, spend }, [STAFF, VENUE], Q2, DEFAULT_SETTINGS);
    expect(warnings.map((w) => [w.line, w.projectedUnderspend])).toEqual([
      [null, 400000],
      [STAFF, 400000],
    ]);
    expect(warnings[1].message).toBe(
      "P1 Staff: spend to date £3,000.00 is 40% below the £5,000.00 budgeted to date, beyond the 25% amber " +
        "tolerance. At this profile 2009-10 ends £4,000.00 underspent against its £10,000.00 budget.",
    );
    expect(warnings[0].message).toMatch(/^Overall: spend to date £4,000.00 is 33.3% below the £6,000.00/);
  });

  it("does not warn at or within the tolerance, nor on a line with nothing budgeted to date", () => {
    // Staff 3,750 of 5,000: exactly 25% short, not beyond. Venue: nothing budgeted.
    const spend = [aSpend("P1", "Staff", "2009-10", 1, 3750)];
    const noVenue = [aBudget("P1", "Staff", "2009-10", [2500, 2500, 2500, 2500])];
    expect(yearEndUnderspend({ budgets: noVenue, spend }, [STAFF, VENUE], Q2, DEFAULT_SETTINGS)).toEqual([]);
  });

  it("at Q4 the projection is the actual underspend", () => {
    const spend = [aSpend("P1", "Venue", "2009-10", 4, 1000)];
    const [venue] = yearEndUnderspend({ budgets, spend }, [VENUE], { fy: "2009-10", quarter: 4 }, DEFAULT_SETTINGS);
    expect(venue.projectedUnderspend).toBe(100000); // 2,000 budgeted, 1,000 spent
  });
});
