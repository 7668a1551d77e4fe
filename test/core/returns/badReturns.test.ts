// Bad returns: each gets a clear problem naming the sheet and cell, and gives no edits at all.
// Layout of Oxford Volunteer Centre's 2009-10 Q3 return (see returnSheets.ts): header values in B4 (consortium),
// B5 (partner), B6 (period), B9 (template version); targets header row 22 with T1.1, T1.2, T1.3 in rows 23-25
// (Actual in J, Evidence K, Comment L); spend header row 28 with Salaries in row 29 and Running costs in row 30
// (Spend this quarter in H, Variance explanation in I). Return info: Template version in B6.
import type { WorkbookGrids } from "../../../src/core/grid";
import type { Problem } from "../../../src/core/model";
import type { Period } from "../../../src/core/periods";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { importEdits, isEmptyEdits } from "../../../src/core/returns/edits";
import { readImportLog } from "../../../src/core/returns/importLog";
import { previewImport } from "../../../src/core/returns/preview";
import { readPartnerReturn } from "../../../src/core/returns/readReturn";
import { partnerReturnSheets } from "../../../src/core/returns/returnSheets";
import type { WorkbookEdits } from "../../../src/core/returns/types";
import { TEMPLATE_VERSION } from "../../../src/core/templates";
import { OVC, Q2, Q3, cellOf, deleteRow, insertRow, masterGrids, rowWith, setCell, specToGrid } from "./kit";

const PREPARED = { masterName: "Oxfordshire master.xlsx", preparedOn: { year: 2009, month: 12, day: 20 } };

function issued(period: Period = Q3): WorkbookGrids {
  const { consortium } = importWorkbook(masterGrids());
  const grids = partnerReturnSheets(consortium, OVC, period, PREPARED).map(specToGrid);
  // A sensible fill-in that imports cleanly on its own.
  setCell(grids, "Return", "J23", 30);
  setCell(grids, "Return", "J24", 0.84);
  setCell(grids, "Return", "H29", 3100);
  setCell(grids, "Return", "H30", 700);
  return grids;
}

function importing(
  returned: WorkbookGrids,
  options: { period?: Period; master?: WorkbookGrids } = {},
): { problems: Problem[]; edits: WorkbookEdits | null } {
  const master = options.master ?? masterGrids();
  const { consortium } = importWorkbook(master);
  const read = readPartnerReturn(returned, "bad return.xlsx");
  if (!read.return) return { problems: read.problems, edits: null };
  const preview = previewImport(consortium, master, read.return, readImportLog(master), { period: options.period });
  return { problems: preview.problems, edits: importEdits(preview, master, { importedAt: "2010-01-12 10:30" }) };
}

function expectRefused(
  result: { problems: Problem[]; edits: WorkbookEdits | null },
  sheet: string,
  cell: string,
  message: RegExp,
): void {
  expect(result.problems).toContainEqual({ sheet, cell, severity: "error", message: expect.stringMatching(message) });
  if (result.edits) expect(isEmptyEdits(result.edits)).toBe(true);
}

describe("a return filled in as asked", () => {
  it("imports with no problems (so each case below fails for its own reason)", () => {
    const result = importing(issued());
    expect(result.problems).toEqual([]);
    expect(result.edits && isEmptyEdits(result.edits)).toBe(false);
  });
});

