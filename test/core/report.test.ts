import fc from "fast-check";
import type { Consortium, Measure, Problem } from "../../src/core/model";
import type { Period, Quarter } from "../../src/core/periods";
import { buildReport, defaultPeriod } from "../../src/core/report";
import type { Report } from "../../src/core/reportTypes";
import {
  aBudget,
  aConsortium,
  aMilestone,
  anActual,
  aProfile,
  aProject,
  aRating,
  aRisk,
  aSpend,
  aTarget,
} from "./rules/builders";

// A small consortium at 2009-10 Q2, worked by hand.
//  T1 (P1) Annual, Higher, 100 a year. 2008-09: 20 + 30 by Q2 (50 / 50 = 1), 50 / 100 = 0.5 at Q4.
//     2009-10: 20 + 25 = 45 against 50: r = 0.9, Amber; change 0.9 - 1: down.
//  M1 (P1) milestone due 2009-10 Q2, not done: Amber.
//  T2 (P2) Level, Lower, 20 (a waiting list). Q1 return 25, Q2 missing: A = 25, r = 20 / 25 = 0.8, Amber;
//     but with no figure for Q2 itself it is awaiting.
//  T3 (P2) only has a 2010-11 value: no row in 2009-10.
//  P1: (0.9 + 0.5) / 2 = 0.7, Red. P2: its only target awaits figures: Awaiting, ratio null.
//  P3 has no targets: NotDue.
//  Spend lines with rows in 2009-10, Projects order then order of first appearance:
//   P1 Staff: budget 1,000 + 1,000, spend 1,000 + 1,050: variance 50, 50 / 2,000 = 0.025 Green;
//             claimable min(2,050, 4,000) = 2,050, last quarter 1,000, so 1,050 this quarter.
//   P1 Publicity: no budget, spend 50: Red; claimable min(50, 0) = 0.
//   P2 Venue: budget 500 + 500, spend 400: variance -600, -0.6 Red; claimable 400 both quarters: 0 this quarter.
//   (P1 Travel has a budget only in 2008-09: no row.)
//  The claim: award 100% of every Budget amount, 2,000 + 400 + 4,000 = 6,400. Before this quarter: 2008-09
//   nothing spent (Travel 0); 2009-10 Q1 Staff 1,000 + Publicity 0 + Venue 400 = 1,400. This quarter 1,050:
//   2,450 to date, 3,950 remaining.
//  Risks: R1 4 x 4 = 16 Red; R2 programme-wide, impact unreadable: no score, needs review.
function worked(): Consortium {
  return aConsortium({
    projects: [aProject("P1"), aProject("P2"), aProject("P3")],
    targets: [
      aTarget({ id: "T1", projectId: "P1", values: { "2008-09": 100, "2009-10": 100 } }),
      aMilestone({ "2009-10": 2 }, { id: "M1", projectId: "P1" }),
      aTarget({ id: "T2", projectId: "P2", direction: "Lower", basis: "Level", values: { "2009-10": 20 } }),
      aTarget({ id: "T3", projectId: "P2", values: { "2010-11": 10 } }),
    ],
    actuals: [
      anActual("T2", "2009-10", 1, 25),
      anActual("T1", "2008-09", 1, 20),
      anActual("T1", "2008-09", 2, 30),
      anActual("T1", "2009-10", 1, 20),
      anActual("T1", "2009-10", 2, 25),
    ],
    budgets: [
      aBudget("P2", "Venue", "2009-10", [500, 500, 500, 500]),
      aBudget("P1", "Travel", "2008-09", [100, 100, 100, 100]),
      aBudget("P1", "Staff", "2009-10", [1000, 1000, 1000, 1000]),
    ],
    spend: [
      aSpend("P1", "Staff", "2009-10", 1, 1000),
      aSpend("P1", "Staff", "2009-10", 2, 1050),
      aSpend("P1", "Publicity", "2009-10", 2, 50),
      aSpend("P2", "Venue", "2009-10", 1, 400),
    ],
    risks: [
      aRisk({ id: "R1", projectId: "P1", impact: aRating(4), probability: aRating(4) }),
      aRisk({ id: "R2", projectId: null, impact: aRating(null, true), probability: aRating(3) }),
    ],
  });
}
const PROBLEMS: Problem[] = [{ sheet: "Actuals", cell: "D7", severity: "warning", message: "No return for T2 in Q2." }];

