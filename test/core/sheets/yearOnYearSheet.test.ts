import { yearOnYearSheet } from "../../../src/core/sheets/yearOnYearSheet";
import { NUMBER_FORMATS } from "../../../src/core/sheets/spec";
import { q2Report, smallConsortium } from "./fixtures";
import { cellAt, cellWithText, rowValues, rowWhere } from "./sheetTestKit";

const preparedOn = { year: 2009, month: 10, day: 16 };

describe("year on year sheet", () => {
  it("has a column for each year of the plan so far, the current year to date", () => {
    const sheet = yearOnYearSheet(smallConsortium(), q2Report(), { preparedOn });
    expect(sheet.name).toBe("Year on year");
    expect(sheet.kind).toBe("yearOnYear");
    const header = cellWithText(sheet, "Ref").row;
    expect(rowValues(sheet, header)).toEqual([
      "Ref",
      "Project / target",
      "2008-09",
      "2009-10 to Q2",
      "2009-10 at Q2",
      "2008-09 at Q2",
      "Change (points)",
      "Trend",
    ]);
    expect(sheet.freeze).toEqual({ rows: header, columns: 2 });
  });

  it("names the reporting year plainly at Q4", () => {
    const sheet = yearOnYearSheet(
      smallConsortium(),
      { ...q2Report(), period: { fy: "2009-10", quarter: 4 } },
      {
        preparedOn,
      },
    );
    expect(rowValues(sheet, cellWithText(sheet, "Ref").row).slice(2, 4)).toEqual(["2008-09", "2009-10"]);
  });

  it("shows each target's full-year ratios, the two ratios compared, their change in points and its trend", () => {
    const sheet = yearOnYearSheet(smallConsortium(), q2Report(), { preparedOn });
    const p1 = rowWhere(sheet, 1, "P1");
    expect(cellAt(sheet, p1, 2)?.style?.bold).toBe(true);
    const t11 = rowWhere(sheet, 1, "T1.1");
    expect(t11).toBe(p1 + 1);
    // 85% this year at Q2 against 70% last year at Q2: +15 points, which a reader can check on the row.
    expect(rowValues(sheet, t11)).toEqual(["T1.1", "Volunteers placed", 0.9, 0.85, 0.85, 0.7, 15, "▲ up"]);
    expect(cellAt(sheet, t11, 3)?.style?.numberFormat).toBe(NUMBER_FORMATS.ratio);
    expect(cellAt(sheet, t11, 6)?.style?.numberFormat).toBe(NUMBER_FORMATS.ratio);
    expect(cellAt(sheet, t11, 7)?.style?.numberFormat).toBe('+0" pts";-0" pts";0" pts"');
    expect(cellAt(sheet, t11, 2)?.style?.indent).toBe(1);
    expect(rowValues(sheet, rowWhere(sheet, 1, "T1.2"))).toEqual([
      "T1.2",
      "Volunteer satisfaction",
      1.1,
      1.025,
      1.025,
      1.05,
      -2.5,
      "► level",
    ]);
    const t21 = rowWhere(sheet, 1, "T2.1");
    expect(t21).toBeGreaterThan(rowWhere(sheet, 1, "P2"));
    // No target in 2008-09: nothing shown for that year.
    expect(rowValues(sheet, t21)).toEqual([
      "T2.1",
      "Groups given information",
      undefined,
      0.4,
      0.4,
      0.6,
      -20,
      "▼ down",
    ]);
  });

  it("never prints a change in points with a % sign", () => {
    const sheet = yearOnYearSheet(smallConsortium(), q2Report(), { preparedOn });
    const formats = sheet.cells
      .filter((c) => c.column === 7 && typeof c.value === "number")
      .map((c) => c.style?.numberFormat);
    expect(formats.length).toBeGreaterThan(0);
    for (const format of formats) expect(format).not.toContain("%");
  });

  it("marks a year with a target but no ratio (a milestone) with an explained dash", () => {
    const sheet = yearOnYearSheet(smallConsortium(), q2Report(), { preparedOn });
    const t13 = rowWhere(sheet, 1, "T1.3");
    expect(cellAt(sheet, t13, 3)).toBeUndefined();
    expect(cellAt(sheet, t13, 4)?.value).toBe("—");
    expect(sheet.cells.find((cell) => String(cell.value).includes("— : no ratio"))?.value).toContain("milestone");
    expect(cellAt(sheet, t13, 7)).toBeUndefined();
  });

  it("prints landscape on A4, fitted to width", () => {
    const sheet = yearOnYearSheet(smallConsortium(), q2Report(), { preparedOn });
    expect(sheet.print).toMatchObject({ paperSize: "A4", orientation: "landscape", fitToWidth: true });
  });
});
