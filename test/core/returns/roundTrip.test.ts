// The whole quarter in the pure core: issue a return, a partner fills it in, read it back, preview, apply the
// edits to the master, and re-import the master: the partner's figures are in the model. Importing the same
// return again changes nothing.
import type { WorkbookGrids } from "../../../src/core/grid";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { importEdits, isEmptyEdits } from "../../../src/core/returns/edits";
import { readImportLog } from "../../../src/core/returns/importLog";
import { previewImport } from "../../../src/core/returns/preview";
import { readPartnerReturn } from "../../../src/core/returns/readReturn";
import { partnerReturnSheets } from "../../../src/core/returns/returnSheets";
import type { PartnerReturn } from "../../../src/core/returns/types";
import { HYPERLINK_TEXT, OVC, Q3, applyEdits, cellOf, masterGrids, rowWith, setCell, specToGrid } from "./kit";

const PREPARED = { masterName: "Oxfordshire master.xlsx", preparedOn: { year: 2009, month: 12, day: 20 } };
const APPLIED = { importedAt: "2010-01-12 10:30" };

function issue(master: WorkbookGrids, partner = OVC): WorkbookGrids {
  const { consortium } = importWorkbook(master);
  return partnerReturnSheets(consortium, partner, Q3, PREPARED).map(specToGrid);
}

/** The partner fills in: T1.1 30 (was 28 in the master), T1.2 84%, T1.3 Done; Salaries £3,100, Running costs £700. */
function fillIn(returned: WorkbookGrids): WorkbookGrids {
  const row = (id: string) => rowWith(returned, "Return", id);
  setCell(returned, "Return", `J${row("T1.1")}`, 30);
  setCell(returned, "Return", `K${row("T1.1")}`, "Volunteer register");
  setCell(returned, "Return", `L${row("T1.1")}`, HYPERLINK_TEXT);
  setCell(returned, "Return", `J${row("T1.2")}`, "84%");
  setCell(returned, "Return", `J${row("T1.3")}`, "Done");
  const salaries = rowWith(returned, "Return", "Salaries", 2);
  setCell(returned, "Return", `H${salaries}`, 3100);
  setCell(returned, "Return", `H${salaries + 1}`, 700);
  return returned;
}

function read(returned: WorkbookGrids): PartnerReturn {
  const { return: partnerReturn, problems } = readPartnerReturn(returned, "OVC Q3.xlsx");
  expect(problems).toEqual([]);
  if (!partnerReturn) throw new Error("not read");
  return partnerReturn;
}

