// How an import writes into masters that are not laid out like the kit's: no Spend sheet, an existing log, a
// missing optional column, repeated rows, milestones, and a master changed between preview and confirm.
import type { WorkbookGrids } from "../../../src/core/grid";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { contentHash } from "../../../src/core/returns/contentHash";
import { importEdits, isEmptyEdits } from "../../../src/core/returns/edits";
import { readImportLog } from "../../../src/core/returns/importLog";
import { previewImport } from "../../../src/core/returns/preview";
import { readPartnerReturn } from "../../../src/core/returns/readReturn";
import { partnerReturnSheets } from "../../../src/core/returns/returnSheets";
import type { ImportPreview, PartnerReturn } from "../../../src/core/returns/types";
import { OVC, Q3, applyEdits, cellOf, masterGrids, setCell, specToGrid } from "./kit";

const PREPARED = { masterName: "master.xlsx", preparedOn: { year: 2009, month: 12, day: 20 } };
const APPLIED = { importedAt: "2010-01-12 10:30" };

/** OVC's Q3 return with the given cells filled in (rows: T1.1 23, T1.2 24, T1.3 25; Salaries 29, Running costs 30). */
function returnWith(
  master: WorkbookGrids,
  cells: Record<string, string | number>,
  fileName = "ovc.xlsx",
): PartnerReturn {
  const { consortium } = importWorkbook(master);
  const grids = partnerReturnSheets(consortium, OVC, Q3, PREPARED).map(specToGrid);
  for (const [address, value] of Object.entries(cells)) setCell(grids, "Return", address, value);
  const read = readPartnerReturn(grids, fileName);
  if (!read.return) throw new Error(JSON.stringify(read.problems));
  return read.return;
}

function preview(master: WorkbookGrids, partnerReturn: PartnerReturn): ImportPreview {
  return previewImport(importWorkbook(master).consortium, master, partnerReturn, readImportLog(master));
}

function applied(master: WorkbookGrids, cells: Record<string, string | number>): WorkbookGrids {
  const p = preview(master, returnWith(master, cells));
  expect(p.problems.filter((problem) => problem.severity === "error")).toEqual([]);
  return applyEdits(master, importEdits(p, master, APPLIED));
}

