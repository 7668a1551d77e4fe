// One index of the consortium serves reports at several periods (the RAG sheet compares three): each report is
// the one buildReport makes on its own, whatever order the periods come in.
import type { Period } from "../../src/core/periods";
import { buildReport, buildReportFrom, indexConsortium } from "../../src/core/report";
import { aBudget, aConsortium, anActual, aProject, aSpend, aTarget } from "./rules/builders";

//  T1 (P1) Cumulative 40 in 2008-09, 100 in 2009-10: 10 a quarter in 2008-09, 15 in Q1 and Q2 of 2009-10.
//  T2 (P2) Annual 80 in 2009-10: 30 in Q1, nothing returned for Q2.
//  P1 Staff budget 500 a quarter in 2009-10, spent 450 in Q1 and 600 in Q2.
function consortium() {
  return aConsortium({
    projects: [aProject("P1"), aProject("P2")],
    targets: [
      aTarget({ id: "T1", basis: "Cumulative", values: { "2008-09": 40, "2009-10": 100 } }),
      aTarget({ id: "T2", projectId: "P2", values: { "2009-10": 80 } }),
    ],
    actuals: [
      ...([1, 2, 3, 4] as const).map((q) => anActual("T1", "2008-09", q, 10)),
      anActual("T1", "2009-10", 1, 15),
      anActual("T1", "2009-10", 2, 15),
      anActual("T2", "2009-10", 1, 30),
    ],
    budgets: [aBudget("P1", "Staff", "2009-10", [500, 500, 500, 500])],
    spend: [aSpend("P1", "Staff", "2009-10", 1, 450), aSpend("P1", "Staff", "2009-10", 2, 600)],
  });
}

describe("buildReportFrom: reports at several periods from one index", () => {
  const periods: Period[] = [
    { fy: "2009-10", quarter: 2 },
    { fy: "2009-10", quarter: 1 },
    { fy: "2008-09", quarter: 2 },
    { fy: "2009-10", quarter: 2 },
  ];

  it("gives each period the report buildReport gives", () => {
    const index = indexConsortium(consortium());
    for (const period of periods) {
      expect(buildReportFrom(index, [], period)).toEqual(buildReport(consortium(), [], period));
    }
  });

  it("at 2009-10 Q2: T1 has 40 + 30 = 70 to date against 40 + 60 x 1/2 = 70; T2 30 against 40; P1 claims 600", () => {
    const index = indexConsortium(consortium());
    buildReportFrom(index, [], { fy: "2008-09", quarter: 2 }); // an earlier report first changes nothing
    const report = buildReportFrom(index, [], { fy: "2009-10", quarter: 2 });
    expect(report.targets.map((t) => [t.targetId, t.expectedToDate, t.actualToDate])).toEqual([
      ["T1", 70, 70],
      ["T2", 40, 30],
    ]);
    expect(report.spend.map((s) => [s.projectId, s.budgetToDate, s.spendToDate, s.claimThisQuarter])).toEqual([
      ["P1", 1000, 1050, 600],
    ]);
  });
});
