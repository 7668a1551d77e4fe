import { claimableToDate, spendRag, spendReport } from "../../../src/core/rules/spendAndClaim";
import { aBudget, aSpend, DEFAULT_SETTINGS, someSettings } from "./builders";

const LINE = { projectId: "P1", line: "Staff" };
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