describe("importing into the master", () => {
  it("adds a Spend sheet from the template when the master has none", () => {
    const master = masterGrids().filter((grid) => grid.sheet !== "Spend");
    // Nothing spent before Q3 then: 9,000 to date is on the budget to date, so no explanation is needed.
    const p = preview(master, returnWith(master, { H29: 9000 }));
    expect(p.problems).toEqual([]);
    const edits = importEdits(p, master, APPLIED);
    expect(edits.createSheets.map((spec) => spec.name)).toEqual(["Spend", "Import log", "Import changes", "Audit"]);
    expect(edits.appends[0]).toEqual({
      sheet: "Spend",
      firstRow: 2,
      firstColumn: 1,
      rows: [["P1", "Salaries", "2009-10", "Q3", 9000, null, "Oxford Volunteer Centre"]],
    });
    const spend = importWorkbook(applyEdits(master, edits)).consortium.spend;
    expect(spend.map((row) => [row.line, row.quarter, row.pence])).toEqual([["Salaries", 3, 900000]]);
  });

  it("appends to an existing Import log below its last row", () => {
    const first = applied(masterGrids(), { J23: 30 });
    const second = applied(first, { J23: 31 });
    const log = readImportLog(second);
    expect(log.map((entry) => [entry.rowsAdded, entry.valuesChanged])).toEqual([
      [0, 2], // T1.1 Q3: 28 → 30, and the blank Partner filled in
      [0, 1], // 30 → 31
    ]);
    expect(second.find((grid) => grid.sheet === "Import log")?.rows).toHaveLength(3);
  });

  it("writes a milestone's completion date as dd/mm/yyyy text that the importer reads back as done", () => {
    const after = applied(masterGrids(), { J25: "15/11/2009" });
    expect(cellOf(after, "Actuals", "E8")).toBe("15/11/2009");
    const t13 = importWorkbook(after).consortium.actuals.find((actual) => actual.targetId === "T1.3");
    expect(t13).toMatchObject({ done: true, completedOn: { year: 2009, month: 11, day: 15 } });
  });

  it("writes nothing for Not done, and never blanks a value the master has", () => {
    const master = applied(masterGrids(), { J25: "Done", K23: "Register" });
    const p = preview(master, returnWith(master, { J25: "Not done", J23: 28 }));
    // J23 28 is what the master has; Not done and the blank Evidence leave the master's Done and "Register".
    expect(p.changed).toEqual([]);
    expect(p.added).toEqual([]);
  });

  it("reads a percentage typed as 84 as 84%", () => {
    const after = applied(masterGrids(), { J24: 84 });
    expect(
      importWorkbook(after).consortium.actuals.find((a) => a.targetId === "T1.2" && a.quarter === 3)?.amount,
    ).toBeCloseTo(0.84, 12);
  });

  it("warns, and still imports, when the master has no column for a returned value", () => {
    const master = masterGrids();
    const actuals = master.find((grid) => grid.sheet === "Actuals");
    if (!actuals) throw new Error("no Actuals");
    actuals.rows = actuals.rows.map((row) => row.slice(0, 7)); // drop Evidence (column H)
    const p = preview(master, returnWith(master, { J23: 30, K23: "Register" }));
    expect(p.problems).toEqual([
      {
        sheet: "Actuals",
        cell: "A2",
        severity: "warning",
        message:
          'Actuals has no "Evidence" column, so evidence values from returns are not recorded: add the column to keep them',
      },
    ]);
    expect(p.canApply).toBe(true);
    expect(p.changed.map((change) => change.field)).toEqual(["Actual", "Partner"]);
  });

  it("refuses when the master has two rows for the same target and quarter", () => {
    const master = masterGrids();
    master.find((grid) => grid.sheet === "Actuals")?.rows.push(["2009-10", "Q3", "T1.1", OVC, 27]);
    const p = preview(master, returnWith(master, { J23: 30 }));
    expect(p.problems).toContainEqual({
      sheet: "Actuals",
      cell: "C8",
      severity: "error",
      message: "Actuals has 2 rows for T1.1 2009-10 Q3 (rows 5, 8): keep one before importing this return",
    });
    expect(isEmptyEdits(importEdits(p, master, APPLIED))).toBe(true);
  });

  it("works the edits out again on the master as it is when the user confirms", () => {
    const master = masterGrids();
    const p = preview(master, returnWith(master, { J24: 0.84 }));
    expect(p.added.map((row) => row.key)).toEqual(["T1.2 2009-10 Q3"]);
    // Meanwhile the finance officer typed T1.2 Q3 into the master: the import now updates that row instead.
    master.find((grid) => grid.sheet === "Actuals")?.rows.push(["2009-10", "Q3", "T1.2", null, 0.8]);
    const edits = importEdits(p, master, APPLIED);
    expect(edits.updates).toEqual([
      { sheet: "Actuals", cell: "E8", value: 0.84 },
      { sheet: "Actuals", cell: "D8", value: OVC },
    ]);
    expect(edits.appends.map((append) => append.sheet)).toEqual(["Import log", "Import changes", "Audit"]);
  });

  it("refuses a return issued before the master gave the partner a new target", () => {
    const master = masterGrids();
    const partnerReturn = returnWith(master, { J23: 30 });
    master
      .find((grid) => grid.sheet === "Targets")
      ?.rows.push(["T1.5", "P1", "Taster sessions", "Number", null, null, null, null, 6]);
    const p = preview(master, partnerReturn);
    expect(p.problems).toContainEqual({
      sheet: "Return",
      cell: "A22",
      severity: "error",
      message:
        "Target T1.5 (Oxford Volunteer Centre's, with a target for 2009-10) has no row in this return. Ask the accountable body for a new return made from the current master.",
    });
    expect(p.canApply).toBe(false);
  });
});

describe("content hash", () => {
  const master = masterGrids();

  it("is the same for the same figures in a file of another name", () => {
    expect(returnWith(master, { J23: 30 }, "a.xlsx").contentHash).toBe(
      returnWith(master, { J23: 30 }, "b.xlsx").contentHash,
    );
  });

  it("changes when any figure or text changes", () => {
    const base = returnWith(master, { J23: 30, K23: "Register" }).contentHash;
    expect(returnWith(master, { J23: 31, K23: "Register" }).contentHash).not.toBe(base);
    expect(returnWith(master, { J23: 30, K23: "register " }).contentHash).not.toBe(base);
    expect(returnWith(master, { J23: 30, K23: "Register", H29: 1 }).contentHash).not.toBe(base);
  });

  it("does not depend on the order of the rows", () => {
    const r = returnWith(master, { J23: 30, J24: 0.8 });
    expect(contentHash({ ...r, targets: [...r.targets].reverse() })).toBe(r.contentHash);
  });
});
