import {
  claimableToDate,
  claimTotals,
  spendRag,
  spendReport,
  totalBudget,
} from "../../../src/core/rules/spendAndClaim";
import { aBudget, aSpend, DEFAULT_SETTINGS, someSettings } from "./builders";

const LINE = { projectId: "P1", line: "Staff", partner: "" };
// Budget 2009-10: 1,000 / 2,000 / 3,000 / 4,000 (annual 10,000); 3,000 to date at Q2.
const budgets = [
  aBudget("P1", "Staff", "2009-10", [1000, 2000, 3000, 4000]),
  aBudget("P1", "Staff", "2010-11", [9, 9, 9, 9]),
];
const at = (quarter: 1 | 2 | 3 | 4) => ({ fy: "2009-10", quarter });
const spendingAtQ2 = (total: number) => [
  aSpend("P1", "Staff", "2009-10", 1, 1000),
  aSpend("P1", "Staff", "2009-10", 2, total - 1000),
];

describe("budgetToDate, spendToDate and variance", () => {
  it("sum over quarters 1..q of the FY only; variance = spend - budget; variancePct = variance / budget", () => {
    // budget 1,000 + 2,000 = 3,000; spend 900 + 2,400 = 3,300 (Q3 and last year ignored); variance 300; 300 / 3,000 = 0.1
    const spend = [
      aSpend("P1", "Staff", "2008-09", 2, 5000),
      aSpend("P1", "Staff", "2009-10", 1, 900),
      aSpend("P1", "Staff", "2009-10", 2, 2400),
      aSpend("P1", "Staff", "2009-10", 3, 7000),
      aSpend("P1", "Venue", "2009-10", 1, 50),
    ];
    const row = spendReport({ budgets, spend }, LINE, at(2), DEFAULT_SETTINGS);
    expect(row).toMatchObject({ budgetToDate: 3000, spendToDate: 3300, variance: 300, variancePct: 0.1 });
  });
});

describe("Spend RAG (tolerances 10% and 25% by default)", () => {
  const ragAtQ2 = (spent: number) =>
    spendReport({ budgets, spend: spendingAtQ2(spent) }, LINE, at(2), DEFAULT_SETTINGS).rag;

  it("abs(variancePct) exactly at the green tolerance is Green, over or under", () => {
    // (3,300 - 3,000) / 3,000 = 0.1; (2,700 - 3,000) / 3,000 = -0.1
    expect(ragAtQ2(3300)).toBe("Green");
    expect(ragAtQ2(2700)).toBe("Green");
  });

  it("just past the green tolerance is Amber; exactly at the amber tolerance is Amber", () => {
    // 301 / 3,000 = 0.1003...; 750 / 3,000 = 0.25; -750 / 3,000 = -0.25
    expect(ragAtQ2(3301)).toBe("Amber");
    expect(ragAtQ2(3750)).toBe("Amber");
    expect(ragAtQ2(2250)).toBe("Amber");
  });

  it("past the amber tolerance is Red, over or under", () => {
    // 751 / 3,000 = 0.2503...
    expect(ragAtQ2(3751)).toBe("Red");
    expect(ragAtQ2(2249)).toBe("Red");
  });

  it("tolerances come from Settings", () => {
    expect(spendRag(3000, 3300, someSettings({ spendGreenTolerance: 0.05 }))).toBe("Amber");
  });

  it("no budget to date but spend: Red, and variancePct is null", () => {
    const spend = [aSpend("P1", "Staff", "2009-10", 1, 10)];
    const noBudgetYet = [aBudget("P1", "Staff", "2009-10", [0, 0, 500, 500])];
    const row = spendReport({ budgets: noBudgetYet, spend }, LINE, at(1), DEFAULT_SETTINGS);
    expect(row).toMatchObject({ budgetToDate: 0, spendToDate: 10, variance: 10, variancePct: null, rag: "Red" });
  });

  it("no budget and no spend to date: NotDue", () => {
    const noBudgetYet = [aBudget("P1", "Staff", "2009-10", [0, 0, 500, 500])];
    const row = spendReport({ budgets: noBudgetYet, spend: [] }, LINE, at(1), DEFAULT_SETTINGS);
    expect(row).toMatchObject({ budgetToDate: 0, spendToDate: 0, variance: 0, variancePct: null, rag: "NotDue" });
  });
});

