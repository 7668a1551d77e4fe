// The "Partner returns" block under the RAG sheet: for the sheet's period, which partners have returned (and
// when), which came in late, and which are still missing, so the meeting that reads the RAG sees whose figures
// are not in yet.
import { findGrid, type WorkbookGrids } from "../grid";
import type { Consortium, Rag } from "../model";
import { formatCalendarDate, periodLabel } from "../periods";
import { STYLES, dateCell, type CellEntry, type SheetBuilder, type SheetSection } from "../sheets/sheetBuilder";
import { RAG_STYLE } from "../sheets/spec";
import { readImportLog } from "./importLog";
import { IMPORT_LOG_SHEET } from "./layout";
import type { ImportLogEntry, ReturnsTracker, TrackerRow } from "./types";

export const RETURNS_SECTION_TITLE = "Partner returns";

/**
 * The workbook's Import log, or undefined when it has no Import log sheet: a workbook that has never imported a
 * partner return keeps its actuals by hand, and a tracker would call every partner "missing".
 */
export function keptImportLog(grids: WorkbookGrids): ImportLogEntry[] | undefined {
  return findGrid(grids, IMPORT_LOG_SHEET) ? readImportLog(grids) : undefined;
}

/** The word shown for a partner's return and the RAG colours it is shown in. */
export function trackerStatus(row: TrackerRow, tracker: ReturnsTracker): { word: string; look: Rag } {
  if (row.status === "returned") return { word: "Returned", look: "Green" };
  if (row.status === "late") return { word: "Late", look: "Amber" };
  if (row.status === "inWorkbook") return { word: "Figures in", look: "Green" };
  // Before the deadline (when the tracker knows the day) a missing return is simply not due yet.
  if (tracker.asOf !== null && !row.overdue) return { word: "Not yet due", look: "NotDue" };
  return { word: "Missing", look: "Red" };
}

/** "2 of 8 returned (1 late), 1 with figures already in the workbook, 5 missing" */
export function trackerCounts(tracker: ReturnsTracker): string {
  const count = (status: TrackerRow["status"]) => tracker.rows.filter((row) => row.status === status).length;
  const returned = count("returned") + count("late");
  const late = count("late");
  const missing = count("missing");
  const notDue = tracker.rows.filter((row) => trackerStatus(row, tracker).look === "NotDue").length;
  const inWorkbook = count("inWorkbook");
  const parts = [`${returned} of ${tracker.rows.length} returned${late > 0 ? ` (${late} late)` : ""}`];
  if (inWorkbook > 0) parts.push(`${inWorkbook} with figures already in the workbook`);
  if (missing > 0) parts.push(notDue === missing ? `${missing} not yet due` : `${missing} missing`);
  return parts.join(", ");
}

/** The section the RAG sheet writes below its legend: title, deadline, then one row per partner expected to return. */
export function returnsRagSection(consortium: Consortium, tracker: ReturnsTracker): SheetSection {
  return (b: SheetBuilder) => {
    const label = periodLabel(tracker.period);
    b.addRow([{ value: `${RETURNS_SECTION_TITLE} ${label}`, style: STYLES.subtitle }]);
    if (tracker.rows.length === 0) {
      b.addRow([
        null,
        {
          value: `No partner has targets or budget lines in ${tracker.period.fy}, so no returns are expected.`,
          style: STYLES.muted,
        },
      ]);
      return;
    }
    const days = consortium.settings.returnsDueDays;
    b.addRow([
      null,
      {
        value: `Due by ${formatCalendarDate(tracker.dueOn)} (${days} day${days === 1 ? "" : "s"} after the quarter end): ${trackerCounts(tracker)}.`,
        style: STYLES.muted,
      },
    ]);
    b.addRow([null, "Partner", "Status", "Returned on", "Files"], STYLES.header);
    for (const row of tracker.rows) {
      const { word, look } = trackerStatus(row, tracker);
      const status: CellEntry = {
        value: word,
        style: { fill: RAG_STYLE[look].fill, fontColor: RAG_STYLE[look].fontColor, horizontalAlignment: "center" },
      };
      b.addRow([
        null,
        { value: row.partner, style: { wrapText: true } },
        status,
        row.returnedOn ? dateCell(row.returnedOn) : null,
        row.files.join("; ") || null,
      ]);
    }
  };
}
