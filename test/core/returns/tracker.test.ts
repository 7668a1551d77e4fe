// The returns tracker for 2009-10 Q3: the quarter ends 31 Dec 2009 and returns are due 15 days later, 15 Jan 2010.
// A return that comes in on the deadline day is on time; the day after is late.
import type { CalendarDate, Period } from "../../../src/core/periods";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { trackerCounts, trackerStatus } from "../../../src/core/returns/ragSection";
import { returnsTracker, returnsTrackerSheet } from "../../../src/core/returns/tracker";
import type { ImportLogEntry } from "../../../src/core/returns/types";
import { BANBURY, OVC, Q2, Q3, masterGrids } from "./kit";

const consortium = importWorkbook(masterGrids()).consortium;

const jan = (day: number): CalendarDate => ({ year: 2010, month: 1, day });

function logged(
  partner: string,
  receivedOn: CalendarDate,
  period: Period = Q3,
  fileName = `${partner}.xlsx`,
): ImportLogEntry {
  return {
    importedAt: "",
    receivedOn,
    fileName,
    partner,
    period,
    rowsAdded: 1,
    valuesChanged: 0,
    contentHash: fileName,
  };
}

describe("returns tracker", () => {
  const log = [
    logged(OVC, jan(15)), // on the deadline day: on time
    logged(BANBURY, jan(16)), // a day late
    logged("OCVA", { year: 2009, month: 10, day: 14 }, Q2), // last quarter's: does not count for Q3
  ];

  it("shows who returned on time, who was late and who is missing", () => {
    const tracker = returnsTracker(consortium, Q3, log, consortium.settings, jan(20));
    expect(tracker.dueOn).toEqual(jan(15));
    expect(tracker.rows.map((row) => [row.partner, row.status, row.returnedOn, row.overdue])).toEqual([
      ["OCVA", "missing", null, true],
      [OVC, "returned", jan(15), false],
      [BANBURY, "late", jan(16), false],
    ]);
  });

  it("counts a partner as in when the workbook already holds its figures for the quarter, imported or not", () => {
    // OCVA's figures for Q3 typed straight onto Actuals (no return imported): in, not missing.
    const ocvaTarget = consortium.targets.find((t) => t.owner === "OCVA" && t.measure === "Number")!;
    const typedIn = {
      ...consortium,
      actuals: [
        ...consortium.actuals,
        { ...consortium.actuals[0], targetId: ocvaTarget.id, fy: Q3.fy, quarter: Q3.quarter, amount: 5, done: false },
      ],
    };
    const tracker = returnsTracker(typedIn, Q3, log, consortium.settings, jan(20));
    expect(tracker.rows.map((row) => [row.partner, row.status, row.overdue])).toEqual([
      ["OCVA", "inWorkbook", false],
      [OVC, "returned", false],
      [BANBURY, "late", false],
    ]);
    expect(trackerCounts(tracker)).toBe("2 of 3 returned (1 late), 1 with figures already in the workbook");
    expect(trackerStatus(tracker.rows[0], tracker)).toEqual({ word: "Figures in", look: "Green" });
    // An empty row (no figure) is no return.
    const blank = {
      ...typedIn,
      actuals: typedIn.actuals.map((a, i) => (i === typedIn.actuals.length - 1 ? { ...a, amount: null } : a)),
    };
    expect(returnsTracker(blank, Q3, log, consortium.settings, jan(20)).rows[0].status).toBe("missing");
  });

  it("uses the Returns due days from Settings", () => {
    const tracker = returnsTracker(consortium, Q3, log, { ...consortium.settings, returnsDueDays: 30 });
    expect(tracker.dueOn).toEqual(jan(30));
    expect(tracker.rows.find((row) => row.partner === BANBURY)?.status).toBe("returned");
  });

  it("counts a missing return as overdue only after the deadline day", () => {
    expect(returnsTracker(consortium, Q3, [], consortium.settings, jan(15)).rows[0].overdue).toBe(false);
    expect(returnsTracker(consortium, Q3, [], consortium.settings, jan(16)).rows[0].overdue).toBe(true);
  });

  it("dates a partner's return by its first import and lists every file", () => {
    const twice = [logged(BANBURY, jan(20), Q3, "second.xlsx"), logged(BANBURY, jan(14), Q3, "first.xlsx")];
    const row = returnsTracker(consortium, Q3, twice).rows.find((r) => r.partner === BANBURY);
    expect(row).toMatchObject({ status: "returned", returnedOn: jan(14), files: ["first.xlsx", "second.xlsx"] });
  });

  it("matches partner names as the rest of the add-in does (case and punctuation aside)", () => {
    const row = returnsTracker(consortium, Q3, [logged("banbury c.v.s.", jan(10))]).rows.find(
      (r) => r.partner === BANBURY,
    );
    expect(row?.status).toBe("returned");
  });

  it("draws a sheet with each status as a word on its colour", () => {
    const sheet = returnsTrackerSheet(consortium, returnsTracker(consortium, Q3, log, consortium.settings, jan(20)), {
      preparedOn: jan(20),
    });
    expect(sheet.name).toBe("Returns 2009-10 Q3");
    expect(sheet.kind).toBe("returnsTracker");
    const statuses = sheet.cells
      .filter((cell) => cell.column === 2 && cell.row > 5)
      .map((cell) => [cell.value, cell.style?.fill]);
    expect(statuses).toEqual([
      ["Missing", "#F5C0C0"],
      ["Returned", "#C6E7D8"],
      ["Late", "#FFE3A3"],
    ]);
  });

  it("says 'Not yet due' rather than 'Missing' before the deadline", () => {
    const sheet = returnsTrackerSheet(consortium, returnsTracker(consortium, Q3, [], consortium.settings, jan(2)), {
      preparedOn: jan(2),
    });
    // The master already holds Oxford Volunteer Centre's Q3 figures, typed in: in, with no return imported.
    expect(sheet.cells.filter((cell) => cell.column === 2 && cell.row > 5).map((cell) => cell.value)).toEqual([
      "Not yet due",
      "Figures in",
      "Not yet due",
    ]);
  });
});
