import {
  cellText,
  readDate,
  readEnum,
  readFy,
  readMilestoneActual,
  readMonth,
  readNumber,
  readPercentage,
  readQuarter,
  readWholeNumber,
} from "../../../src/core/read/cellValues";
import type { CellValue } from "../../../src/core/grid";
import { excelSerial } from "../../../src/core/periods";
import { BASES, MEASURES, PARTNER_TYPES } from "../../../src/core/templates";

function value<T>(read: { ok: true; value: T } | { ok: false; reason: string }): T | string {
  return read.ok ? read.value : `problem: ${read.reason}`;
}

describe("readNumber: numbers as partners write them", () => {
  it.each<[CellValue, number]>([
    [1250, 1250],
    [0.5, 0.5],
    ["1,250", 1250],
    ["£1,250.00", 1250],
    ["£1,250,000", 1250000],
    ["85%", 0.85],
    [" 40 ", 40],
    ["(1,250)", -1250],
    ["-£40", -40],
    ["£-40", -40],
    ["12.5", 12.5],
    ["\u00a040\u00a0", 40],
  ])("%p is %p", (cell, expected) => {
    expect(value(readNumber(cell))).toBe(expected);
  });

  it.each<[CellValue, string]>([
    ["twelve", '"twelve" is text in a number cell'],
    ["12 people", '"12 people" is text in a number cell'],
    ["1,25", '"1,25" is text in a number cell'],
    [true, "TRUE is not a number"],
    [Number.NaN, "NaN is not a number"],
    [Number.POSITIVE_INFINITY, "Infinity is not a number"],
    [new Date(Date.UTC(2009, 6, 1)), "01/07/2009 is a date in a number cell"],
  ])("%p is a problem naming the value", (cell, reason) => {
    expect(readNumber(cell)).toEqual({ ok: false, reason });
  });

  it("a blank cell is not a number (callers decide whether blank is allowed)", () => {
    expect(readNumber(null).ok).toBe(false);
    expect(readNumber("   ").ok).toBe(false);
  });
});

describe("readPercentage: the percent rule for Percentage targets, actuals and percentage settings", () => {
  it.each<[CellValue, number]>([
    ["85%", 0.85],
    [0.85, 0.85],
    [85, 0.85],
    ["85", 0.85],
    ["95%", 0.95],
    [0.95, 0.95],
    [95, 0.95],
    [1, 1],
    ["100%", 1],
    ["150%", 1.5],
  ])("%p means %p", (cell, expected) => {
    expect(value(readPercentage(cell))).toBeCloseTo(expected, 12);
  });

  it("text that is not a number is still a problem", () => {
    expect(value(readPercentage("most"))).toBe('problem: "most" is text in a number cell');
  });
});

describe("readFy: every spelling of a financial year gives the label 2009-10", () => {
  it.each([
    "2009-10",
    "2009/10",
    "2009-2010",
    "2009/2010",
    "FY2009/10",
    "FY 2009-10",
    "fy2009-10",
    "F.Y. 2009-10",
    "Financial year 2009-10",
    "09/10",
    "09-10",
    " 2009 - 10 ",
    "2009 – 2010",
    "2009 to 2010",
  ])("%p", (cell) => {
    expect(value(readFy(cell))).toBe("2009-10");
  });

  it("the seed plan's own heading '2008 – 2009' is 2008-09", () => {
    expect(value(readFy("2008 – 2009"))).toBe("2008-09");
  });

  it("crosses the century: 99/00 is 1999-00", () => {
    expect(value(readFy("99/00"))).toBe("1999-00");
  });

  it.each(["2009-12", "2009-2011", "2009", "09/11", "Year 2", "2009-1"])("%p is not a financial year", (cell) => {
    expect(readFy(cell)).toEqual({
      ok: false,
      reason: `"${cell}" is not a financial year (write the financial year as 2009-10)`,
    });
  });

  it("Excel's date for a typed 2009-10 (1 Oct 2009) is read back as 2009-10, as a Date or a serial", () => {
    expect(value(readFy(new Date(Date.UTC(2009, 9, 1))))).toBe("2009-10");
    expect(value(readFy(excelSerial({ year: 2008, month: 9, day: 1 })))).toBe("2008-09");
  });

  it("other dates and plain numbers are refused", () => {
    expect(value(readFy(new Date(Date.UTC(2009, 9, 15))))).toMatch(/is a date, not a financial year/);
    expect(value(readFy(2009))).toBe(
      "problem: 2009 is a number, not a financial year (write the financial year as 2009-10 as text)",
    );
  });
});

