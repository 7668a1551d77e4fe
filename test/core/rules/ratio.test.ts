import { ragFor, ratioFor } from "../../../src/core/rules/ratio";
import { targetStatusAt } from "../../../src/core/rules/targetStatus";
import { aConsortium, anActual, aProfile, aTarget, DEFAULT_SETTINGS, someSettings } from "./builders";

describe("Ratio r: Higher is better", () => {
  it("E = 0 gives NotDue (no ratio)", () => {
    expect(ratioFor("Higher", 0, 12)).toBeNull();
  });

  it("else r = A / E", () => {
    // 45 / 50 = 0.9
    expect(ratioFor("Higher", 50, 45)).toBe(0.9);
  });

  it("a profile with nothing expected in Q1 makes a Higher target NotDue in Q1, even with actuals", () => {
    // E = 100 x 0 = 0
    const input = aConsortium({
      profiles: [aProfile("T1", "2009-10", [0, 0.5, 0.25, 0.25])],
      actuals: [anActual("T1", "2009-10", 1, 10)],
    });
    const status = targetStatusAt(aTarget(), { fy: "2009-10", quarter: 1 }, input);
    expect(status).toMatchObject({ expectedToDate: 0, actualToDate: 10, ratio: null, rag: "NotDue" });
  });
});

describe("Ratio r: Lower is better, in the table's order", () => {
  it("A = 0 gives r = 1", () => {
    expect(ratioFor("Lower", 50, 0)).toBe(1);
  });

  it("A = 0 comes first: E = 0 and A = 0 gives r = 1 (Green), not NotDue", () => {
    const zeroTolerance = aTarget({ direction: "Lower", values: { "2009-10": 0 } });
    const status = targetStatusAt(zeroTolerance, { fy: "2009-10", quarter: 2 }, aConsortium());
    expect(status).toMatchObject({ expectedToDate: 0, actualToDate: 0, ratio: 1, rag: "Green" });
  });

  it("else r = E / A", () => {
    // 50 complaints expected, 80 received: 50 / 80 = 0.625, Red
    expect(ratioFor("Lower", 50, 80)).toBe(0.625);
    expect(ragFor(0.625, DEFAULT_SETTINGS)).toBe("Red");
  });

  it("E = 0 and A > 0 gives r = 0 (Red), never a division by zero", () => {
    const zeroTolerance = aTarget({ direction: "Lower", values: { "2009-10": 0 } });
    const input = aConsortium({ actuals: [anActual("T1", "2009-10", 1, 3)] });
    const status = targetStatusAt(zeroTolerance, { fy: "2009-10", quarter: 1 }, input);
    expect(status).toMatchObject({ expectedToDate: 0, actualToDate: 3, ratio: 0, rag: "Red" });
  });
});

describe("Target RAG from the Settings thresholds (Green 95%, Amber 75% by default), exact values", () => {
  it("exactly at the Green threshold is Green", () => {
    // 95 / 100 is exactly the number 0.95
    expect(ragFor(ratioFor("Higher", 100, 95) as number, DEFAULT_SETTINGS)).toBe("Green");
  });

  it("just below Green is Amber, exactly at Amber is Amber", () => {
    // 94.99 / 100 = 0.9499; 75 / 100 = 0.75
    expect(ragFor(ratioFor("Higher", 100, 94.99) as number, DEFAULT_SETTINGS)).toBe("Amber");
    expect(ragFor(ratioFor("Higher", 100, 75) as number, DEFAULT_SETTINGS)).toBe("Amber");
  });

  it("below Amber is Red", () => {
    // 74 / 100 = 0.74
    expect(ragFor(ratioFor("Higher", 100, 74) as number, DEFAULT_SETTINGS)).toBe("Red");
  });

  it("over-achievement stays Green", () => {
    expect(ragFor(1.5, DEFAULT_SETTINGS)).toBe("Green");
  });

  it("thresholds come from Settings", () => {
    const lenient = someSettings({ greenThreshold: 0.9, amberThreshold: 0.5 });
    expect(ragFor(0.9, lenient)).toBe("Green");
    expect(ragFor(0.5, lenient)).toBe("Amber");
    expect(ragFor(0.49, lenient)).toBe("Red");
  });

  it("a whole Higher target at Q2: E 50, A 45, r 0.9, Amber", () => {
    const input = aConsortium({ actuals: [anActual("T1", "2009-10", 1, 20), anActual("T1", "2009-10", 2, 25)] });
    expect(targetStatusAt(aTarget(), { fy: "2009-10", quarter: 2 }, input)).toEqual({
      target: 100,
      expectedToDate: 50,
      actualToDate: 45,
      ratio: 0.9,
      rag: "Amber",
      toBeSet: false,
    });
  });

  it("a target with no value for the FY has no status that year", () => {
    expect(targetStatusAt(aTarget(), { fy: "2010-11", quarter: 1 }, aConsortium())).toBeNull();
  });
});
