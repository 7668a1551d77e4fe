// Review and lock a partner's return (accept, send back, reopen): the decision as the core's edits, or why not.
import type { PartnerStatus, StatusRequest } from "../core/returns/status";
import { changeStatus } from "../core/returns/status";
import type { WorkbookPort } from "../workbook/port";
import { loadWorkbook } from "./workbook";

export type ReviewOutcome = { ok: true; status: PartnerStatus } | { ok: false; reason: string };

export async function reviewReturn(port: WorkbookPort, request: StatusRequest): Promise<ReviewOutcome> {
  const data = await loadWorkbook(port);
  const change = changeStatus(data.consortium, data.grids, request);
  if (!change.ok) return change;
  await port.applyEdits(change.edits);
  return { ok: true, status: change.status };
}
