import { claimToSubmit, stampCell, submittedOnText, submittedStampText } from "../../../src/core/sheets/claimStamp";

describe("the submitted stamp", () => {
  it("says 'Submitted on' and the date UK style", () => {
    expect(submittedStampText(submittedOnText({ year: 2009, month: 10, day: 5 }))).toBe("Submitted on 05/10/2009");
  });

  it("goes two rows below everything, or over an earlier stamp", () => {
    const grid = { sheet: "Claim", rows: [["Claim"], [null], ["Total", 1250]], firstRow: 1, firstColumn: 1 };
    expect(stampCell(grid)).toEqual({ row: 5, column: 1 });
    const stamped = { ...grid, rows: [...grid.rows, [null], ["Submitted on 20/10/2009"]] };
    expect(stampCell(stamped)).toEqual({ row: 5, column: 1 });
    expect(stampCell({ sheet: "Claim", rows: [], firstRow: 1, firstColumn: 1 })).toEqual({ row: 2, column: 1 });
  });
});

describe("which claim to mark as submitted", () => {
  const none = () => null;
  it("is the period's claim sheet, found whatever its case", () => {
    expect(claimToSubmit("Claim 2009-10 Q2", ["Targets", "claim 2009-10 q2"], none)).toEqual({
      ok: true,
      sheet: "claim 2009-10 q2",
    });
  });

  it("refuses when the sheet is missing or already submitted, saying why", () => {
    expect(claimToSubmit("Claim 2009-10 Q2", ["Targets"], none)).toEqual({
      ok: false,
      reason:
        'there is no sheet "Claim 2009-10 Q2": write the claim first (consortium-tracker report, or Update summary sheets)',
    });
    expect(claimToSubmit("Claim 2009-10 Q2", ["Claim 2009-10 Q2"], () => "20/10/2009")).toEqual({
      ok: false,
      reason: '"Claim 2009-10 Q2" was already marked as submitted on 20/10/2009',
    });
  });
});
