// Text as partners type it: stray spaces, tabs, non-breaking spaces and line breaks are tidied; text that is
// already tidy comes back exactly as written.
import { cellNote, cellText } from "../../../src/core/read/cellValues";

describe("cellText", () => {
  it("leaves tidy text as it is", () => {
    expect(cellText("Partner 1")).toBe("Partner 1");
    expect(cellText("T1.1")).toBe("T1.1");
  });

  it("makes any run of spaces, tabs, line breaks or non-breaking spaces one space, and trims the ends", () => {
    expect(cellText("Running\tcosts")).toBe("Running costs");
    expect(cellText("Running  costs")).toBe("Running costs");
    expect(cellText("Running\u00a0costs")).toBe("Running costs");
    expect(cellText("Running\ncosts ")).toBe("Running costs");
    expect(cellText(" P1")).toBe("P1");
    expect(cellText("   ")).toBe("");
  });
});

describe("cellNote", () => {
  it("keeps line breaks (Windows ones become plain) and inner spacing, and trims the ends", () => {
    expect(cellNote("  Shortfall:\r\nvenue  closed\r")).toBe("Shortfall:\nvenue  closed");
    expect(cellNote("Records")).toBe("Records");
    expect(cellNote("Line one\rLine two")).toBe("Line one\nLine two");
  });
});
