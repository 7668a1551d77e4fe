// The return a partner receives: who gets one, what it holds (figures worked by hand from the kit's master),
// which cells are input, how numbers are checked as they are typed, and when the explanation turns red.
import type { Consortium } from "../../../src/core/model";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { partnersWithReturns } from "../../../src/core/returns/issue";
import {
  partnerReturnSheets,
  partnerReturnWorkbooks,
  returnDueOn,
  returnFileName,
} from "../../../src/core/returns/returnSheets";
import type { SheetCell, SheetSpec } from "../../../src/core/sheets/spec";
import { BANBURY, OVC, Q3, masterGrids } from "./kit";

const OPTIONS = { masterName: "Oxfordshire master.xlsx", preparedOn: { year: 2009, month: 12, day: 20 } };

function master(): Consortium {
  return importWorkbook(masterGrids()).consortium;
}

function cellAt(spec: SheetSpec, address: string): SheetCell | undefined {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) throw new Error(address);
  const column = match[1].charCodeAt(0) - 64;
  return spec.cells.find((cell) => cell.row === Number(match[2]) && cell.column === column);
}

function rowValues(spec: SheetSpec, row: number): unknown[] {
  const cells = spec.cells.filter((cell) => cell.row === row);
  const values: unknown[] = [];
  for (const cell of cells) values[cell.column - 1] = cell.value;
  return Array.from(values, (value) => value ?? null);
}

describe("who gets a return", () => {
  it("owners of targets with a value that year and leads of projects with budget lines, in Partners order", () => {
    // OCVA owns T2.1 and leads P2 (budgeted); OVC owns T1.1-T1.3 and leads P1; Banbury owns T1.4; Wantage nothing.
    expect(partnersWithReturns(master(), Q3)).toEqual(["OCVA", OVC, BANBURY]);
  });

  it("nobody in a year with no targets and no budget", () => {
    expect(partnersWithReturns(master(), { fy: "2010-11", quarter: 1 })).toEqual([OVC]); // only T1.1 has 2010-11
  });

  it("one workbook per partner with a file name naming period and partner", () => {
    const books = partnerReturnWorkbooks(master(), Q3, OPTIONS);
    expect(books.map((book) => book.fileName)).toEqual([
      "2009-10 Q3 return - OCVA.xlsx",
      "2009-10 Q3 return - Oxford Volunteer Centre.xlsx",
      "2009-10 Q3 return - Banbury CVS.xlsx",
    ]);
    expect(books[0].sheets.map((sheet) => sheet.name)).toEqual(["Return", "Return info"]);
  });

  it("file names lose the characters a file system refuses", () => {
    expect(returnFileName('A/B: "C"', Q3)).toBe("2009-10 Q3 return - A B C.xlsx");
  });
});

