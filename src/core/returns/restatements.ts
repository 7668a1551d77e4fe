// Restatements: a figure in Actuals or Spend changed (by an import) on or after the day the claim for its
// quarter was marked submitted. The claim already sent says otherwise, so the year-on-year sheet flags it.
import { findGrid, type WorkbookGrids } from "../grid";
import { readRegistry, REGISTRY_SHEET } from "../sheets/registry";
import { readAudit } from "./audit";
import { readPeriodLabel } from "./cells";
import type { Restatement } from "../sheets/yearOnYearSheet";

export type { Restatement } from "../sheets/yearOnYearSheet";

const CLAIM_PREFIX = "Claim ";

export function restatements(grids: WorkbookGrids): Restatement[] {
  const submitted = new Map<string, string>();
  for (const entry of readRegistry(findGrid(grids, REGISTRY_SHEET))) {
    if (entry.status !== "submitted" || !entry.sheet.startsWith(CLAIM_PREFIX)) continue;
    const period = readPeriodLabel(entry.sheet.slice(CLAIM_PREFIX.length));
    if (period) submitted.set(`${period.fy} Q${period.quarter}`, entry.submittedOn.slice(0, 10));
  }
  if (submitted.size === 0) return [];
  const found: Restatement[] = [];
  for (const row of readAudit(grids)) {
    if (row.sheet !== "Actuals" && row.sheet !== "Spend") continue;
    const submittedOn = submitted.get(row.period);
    // Same day counts: the Audit sheet gives the time, the registry only the day the claim went.
    if (submittedOn === undefined || row.when.slice(0, 10) < submittedOn) continue;
    found.push({
      period: row.period,
      what: `${row.row} ${row.field}: ${row.oldValue || "blank"} → ${row.newValue || "blank"}`,
      changedAt: row.when,
      submittedOn,
    });
  }
  return found;
}
