// Review and lock: each partner's return for a quarter goes Not sent → Sent → Received → (Returned for revision →
// Received →) Accepted. The changes are rows appended to a visible "Returns status" sheet (nothing there is ever
// rewritten), read back together with the Import log: an import after the last change makes the return Received.
// Accepting records a check of the partner's figures for the quarter, so a later import is refused and a later
// edit is seen, until the quarter is reopened with a reason.
import { cellAddress, findGrid, normaliseName, type WorkbookGrids } from "../grid";
import { paperInputs } from "../inputs";
import type { Consortium } from "../model";
import { periodLabel, type Period } from "../periods";
import { gridOrigin } from "../read/headerRow";
import { spendLines } from "../report";
import { SheetBuilder, STYLES, landscapePrint } from "../sheets/sheetBuilder";
import type { CellContent, SheetSpec } from "../sheets/spec";
import { lastUsedRow, readPeriodLabel, textOf, valueAt } from "./cells";
import { auditAppend, type AuditEntry } from "./audit";
import { logAppend, readImportLog } from "./importLog";
import { issuedTargets, partnersWithReturns, samePartner } from "./issue";
import type { ImportLogEntry, WorkbookEdits } from "./types";

export const RETURNS_STATUS_SHEET = "Returns status";

export type ReturnState = "Not sent" | "Sent" | "Received" | "Returned for revision" | "Accepted";
/** What a row of the Returns status sheet records. */
export type StatusAction = "Sent" | "Returned for revision" | "Accepted" | "Reopened";
const ACTIONS: readonly StatusAction[] = ["Sent", "Returned for revision", "Accepted", "Reopened"];

export const STATUS_COLUMNS = [
  { key: "changedAt", header: "Changed at", width: 17 },
  { key: "period", header: "Period", width: 11 },
  { key: "partner", header: "Partner", width: 28 },
  { key: "status", header: "Status", width: 20 },
  { key: "reason", header: "Reason", width: 44 },
  { key: "by", header: "By", width: 16 },
  { key: "command", header: "Command", width: 12 },
  { key: "figures", header: "Figures check", width: 30 },
] as const;

export interface StatusEvent {
  changedAt: string;
  period: Period;
  partner: string;
  action: StatusAction;
  reason: string;
  by: string;
  command: string;
  /** Accepted only: the check of the partner's figures for the quarter when they were accepted. */
  figures: string;
}

export interface PartnerStatus {
  partner: string;
  period: Period;
  state: ReturnState;
  /** When the state began ("2010-01-20 14:05"); "" when never sent. */
  since: string;
  /** Returned for revision: why (it goes into the partner's next return). Reopened: why it was reopened. */
  reason: string;
  /** The quarter was reopened after an acceptance (and not accepted again since). */
  reopened: boolean;
  /** Accepted, but the partner's figures for the quarter are no longer those accepted (edited by hand). */
  changedSinceAccepted: boolean;
}

export function returnsStatusSheet(): SheetSpec {
  const sheet = new SheetBuilder(STATUS_COLUMNS.map((column) => column.width));
  sheet.addRow(
    STATUS_COLUMNS.map((column, index) =>
      index === 0
        ? {
            value: column.header,
            note: "Each change to a partner's return for a quarter: sent, returned for revision (why), accepted, reopened (why). Written by the add-in; rows are only ever added.",
          }
        : column.header,
    ),
    STYLES.header,
  );
  return sheet.build({
    name: RETURNS_STATUS_SHEET,
    kind: "returnsStatus",
    freeze: { rows: 1, columns: 0 },
    print: landscapePrint({ first: 1, last: 1 }, RETURNS_STATUS_SHEET),
  });
}

/** The Returns status sheet's rows, in order (none when the workbook has no such sheet). */
export function readStatusEvents(grids: WorkbookGrids): StatusEvent[] {
  const grid = findGrid(grids, RETURNS_STATUS_SHEET);
  if (!grid) return [];
  const { firstRow } = gridOrigin(grid);
  let headerRow = 0;
  const at = new Map<string, number>();
  for (let row = firstRow; row < firstRow + 10 && row <= lastUsedRow(grid) && headerRow === 0; row++) {
    for (let column = 1; column <= 30; column++) {
      const name = normaliseName(textOf(valueAt(grid, row, column)));
      const found = STATUS_COLUMNS.find((c) => normaliseName(c.header) === name);
      if (found && !at.has(found.key)) at.set(found.key, column);
    }
    if (at.has("partner") && at.has("status") && at.has("period")) headerRow = row;
    else at.clear();
  }
  if (headerRow === 0) return [];
  const events: StatusEvent[] = [];
  for (let row = headerRow + 1; row <= lastUsedRow(grid); row++) {
    const value = (key: string) => textOf(valueAt(grid, row, at.get(key) ?? 0));
    const period = readPeriodLabel(valueAt(grid, row, at.get("period") ?? 0));
    const action = ACTIONS.find((a) => normaliseName(a) === normaliseName(value("status")));
    if (!period || !action || value("partner") === "") continue;
    events.push({
      changedAt: value("changedAt"),
      period,
      partner: value("partner"),
      action,
      reason: value("reason"),
      by: value("by"),
      command: value("command"),
      figures: value("figures"),
    });
  }
  return events;
}

