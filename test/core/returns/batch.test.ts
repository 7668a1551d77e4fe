// Several returns imported in one go, as the CLI does: each is checked against the master as the ones before it
// leave it, and all the applicable ones are written in one batch.
import type { WorkbookGrids } from "../../../src/core/grid";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { importReturns } from "../../../src/core/returns/batch";
import { readImportLog } from "../../../src/core/returns/importLog";
import { readPartnerReturn } from "../../../src/core/returns/readReturn";
import { partnerReturnSheets } from "../../../src/core/returns/returnSheets";
import type { PartnerReturn } from "../../../src/core/returns/types";
import { BANBURY, OVC, Q3, applyEdits, masterGrids, setCell, specToGrid } from "./kit";

const PREPARED = { masterName: "master.xlsx", preparedOn: { year: 2009, month: 12, day: 20 } };
const OPTIONS = { period: Q3, importedAt: "2010-01-14 09:00" };

function filled(
  master: WorkbookGrids,
  partner: string,
  cells: Record<string, string | number>,
  fileName: string,
): PartnerReturn {
  const grids = partnerReturnSheets(importWorkbook(master).consortium, partner, Q3, PREPARED).map(specToGrid);
  for (const [address, value] of Object.entries(cells)) setCell(grids, "Return", address, value);
  const read = readPartnerReturn(grids, fileName);
  if (!read.return) throw new Error(JSON.stringify(read.problems));
  return read.return;
}

function q3Actual(grids: WorkbookGrids, targetId: string): (number | null)[] {
  return importWorkbook(grids)
    .consortium.actuals.filter((a) => a.targetId === targetId && a.fy === "2009-10" && a.quarter === 3)
    .map((a) => a.amount);
}

describe("importing several returns at once", () => {
  it("treats the same return sent twice as already imported the second time", () => {
    const master = masterGrids();
    const ovc = filled(master, OVC, { J23: 30 }, "ovc.xlsx");
    const batch = importReturns(master, [ovc, { ...ovc, fileName: "ovc (copy).xlsx" }], OPTIONS);
    expect(batch.previews.map((p) => [p.canApply, p.alreadyImported])).toEqual([
      [true, false],
      [false, true],
    ]);
    const after = applyEdits(master, batch.edits);
    expect(readImportLog(after).map((entry) => entry.fileName)).toEqual(["ovc.xlsx"]);
    expect(q3Actual(after, "T1.1")).toEqual([30]);
  });

  it("lets a later return correct a row an earlier one added, in the same batch", () => {
    const master = masterGrids();
    const first = filled(master, OVC, { J24: 0.84 }, "first.xlsx");
    const second = filled(master, OVC, { J24: 0.86 }, "second.xlsx");
    const batch = importReturns(master, [first, second], OPTIONS);
    expect(batch.previews[1].changed.map((c) => [c.key, c.oldValue, c.newValue])).toEqual([
      ["T1.2 2009-10 Q3", 0.84, 0.86],
    ]);
    // The shell writes updates before appends: the correction is folded into the appended row.
    const after = applyEdits(master, batch.edits);
    expect(q3Actual(after, "T1.2")).toEqual([0.86]);
    expect(readImportLog(after).map((entry) => [entry.fileName, entry.rowsAdded, entry.valuesChanged])).toEqual([
      ["first.xlsx", 1, 0],
      ["second.xlsx", 0, 1],
    ]);
  });

  it("leaves out a bad return and applies the others", () => {
    const master = masterGrids();
    const ovc = filled(master, OVC, { J23: 30 }, "ovc.xlsx");
    const banbury = filled(master, BANBURY, { J23: "lots" }, "banbury.xlsx");
    const batch = importReturns(master, [banbury, ovc], OPTIONS);
    expect(batch.previews.map((p) => p.canApply)).toEqual([false, true]);
    const after = applyEdits(master, batch.edits);
    expect(readImportLog(after).map((entry) => entry.partner)).toEqual([OVC]);
    expect(q3Actual(after, "T1.4")).toEqual([]);
  });

  it("gives the master as the batch leaves it, for a dry run", () => {
    const master = masterGrids();
    const batch = importReturns(master, [filled(master, OVC, { J23: 30, H29: 3100 }, "ovc.xlsx")], OPTIONS);
    const after = applyEdits(master, batch.edits);
    for (const sheet of ["Actuals", "Spend", "Import log", "Import changes"]) {
      const trim = (rows: unknown[][] | undefined) =>
        rows?.map((row) => row.map((v) => v ?? null).filter((_, i, all) => all.slice(i).some((x) => x !== null)));
      expect(trim(batch.grids.find((g) => g.sheet === sheet)?.rows)).toEqual(
        trim(after.find((g) => g.sheet === sheet)?.rows),
      );
    }
  });
});
