// Settings written from the pane as an edit plan: where each value goes, worked out by hand.
import type { SheetGrid } from "../../src/core/grid";
import { claimStampEdits } from "../../src/core/sheets/claimStamp";
import { settingsEdits } from "../../src/core/settingsEdits";

const grid = (rows: (string | number | null)[][], firstRow = 1, firstColumn = 1): SheetGrid => ({
  sheet: "Settings",
  rows,
  firstRow,
  firstColumn,
});

describe("settingsEdits", () => {
  it("finds Key and Value under their header wherever it sits, and writes the first row of a repeated key", () => {
    // Used range from B2: the title on row 2, the header on row 4 (Value in C, Key in D), keys below.
    const sheet = grid(
      [
        ["Consortium settings", null, null],
        [null, null, null],
        ["Note", "Value", "Key"],
        [null, 0.9, "Green threshold"],
        [null, "Nobody", "Funder"],
        [null, "Again", "funder"],
      ],
      2,
      2,
    );
    const edits = settingsEdits([sheet], { greenThreshold: 0.85, funder: "Capacitybuilders", consortium: "OVSDP" });
    expect(edits.createSheets).toEqual([]);
    expect(edits.updates).toEqual([
      { sheet: "Settings", cell: "C5", value: 0.85, style: { numberFormat: "0%" } },
      { sheet: "Settings", cell: "C6", value: "Capacitybuilders", style: { numberFormat: "@" } },
      // A key not on the sheet: a new row below the last (row 7).
      { sheet: "Settings", cell: "D8", value: "Consortium" },
      { sheet: "Settings", cell: "C8", value: "OVSDP", style: { numberFormat: "@" } },
    ]);
  });

  it("reads the first two columns as key and value when there is no header", () => {
    const edits = settingsEdits([grid([["Returns due", 10]])], { returnsDueDays: 21 });
    expect(edits.updates).toEqual([{ sheet: "Settings", cell: "B1", value: 21, style: { numberFormat: "General" } }]);
  });

  it("adds a Settings sheet headed Key and Value when the workbook has none, the rows from row 2", () => {
    const edits = settingsEdits([], { consortium: "OVSDP" });
    expect(edits.createSheets.map((spec) => [spec.name, spec.cells.map((c) => c.value)])).toEqual([
      ["Settings", ["Key", "Value"]],
    ]);
    expect(edits.updates.map((u) => [u.cell, u.value])).toEqual([
      ["A2", "Consortium"],
      ["B2", "OVSDP"],
    ]);
  });
});

describe("claimStampEdits", () => {
  const claim = (rows: (string | number | null)[][]): SheetGrid => ({
    sheet: "Claim 2009-10 Q2",
    rows,
    firstRow: 1,
    firstColumn: 1,
  });

  it("stamps column A two rows below the figures, protects the sheet and records it as submitted", () => {
    const edits = claimStampEdits(claim([["Claim"], [null], ["Total", 1250]]), "20/10/2009");
    expect(edits.updates).toEqual([
      expect.objectContaining({
        sheet: "Claim 2009-10 Q2",
        cell: "A5",
        value: "Submitted on 20/10/2009",
        style: expect.objectContaining({ bold: true, numberFormat: "@", fill: "#C6E7D8" }),
      }),
    ]);
    expect(edits.protectSheets).toEqual(["Claim 2009-10 Q2"]);
    expect(edits.submitted).toEqual([{ sheet: "Claim 2009-10 Q2", submittedOn: "20/10/2009" }]);
  });

  it("writes over an earlier stamp rather than adding a second", () => {
    const edits = claimStampEdits(
      claim([["Claim"], ["Total", 1250], [null], ["Submitted on 19/10/2009"]]),
      "20/10/2009",
    );
    expect(edits.updates[0].cell).toBe("A4");
  });
});
