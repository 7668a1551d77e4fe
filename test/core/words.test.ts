// How figures are said, worked out by hand.
import { figureText, moneyText, percentText, plural, ragCounts, ragText, wholePercent } from "../../src/core/words";

describe("words", () => {
  it("says percentages whole, or to the places asked, without float noise", () => {
    expect(wholePercent(0.955)).toBe("96%");
    expect(wholePercent(null)).toBe("–");
    expect(wholePercent(null, "-")).toBe("-");
    expect(percentText(0.925)).toBe("92.5%");
    expect(percentText(0.95)).toBe("95%");
    expect(percentText(0.0285, 4)).toBe("2.85%");
    expect(percentText(1 / 3, 4)).toBe("33.3333%");
  });

  it("says money in pounds and pence, the sign before the pound sign", () => {
    expect(moneyText(1250)).toBe("£1,250.00");
    expect(moneyText(-3.5)).toBe("-£3.50");
    expect(figureText(1250, "Currency")).toBe("£1,250.00");
    expect(figureText(0.85, "Percentage")).toBe("85%");
    expect(figureText(37.5, "Number")).toBe("37.5");
    expect(figureText(12345.678, "Number")).toBe("12,345.68");
  });

  it("says a RAG as symbol and word, and counts them best first with the unscored last", () => {
    expect(ragText("Amber")).toBe("▲ Amber");
    expect(ragText("NotDue")).toBe("○ Not due");
    expect(ragCounts(["Red", "Green", null, "Green", "NotDue"])).toBe("2 Green, 1 Red, 1 Not due, 1 not scored");
    expect(ragCounts([])).toBe("none");
  });

  it("says plurals, with an irregular one given", () => {
    expect(plural(1, "error")).toBe("1 error");
    expect(plural(0, "warning")).toBe("0 warnings");
    expect(plural(2, "partner's return", "partners' returns")).toBe("2 partners' returns");
  });
});
