// The RAG sheet's "Review of returns" block: each partner's review status for the quarter (Not sent, Sent,
// Received, Returned for revision, Accepted), so a meeting sees which figures are checked and locked.
import { findGrid, type WorkbookGrids } from "../grid";
import type { Consortium } from "../model";
import { periodLabel, type Period } from "../periods";
import { STYLES, textCell, type SheetBuilder, type SheetSection } from "../sheets/sheetBuilder";
import { RETURNS_STATUS_SHEET, returnsStatuses } from "./status";

export const REVIEW_SECTION_TITLE = "Review of returns";

/** The block, or null for a workbook that has never recorded a review decision (no Returns status sheet). */
export function reviewRagSection(consortium: Consortium, period: Period, grids: WorkbookGrids): SheetSection | null {
  if (!findGrid(grids, RETURNS_STATUS_SHEET)) return null;
  const statuses = returnsStatuses(consortium, period, grids);
  return (b: SheetBuilder) => {
    b.addRow([{ value: `${REVIEW_SECTION_TITLE} ${periodLabel(period)}`, style: STYLES.subtitle }]);
    b.addRow([
      null,
      { value: "Accepted figures are locked until the quarter is reopened with a reason.", style: STYLES.muted },
    ]);
    b.addRow([null, "Partner", "Review", "Since", "Reason"], STYLES.header);
    for (const status of statuses) {
      const state = status.changedSinceAccepted ? "Accepted, since changed" : status.state;
      b.addRow([
        null,
        textCell(status.partner, STYLES.wrap),
        state,
        status.since || null,
        textCell(status.reason || null, STYLES.wrap),
      ]);
    }
  };
}