/** The status of every partner due to report for the quarter, in Partners order. */
export function returnsStatuses(consortium: Consortium, period: Period, grids: WorkbookGrids): PartnerStatus[] {
  const events = readStatusEvents(grids);
  const log = readImportLog(grids);
  const figuresIn = new Map(
    paperInputs(consortium, { period, problems: [] }).partners.map((p) => [normaliseName(p.partner), p.figuresIn]),
  );
  return partnersWithReturns(consortium, period).map((partner) =>
    statusOf(consortium, partner, period, events, log, figuresIn.get(normaliseName(partner)) ?? false),
  );
}

/** One partner's status for the quarter: its status rows and imports in time order. */
export function statusOf(
  consortium: Consortium,
  partner: string,
  period: Period,
  events: readonly StatusEvent[],
  log: readonly ImportLogEntry[],
  figuresIn: boolean,
): PartnerStatus {
  const label = periodLabel(period);
  const mine = <T extends { partner: string; period: Period | null }>(rows: readonly T[]) =>
    rows.filter((row) => samePartner(row.partner, partner) && row.period !== null && periodLabel(row.period) === label);
  // An import and a status change in the same minute: the change (made after looking at the import) comes after.
  const timeline = [
    ...mine(log).map((entry) => ({ at: entry.importedAt, order: 0, event: null as StatusEvent | null })),
    ...mine(events).map((event, index) => ({ at: event.changedAt, order: 1 + index, event })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  const status: PartnerStatus = {
    partner,
    period,
    state: "Not sent",
    since: "",
    reason: "",
    reopened: false,
    changedSinceAccepted: false,
  };
  let accepted: StatusEvent | null = null;
  for (const { at, event } of timeline) {
    if (!event) {
      status.state = "Received";
      status.reason = "";
      status.since = at;
      continue;
    }
    // Returns sent (again) never undo a later stage: a return received, sent back or accepted stays so.
    if (event.action === "Sent" && status.state !== "Not sent") continue;
    status.since = at;
    status.reason = event.action === "Returned for revision" || event.action === "Reopened" ? event.reason : "";
    status.reopened = event.action === "Reopened" || (status.reopened && event.action !== "Accepted");
    accepted = event.action === "Accepted" ? event : null;
    status.state = event.action === "Reopened" ? "Received" : event.action;
  }
  // Figures typed or pasted in without a return still count as received.
  if ((status.state === "Not sent" || status.state === "Sent") && figuresIn) status.state = "Received";
  if (accepted) status.changedSinceAccepted = figuresCheck(consortium, partner, period) !== accepted.figures;
  return status;
}

/**
 * A check of the partner's own figures for the quarter (its targets' Actuals rows and its lines' Spend rows): the
 * same figures check the same, whatever order the rows are in.
 */
export function figuresCheck(consortium: Consortium, partner: string, period: Period): string {
  const inQuarter = (row: { fy: string; quarter: number }) => row.fy === period.fy && row.quarter === period.quarter;
  const targets = new Set(issuedTargets(consortium, partner, period).map((target) => target.id));
  const lines = spendLines(consortium, period.fy).filter((key) => samePartner(key.partner, partner));
  const facts = [
    ...consortium.actuals
      .filter((a) => inQuarter(a) && targets.has(a.targetId))
      .map((a) => ["A", a.targetId, a.amount ?? "", a.done, a.evidence, a.comment].join("\u0001")),
    ...consortium.spend
      .filter(
        (s) =>
          inQuarter(s) &&
          lines.some((k) => k.projectId === s.projectId && k.line === s.line && samePartner(k.partner, s.partner)),
      )
      .map((s) => ["S", s.projectId, s.line, s.pence, s.comment].join("\u0001")),
  ].sort();
  return textHash(facts.join("\n"));
}

function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 16777619);
    b = Math.imul(b ^ text.charCodeAt(i), 2246822507);
  }
  return `${(a >>> 0).toString(16).padStart(8, "0")}${(b >>> 0).toString(16).padStart(8, "0")}`;
}

export interface StatusRequest {
  partner: string;
  period: Period;
  action: Exclude<StatusAction, "Sent">;
  reason?: string;
  /** "2010-01-20 14:05", as the shell shows local time. */
  at: string;
  /** Who, where the host says. */
  by?: string;
  /** "accept", "send-back", "reopen" on the CLI; "pane" in the add-in. */
  command: string;
}

export type StatusChange = { ok: true; edits: WorkbookEdits; status: PartnerStatus } | { ok: false; reason: string };