describe("buildReport: the machine-readable report of rules.md", () => {
  it("the worked example, field for field", () => {
    expect(buildReport(worked(), PROBLEMS)).toEqual({
      period: { fy: "2009-10", quarter: 2 },
      targets: [
        {
          targetId: "T1",
          projectId: "P1",
          fy: "2009-10",
          basis: "Annual",
          direction: "Higher",
          measure: "Number",
          target: 100,
          expectedToDate: 50,
          actualToDate: 45,
          ratio: 0.9,
          rag: "Amber",
          previousYearRatio: 1,
          yoyChange: 0.9 - 1,
          trend: "down",
          fullYearRatios: { "2008-09": 0.5, "2009-10": 0.9 },
          missingQuarters: [],
          awaiting: false,
          toBeSet: false,
        },
        {
          targetId: "M1",
          projectId: "P1",
          fy: "2009-10",
          basis: "Annual",
          direction: "Higher",
          measure: "Milestone",
          target: 2,
          expectedToDate: null,
          actualToDate: null,
          ratio: null,
          rag: "Amber",
          previousYearRatio: null,
          yoyChange: null,
          trend: null,
          fullYearRatios: { "2009-10": null },
          missingQuarters: [],
          awaiting: false,
          toBeSet: false,
        },
        {
          targetId: "T2",
          projectId: "P2",
          fy: "2009-10",
          basis: "Level",
          direction: "Lower",
          measure: "Number",
          target: 20,
          expectedToDate: 20,
          actualToDate: 25,
          ratio: 0.8,
          rag: "Amber",
          previousYearRatio: null,
          yoyChange: null,
          trend: null,
          fullYearRatios: { "2009-10": 0.8 },
          missingQuarters: [2],
          awaiting: true,
          toBeSet: false,
        },
      ],
      projects: [
        { projectId: "P1", ratio: (0.9 + 0.5) / 2, rag: "Red", awaitingTargets: 0, toBeSetTargets: 0 },
        { projectId: "P2", ratio: null, rag: "Awaiting", awaitingTargets: 1, toBeSetTargets: 0 },
        { projectId: "P3", ratio: null, rag: "NotDue", awaitingTargets: 0, toBeSetTargets: 0 },
      ],
      claim: { totalAward: 6400, claimedBefore: 1400, claimThisQuarter: 1050, claimedToDate: 2450, remaining: 3950 },
      spend: [
        {
          projectId: "P1",
          budgetLine: "Staff",
          budgetToDate: 2000,
          spendToDate: 2050,
          variance: 50,
          variancePct: 0.025,
          rag: "Green",
          claimThisQuarter: 1050,
          claimableToDate: 2050,
          partner: "",
        },
        {
          projectId: "P1",
          budgetLine: "Publicity",
          budgetToDate: 0,
          spendToDate: 50,
          variance: 50,
          variancePct: null,
          rag: "Red",
          claimThisQuarter: 0,
          claimableToDate: 0,
          partner: "",
        },
        {
          projectId: "P2",
          budgetLine: "Venue",
          budgetToDate: 1000,
          spendToDate: 400,
          variance: -600,
          variancePct: -0.6,
          rag: "Red",
          claimThisQuarter: 0,
          claimableToDate: 400,
          partner: "",
        },
      ],
      risks: [
        { riskId: "R1", projectId: "P1", impact: 4, probability: 4, score: 16, rag: "Red", needsReview: false },
        { riskId: "R2", projectId: null, impact: null, probability: 3, score: null, rag: null, needsReview: true },
      ],
      problems: PROBLEMS,
    });
  });

  it("field names and their order are exactly those of rules.md", () => {
    const report = buildReport(worked(), PROBLEMS);
    expect(Object.keys(report)).toEqual(["period", "targets", "projects", "claim", "spend", "risks", "problems"]);
    expect(Object.keys(report.targets[0])).toEqual([
      "targetId",
      "projectId",
      "fy",
      "basis",
      "direction",
      "measure",
      "target",
      "expectedToDate",
      "actualToDate",
      "ratio",
      "rag",
      "previousYearRatio",
      "yoyChange",
      "trend",
      "fullYearRatios",
      "missingQuarters",
      "awaiting",
      "toBeSet",
    ]);
    expect(Object.keys(report.projects[0])).toEqual(["projectId", "ratio", "rag", "awaitingTargets", "toBeSetTargets"]);
    expect(Object.keys(report.claim)).toEqual([
      "totalAward",
      "claimedBefore",
      "claimThisQuarter",
      "claimedToDate",
      "remaining",
    ]);
    expect(Object.keys(report.spend[0])).toEqual([
      "projectId",
      "budgetLine",
      "budgetToDate",
      "spendToDate",
      "variance",
      "variancePct",
      "rag",
      "claimThisQuarter",
      "claimableToDate",
      "partner",
    ]);
    expect(Object.keys(report.risks[0])).toEqual([
      "riskId",
      "projectId",
      "impact",
      "probability",
      "score",
      "rag",
      "needsReview",
    ]);
    expect(Object.keys(report.problems[0])).toEqual(["sheet", "cell", "severity", "message"]);
  });

  it("targets follow the Targets sheet order, not the order of the returns", () => {
    expect(buildReport(worked(), []).targets.map((row) => row.targetId)).toEqual(["T1", "M1", "T2"]);
  });

  it("only targets with a value (or due quarter) for the reporting FY have a row", () => {
    const in2010 = buildReport(worked(), [], { fy: "2010-11", quarter: 1 });
    expect(in2010.targets.map((row) => row.targetId)).toEqual(["T3"]);
    // ...and every project still has a row: P1 has nothing in 2010-11, P2's T3 is 0 of 2.5 with no figure for
    // Q1 yet, so P2 is Awaiting rather than Red.
    expect(in2010.projects).toEqual([
      { projectId: "P1", ratio: null, rag: "NotDue", awaitingTargets: 0, toBeSetTargets: 0 },
      { projectId: "P2", ratio: null, rag: "Awaiting", awaitingTargets: 1, toBeSetTargets: 0 },
      { projectId: "P3", ratio: null, rag: "NotDue", awaitingTargets: 0, toBeSetTargets: 0 },
    ]);
    expect(in2010.spend).toEqual([]);
  });

  it("project RAG follows the Project rollup setting; the ratio stays the Average", () => {
    // P1's targets are both Amber, but their mean score (0.9 + 0.5) / 2 = 0.7 is Red: Worst is kinder here.
    const consortium = worked();
    consortium.settings.projectRollup = "Worst";
    expect(buildReport(consortium, []).projects[0]).toEqual({
      projectId: "P1",
      ratio: (0.9 + 0.5) / 2,
      rag: "Amber",
      awaitingTargets: 0,
      toBeSetTargets: 0,
    });
  });

  it("problems are passed through, copied", () => {
    const report = buildReport(worked(), PROBLEMS);
    expect(report.problems).toEqual(PROBLEMS);
    expect(report.problems[0]).not.toBe(PROBLEMS[0]);
  });

  it("survives a JSON round trip unchanged (no undefined, NaN or Infinity)", () => {
    const report = buildReport(worked(), PROBLEMS);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("an explicit period overrides the default", () => {
    expect(buildReport(worked(), [], { fy: "2009-10", quarter: 1 }).period).toEqual({ fy: "2009-10", quarter: 1 });
  });
});

describe("Awaiting figures (rules version 2)", () => {
  it("a target with this quarter's figure is rated as before, whatever earlier quarters are missing", () => {
    // T1 2009-10: Q1 missing, Q2 45: A = 45 of E = 50, r = 0.9 Amber, missing [1], not awaiting.
    const consortium = worked();
    consortium.actuals = consortium.actuals.filter((a) => !(a.targetId === "T1" && a.fy === "2009-10"));
    consortium.actuals.push(anActual("T1", "2009-10", 2, 45));
    const t1 = buildReport(consortium, []).targets.find((t) => t.targetId === "T1");
    expect(t1).toMatchObject({ ratio: 0.9, rag: "Amber", missingQuarters: [1], awaiting: false });
  });

  it("a target with no figure for the quarter is awaiting, with E, A, r and rag still worked out", () => {
    // T1 2009-10 Q2 missing: A = 20 of 50, r = 0.4 (Red), awaiting; P1 then rolls up M1 alone: 0.5, Red.
    const consortium = worked();
    consortium.actuals = consortium.actuals.filter((a) => !(a.targetId === "T1" && a.quarter === 2));
    const report = buildReport(consortium, []);
    expect(report.targets.find((t) => t.targetId === "T1")).toMatchObject({
      actualToDate: 20,
      ratio: 0.4,
      rag: "Red",
      missingQuarters: [2],
      awaiting: true,
      toBeSet: false,
    });
    expect(report.projects[0]).toEqual({
      projectId: "P1",
      ratio: 0.5,
      rag: "Red",
      awaitingTargets: 1,
      toBeSetTargets: 0,
    });
  });

  it("a NotDue target is never awaiting, nor a milestone", () => {
    const report = buildReport(worked(), [], { fy: "2009-10", quarter: 3 });
    const m1 = report.targets.find((t) => t.targetId === "M1");
    expect(m1).toMatchObject({ rag: "Red", awaiting: false });
  });
});

describe("defaultPeriod: the latest (FY, quarter) with any actual or spend row", () => {
  it("the latest actual", () => {
    const consortium = aConsortium({ actuals: [anActual("T1", "2009-10", 3, 1), anActual("T1", "2010-11", 1, 1)] });
    expect(defaultPeriod(consortium)).toEqual({ fy: "2010-11", quarter: 1 });
  });

  it("spend later than any actual", () => {
    const consortium = aConsortium({
      actuals: [anActual("T1", "2009-10", 3, 1)],
      spend: [aSpend("P1", "Staff", "2009-10", 4, 10)],
    });
    expect(defaultPeriod(consortium)).toEqual({ fy: "2009-10", quarter: 4 });
  });

  it("no actual or spend row: the plan's first FY, Q1", () => {
    expect(defaultPeriod(aConsortium({ planYears: ["2008-09", "2009-10"] }))).toEqual({ fy: "2008-09", quarter: 1 });
  });

  it("no FY anywhere: null, and buildReport without a period says so instead of guessing", () => {
    const empty = aConsortium({ planYears: [], settings: { planStart: "" } });
    expect(defaultPeriod(empty)).toBeNull();
    expect(() => buildReport(empty, [])).toThrow(/no financial year/);
  });
});

describe("buildReport at another period (the RAG sheet's previous quarter and last year)", () => {
  it("at 2009-10 Q1: T1 is 20 / 25 = 0.8 Amber, the milestone due in Q2 is not due yet", () => {
    const report = buildReport(worked(), [], { fy: "2009-10", quarter: 1 });
    expect(report.targets.map((row) => [row.targetId, row.ratio, row.rag])).toEqual([
      ["T1", 0.8, "Amber"],
      ["M1", null, "NotDue"],
      ["T2", 0.8, "Amber"],
    ]);
    expect(report.problems).toEqual([]);
  });

  it("at the same quarter last year: T1 was 50 / 50 = 1, Green; the other targets had no value", () => {
    const report = buildReport(worked(), [], { fy: "2008-09", quarter: 2 });
    expect(report.targets.map((row) => [row.targetId, row.ratio, row.rag])).toEqual([["T1", 1, "Green"]]);
  });
});

describe("buildReport properties", () => {
  const FYS = ["2008-09", "2009-10", "2010-11"];
  const fy = fc.constantFrom(...FYS);
  const quarter = fc.constantFrom<Quarter>(1, 2, 3, 4);
  // Amounts as they come from cells: pounds and pence or whole counts, sometimes negative (a correction).
  const amount = fc.integer({ min: -100_000, max: 10_000_000 }).map((pence) => pence / 100);
  const targetId = fc.constantFrom("T1", "T2", "T3", "T4");
  const projectId = fc.constantFrom("P1", "P2", "P3");
  const share = fc.integer({ min: 0, max: 20 }).map((twentieths) => twentieths / 20);

  const target = fc.record({
    id: targetId,
    projectId,
    measure: fc.constantFrom<Measure>("Number", "Percentage", "Currency", "Milestone"),
    direction: fc.constantFrom("Higher" as const, "Lower" as const),
    basis: fc.constantFrom("Annual" as const, "Cumulative" as const, "Level" as const),
    values: fc.dictionary(fy, amount, { maxKeys: 3 }),
    dueQuarters: fc.dictionary(fy, quarter, { maxKeys: 3 }),
  });
  const consortium = fc
    .record({
      targets: fc.array(target, { maxLength: 6 }),
      actuals: fc.array(fc.tuple(targetId, fy, quarter, fc.option(amount), fc.boolean()), { maxLength: 25 }),
      profiles: fc.array(fc.tuple(targetId, fy, fc.tuple(share, share, share, share)), { maxLength: 4 }),
      budgets: fc.array(
        fc.tuple(projectId, fc.constantFrom("Staff", "Venue"), fy, fc.tuple(amount, amount, amount, amount)),
        {
          maxLength: 5,
        },
      ),
      spend: fc.array(fc.tuple(projectId, fc.constantFrom("Staff", "Venue", "Other"), fy, quarter, amount), {
        maxLength: 10,
      }),
      risks: fc.array(fc.tuple(fc.option(fc.integer({ min: 1, max: 5 })), fc.option(fc.integer({ min: 1, max: 5 }))), {
        maxLength: 4,
      }),
      rollup: fc.constantFrom("Average" as const, "Worst" as const),
      grantRate: share,
    })
    .map((parts) =>
      aConsortium({
        projects: ["P1", "P2", "P3"].map(aProject),
        targets: parts.targets.map((t) =>
          t.measure === "Milestone"
            ? aMilestone(t.dueQuarters, { ...t, values: {} })
            : aTarget({ ...t, dueQuarters: {} }),
        ),
        actuals: parts.actuals.map(([id, year, q, value, done]) => ({ ...anActual(id, year, q, value), done })),
        profiles: parts.profiles.map(([id, year, shares]) => aProfile(id, year, shares)),
        budgets: parts.budgets.map(([project, line, year, quarters]) => aBudget(project, line, year, quarters)),
        spend: parts.spend.map(([project, line, year, q, value]) => aSpend(project, line, year, q, value)),
        risks: parts.risks.map(([impact, probability], i) =>
          aRisk({ id: `R${i}`, impact: aRating(impact), probability: aRating(probability) }),
        ),
        settings: { projectRollup: parts.rollup, grantRate: parts.grantRate },
      }),
    );
  const period = fc.option(fc.record({ fy, quarter }), { nil: undefined });

  /** Every number anywhere in the report is finite, and nothing is undefined. */
  function jsonSafe(value: unknown): boolean {
    if (value === null || typeof value === "string" || typeof value === "boolean") return true;
    if (typeof value === "number") return Number.isFinite(value);
    if (Array.isArray(value)) return value.every(jsonSafe);
    if (typeof value === "object") return Object.values(value as object).every(jsonSafe);
    return false;
  }

  it("is deterministic, and every ratio is finite or null", () => {
    fc.assert(
      fc.property(consortium, period, (input: Consortium, at: Period | undefined) => {
        const first = buildReport(input, [], at);
        const again = buildReport(structuredClone(input), [], at);
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
        const ratios = [
          ...first.targets.flatMap((row) => [
            row.ratio,
            row.previousYearRatio,
            row.yoyChange,
            ...Object.values(row.fullYearRatios),
          ]),
          ...first.projects.map((row) => row.ratio),
          ...first.spend.map((row) => row.variancePct),
        ];
        for (const ratio of ratios) expect(ratio === null || Number.isFinite(ratio)).toBe(true);
        expect(jsonSafe(first)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a NotDue or milestone row never has a ratio; a ratio always has a RAG", () => {
    fc.assert(
      fc.property(consortium, period, (input: Consortium, at: Period | undefined) => {
        const report: Report = buildReport(input, [], at);
        for (const row of report.targets) {
          if (row.rag === "NotDue" || row.measure === "Milestone") expect(row.ratio).toBeNull();
          else expect(row.ratio).not.toBeNull();
        }
        for (const row of report.projects) {
          expect(row.ratio === null).toBe(row.rag === "NotDue" || row.rag === "Awaiting");
          expect(row.rag === "Awaiting").toBe(row.ratio === null && row.awaitingTargets > 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