describe("Claim: claimableToDate(q) = min(spendToDate(q), annual budget) x grant rate", () => {
  // Spend 3,000 every quarter against an annual budget of 10,000.
  const spend = [1, 2, 3, 4].map((q) => aSpend("P1", "Staff", "2009-10", q as 1, 3000));
  const money = { budgets, spend };

  it("Q1: claimThisQuarter is claimableToDate(1) - claimableToDate(0), and claimableToDate(0) = 0", () => {
    // min(3,000, 10,000) x 1 = 3,000
    expect(claimableToDate(money, LINE, "2009-10", 0, 1)).toBe(0);
    expect(spendReport(money, LINE, at(1), DEFAULT_SETTINGS)).toMatchObject({
      claimableToDate: 3000,
      claimThisQuarter: 3000,
    });
  });

  it("Q3: claim this quarter is the quarter's spend while under the annual budget", () => {
    // min(9,000, 10,000) - min(6,000, 10,000) = 3,000
    expect(spendReport(money, LINE, at(3), DEFAULT_SETTINGS)).toMatchObject({
      claimableToDate: 9000,
      claimThisQuarter: 3000,
    });
  });

  it("Q4: the claim is capped at the line's annual budget (sum of its four quarters)", () => {
    // min(12,000, 10,000) - min(9,000, 10,000) = 1,000
    expect(spendReport(money, LINE, at(4), DEFAULT_SETTINGS)).toMatchObject({
      spendToDate: 12000,
      claimableToDate: 10000,
      claimThisQuarter: 1000,
    });
  });

  it("grant rate: only that share of eligible spend is claimed", () => {
    // 50%: Q2 min(6,000, 10,000) x 0.5 = 3,000; Q1 3,000 x 0.5 = 1,500; this quarter 1,500
    const halfFunded = someSettings({ grantRate: 0.5 });
    expect(spendReport(money, LINE, at(2), halfFunded)).toMatchObject({
      claimableToDate: 3000,
      claimThisQuarter: 1500,
    });
  });

  it("spend with no budget line for the year: nothing is claimable", () => {
    // annual budget 0: min(3,000, 0) = 0
    const row = spendReport({ budgets: [], spend }, LINE, at(1), DEFAULT_SETTINGS);
    expect(row).toMatchObject({ claimableToDate: 0, claimThisQuarter: 0, rag: "Red" });
  });
});

describe("Money is exact to the penny (whole pence)", () => {
  it("100.10 + 200.20 + 0.70 spent is 301.00 to date, never 300.99999999999994", () => {
    const spend = [
      aSpend("P1", "Staff", "2009-10", 1, 100.1),
      aSpend("P1", "Staff", "2009-10", 1, 200.2),
      aSpend("P1", "Staff", "2009-10", 2, 0.7),
    ];
    const row = spendReport({ budgets, spend }, LINE, at(2), DEFAULT_SETTINGS);
    // Budget to date 3,000: variance 301 - 3,000 = -2,699 exactly; claim 301 - 300.30 = 0.70 this quarter.
    expect(row).toMatchObject({
      spendToDate: 301,
      variance: -2699,
      claimableToDate: 301,
      claimThisQuarter: 0.7,
    });
  });

  it("a claim is rounded down to the penny: 85% of £10.01 is £8.50 (8.5085), 29% of £1.00 is £0.29", () => {
    const rate85 = someSettings({ grantRate: 0.85 });
    const tenPoundsOne = [aSpend("P1", "Staff", "2009-10", 1, 10.01)];
    expect(spendReport({ budgets, spend: tenPoundsOne }, LINE, at(1), rate85).claimableToDate).toBe(8.5);
    // 100 pence x 0.29 is 28.999999999999996 in binary: still 29 pence, as written.
    const onePound = [aSpend("P1", "Staff", "2009-10", 1, 1)];
    const rate29 = someSettings({ grantRate: 0.29 });
    expect(claimableToDate({ budgets, spend: onePound }, LINE, "2009-10", 1, 0.29)).toBe(29);
    expect(spendReport({ budgets, spend: onePound }, LINE, at(1), rate29).claimThisQuarter).toBe(0.29);
  });

  it("claimThisQuarter is the difference of the two rounded-down amounts", () => {
    // 85%: Q1 £10.01 -> 850.85p -> 850p; Q2 £20.03 to date -> 1,702.55p -> 1,702p; this quarter 852p.
    const spend = [aSpend("P1", "Staff", "2009-10", 1, 10.01), aSpend("P1", "Staff", "2009-10", 2, 10.02)];
    const row = spendReport({ budgets, spend }, LINE, at(2), someSettings({ grantRate: 0.85 }));
    expect(row).toMatchObject({ claimableToDate: 17.02, claimThisQuarter: 8.52 });
  });
});