/** The edits that record a review decision, or why it cannot be made (the workbook is then not changed). */
export function changeStatus(consortium: Consortium, grids: WorkbookGrids, request: StatusRequest): StatusChange {
  const known = consortium.partners.find((p) => samePartner(p.name, request.partner));
  const label = periodLabel(request.period);
  if (!known) return { ok: false, reason: `"${request.partner}" is not on the Partners sheet` };
  const partner = known.name;
  const current = returnsStatuses(consortium, request.period, grids).find((s) => samePartner(s.partner, partner));
  if (!current)
    return { ok: false, reason: `${partner} has no targets or budget lines of its own to report for ${label}` };
  const reason = (request.reason ?? "").trim();
  const refuse = (why: string): StatusChange => ({ ok: false, reason: why });
  switch (request.action) {
    case "Accepted":
      if (current.state === "Accepted") return refuse(`${partner}'s ${label} figures are already accepted`);
      if (current.state !== "Received") {
        return refuse(
          `${partner}'s ${label} return is ${current.state.toLowerCase()}: only figures received can be accepted`,
        );
      }
      break;
    case "Returned for revision":
      if (!reason) return refuse("Say why the return goes back (--reason): the partner sees it in its next return");
      if (current.state === "Accepted")
        return refuse(`${partner}'s ${label} figures are accepted: reopen the quarter first`);
      if (current.state !== "Received") return refuse(`${partner}'s ${label} return has not been received`);
      break;
    case "Reopened":
      if (!reason)
        return refuse("Say why the quarter is reopened (--reason): it is kept in the Returns status and Audit sheets");
      if (current.state !== "Accepted")
        return refuse(`${partner}'s ${label} figures are not accepted, so there is nothing to reopen`);
      break;
  }
  const event: StatusEvent = {
    changedAt: request.at,
    period: request.period,
    partner,
    action: request.action,
    reason,
    by: request.by ?? "",
    command: request.command,
    figures: request.action === "Accepted" ? figuresCheck(consortium, partner, request.period) : "",
  };
  const row: Record<string, CellContent> = {
    changedAt: event.changedAt,
    period: label,
    partner,
    status: event.action,
    reason: reason || null,
    by: event.by || null,
    command: event.command,
    figures: event.figures || null,
  };
  const appended = logAppend(grids, returnsStatusSheet(), STATUS_COLUMNS, [row]);
  const audit: AuditEntry = {
    when: request.at,
    command: request.command,
    sheet: RETURNS_STATUS_SHEET,
    cell: appended.append ? cellAddress(appended.append.firstRow, appended.append.firstColumn) : "",
    row: `${partner} ${label}`,
    field: "Status",
    oldValue: current.state,
    newValue: event.action === "Reopened" ? "Received (reopened)" : event.action,
    fileName: null,
    contentHash: null,
    partner,
    period: label,
    reason: reason || null,
    by: request.by || null,
  };
  const audited = auditAppend(grids, [audit]);
  const edits: WorkbookEdits = {
    createSheets: [appended.create, audited.create].filter((spec): spec is SheetSpec => spec !== null),
    updates: [],
    appends: [appended.append, audited.append].filter((append) => append !== null),
  };
  const after = statusOf(
    consortium,
    partner,
    request.period,
    [...readStatusEvents(grids), event],
    readImportLog(grids),
    true,
  );
  return { ok: true, edits, status: after };
}

/** "Received on …" style words for a status, as the CLI and the pane show it. */
export function statusText(status: PartnerStatus): string {
  const since = status.since ? ` (${status.since})` : "";
  const why = status.reason ? `: ${status.reason}` : "";
  const reopened = status.reopened && status.state === "Received" ? ", reopened" : "";
  const changed = status.changedSinceAccepted ? " — figures changed since they were accepted" : "";
  return `${status.state}${reopened}${since}${why}${changed}`;
}

/** Why each partner's return for the quarter was sent back, for its next return (partners returned for revision). */
export function revisionReasons(statuses: readonly PartnerStatus[]): Map<string, string> {
  return new Map(
    statuses.filter((s) => s.state === "Returned for revision" && s.reason).map((s) => [s.partner, s.reason]),
  );
}

/** The Returns status rows that record returns sent to `partners` for the quarter (the Audit sheet is for changes). */
export function sentEdits(
  grids: WorkbookGrids,
  partners: readonly string[],
  period: Period,
  at: string,
  command: string,
): WorkbookEdits {
  const rows = partners.map((partner): Record<string, CellContent> => ({
    changedAt: at,
    period: periodLabel(period),
    partner,
    status: "Sent",
    reason: null,
    by: null,
    command,
    figures: null,
  }));
  const appended = logAppend(grids, returnsStatusSheet(), STATUS_COLUMNS, rows);
  return {
    createSheets: appended.create ? [appended.create] : [],
    updates: [],
    appends: appended.append ? [appended.append] : [],
  };
}
