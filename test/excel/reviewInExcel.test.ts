// Review and lock through the Office.js adapter against the fake Excel: two partners' returns imported one after
// the other append to the Audit sheet (never over its rows), accepting records the Returns status sheet, and the
// workbook read back says Accepted and refuses a later return for the locked quarter.
import type { WorkbookGrids } from "../../src/core/grid";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { AUDIT_SHEET } from "../../src/core/returns/audit";
import { importReturnFiles, type ReturnFile } from "../../src/core/returns/incoming";
import { outgoingReturns } from "../../src/core/returns/outgoing";
import { RETURNS_STATUS_SHEET, changeStatus, returnsStatuses } from "../../src/core/returns/status";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { LUTON, Q3, VC, bedfordshireGrids } from "../core/returns/bedfordshireKit";
import { setCell, specToGrid } from "../core/returns/kit";
import { FakeExcel } from "./fakeExcel";

function filledReturn(master: WorkbookGrids, partner: string, value = 4): ReturnFile {
  const book = outgoingReturns(importWorkbook(master).consortium, Q3, {
    masterName: "master.xlsx",
    preparedOn: { year: 2009, month: 12, day: 20 },
  }).returns.find((b) => b.partner === partner);
  if (!book) throw new Error(partner);
  const grids = book.sheets.map(specToGrid);
  (grids.find((grid) => grid.sheet === "Return")?.rows ?? []).forEach((row, index) => {
    if (typeof row[0] === "string" && /^T\d/.test(row[0])) setCell(grids, "Return", `J${index + 1}`, value);
  });
  return { fileName: `${partner}.xlsx`, grids };
}

describe("review and lock in Excel (Office.js adapter, fake Excel)", () => {
  it("appends audit rows import after import, records the acceptance and then refuses the locked quarter", async () => {
    const fake = new FakeExcel();
    for (const grid of bedfordshireGrids()) fake.addSheet(grid.sheet, grid.rows as (string | number | null)[][]);
    const workbook = new OfficeWorkbook({ run: fake.run, probe: fake.probe, now: () => new Date(2010, 0, 20, 9) });
    const master = bedfordshireGrids();

    for (const [partner, at] of [
      [LUTON, "2010-01-12 10:00"],
      [VC, "2010-01-13 10:00"],
    ]) {
      const grids = await workbook.readInputSheets();
      const incoming = importReturnFiles(grids, [filledReturn(master, partner)], { period: Q3, importedAt: at });
      expect(incoming.returns[0].outcome).toBe("ready");
      await workbook.applyEdits(incoming.edits);
    }
    const audit = fake.sheet(AUDIT_SHEET).table() ?? [];
    const partners = audit.slice(1).map((row) => row[10]);
    // Luton CVS's three targets (Actual and Partner each), then VC Central Beds's one: the second import went
    // below the first.
    expect(partners).toEqual([...Array(6).fill(LUTON), VC, VC]);

    const before = await workbook.readInputSheets();
    const accept = changeStatus(importWorkbook(before).consortium, before, {
      partner: LUTON,
      period: Q3,
      action: "Accepted",
      at: "2010-01-20 09:00",
      command: "pane",
    });
    if (!accept.ok) throw new Error(accept.reason);
    await workbook.applyEdits(accept.edits);

    const after = await workbook.readInputSheets();
    expect(after.map((grid) => grid.sheet)).toEqual(expect.arrayContaining([RETURNS_STATUS_SHEET, AUDIT_SHEET]));
    const luton = returnsStatuses(importWorkbook(after).consortium, Q3, after).find((s) => s.partner === LUTON);
    expect(luton?.state).toBe("Accepted");
    const again = importReturnFiles(after, [filledReturn(master, LUTON, 9)], {
      period: Q3,
      importedAt: "2010-01-21 09:00",
    });
    expect(again.returns[0].outcome).toBe("refused");
    expect(fake.sheet(AUDIT_SHEET).table().at(-1)?.slice(1, 8)).toEqual([
      "pane",
      RETURNS_STATUS_SHEET,
      "A2",
      `${LUTON} 2009-10 Q3`,
      "Status",
      "Received",
      "Accepted",
    ]);
  });
});
