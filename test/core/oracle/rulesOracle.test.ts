import fc from "fast-check";
import type { Consortium, Measure, RelativeTarget } from "../../../src/core/model";
import type { Quarter } from "../../../src/core/periods";
import { buildReport, indexConsortium, projectsAt } from "../../../src/core/report";
import { aBudget, aConsortium, aMilestone, anActual, aProfile, aProject, aSpend, aTarget } from "../rules/builders";
import { oracleClaim, oracleProject, oracleTarget } from "./rulesOracle";

const FYS = ["2008-09", "2009-10", "2010-11"];
const fy = fc.constantFrom(...FYS);
const quarter = fc.constantFrom<Quarter>(1, 2, 3, 4);
const count = fc.integer({ min: 0, max: 400 });
const pounds = fc.integer({ min: 0, max: 5_000_000 }).map((pence) => pence / 100);
const targetId = fc.constantFrom("T1", "T2", "T3", "T4", "T5");
const projectId = fc.constantFrom("P1", "P2", "P3");
const share = fc.integer({ min: 0, max: 20 }).map((twentieths) => twentieths / 20);

const consortium = fc
  .record({
    targets: fc.uniqueArray(
      fc.record({
        id: targetId,
        projectId,
        measure: fc.constantFrom<Measure>("Number", "Number", "Percentage", "Milestone"),
        direction: fc.constantFrom("Higher" as const, "Lower" as const),
        basis: fc.constantFrom("Annual" as const, "Cumulative" as const, "Level" as const),
        values: fc.dictionary(fy, count, { maxKeys: 3 }),
        dueQuarters: fc.dictionary(fy, quarter, { maxKeys: 3 }),
        // Years set on a baseline not yet entered (those with a value keep it).
        toBeSet: fc.subarray(FYS),
      }),
      { maxLength: 5, selector: (t) => t.id },
    ),
    actuals: fc.uniqueArray(fc.tuple(targetId, fy, quarter, fc.option(count), fc.boolean()), {
      maxLength: 30,
      selector: ([id, year, q]) => `${id} ${year} ${q}`,
    }),
    profiles: fc.uniqueArray(fc.tuple(targetId, fy, fc.tuple(share, share, share, share)), {
      maxLength: 3,
      selector: ([id, year]) => `${id} ${year}`,
    }),
    budgets: fc.array(
      fc.tuple(projectId, fc.constantFrom("Staff", "Venue"), fy, fc.tuple(pounds, pounds, pounds, pounds)),
      {
        maxLength: 5,
      },
    ),
    spend: fc.array(fc.tuple(projectId, fc.constantFrom("Staff", "Venue", "Other"), fy, quarter, pounds), {
      maxLength: 12,
    }),
    rollup: fc.constantFrom("Average" as const, "Worst" as const),
    grantRate: fc.constantFrom(1, 0.85, 0.5, 0.29, 0.333),
    totalAward: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: null }),
  })
  .map((parts): Consortium =>
    aConsortium({
      projects: ["P1", "P2", "P3"].map(aProject),
      targets: parts.targets.map((t) =>
        t.measure === "Milestone"
          ? aMilestone(t.dueQuarters, { ...t, values: {} })
          : aTarget({ ...t, dueQuarters: {}, relative: toBeSet(t.toBeSet.filter((year) => !(year in t.values))) }),
      ),
      actuals: parts.actuals.map(([id, year, q, value, done]) => ({ ...anActual(id, year, q, value), done })),
      profiles: parts.profiles.map(([id, year, shares]) => aProfile(id, year, shares)),
      budgets: parts.budgets.map(([project, line, year, quarters]) => aBudget(project, line, year, quarters)),
      spend: parts.spend.map(([project, line, year, q, value]) => aSpend(project, line, year, q, value)),
      settings: { projectRollup: parts.rollup, grantRate: parts.grantRate, totalAward: parts.totalAward },
    }),
  );
const period = fc.record({ fy, quarter });

function toBeSet(years: string[]): RelativeTarget | undefined {
  if (years.length === 0) return undefined;
  const here = { sheet: "Targets", cell: "J2" };
  return { baseline: null, change: 0.5, yearOnYear: false, aim: "+50%", years, baselineSource: here, aimSource: here };
}

describe("the report agrees with a plain second reading of the rules (version 2)", () => {
  it("targets: E, A, r, RAG, missing quarters, awaiting and to be set", () => {
    fc.assert(
      fc.property(consortium, period, (c, at) => {
        const report = buildReport(c, [], at);
        const expected = c.targets.map((t) => [t.id, oracleTarget(c, t, at)] as const).filter(([, row]) => row);
        expect(report.targets.map((row) => row.targetId)).toEqual(expected.map(([id]) => id));
        for (const [index, [, row]] of expected.entries()) {
          const got = report.targets[index];
          expect([got.expectedToDate, got.actualToDate, got.ratio, got.rag, got.toBeSet]).toEqual([
            row!.E,
            row!.A,
            row!.r,
            row!.rag,
            row!.toBeSet,
          ]);
          if (row!.toBeSet) expect(got.target).toBeNull();
          expect(got.missingQuarters).toEqual(row!.missing);
          expect(got.awaiting).toBe(row!.awaiting);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("projects: ratio over rated targets, RAG by the roll-up mode, Awaiting and awaitingTargets", () => {
    fc.assert(
      fc.property(consortium, period, (c, at) => {
        const report = buildReport(c, [], at);
        for (const project of report.projects) {
          const expected = oracleProject(c, project.projectId, at);
          expect(project.rag).toBe(expected.rag);
          expect(project.awaitingTargets).toBe(expected.awaitingTargets);
          expect(project.toBeSetTargets).toBe(expected.toBeSetTargets);
          if (expected.ratio === null) expect(project.ratio).toBeNull();
          else expect(project.ratio).toBeCloseTo(expected.ratio, 12);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("projectsAt (the RAG-over-time table's roll-up) gives the report's project rows", () => {
    fc.assert(
      fc.property(consortium, period, (c, at) => {
        expect(projectsAt(indexConsortium(c), at)).toEqual(buildReport(c, [], at).projects);
      }),
      { numRuns: 200 },
    );
  });

  it("the claim as a whole, to the penny", () => {
    fc.assert(
      fc.property(consortium, period, (c, at) => {
        expect(buildReport(c, [], at).claim).toEqual(oracleClaim(c, at));
      }),
      { numRuns: 400 },
    );
  });
});