describe("The claim as a whole (totalAward, claimedBefore, claimThisQuarter, claimedToDate, remaining)", () => {
  // Two plan years. Staff: 2008-09 budget 4 x 1,000, spend 1,200 a quarter (4,800, capped at 4,000);
  // 2009-10 budget as above (10,000), spend 1,000 in Q1 and 2,500 in Q2. Venue: 2009-10 budget 4 x 250,
  // spend 100 in Q2 only. Grant rate 80%.
  const money = {
    budgets: [
      aBudget("P1", "Staff", "2008-09", [1000, 1000, 1000, 1000]),
      aBudget("P1", "Staff", "2009-10", [1000, 2000, 3000, 4000]),
      aBudget("P2", "Venue", "2009-10", [250, 250, 250, 250]),
    ],
    spend: [
      ...[1, 2, 3, 4].map((q) => aSpend("P1", "Staff", "2008-09", q as 1, 1200)),
      aSpend("P1", "Staff", "2009-10", 1, 1000),
      aSpend("P1", "Staff", "2009-10", 2, 2500),
      aSpend("P2", "Venue", "2009-10", 2, 100),
    ],
  };
  // Each line with its own rows, as the report's index groups them.
  const lines = [
    { key: LINE, years: new Set(["2008-09", "2009-10"]), ...money },
    { key: { projectId: "P2", line: "Venue", partner: "" }, years: new Set(["2009-10"]), ...money },
  ];

  it("adds the earlier years' claims at Q4 to this year's before the quarter, all in whole pence", () => {
    const totals = claimTotals(money.budgets, lines, ["2008-09"], at(2), { grantRate: 0.8, totalAward: null });
    // Award: 80% of (4,000 + 10,000 + 1,000) = 12,000. Before: 2008-09 min(4,800, 4,000) x 0.8 = 3,200, plus
    // 2009-10 Q1 Staff 1,000 x 0.8 = 800 and Venue 0: 4,000. This quarter: Staff 3,500 x 0.8 = 2,800 less 800 =
    // 2,000, Venue 100 x 0.8 = 80: 2,080. To date 6,080; remaining 5,920.
    expect(totals).toEqual({
      totalAward: 1_200_000,
      claimedBefore: 400_000,
      claimThisQuarter: 208_000,
      claimedToDate: 608_000,
      remaining: 592_000,
    });
  });

  it("the Total award setting replaces the budget-based award", () => {
    const totals = claimTotals(money.budgets, lines, ["2008-09"], at(2), { grantRate: 0.8, totalAward: 1_000_000 });
    expect(totals).toMatchObject({ totalAward: 1_000_000, remaining: 1_000_000 - 608_000 });
  });

  it("in the first quarter of a year, claimedBefore is the earlier years only", () => {
    const totals = claimTotals(money.budgets, lines, ["2008-09"], at(1), { grantRate: 0.8, totalAward: null });
    expect(totals).toMatchObject({ claimedBefore: 320_000, claimThisQuarter: 80_000, claimedToDate: 400_000 });
  });

  it("totalBudget sums every quarter of every Budget row", () => {
    expect(totalBudget(money.budgets)).toBe(1_500_000);
  });
});
