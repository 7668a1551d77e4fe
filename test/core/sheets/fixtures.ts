// One small consortium at 2009-10 Q2 and the report the rules would give for it, worked by hand, shared by
// the claim and RAG sheet tests.
import type { Consortium } from "../../../src/core/model";
import type { Period } from "../../../src/core/periods";
import type { Report } from "../../../src/core/reportTypes";
import { actual, consortium, project, report, spendRow, target, targetRow } from "./sheetTestKit";

export const Q2: Period = { fy: "2009-10", quarter: 2 };
export const Q1: Period = { fy: "2009-10", quarter: 1 };
export const LAST_YEAR_Q2: Period = { fy: "2008-09", quarter: 2 };

export const HYPERLINK_COMMENT = '=HYPERLINK("x")';

export function smallConsortium(): Consortium {
  return consortium({
    projects: [
      project("P1", "Volunteer centres", "Oxford Volunteer Centre", ["Banbury CVS", "Wantage CVS"]),
      project("P2", "Information resources", "OCVA"),
    ],
    targets: [
      target("T1.1", "P1", "Volunteers placed", { values: { "2009-10": 120 } }),
      target("T1.2", "P1", "Volunteer satisfaction", {
        measure: "Percentage",
        basis: "Level",
        values: { "2009-10": 0.8 },
      }),
      target("T1.3", "P1", "Open market town information point", {
        measure: "Milestone",
        dueQuarters: { "2009-10": 3 },
      }),
      target("T2.1", "P2", "Groups given information", { values: { "2009-10": 10 } }),
      target("T2.2", "P2", "Funding raised by groups", { measure: "Currency", values: { "2009-10": 5000 } }),
    ],
    actuals: [
      actual("T1.1", Q1, 26),
      actual("T1.1", Q2, 25, { comment: "Summer is slow" }),
      actual("T1.2", Q2, 0.82),
      actual("T1.3", Q2, null),
      actual("T2.1", Q1, 2),
      actual("T2.2", Q1, 1000),
      actual("T2.2", Q2, 1000, { comment: HYPERLINK_COMMENT }),
    ],
  });
}

/** The report at 2009-10 Q2: 120 a year expects 60 by Q2; 26 + 25 = 51 is 85% (Amber); and so on. */
export function q2Report(): Report {
  return report(Q2, {
    // Claimed before: (9,000 - 4,500) + (2,600 - 1,300) + (3,000 - 750) = 8,050; this quarter 6,550; award 40,000.
    claim: { totalAward: 40000, claimedBefore: 8050, claimThisQuarter: 6550, claimedToDate: 14600, remaining: 25400 },
    targets: [
      targetRow("T1.1", "P1", {
        target: 120,
        expectedToDate: 60,
        actualToDate: 51,
        ratio: 0.85,
        rag: "Amber",
        previousYearRatio: 0.7,
        yoyChange: 0.15,
        trend: "up",
        fullYearRatios: { "2008-09": 0.9, "2009-10": 0.85 },
      }),
      targetRow("T1.2", "P1", {
        basis: "Level",
        measure: "Percentage",
        target: 0.8,
        expectedToDate: 0.8,
        actualToDate: 0.82,
        ratio: 1.025,
        rag: "Green",
        previousYearRatio: 1.05,
        yoyChange: -0.025,
        trend: "level",
        fullYearRatios: { "2008-09": 1.1, "2009-10": 1.025 },
      }),
      targetRow("T1.3", "P1", {
        measure: "Milestone",
        target: 3,
        expectedToDate: null,
        actualToDate: null,
        ratio: null,
        rag: "NotDue",
        fullYearRatios: { "2009-10": null },
      }),
      targetRow("T2.1", "P2", {
        target: 10,
        expectedToDate: 5,
        actualToDate: 2,
        ratio: 0.4,
        rag: "Red",
        previousYearRatio: 0.6,
        yoyChange: -0.2,
        trend: "down",
        missingQuarters: [2],
        fullYearRatios: { "2009-10": 0.4 },
      }),
      targetRow("T2.2", "P2", {
        measure: "Currency",
        target: 5000,
        expectedToDate: 2500,
        actualToDate: 2000,
        ratio: 0.8,
        rag: "Amber",
        fullYearRatios: { "2009-10": 0.8 },
      }),
    ],
    projects: [
      { projectId: "P1", ratio: 0.925, rag: "Amber", awaitingTargets: 0, toBeSetTargets: 0 },
      { projectId: "P2", ratio: 0.6, rag: "Red", awaitingTargets: 0, toBeSetTargets: 0 },
    ],
    spend: [
      spendRow("P1", "Salaries", {
        budgetToDate: 10000,
        spendToDate: 9000,
        variance: -1000,
        variancePct: -0.1,
        rag: "Green",
        claimThisQuarter: 4500,
        claimableToDate: 9000,
      }),
      spendRow("P1", "Running costs", {
        budgetToDate: 2000,
        spendToDate: 2600,
        variance: 600,
        variancePct: 0.3,
        rag: "Red",
        claimThisQuarter: 1300,
        claimableToDate: 2600,
      }),
      spendRow("P2", "Salaries", {
        budgetToDate: 3000,
        spendToDate: 3000,
        variance: 0,
        variancePct: 0,
        rag: "Green",
        claimThisQuarter: 750,
        claimableToDate: 3000,
      }),
    ],
  });
}