describe("readQuarter", () => {
  it.each<[CellValue, number]>([
    ["Q2", 2],
    ["q2", 2],
    ["2", 2],
    [2, 2],
    ["Jul-Sep", 2],
    ["Jul - Sep", 2],
    ["July-September", 2],
    ["jul to sep", 2],
    ["Qtr 2", 2],
    ["Quarter 2", 2],
    ["Q2 (Jul-Sep)", 2],
    ["Apr-Jun", 1],
    ["Oct-Dec", 3],
    ["Jan-Mar", 4],
    ["Oct - December", 3],
  ])("%p is quarter %p (April year start)", (cell, expected) => {
    expect(value(readQuarter(cell))).toBe(expected);
  });

  it("month ranges count from the Settings year start month", () => {
    expect(value(readQuarter("Jan-Mar", 1))).toBe(1);
    expect(value(readQuarter("Jul-Sep", 1))).toBe(3);
    expect(value(readQuarter("Sep-Nov", 9))).toBe(1);
    // Numbered quarters do not move.
    expect(value(readQuarter("Q2", 1))).toBe(2);
  });

  it.each<CellValue>(["Q5", 0, 2.5, "Jul-Aug", "Sept-Nov", "Q2 (Oct-Dec)", "Summer", true])(
    "%p is not a quarter",
    (cell) => {
      expect(value(readQuarter(cell))).toMatch(/is not a quarter \(write Q1, Q2, Q3 or Q4\)$/);
    },
  );
});

describe("readDate: UK order always", () => {
  const july1 = { year: 2009, month: 7, day: 1 };
  it.each<CellValue>([
    "01/07/2009",
    "1/7/2009",
    "01-07-2009",
    "1.7.2009",
    "01/07/09",
    "2009-07-01",
    "1 Jul 2009",
    "1 July 2009",
    "2009-07-01T00:00:00Z",
    new Date(Date.UTC(2009, 6, 1)),
    excelSerial(july1),
  ])("%p is 1 July 2009", (cell) => {
    expect(value(readDate(cell))).toEqual(july1);
  });

  it("a Date at local midnight in British Summer Time (23:00 UTC the day before) is still 1 July", () => {
    expect(value(readDate(new Date(Date.UTC(2009, 5, 30, 23))))).toEqual(july1);
  });

  it("a Date with a time of day stays on its day", () => {
    expect(value(readDate(new Date(Date.UTC(2009, 6, 1, 18, 30))))).toEqual(july1);
  });

  it("12/01/2010 is 12 January, not 1 December", () => {
    expect(value(readDate("12/01/2010"))).toEqual({ year: 2010, month: 1, day: 12 });
  });

  it.each<CellValue>(["31/02/2009", "13/13/2009", "next week", 5, new Date(Number.NaN)])("%p is not a date", (cell) => {
    expect(readDate(cell).ok).toBe(false);
  });
});

describe("readEnum: options match case-, space- and punctuation-insensitively", () => {
  it.each<[CellValue, string]>([
    ["percentage", "Percentage"],
    [" MILESTONE ", "Milestone"],
    ["Number", "Number"],
  ])("measure %p is %p", (cell, expected) => {
    expect(value(readEnum(cell, MEASURES))).toBe(expected);
  });

  it("partner types and bases", () => {
    expect(value(readEnum("lead-partner", PARTNER_TYPES))).toBe("Lead partner");
    expect(value(readEnum("accountable_body", PARTNER_TYPES))).toBe("Accountable body");
    expect(value(readEnum("cumulative", BASES))).toBe("Cumulative");
  });

  it("anything else is a problem listing the options", () => {
    expect(value(readEnum("Running total", BASES))).toBe(
      'problem: "Running total" is not one of Annual, Cumulative or Level',
    );
  });
});

describe("readMilestoneActual", () => {
  it.each(["Done", "done", "YES", "Complete", "completed", " Completed "])("%p is done", (cell) => {
    expect(value(readMilestoneActual(cell))).toEqual({ done: true, completedOn: null });
  });

  it("a completion date is done on that date", () => {
    expect(value(readMilestoneActual("15/09/2009"))).toEqual({
      done: true,
      completedOn: { year: 2009, month: 9, day: 15 },
    });
    expect(value(readMilestoneActual(new Date(Date.UTC(2009, 8, 15))))).toEqual({
      done: true,
      completedOn: { year: 2009, month: 9, day: 15 },
    });
  });

  it("blank is not done", () => {
    expect(value(readMilestoneActual(null))).toEqual({ done: false, completedOn: null });
  });

  it.each(["Not done", "not done", "No"])("%p (as a partner return offers it) is plainly not done", (cell) => {
    expect(value(readMilestoneActual(cell))).toEqual({ done: false, completedOn: null });
  });

  it.each<CellValue>(["Nearly", "50%", 3])("%p is a problem", (cell) => {
    expect(value(readMilestoneActual(cell))).toMatch(/is not Done, Yes, Complete or Completed or a completion date$/);
  });
});

describe("small readers", () => {
  it("readMonth takes numbers and month names", () => {
    expect(value(readMonth(4))).toBe(4);
    expect(value(readMonth("April"))).toBe(4);
    expect(value(readMonth("jan"))).toBe(1);
    expect(readMonth(13).ok).toBe(false);
  });

  it("readWholeNumber refuses fractions and out-of-range values", () => {
    expect(value(readWholeNumber("15", 0, 366))).toBe(15);
    expect(readWholeNumber(1.5, 0, 366).ok).toBe(false);
    expect(readWholeNumber(-1, 0, 366).ok).toBe(false);
  });

  it("cellText trims, collapses spaces and writes dates the UK way", () => {
    expect(cellText("  Volunteer   Centre ")).toBe("Volunteer Centre");
    expect(cellText(new Date(Date.UTC(2009, 6, 1)))).toBe("01/07/2009");
    expect(cellText(1.1)).toBe("1.1");
    expect(cellText(null)).toBe("");
  });
});
