// The "Partner returns" section under the RAG sheet, from the workbook's Import log: who returned for the period,
// who was late, who is missing, and nothing at all for a workbook that does not collect returns.
import type { CellValue, WorkbookGrids } from "../../../src/core/grid";
import { excelSerial, type CalendarDate } from "../../../src/core/periods";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { importLogSheet } from "../../../src/core/returns/importLog";
import { keptImportLog } from "../../../src/core/returns/ragSection";
import type { ImportLogEntry } from "../../../src/core/returns/types";
import { buildSummarySheets } from "../../../src/core/summarySheets";
import type { SheetSpec } from "../../../src/core/sheets/spec";
import { BANBURY, OVC, Q2, Q3, masterGrids, specToGrid } from "./kit";

// The kit's master at 2009-10 Q3 expects returns from OCVA (T2.1, P2 Salaries), Oxford Volunteer Centre (T1.1-T1.3,
// P1's lines) and Banbury CVS (T1.4); Wantage CVS has nothing to report. Due: 31 Dec 2009 + 15 days = 15 Jan 2010.
const JAN = (day: number): CalendarDate => ({ year: 2010, month: 1, day });

function entry(partner: string, receivedOn: CalendarDate, fileName: string, period = Q3): ImportLogEntry {
  return {
    importedAt: "2010-01-20 09:00",
    receivedOn,
    fileName,
    partner,
    period,
    rowsAdded: 1,
    valuesChanged: 0,
    contentHash: `hash of ${fileName}`,
  };
}

const LOG = [
  entry(OVC, JAN(15), "ovc.xlsx"),
  entry(BANBURY, JAN(16), "banbury.xlsx"),
  entry(BANBURY, JAN(18), "banbury again.xlsx"),
  // A Q2 return says nothing about Q3.
  entry("OCVA", JAN(2), "ocva q2.xlsx", Q2),
];

function ragOf(specs: SheetSpec[]): SheetSpec {
  const rag = specs.find((spec) => spec.kind === "rag");
  if (!rag) throw new Error("no RAG sheet");
  return rag;
}

/** The RAG sheet's rows from the "Partner returns" title on (none when it has no such section). */
function sectionRows(rag: SheetSpec): CellValue[][] {
  const rows = specToGrid(rag).rows;
  const title = rows.findIndex((row) => row[0] === "Partner returns 2009-10 Q3");
  return title < 0 ? [] : rows.slice(title);
}

function partnerRow(rows: CellValue[][], partner: string): CellValue[] {
  const row = rows.find((cells) => cells[1] === partner);
  if (!row) throw new Error(`no row for ${partner}`);
  return row;
}

describe("the partner returns section of the RAG sheet", () => {
  const { consortium } = importWorkbook(masterGrids());

  it("lists each partner expected to return: on time, late (after 15 Jan), or missing", () => {
    const rows = sectionRows(ragOf(buildSummarySheets(consortium, [], Q3, JAN(25), { importLog: LOG })));
    expect(rows[1][1]).toBe("Due by 15 Jan 2010 (15 days after the quarter end): 2 of 3 returned (1 late), 1 missing.");
    expect(rows[2].slice(1, 5)).toEqual(["Partner", "Status", "Returned on", "Files"]);
    // The deadline day itself is on time.
    expect(partnerRow(rows, OVC).slice(1, 5)).toEqual([OVC, "Returned", excelSerial(JAN(15)), "ovc.xlsx"]);
    // Late by its first return; both files listed.
    expect(partnerRow(rows, BANBURY).slice(1, 5)).toEqual([
      BANBURY,
      "Late",
      excelSerial(JAN(16)),
      "banbury.xlsx; banbury again.xlsx",
    ]);
    // No date, no files: the row ends at the status.
    expect(partnerRow(rows, "OCVA").slice(1)).toEqual(["OCVA", "Missing"]);
    expect(rows.some((row) => row[1] === "Wantage CVS")).toBe(false);
  });

  it("before the deadline a missing return is not yet due", () => {
    const rows = sectionRows(ragOf(buildSummarySheets(consortium, [], Q3, JAN(10), { importLog: [] })));
    // Oxford Volunteer Centre's Q3 figures are already on Actuals (typed in): in, not awaited.
    expect(rows[1][1]).toBe(
      "Due by 15 Jan 2010 (15 days after the quarter end): 0 of 3 returned, 1 with figures already in the workbook, 2 not yet due.",
    );
    expect(partnerRow(rows, "OCVA")[2]).toBe("Not yet due");
    expect(partnerRow(rows, "Oxford Volunteer Centre")[2]).toBe("Figures in");
    const after = sectionRows(ragOf(buildSummarySheets(consortium, [], Q3, JAN(16), { importLog: [] })));
    expect(partnerRow(after, "OCVA")[2]).toBe("Missing");
  });

  it("colours each status like the RAG it stands for", () => {
    const rag = ragOf(buildSummarySheets(consortium, [], Q3, JAN(25), { importLog: LOG }));
    const fillOf = (word: string) => rag.cells.find((cell) => cell.value === word)?.style?.fill;
    const legendFill = (word: string) =>
      rag.cells.find((cell) => cell.value === word && cell.row < rag.cells.find((c) => c.value === "Returned")!.row)
        ?.style?.fill;
    expect(fillOf("Returned")).toBe(legendFill("● Green"));
    expect(fillOf("Late")).toBe(legendFill("▲ Amber"));
    expect(fillOf("Missing")).toBe(legendFill("■ Red"));
  });

  it("is left out without an import log, so existing callers get the RAG sheet they had", () => {
    const without = ragOf(buildSummarySheets(consortium, [], Q3, JAN(25)));
    expect(sectionRows(without)).toEqual([]);
    const withLog = ragOf(buildSummarySheets(consortium, [], Q3, JAN(25), { importLog: LOG }));
    // Everything above the section is the same sheet.
    const firstSectionRow = withLog.cells.find((cell) => cell.value === "Partner returns 2009-10 Q3")!.row;
    expect(withLog.cells.filter((cell) => cell.row < firstSectionRow)).toEqual(without.cells);
  });

  it("keptImportLog: none for a workbook without an Import log sheet, the entries for one with it", () => {
    const master: WorkbookGrids = masterGrids();
    expect(keptImportLog(master)).toBeUndefined();
    const withEmptyLog = [...master, specToGrid(importLogSheet())];
    expect(keptImportLog(withEmptyLog)).toEqual([]);
    const rows = specToGrid(importLogSheet()).rows;
    rows.push(["2010-01-12 10:30", "2010-01-12", "ovc.xlsx", OVC, "2009-10 Q3", 4, 1, "abc"]);
    const withEntry = [...master, { sheet: "Import log", rows, firstRow: 1, firstColumn: 1 }];
    expect(keptImportLog(withEntry)).toEqual([
      {
        importedAt: "2010-01-12 10:30",
        receivedOn: JAN(12),
        fileName: "ovc.xlsx",
        partner: OVC,
        period: Q3,
        rowsAdded: 4,
        valuesChanged: 1,
        contentHash: "abc",
      },
    ]);
  });
});