describe("Oxford Volunteer Centre's 2009-10 Q3 return", () => {
  const [sheet, info] = partnerReturnSheets(master(), OVC, Q3, OPTIONS);

  it("names consortium, partner, period, template version and master in its header", () => {
    expect(rowValues(sheet, 4)).toEqual(["Consortium", "Oxfordshire VCS Partnership"]);
    expect(rowValues(sheet, 5)).toEqual(["Partner", OVC]);
    expect(rowValues(sheet, 6)).toEqual(["Period", "2009-10 Q3"]);
    expect(rowValues(sheet, 7)).toEqual(["Quarter dates", "Oct-Dec 2009"]);
    // Quarter ends 31 Dec 2009; Returns due 15 days: 15 Jan 2010 (Excel serial 40193).
    expect(rowValues(sheet, 8)).toEqual(["Return due by", 40193]);
    expect(rowValues(sheet, 9)).toEqual(["Template version", 2]);
    expect(rowValues(sheet, 10)).toEqual(["Master workbook", "Oxfordshire master.xlsx"]);
  });

  it("lists the partner's own targets with annual target, expected to date and last quarter's actual", () => {
    // T1.1: 120 a year, Annual, no profile: 3/4 of 120 = 90 expected by Q3; Q2's actual 25.
    expect(rowValues(sheet, 23).slice(0, 10)).toEqual([
      "T1.1",
      "Volunteers placed",
      "P1",
      "Number",
      "2009-10",
      "Q3",
      120,
      90,
      25,
      null,
    ]);
    // T1.2: a Level percentage: 80% expected every quarter; Q2 was 82%.
    expect(rowValues(sheet, 24).slice(6, 9)).toEqual([0.8, 0.8, 0.82]);
    expect(cellAt(sheet, "G24")?.style?.numberFormat).toBe("0%");
    // T1.3: a milestone due in Q4.
    expect(rowValues(sheet, 25).slice(0, 9)).toEqual([
      "T1.3",
      "Market town information point open",
      "P1",
      "Milestone",
      "2009-10",
      "Q3",
      "Due Q4",
      null,
      null,
    ]);
    // Not Banbury's T1.4 nor OCVA's T2.1.
    expect(
      sheet.cells.filter((cell) => cell.column === 1 && /^T\d/.test(String(cell.value))).map((c) => c.value),
    ).toEqual(["T1.1", "T1.2", "T1.3"]);
  });

  it("lists the budget lines of the projects it leads with budget to date and what was spent before", () => {
    // Salaries: 3,000 a quarter: 12,000 a year, 9,000 by Q3; spent 3,000 + 2,900 in Q1-Q2.
    expect(rowValues(sheet, 29).slice(0, 7)).toEqual(["P1", "Salaries", "2009-10", "Q3", 12000, 9000, 5900]);
    expect(rowValues(sheet, 30).slice(0, 7)).toEqual(["P1", "Running costs", "2009-10", "Q3", 2000, 1500, 900]);
  });

  it("unlocks only the input cells and protects the sheet without a password", () => {
    expect(sheet.protection).toEqual({ protect: true, allowSelectLockedCells: true });
    const unlocked = sheet.cells
      .filter((cell) => cell.style?.unlocked)
      .map((cell) => `${String.fromCharCode(64 + cell.column)}${cell.row}`);
    expect(unlocked.sort()).toEqual(
      ["H29", "H30", "I29", "I30", "J23", "J24", "J25", "K23", "K24", "K25", "L23", "L24", "L25"].sort(),
    );
    expect(info.protection).toEqual({ protect: true, allowSelectLockedCells: true });
    expect(info.cells.some((cell) => cell.style?.unlocked)).toBe(false);
  });

  it("checks numbers as they are typed: decimals of 0 or more, and Done / Not done or a date for the milestone", () => {
    const validations = sheet.validations ?? [];
    const at = (row: number, column: number) =>
      validations.find((v) => v.range.firstRow <= row && row <= v.range.lastRow && v.range.firstColumn === column);
    expect(at(23, 10)?.decimal).toEqual({ min: 0 });
    expect(at(24, 10)?.decimal).toEqual({ min: 0 });
    expect(at(24, 10)?.prompt).toMatch(/level reached at the end of this quarter \(e\.g\. 85%\)/);
    expect(at(25, 10)).toMatchObject({ list: ["Done", "Not done"], allowOther: true });
    expect(at(29, 8)?.decimal).toEqual({ min: 0 });
    expect(at(30, 8)?.decimal).toEqual({ min: 0 });
    // Salaries and running costs share one rule over H29:H30.
    expect(at(29, 8)).toBe(at(30, 8));
  });

  it("turns the variance explanation red when spend is beyond tolerance and the explanation is empty", () => {
    // F budget to date, G spent before, H this quarter, I explanation; tolerance 10%.
    expect(sheet.conditionalFormats).toEqual([
      {
        type: "formula",
        range: { firstRow: 29, firstColumn: 9, lastRow: 30, lastColumn: 9 },
        formula: "AND(ISNUMBER($H29),LEN(TRIM($I29))=0,ABS($G29+$H29-$F29)>0.1*ABS($F29))",
        style: { fill: "#F5C0C0", fontColor: "#8B1A1A" },
      },
    ]);
  });

  it("carries plain-English instructions on the sheet", () => {
    const text = sheet.cells.map((cell) => String(cell.value)).join("\n");
    expect(text).toMatch(/Fill in the yellow cells only/);
    expect(text).toMatch(/more than 10% above or below the budget to date, explain why in Variance explanation/);
    expect(text).toMatch(/send it to OCVA by 15 Jan 2010/);
  });

  it("records the machine-readable keys and one signature per data row in Return info", () => {
    // Column C / H: the checks the import uses to name a cell changed after issue (issuedChecks).
    const check = expect.stringMatching(/^[0-9a-f]{6}$/);
    const checks = (count: number) => expect.stringMatching(new RegExp(`^[0-9a-f]{6}(\\.[0-9a-f]{6}){${count - 1}}$`));
    expect(rowValues(info, 5)).toEqual(["Kind", "Partner return", check]);
    expect(rowValues(info, 6)).toEqual(["Template version", 2, check]);
    expect(rowValues(info, 9)).toEqual(["Period", "2009-10 Q3", check]);
    // Seven checks of the row itself, then six of the target's locked cells on Return (three of a line's).
    expect(rowValues(info, 16)).toEqual(["Target", "T1.1", null, "2009-10", "Q3", "Number", 23, checks(13)]);
    expect(rowValues(info, 20)).toEqual(["Spend", "P1", "Running costs", "2009-10", "Q3", null, 30, checks(10)]);
  });
});

describe("the deadline", () => {
  it("is quarter end plus Returns due days", () => {
    const settings = master().settings;
    expect(returnDueOn(Q3, settings)).toEqual({ year: 2010, month: 1, day: 15 });
    expect(returnDueOn({ fy: "2009-10", quarter: 4 }, { ...settings, returnsDueDays: 30 })).toEqual({
      year: 2010,
      month: 4,
      day: 30,
    });
  });
});
