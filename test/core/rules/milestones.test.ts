import { milestoneRag, milestoneRagAt } from "../../../src/core/rules/milestones";
import { targetStatusAt } from "../../../src/core/rules/targetStatus";
import { aConsortium, aDoneReturn, aMilestone } from "./builders";

// The milestone is due in Q3 of 2009-10 unless a test says otherwise.
const dueQ3 = aMilestone({ "2009-10": 3 });
const at = (quarter: 1 | 2 | 3 | 4) => ({ fy: "2009-10", quarter });

describe("Milestones: due quarter d of FY, at quarter q", () => {
  it("done by a quarter <= q gives Green (early)", () => {
    expect(milestoneRagAt(dueQ3, at(2), [aDoneReturn("M1", "2009-10", 1)])).toBe("Green");
  });

  it("done gives Green even when done late", () => {
    const dueQ1 = aMilestone({ "2009-10": 1 });
    expect(milestoneRagAt(dueQ1, at(4), [aDoneReturn("M1", "2009-10", 3)])).toBe("Green");
  });

  it("not done and d > q gives NotDue", () => {
    expect(milestoneRagAt(dueQ3, at(2), [])).toBe("NotDue");
  });

  it("done in a later quarter than q does not count yet: d > q is NotDue", () => {
    expect(milestoneRagAt(dueQ3, at(2), [aDoneReturn("M1", "2009-10", 3)])).toBe("NotDue");
  });

  it("not done and d = q gives Amber", () => {
    expect(milestoneRagAt(dueQ3, at(3), [])).toBe("Amber");
  });

  it("not done and d < q gives Red", () => {
    expect(milestoneRagAt(dueQ3, at(4), [])).toBe("Red");
  });

  it("done last year does not count for this year's due date", () => {
    expect(milestoneRagAt(dueQ3, at(4), [aDoneReturn("M1", "2008-09", 4)])).toBe("Red");
  });

  it("the table itself, every case", () => {
    expect(milestoneRag(3, 2, true)).toBe("Green");
    expect(milestoneRag(3, 2, false)).toBe("NotDue");
    expect(milestoneRag(3, 3, false)).toBe("Amber");
    expect(milestoneRag(3, 4, false)).toBe("Red");
  });

  it("a milestone not due in the FY has no status that year", () => {
    expect(milestoneRagAt(dueQ3, { fy: "2010-11", quarter: 4 }, [])).toBeNull();
    expect(targetStatusAt(dueQ3, { fy: "2010-11", quarter: 4 }, aConsortium())).toBeNull();
  });

  it("a milestone's status: target is the due quarter; E, A and ratio are null", () => {
    expect(targetStatusAt(dueQ3, at(3), aConsortium())).toEqual({
      target: 3,
      expectedToDate: null,
      actualToDate: null,
      ratio: null,
      rag: "Amber",
      toBeSet: false,
    });
  });
});
