import type { Actual, Consortium, Target } from "../../../src/core/model";
import type { Period } from "../../../src/core/periods";
import { buildReport } from "../../../src/core/report";
import { reasonText, targetReason } from "../../../src/core/reasons/targetReason";
import { aConsortium, aDoneReturn, aMilestone, aProfile, aTarget, anActual } from "../rules/builders";

const Q1: Period = { fy: "2009-10", quarter: 1 };
const Q2: Period = { fy: "2009-10", quarter: 2 };
const Q3: Period = { fy: "2009-10", quarter: 3 };

/** The reason of the consortium's only target at the period, as a paper shows it. */
function reasonOf(consortium: Consortium, at: Period): string | null {
  const report = buildReport(consortium, [], at);
  const [target] = consortium.targets;
  const row = report.targets.find((t) => t.targetId === target.id);
  if (!row) throw new Error("no row");
  const reason = targetReason(target, row, at, consortium);
  return reason && reasonText(reason);
}

const withActuals = (target: Target, actuals: Actual[], parts: Partial<Consortium> = {}) =>
  aConsortium({ targets: [target], actuals, ...parts });

describe("why a target is Amber, Red or Awaiting", () => {
  it("Annual, higher is better: half of 150 expected by Q2, 67 is 89%, below Green", () => {
    const consortium = withActuals(aTarget({ values: { "2009-10": 150 } }), [
      anActual("T1", "2009-10", 1, 30),
      anActual("T1", "2009-10", 2, 37),
    ]);
    // E = 150 x 2/4 = 75; A = 30 + 37 = 67; r = 67/75 = 0.8933 -> Amber (below 95%).
    expect(reasonOf(consortium, Q2)).toBe("Expected 75 by Q2 (half of 150), actual 67: 89.3%, below Green at 95%.");
  });

  it("Red names the Amber threshold it fell below", () => {
    const consortium = withActuals(aTarget({ values: { "2009-10": 100 } }), [
      anActual("T1", "2009-10", 1, 10),
      anActual("T1", "2009-10", 2, 20),
    ]);
    // E = 50, A = 30, r = 60% -> Red.
    expect(reasonOf(consortium, Q2)).toBe("Expected 50 by Q2 (half of 100), actual 30: 60%, below Amber at 75%.");
  });

  it("lower is better says so and that the expected figure is a ceiling", () => {
    const consortium = withActuals(aTarget({ direction: "Lower", values: { "2009-10": 20 } }), [
      anActual("T1", "2009-10", 1, 6),
      anActual("T1", "2009-10", 2, 6),
    ]);
    // E = 10, A = 12, r = E/A = 83.3% -> Amber.
    expect(reasonOf(consortium, Q2)).toBe(
      "Lower is better. Expected at most 10 by Q2 (half of 20), actual 12: 83.3%, below Green at 95%.",
    );
  });

  it("Level targets compare the latest figure with the year's level", () => {
    const consortium = withActuals(aTarget({ measure: "Percentage", basis: "Level", values: { "2009-10": 0.8 } }), [
      anActual("T1", "2009-10", 1, 0.7),
      anActual("T1", "2009-10", 2, 0.72),
    ]);
    // E = 80% (share 1), A = 72%, r = 0.9 -> Amber.
    expect(reasonOf(consortium, Q2)).toBe(
      "Expected 80% at Q2 (the year's level), latest figure 72%: 90%, below Green at 95%.",
    );
  });

  it("Cumulative targets start from last year's target", () => {
    const consortium = withActuals(aTarget({ basis: "Cumulative", values: { "2008-09": 200, "2009-10": 300 } }), [
      anActual("T1", "2008-09", 4, 180),
      anActual("T1", "2009-10", 1, 20),
      anActual("T1", "2009-10", 2, 20),
    ]);
    // E = 200 + (300 - 200) x 1/2 = 250; A = 180 + 20 + 20 = 220; r = 88% -> Amber.
    expect(reasonOf(consortium, Q2)).toBe(
      "Expected 250 by Q2 (200 last year plus half of the change to 300), actual 220: 88%, below Green at 95%.",
    );
  });

  it("a profiled target gives the profile's share", () => {
    const consortium = withActuals(
      aTarget({ values: { "2009-10": 100 } }),
      [anActual("T1", "2009-10", 1, 10), anActual("T1", "2009-10", 2, 20)],
      { profiles: [aProfile("T1", "2009-10", [0.1, 0.3, 0.3, 0.3])] },
    );
    // share(2) = 0.4: E = 40, A = 30, r = 75% -> Amber (at the Amber threshold).
    expect(reasonOf(consortium, Q2)).toBe(
      "Expected 40 by Q2 (40% of 100, from Profiles), actual 30: 75%, below Green at 95%.",
    );
  });

  it("an earlier quarter with no figure is said to count as 0", () => {
    const consortium = withActuals(aTarget({ values: { "2009-10": 100 } }), [anActual("T1", "2009-10", 2, 30)]);
    // E = 50, A = 0 + 30, r = 60% -> Red; Q1 missing.
    expect(reasonOf(consortium, Q2)).toBe(
      "Expected 50 by Q2 (half of 100), actual 30: 60%, below Amber at 75%. No figure for Q1 (counted as 0).",
    );
  });

  it("milestones: due this quarter and not done; overdue", () => {
    const consortium = aConsortium({ targets: [aMilestone({ "2009-10": 2 })] });
    expect(reasonOf(consortium, Q2)).toBe("Due in Q2, not done.");
    expect(reasonOf(consortium, Q3)).toBe("Due in Q2, not done by Q3.");
    const done = aConsortium({ targets: [aMilestone({ "2009-10": 2 })], actuals: [aDoneReturn("M1", "2009-10", 3)] });
    expect(reasonOf(done, Q3)).toBeNull();
  });

  it("Awaiting: no figure for the quarter yet, and how it stood the quarter before", () => {
    const consortium = withActuals(aTarget({ values: { "2009-10": 200 } }), [anActual("T1", "2009-10", 1, 40)]);
    // At Q2 there is no Q2 figure: by Q1, 200 x 1/4 = 50 expected, 40 in.
    expect(reasonOf(consortium, Q2)).toBe("No figure for Q2 yet; 40 of 50 expected by Q1.");
    expect(reasonOf(withActuals(aTarget(), []), Q1)).toBe("No figure for Q1 yet.");
  });

  it("the partner's own comment for the quarter comes first", () => {
    const consortium = withActuals(aTarget({ values: { "2009-10": 100 } }), [
      anActual("T1", "2009-10", 1, 10),
      { ...anActual("T1", "2009-10", 2, 20), comment: "Worker off sick in August" },
    ]);
    expect(reasonOf(consortium, Q2)).toBe("Partner's comment: Worker off sick in August");
  });

  it("Green and Not due need no reason", () => {
    const green = withActuals(aTarget({ values: { "2009-10": 100 } }), [
      anActual("T1", "2009-10", 1, 25),
      { ...anActual("T1", "2009-10", 2, 30), comment: "Good quarter" },
    ]);
    expect(reasonOf(green, Q2)).toBeNull();
    expect(reasonOf(aConsortium({ targets: [aMilestone({ "2009-10": 4 })] }), Q2)).toBeNull();
  });
});
