// Return files coming back, read and previewed together: an outcome per file, only the ready ones in the edits,
// and a return copied out of the master (sheets "Return …" and "Return info …") read like one made as a file.
import type { WorkbookGrids } from "../../../src/core/grid";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { importReturnFiles, importTimestamp, readReturnFile } from "../../../src/core/returns/incoming";
import { readImportLog } from "../../../src/core/returns/importLog";
import { outgoingReturns, returnsAsSheets } from "../../../src/core/returns/outgoing";
import { partnerReturnSheets } from "../../../src/core/returns/returnSheets";
import { BANBURY, OVC, Q3, applyEdits, masterGrids, setCell, specToGrid } from "./kit";

const PREPARED = { masterName: "master.xlsx", preparedOn: { year: 2009, month: 12, day: 20 } };
const OPTIONS = { period: Q3, importedAt: "2010-01-14 09:00" };

/** A partner's return as its grids, with Return cells typed in (J23 is the first target's Actual). */
function filled(master: WorkbookGrids, partner: string, cells: Record<string, string | number>): WorkbookGrids {
  const grids = partnerReturnSheets(importWorkbook(master).consortium, partner, Q3, PREPARED).map(specToGrid);
  for (const [address, value] of Object.entries(cells)) setCell(grids, "Return", address, value);
  return grids;
}

describe("importReturnFiles", () => {
  it("gives each file an outcome and puts only the ready returns in the one batch of edits", () => {
    const master = masterGrids();
    const ovc = filled(master, OVC, { J23: 30 });
    const result = importReturnFiles(
      master,
      [
        { fileName: "ovc.xlsx", grids: ovc },
        { fileName: "ovc again.xlsx", grids: ovc },
        { fileName: "banbury.xlsx", grids: filled(master, BANBURY, { J23: "lots" }) },
        { fileName: "notes.xlsx", grids: [{ sheet: "Notes", rows: [["hello"]], firstRow: 1, firstColumn: 1 }] },
      ],
      OPTIONS,
    );
    expect(result.returns.map((r) => [r.fileName, r.outcome])).toEqual([
      ["ovc.xlsx", "ready"],
      ["ovc again.xlsx", "already"],
      ["banbury.xlsx", "refused"],
      ["notes.xlsx", "refused"],
    ]);
    expect(result.returns[2].preview?.problems.some((p) => p.cell === "J23" && p.severity === "error")).toBe(true);
    expect(result.returns[3].preview).toBeNull();
    expect(result.returns[3].problems[0].message).toMatch(/^notes.xlsx is not a partner return/);

    const after = applyEdits(master, result.edits);
    expect(readImportLog(after).map((entry) => entry.fileName)).toEqual(["ovc.xlsx"]);
    const q3 = importWorkbook(after).consortium.actuals.filter((a) => a.fy === "2009-10" && a.quarter === 3);
    expect(q3.map((a) => [a.targetId, a.amount])).toEqual([["T1.1", 30]]);
  });
});

describe("a return written into the master as sheets, then copied out", () => {
  function copiedOut(partner: string, cells: Record<string, string | number>): WorkbookGrids {
    const master = masterGrids();
    const mine = outgoingReturns(importWorkbook(master).consortium, Q3, PREPARED).returns.filter(
      (r) => r.partner === partner,
    );
    const grids = returnsAsSheets(mine, Q3, []).map(specToGrid);
    for (const [address, value] of Object.entries(cells)) setCell(grids, grids[0].sheet, address, value);
    return grids;
  }

  it("imports as it is", () => {
    const grids = copiedOut(OVC, { J23: 30 });
    expect(grids.map((g) => g.sheet)).toEqual(["Return Oxford Volunt 2009-10 Q3", "Return info Oxford V 2009-10 Q3"]);
    const [incoming] = importReturnFiles(masterGrids(), [{ fileName: "ovc copy.xlsx", grids }], OPTIONS).returns;
    expect(incoming.outcome).toBe("ready");
    expect(incoming.preview?.partner).toBe(OVC);
    expect(incoming.preview?.changed.map((c) => [c.cell, c.oldValue, c.newValue])).toContainEqual(["E5", 28, 30]);
  });

  it("names its sheets as they are in the file when something is wrong", () => {
    const read = readReturnFile({ fileName: "ovc copy.xlsx", grids: copiedOut(OVC, { J23: "lots" }) });
    expect(read.return?.sheets).toEqual({
      return: "Return Oxford Volunt 2009-10 Q3",
      info: "Return info Oxford V 2009-10 Q3",
    });
    expect(read.problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual(["Return Oxford Volunt 2009-10 Q3!J23"]);
  });

  it("is not guessed at when the workbook holds several partners' sheets", () => {
    const master = masterGrids();
    const all = outgoingReturns(importWorkbook(master).consortium, Q3, PREPARED).returns;
    const grids = returnsAsSheets(all, Q3, []).map(specToGrid);
    const read = readReturnFile({ fileName: "master copy.xlsx", grids });
    expect(read.return).toBeNull();
    expect(read.problems[0].message).toMatch(/is not a partner return/);
  });
});

describe("importTimestamp", () => {
  it("is local time to the minute, as the Import log records it", () => {
    expect(importTimestamp(new Date(2010, 0, 20, 14, 5, 59))).toBe("2010-01-20 14:05");
  });
});
