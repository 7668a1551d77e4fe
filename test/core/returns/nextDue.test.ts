// Which quarter's returns go out next: the first after the latest every partner has returned, never silently one
// whose figures are already in.
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { importReturnFiles } from "../../../src/core/returns/incoming";
import { nextReturnsDue } from "../../../src/core/returns/nextDue";
import { outgoingReturns } from "../../../src/core/returns/outgoing";
import { BEDFORD, BRCC, LUTON, Q3, VC, bedfordshireGrids } from "./bedfordshireKit";
import { OVC, applyEdits, masterGrids, setCell, specToGrid } from "./kit";

const PREPARED = { masterName: "master.xlsx", preparedOn: { year: 2009, month: 12, day: 20 } };

/** The master after `partners` returned Q3 with one target figure each (and nothing else). */
function afterReturnsFrom(partners: string[]) {
  const master = bedfordshireGrids();
  const outgoing = outgoingReturns(importWorkbook(master).consortium, Q3, PREPARED);
  const files = outgoing.returns
    .filter((book) => partners.includes(book.partner))
    .map((book) => {
      const grids = book.sheets.map(specToGrid);
      const rows = grids.find((grid) => grid.sheet === "Return")?.rows ?? [];
      // Every row of the return gets a figure: targets in J, spend in H.
      rows.forEach((row, index) => {
        if (typeof row[0] === "string" && /^T\d/.test(row[0])) setCell(grids, "Return", `J${index + 1}`, 1);
        if (typeof row[0] === "string" && /^P\d$/.test(row[0]) && typeof row[6] === "number") {
          setCell(grids, "Return", `H${index + 1}`, row[5] === null ? 0 : Number(row[5]) - Number(row[6]));
        }
      });
      return { fileName: book.fileName, grids };
    });
  const incoming = importReturnFiles(master, files, { period: Q3, importedAt: "2010-01-12 10:30" });
  expect(incoming.returns.map((r) => r.outcome)).toEqual(files.map(() => "ready"));
  return importWorkbook(applyEdits(master, incoming.edits)).consortium;
}

describe("nextReturnsDue", () => {
  it("proposes the quarter after the latest every partner has returned, and says why", () => {
    expect(nextReturnsDue(importWorkbook(bedfordshireGrids()).consortium)).toEqual({
      period: Q3,
      reason: "2009-10 Q3: every partner's figures are in for 2009-10 Q2, the latest quarter with figures.",
      alreadyIn: [],
    });
  });

  it("stays on a quarter some partners have returned, naming who is in and who is awaited", () => {
    const due = nextReturnsDue(afterReturnsFrom([LUTON]));
    expect(due?.period).toEqual(Q3);
    expect(due?.alreadyIn).toEqual([LUTON]);
    expect(due?.reason).toBe(
      `2009-10 Q3: every partner's figures are in for 2009-10 Q2; for 2009-10 Q3, the latest quarter with figures, they are in from ${LUTON} and awaited from ${BEDFORD}, ${VC}, ${BRCC}.`,
    );
  });

  it("moves on once every partner's figures for the quarter are in", () => {
    expect(nextReturnsDue(afterReturnsFrom([BEDFORD, LUTON, VC, BRCC]))?.period).toEqual({ fy: "2009-10", quarter: 4 });
  });

  it("never goes back to an old quarter a partner never returned: the latest with figures is still due", () => {
    // The Oxfordshire test master: Banbury CVS has never returned a figure, and Q3 has only OVC's T1.1.
    const due = nextReturnsDue(importWorkbook(masterGrids()).consortium);
    expect(due?.period).toEqual(Q3);
    expect(due?.alreadyIn).toEqual([OVC]);
    expect(due?.reason).toBe(
      `2009-10 Q3: for 2009-10 Q3, the latest quarter with figures, they are in from ${OVC} and awaited from OCVA, Banbury CVS.`,
    );
  });

  it("starts at the plan's first quarter when no figures are in", () => {
    const master = bedfordshireGrids().map((grid) =>
      grid.sheet === "Spend" ? { ...grid, rows: grid.rows.slice(0, 1) } : grid,
    );
    expect(nextReturnsDue(importWorkbook(master).consortium)).toEqual({
      period: { fy: "2009-10", quarter: 1 },
      reason: "2009-10 Q1 is the plan's first quarter, and no figures are in yet.",
      alreadyIn: [],
    });
  });
});