describe("a partner return, from issue to master", () => {
  const master = masterGrids();
  const { consortium, problems: masterProblems } = importWorkbook(master);
  const returned = read(fillIn(issue(master)));
  const preview = previewImport(consortium, master, returned, readImportLog(master));
  const edits = importEdits(preview, master, APPLIED);
  const updated = applyEdits(master, edits);
  const reimported = importWorkbook(updated);

  it("starts from a master the importer reads without errors", () => {
    expect(masterProblems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("previews the rows it adds and each value it changes, old to new", () => {
    expect(preview.problems).toEqual([]);
    expect(preview.canApply).toBe(true);
    expect(preview.added.map((row) => `${row.sheet} ${row.key}`)).toEqual([
      "Actuals T1.2 2009-10 Q3",
      "Actuals T1.3 2009-10 Q3",
      "Spend P1 Salaries 2009-10 Q3",
      "Spend P1 Running costs 2009-10 Q3",
    ]);
    // T1.1 Q3 was already in the master (28, entered by the finance officer without a partner).
    expect(preview.changed.map((c) => [c.key, c.field, c.oldValue, c.newValue])).toEqual([
      ["T1.1 2009-10 Q3", "Actual", 28, 30],
      ["T1.1 2009-10 Q3", "Evidence", null, "Volunteer register"],
      ["T1.1 2009-10 Q3", "Comment", null, HYPERLINK_TEXT],
      ["T1.1 2009-10 Q3", "Partner", null, OVC],
    ]);
  });

  it("puts the partner's figures into the model when the master is read again", () => {
    expect(reimported.problems.filter((p) => p.severity === "error")).toEqual([]);
    const q3 = reimported.consortium.actuals.filter((a) => a.fy === "2009-10" && a.quarter === 3);
    const byId = Object.fromEntries(q3.map((a) => [a.targetId, a]));
    expect(byId["T1.1"]).toMatchObject({
      amount: 30,
      evidence: "Volunteer register",
      comment: HYPERLINK_TEXT,
      partner: OVC,
    });
    expect(byId["T1.2"].amount).toBeCloseTo(0.84, 12);
    expect(byId["T1.3"]).toMatchObject({ done: true, amount: null });
    const spendQ3 = reimported.consortium.spend.filter((s) => s.quarter === 3).map((s) => [s.line, s.pence]);
    expect(spendQ3).toEqual([
      ["Salaries", 310000],
      ["Running costs", 70000],
    ]);
  });

  it("updates the existing row in place and appends new rows under the master's own columns", () => {
    const actuals = updated.find((g) => g.sheet === "Actuals");
    // Existing T1.1 Q3 row (row 5): Actual in column E, Comment in G, Evidence in H; its Notes cell untouched.
    expect(cellOf(updated, "Actuals", "E5")).toBe(30);
    expect(cellOf(updated, "Actuals", "F5")).toBe("phoned in");
    expect(cellOf(updated, "Actuals", "G5")).toBe(HYPERLINK_TEXT);
    // New rows below the last (row 7), in the sheet's order FY | Quarter | Target ID | Partner | Actual.
    expect(actuals?.rows[7].slice(0, 5)).toEqual(["2009-10", "Q3", "T1.2", OVC, 0.84]);
    expect(actuals?.rows[8].slice(0, 5)).toEqual(["2009-10", "Q3", "T1.3", OVC, "Done"]);
  });

  it("never deletes: every row of the master is still there", () => {
    for (const sheet of master) {
      const after = updated.find((g) => g.sheet === sheet.sheet);
      sheet.rows.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value !== null && !(sheet.sheet === "Actuals" && r === 4)) expect(after?.rows[r][c]).toEqual(value);
        }),
      );
    }
  });

  it("records the import in the Import log with a content hash, and every written value in Import changes", () => {
    const log = readImportLog(updated);
    expect(log).toEqual([
      {
        importedAt: "2010-01-12 10:30",
        receivedOn: { year: 2010, month: 1, day: 12 },
        fileName: "OVC Q3.xlsx",
        partner: OVC,
        period: Q3,
        rowsAdded: 4,
        valuesChanged: 4,
        contentHash: returned.contentHash,
      },
    ]);
    const changes = updated.find((g) => g.sheet === "Import changes");
    const t11Actual = changes?.rows.find((row) => row.includes("T1.1 2009-10 Q3") && row.includes("Actual"));
    expect(t11Actual).toEqual([
      "2010-01-12 10:30",
      "OVC Q3.xlsx",
      OVC,
      "Actuals",
      "E5",
      "T1.1 2009-10 Q3",
      "Actual",
      28,
      30,
    ]);
  });

  it("changes nothing when the same return is imported again", () => {
    const again = read(fillIn(issue(master)));
    const secondPreview = previewImport(reimported.consortium, updated, again, readImportLog(updated));
    expect(secondPreview.alreadyImported).toBe(true);
    expect(secondPreview.previousImport?.fileName).toBe("OVC Q3.xlsx");
    expect(secondPreview.added).toEqual([]);
    expect(secondPreview.changed).toEqual([]);
    expect(isEmptyEdits(importEdits(secondPreview, updated, APPLIED))).toBe(true);
  });

  it("changes nothing but the log when a different return says what the master already says", () => {
    // Same figures, one comment shortened: new content (new hash), but only that comment differs.
    const edited = fillIn(issue(master));
    setCell(edited, "Return", `L${rowWith(edited, "Return", "T1.1")}`, "See register");
    const second = previewImport(reimported.consortium, updated, read(edited), readImportLog(updated));
    expect(second.alreadyImported).toBe(false);
    expect(second.added).toEqual([]);
    expect(second.changed.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ["Comment", HYPERLINK_TEXT, "See register"],
    ]);
  });
});
