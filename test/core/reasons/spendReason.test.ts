import { shareBeyondText, spendComment, spendReason, spendRuleReason } from "../../../src/core/reasons/spendReason";
import { spendReport } from "../../../src/core/rules/spendAndClaim";
import { aBudget, aSpend, DEFAULT_SETTINGS } from "../rules/builders";

// Budget 2009-10 for P1 Staff: 1,000 + 1,000 = 2,000 to date at Q2. Tolerances 10% green, 25% amber.
const budgets = [aBudget("P1", "Staff", "2009-10", [1000, 1000, 1000, 1000])];
const Q2 = { fy: "2009-10", quarter: 2 as const };
const lineWith = (spend: ReturnType<typeof aSpend>[]) =>
  spendReport({ budgets, spend }, { projectId: "P1", line: "Staff", partner: "" }, Q2, DEFAULT_SETTINGS);

describe("spendRuleReason", () => {
  it("states a Red overspend with the figures, the share over and the amber tolerance", () => {
    // 1,000 + 1,700 = 2,700 against 2,000: 700 / 2,000 = 35% over, beyond 25%.
    const line = lineWith([aSpend("P1", "Staff", "2009-10", 1, 1000), aSpend("P1", "Staff", "2009-10", 2, 1700)]);
    expect(line.rag).toBe("Red");
    expect(spendRuleReason(line, DEFAULT_SETTINGS)).toBe(
      "Spent £2,700.00 against £2,000.00 budgeted to date: 35% over, beyond the 25% amber tolerance",
    );
  });

  it("states an Amber underspend against the green tolerance", () => {
    // 1,700 against 2,000: 300 / 2,000 = 15% under, beyond 10% but within 25%.
    const line = lineWith([aSpend("P1", "Staff", "2009-10", 1, 1700)]);
    expect(line.rag).toBe("Amber");
    expect(spendRuleReason(line, DEFAULT_SETTINGS)).toBe(
      "Spent £1,700.00 against £2,000.00 budgeted to date: 15% under, beyond the 10% green tolerance",
    );
  });

  it("says when spend has no budget to date, and gives no reason for Green or Not due", () => {
    const noBudget = spendReport(
      { budgets: [], spend: [aSpend("P1", "Venue", "2009-10", 1, 250.5)] },
      { projectId: "P1", line: "Venue", partner: "" },
      Q2,
      DEFAULT_SETTINGS,
    );
    expect(spendRuleReason(noBudget, DEFAULT_SETTINGS)).toBe("Spent £250.50 with nothing budgeted to date");
    const green = lineWith([aSpend("P1", "Staff", "2009-10", 1, 2100)]);
    expect(green.rag).toBe("Green");
    expect(spendRuleReason(green, DEFAULT_SETTINGS)).toBeNull();
  });
});

describe("spendReason", () => {
  const spend = [
    { ...aSpend("P1", "Staff", "2009-10", 1, 1000), comment: "Q1 was on plan" },
    { ...aSpend("P1", "Staff", "2009-10", 2, 1700), comment: "  Back pay for the new coordinator " },
    { ...aSpend("P1", "Staff", "2009-10", 2, 0), comment: "Agreed with the funder" },
    { ...aSpend("P1", "Venue", "2009-10", 2, 0), comment: "Another line" },
  ];

  it("is the partner's comment for the line's own quarter when there is one", () => {
    expect(spendComment(spend, { projectId: "P1", budgetLine: "Staff", partner: "" }, Q2)).toBe(
      "Back pay for the new coordinator; Agreed with the funder",
    );
    expect(spendReason(lineWith(spend), spend, Q2, DEFAULT_SETTINGS)).toBe(
      "Back pay for the new coordinator; Agreed with the funder",
    );
  });

  it("falls back to the rule's sentence when the quarter has no comment, and is null for a Green line", () => {
    const noComment = spend.map((row) => ({ ...row, comment: row.quarter === 1 ? row.comment : "" }));
    expect(spendReason(lineWith(noComment), noComment, Q2, DEFAULT_SETTINGS)).toMatch(/^Spent £2,700.00 against/);
    const green = [{ ...aSpend("P1", "Staff", "2009-10", 2, 2000), comment: "On plan" }];
    expect(spendReason(lineWith(green), green, Q2, DEFAULT_SETTINGS)).toBeNull();
  });
});

describe("shareBeyondText", () => {
  it("never prints a share beyond a tolerance as equal to it", () => {
    expect(shareBeyondText(0.35, 0.25)).toBe("35%");
    expect(shareBeyondText(0.2504, 0.25)).toBe("25.04%");
    expect(shareBeyondText(0.12345, 0.1)).toBe("12.3%");
  });
});
