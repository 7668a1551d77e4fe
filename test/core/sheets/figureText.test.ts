// How figures read in notes (the RAG cell's "why"): as a person writes them in the UK.
import { figureText } from "../../../src/core/words";

describe("figureText", () => {
  it("writes counts to two decimals at most, with thousands separated by commas", () => {
    expect(figureText(37.5, "Number")).toBe("37.5");
    expect(figureText(999.994, "Number")).toBe("999.99");
    expect(figureText(999.995, "Number")).toBe("1,000");
    expect(figureText(1234567.891, "Number")).toBe("1,234,567.89");
    expect(figureText(-12.346, "Number")).toBe("-12.35");
    expect(figureText(0, "Number")).toBe("0");
  });

  it("keeps the minus sign of a tiny negative figure that rounds to nothing", () => {
    expect(figureText(-0.001, "Number")).toBe("-0");
  });

  it("writes money as pounds and pence, and percentages as percent", () => {
    expect(figureText(1250, "Currency")).toBe("£1,250.00");
    expect(figureText(-40.5, "Currency")).toBe("-£40.50");
    expect(figureText(0.85, "Percentage")).toBe("85%");
  });
});
