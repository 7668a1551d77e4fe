// Mark a claim submitted: the stamp, the protection, the registry and the Audit row, as one edit plan.
import type { Period } from "../core/periods";
import { claimSubmittedEdits } from "../core/returns/audit";
import { ukDateText } from "../core/sheets/claimAdjustment";
import { claimSheetName } from "../core/sheets/claimSheet";
import { claimStampEdits, claimToSubmit } from "../core/sheets/claimStamp";
import { readRegistry, REGISTRY_SHEET } from "../core/sheets/registry";
import { findGrid, type WorkbookGrids } from "../core/grid";
import { combineEdits } from "../core/workbookEdits";
import type { WorkbookPort } from "../workbook/port";

export interface ClaimRequest {
  period: Period;
  /** The claim sheet when it is not the period's usual one (a "(2)" copy written beside an edited claim). */
  sheet?: string;
  /** dd/mm/yyyy, as the stamp says it. */
  submittedOn: string;
  /** "2010-01-20 14:05", for the Audit sheet. */
  at: string;
  /** "submit" on the command line, "pane" in the add-in. */
  command: string;
  by?: string;
}

export type ClaimOutcome = { ok: true; sheet: string; submittedOn: string } | { ok: false; reason: string };

export async function submitClaim(port: WorkbookPort, request: ClaimRequest): Promise<ClaimOutcome> {
  const wanted = request.sheet ?? claimSheetName(request.period);
  // One read: the registry and the sheets it names (a claim the add-in wrote) come with the input sheets.
  const snapshot = await port.readWorkbook();
  const names = snapshot.sheets.filter((sheet) => sheet.visible).map((sheet) => sheet.name);
  const registry = readRegistry(findGrid(snapshot.grids, REGISTRY_SHEET));
  const decision = claimToSubmit(wanted, names, (sheet) => {
    const entry = registry.find((e) => e.sheet.toLowerCase() === sheet.toLowerCase() && e.status === "submitted");
    return entry ? ukDateText(entry.submittedOn) : null;
  });
  if (!decision.ok) return decision;
  const named = (grids: WorkbookGrids) =>
    grids.find((grid) => grid.sheet.toLowerCase() === decision.sheet.toLowerCase());
  // A claim sheet the registry does not name (written by hand, or the registry lost) is read on its own.
  const claim = named(snapshot.grids) ?? named(await port.readSheets([decision.sheet]));
  if (!claim) return { ok: false, reason: `there is no sheet "${decision.sheet}"` };
  const grids = snapshot.grids;
  const audit = claimSubmittedEdits(grids, {
    sheet: decision.sheet,
    period: request.period,
    submittedOn: request.submittedOn,
    at: request.at,
    command: request.command,
    by: request.by,
  });
  await port.applyEdits(combineEdits(claimStampEdits(claim, request.submittedOn), audit));
  return { ok: true, sheet: decision.sheet, submittedOn: request.submittedOn };
}
