import {
  addDays,
  excelSerial,
  fromExcelSerial,
  fyLabel,
  fyRange,
  isFyLabel,
  periodLabel,
  previousQuarter,
  quarterDates,
  sameQuarterLastYear,
} from "../../src/core/periods";

describe("financial years", () => {
  it("labels a UK financial year by its two calendar years", () => {
    expect(fyLabel(2009)).toBe("2009-10");
    expect(fyLabel(1999)).toBe("1999-00");
  });

  it("recognises only consistent labels", () => {
    expect(isFyLabel("2009-10")).toBe(true);
    expect(isFyLabel("2009-11")).toBe(false);
    expect(isFyLabel("2009/10")).toBe(false);
  });

  it("lists every year of a plan", () => {
    expect(fyRange("2008-09", "2010-11")).toEqual(["2008-09", "2009-10", "2010-11"]);
  });
});

describe("quarters", () => {
  it("Q2 of 2009-10 runs July to September 2009 in a year starting in April", () => {
    expect(quarterDates({ fy: "2009-10", quarter: 2 })).toEqual({
      start: { year: 2009, month: 7, day: 1 },
      end: { year: 2009, month: 9, day: 30 },
    });
  });

  it("Q4 of 2009-10 runs January to March 2010, ending on the last day of February's successor", () => {
    expect(quarterDates({ fy: "2009-10", quarter: 4 }).end).toEqual({ year: 2010, month: 3, day: 31 });
  });

  it("follows a moved year start: a year starting in January has Q1 January to March of its start year", () => {
    expect(quarterDates({ fy: "2009-10", quarter: 1 }, 1)).toEqual({
      start: { year: 2009, month: 1, day: 1 },
      end: { year: 2009, month: 3, day: 31 },
    });
  });

  it("steps back across a year boundary", () => {
    expect(previousQuarter({ fy: "2009-10", quarter: 1 })).toEqual({ fy: "2008-09", quarter: 4 });
    expect(previousQuarter({ fy: "2009-10", quarter: 3 })).toEqual({ fy: "2009-10", quarter: 2 });
    expect(sameQuarterLastYear({ fy: "2009-10", quarter: 3 })).toEqual({ fy: "2008-09", quarter: 3 });
    expect(periodLabel({ fy: "2009-10", quarter: 3 })).toBe("2009-10 Q3");
  });
});

describe("dates", () => {
  it("converts to and from Excel serials (1 July 2009 is 40000)", () => {
    expect(excelSerial({ year: 2009, month: 7, day: 6 })).toBe(40000);
    expect(fromExcelSerial(40000)).toEqual({ year: 2009, month: 7, day: 6 });
  });

  it("adds days across a month end (returns due 15 days after 30 September)", () => {
    expect(addDays({ year: 2009, month: 9, day: 30 }, 15)).toEqual({ year: 2009, month: 10, day: 15 });
  });
});
