import type { UnreadTarget } from "../../src/core/model";
import type { Period } from "../../src/core/periods";
import { periodReports, periodView, ragOverTime } from "../../src/core/periodView";
import { aConsortium, aMilestone, aTarget, anActual } from "./rules/builders";

const Q1: Period = { fy: "2009-10", quarter: 1 };
const Q2: Period = { fy: "2009-10", quarter: 2 };

// P1: T1 Annual 100 (Q1 10, Q2 10: 20 of 50 = 40%, Red); T2 Annual 100 (Q1 25, Q2 23: 48 of 50 = 96%, Green);
//     T3 Annual 100 (Q1 20, no Q2: Awaiting). Last year (2008-09 Q2) T1 was 50 of 50: 100%.
// P2: T4 Annual 40 (Q1 8, Q2 8: 16 of 20 = 80%, Amber); M1 milestone due Q1, not done: Red.
function consortium() {
  return aConsortium({
    targets: [
      aTarget({ id: "T1", values: { "2008-09": 100, "2009-10": 100 } }),
      aTarget({ id: "T2" }),
      aTarget({ id: "T3", description: "Awaited" }),
      aTarget({ id: "T4", projectId: "P2", values: { "2009-10": 40 } }),
      aMilestone({ "2009-10": 1 }, { projectId: "P2" }),
    ],
    actuals: [
      anActual("T1", "2008-09", 1, 25),
      anActual("T1", "2008-09", 2, 25),
      anActual("T1", "2009-10", 1, 10),
      anActual("T1", "2009-10", 2, 10),
      anActual("T2", "2009-10", 1, 25),
      anActual("T2", "2009-10", 2, 23),
      anActual("T3", "2009-10", 1, 20),
      anActual("T4", "2009-10", 1, 8),
      anActual("T4", "2009-10", 2, 8),
    ],
  });
}

describe("the period view every paper shares", () => {
  const c = consortium();
  const reports = periodReports(c, [], Q2);
  const view = periodView(c, reports.report, reports);

  it("shows Awaiting instead of a RAG, counts targets by what is shown, and lists reds before ambers", () => {
    const p1 = view.projects.find((p) => p.id === "P1")!;
    expect(p1.targets.map((t) => [t.id, t.shown])).toEqual([
      ["T1", "Red"],
      ["T2", "Green"],
      ["T3", "Awaiting"],
    ]);
    expect(p1.counts).toEqual({ Green: 1, Amber: 0, Red: 1, Awaiting: 1, NotDue: 0 });
    expect(view.attention.map((t) => [t.id, t.shown])).toEqual([
      ["T1", "Red"],
      ["M1", "Red"],
      ["T4", "Amber"],
    ]);
    expect(view.awaiting.map((t) => t.id)).toEqual(["T3"]);
    // T3: 100 a year, a quarter (25) expected by Q1, 20 in.
    expect(view.awaiting[0].reasonText).toBe("No figure for Q2 yet; 20 of 25 expected by Q1.");
  });

  it("gives each project its trend on last year from the core: its ratio now against then", () => {
    const p1 = view.projects.find((p) => p.id === "P1")!;
    // Now: mean of min(0.4, 1) and min(0.96, 1) = 0.68 (T3 is awaited, not rated). A year ago: T1 alone, 1.0.
    expect(p1.ratio).toBeCloseTo(0.68, 10);
    expect(p1.change).toBeCloseTo(-0.32, 10);
    expect(p1.trend).toBe("down");
    expect(p1.lastYear).toBe("Green");
    // Last quarter (Q1): T1 10 of 25 = 40%, T2 25 of 25, T3 20 of 25 = 80%: (0.4 + 1 + 0.8) / 3 = 73.3%, Red.
    expect(p1.lastQuarter).toBe("Red");
    const p2 = view.projects.find((p) => p.id === "P2")!;
    // P2 had no targets last year: Not due then, and no ratio to compare with.
    expect([p2.lastYear, p2.trend]).toEqual(["NotDue", null]);
  });

  it("keeps targets the workbook could not read, under their project, for the period's year only", () => {
    const problem = { sheet: "Targets", cell: "D9", severity: "error" as const, message: "bad" };
    const unread: UnreadTarget[] = [
      { id: "T5", projectId: "p 1", description: "", fy: null, problem },
      { id: "T6", projectId: "P1", description: "", fy: "2010-11", problem },
      { id: "T7", projectId: "P9", description: "", fy: "2009-10", problem },
    ];
    const withUnread = periodView(c, reports.report, reports, unread);
    expect(withUnread.projects[0].unread.map((u) => u.id)).toEqual(["T5"]);
    expect(withUnread.unreadElsewhere.map((u) => u.id)).toEqual(["T7"]);
    expect(withUnread.unread.map((u) => u.id)).toEqual(["T5", "T7"]);
  });

  it("gives each project's RAG at every quarter of the plan up to the period", () => {
    const overTime = ragOverTime(c, Q2);
    expect(overTime.periods).toEqual([
      { fy: "2008-09", quarter: 1 },
      { fy: "2008-09", quarter: 2 },
      { fy: "2008-09", quarter: 3 },
      { fy: "2008-09", quarter: 4 },
      Q1,
      Q2,
    ]);
    const p1 = overTime.projects.find((p) => p.id === "P1")!;
    // 2008-09: T1 alone, 25 of 25 at Q1, 50 of 50 at Q2 (Green); no figures at Q3 and Q4 (Awaiting).
    expect(p1.rags).toEqual(["Green", "Green", "Awaiting", "Awaiting", "Red", "Red"]);
  });
});