describe("bad returns are refused with a problem at the cell", () => {
  it("an edited header: the partner's name changed", () => {
    const returned = issued();
    setCell(returned, "Return", "B5", "Banbury CVS");
    expectRefused(
      importing(returned),
      "Return",
      "B5",
      /Partner in B5 was changed to "Banbury CVS": this return was issued for "Oxford Volunteer Centre"/,
    );
  });

  it("a deleted header row", () => {
    const returned = issued();
    deleteRow(returned, "Return", 5);
    expectRefused(importing(returned), "Return", "A5", /The header "Partner" \(A5\) has been deleted or changed/);
  });

  it("an edited column header", () => {
    const returned = issued();
    setCell(returned, "Return", "J22", "Actual to date");
    expectRefused(importing(returned), "Return", "J22", /should read "Actual" but reads "Actual to date"/);
  });

  it("a deleted target row", () => {
    const returned = issued();
    deleteRow(returned, "Return", 24);
    expectRefused(
      importing(returned),
      "Return",
      "A24",
      /The row for target T1.2 \(issued as row 24\) has been deleted/,
    );
  });

  it("an added target row (another partner's target)", () => {
    const returned = issued();
    insertRow(returned, "Return", 26, [
      "T1.4",
      "Banbury placements",
      "P1",
      "Number",
      "2009-10",
      "Q3",
      40,
      30,
      null,
      12,
    ]);
    const result = importing(returned);
    expectRefused(
      result,
      "Return",
      "A26",
      /Row 26 is for target T1.4, which was not issued with this return: rows cannot be added/,
    );
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        cell: "A26",
        message: expect.stringMatching(/T1.4 is Banbury CVS's to report, not Oxford Volunteer Centre's/),
      }),
    );
  });

  it("a pasted formula", () => {
    const returned = issued();
    returned[0].formulaCells = ["J23"];
    expectRefused(importing(returned), "Return", "J23", /J23 holds a formula: a return takes typed values only/);
  });

  it("text in a number cell", () => {
    const returned = issued();
    setCell(returned, "Return", "J23", "thirty");
    expectRefused(importing(returned), "Return", "J23", /J23: "thirty" is text in a number cell/);
  });

  it("text in a spend cell", () => {
    const returned = issued();
    setCell(returned, "Return", "H29", "about 3k");
    expectRefused(importing(returned), "Return", "H29", /H29: "about 3k" is text in a number cell/);
  });

  it("a milestone actual that is neither Done, Not done nor a date", () => {
    const returned = issued();
    setCell(returned, "Return", "J25", "nearly");
    expectRefused(importing(returned), "Return", "J25", /J25: "nearly" is not Done, Not done or the completion date/);
  });

  it("the wrong period: last quarter's return when Q3 is being imported", () => {
    const result = importing(issued(Q2), { period: Q3 });
    expectRefused(
      result,
      "Return",
      "B6",
      /This return is for 2009-10 Q2, but you are importing returns for 2009-10 Q3/,
    );
  });

  it("the wrong consortium", () => {
    const result = importing(issued(), { master: masterGrids({ consortium: "Cherwell Partnership" }) });
    expectRefused(
      result,
      "Return",
      "B4",
      /This return is for "Oxfordshire VCS Partnership", but this workbook is "Cherwell Partnership"/,
    );
  });

  it("a row for a target the partner does not own, with Return info edited to match: named at Return info's cell", () => {
    const returned = issued();
    setCell(returned, "Return", "A23", "T2.1");
    const info = rowWith(returned, "Return info", "T1.1", 2);
    setCell(returned, "Return info", `B${info}`, "T2.1");
    expectRefused(
      importing(returned),
      "Return info",
      `B${info}`,
      /Return info B\d+ was changed after the return was issued \(it reads "T2.1"\): Return info is for the add-in only/,
    );
  });

  it("a return from a newer template version", () => {
    const returned = issued();
    expect(cellOf(returned, "Return info", "A6")).toBe("Template version");
    setCell(returned, "Return info", "B6", TEMPLATE_VERSION + 1);
    expectRefused(
      importing(returned),
      "Return info",
      "B6",
      new RegExp(
        `template version ${TEMPLATE_VERSION + 1}, newer than this add-in reads \\(version ${TEMPLATE_VERSION}\\)`,
      ),
    );
  });

  it("spend beyond tolerance with no variance explanation", () => {
    // Running costs: budget to date 1,500; spent before 900; + 200 = 1,100, 26.7% under (tolerance 10%).
    const returned = issued();
    setCell(returned, "Return", "H30", 200);
    expectRefused(
      importing(returned),
      "Return",
      "I30",
      /spend to date would be £1,100.00, 26.7% under the budget to date of £1,500.00 \(the tolerance is 10%\)/,
    );
  });

  it("a workbook that is not a return", () => {
    expectRefused(
      importing(masterGrids()),
      "Return",
      "A1",
      /bad return.xlsx is not a partner return: it has no "Return" or "Return info" sheet/,
    );
  });
});

describe("variance explanations", () => {
  it("are accepted when given", () => {
    const returned = issued();
    setCell(returned, "Return", "H30", 200);
    setCell(returned, "Return", "I30", "Office move delayed");
    expect(importing(returned).problems).toEqual([]);
  });

  it("are not needed at exactly the tolerance: 900 + 450 = 1,350 is 10% under 1,500", () => {
    const returned = issued();
    setCell(returned, "Return", "H30", 450);
    expect(importing(returned).problems).toEqual([]);
  });
});

describe("tampered returns are named at the cells that differ from what was issued", () => {
  it("an edited expected to date or last quarter's actual (locked reference cells)", () => {
    const returned = issued();
    expect(cellOf(returned, "Return", "A23")).toBe("T1.1");
    setCell(returned, "Return", "H23", 10); // Expected to date
    setCell(returned, "Return", "I23", 40); // Last quarter's actual (25 in the master)
    const result = importing(returned);
    expectRefused(
      result,
      "Return",
      "H23",
      /Expected to date in H23 was changed after the return was issued \(it reads 10\)/,
    );
    expectRefused(result, "Return", "I23", /Last quarter's actual in I23 was changed after the return was issued/);
    // Nothing else is blamed: the untouched cells still match their checks.
    expect(result.problems).toHaveLength(2);
  });

  it("an edited budget to date on the spend table", () => {
    const returned = issued();
    expect(cellOf(returned, "Return", "B29")).toBe("Salaries");
    setCell(returned, "Return", "F29", 99999);
    expectRefused(
      importing(returned),
      "Return",
      "F29",
      /Budget to date in F29 was changed after the return was issued/,
    );
  });

  it("a return relabelled as another quarter throughout (Return info, header and every row)", () => {
    const returned = issued();
    const period = rowWith(returned, "Return info", "Period");
    setCell(returned, "Return info", `B${period}`, "2009-10 Q4");
    setCell(returned, "Return", "B6", "2009-10 Q4");
    for (const row of [23, 24, 25, 26, 29, 30]) {
      const fyColumn = row < 29 ? "E" : "C";
      const quarterColumn = row < 29 ? "F" : "D";
      if (cellOf(returned, "Return", `${quarterColumn}${row}`) === "Q3") {
        setCell(returned, "Return", `${fyColumn}${row}`, "2009-10");
        setCell(returned, "Return", `${quarterColumn}${row}`, "Q4");
      }
    }
    const result = importing(returned);
    expectRefused(
      result,
      "Return info",
      `B${period}`,
      /Return info B\d+ \(Period\) was changed after the return was issued: it reads "2009-10 Q4"/,
    );
    expect(result.problems.every((problem) => problem.sheet === "Return info")).toBe(true);
  });

  it("an edited Return info key is reported against its own cell, not the Return sheet's", () => {
    const returned = issued();
    const partner = rowWith(returned, "Return info", "Partner");
    setCell(returned, "Return info", `B${partner}`, "Banbury CVS");
    const result = importing(returned);
    expectRefused(result, "Return info", `B${partner}`, /\(Partner\) was changed after the return was issued/);
    expect(result.problems.filter((problem) => problem.sheet === "Return")).toEqual([]);
  });
});
