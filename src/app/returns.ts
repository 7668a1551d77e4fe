// Partner returns: made for a quarter (files or sheets), recorded as sent, read back and previewed against the
// workbook, then applied in one batch. The pane and the command line both go through here.
import type { WorkbookGrids } from "../core/grid";
import type { Problem } from "../core/model";
import type { Period, CalendarDate } from "../core/periods";
import type { EditOptions } from "../core/returns/edits";
import { importReturnFiles, type IncomingReturns, type ReturnFile } from "../core/returns/incoming";
import { outgoingReturns, returnsAsSheets, type OutgoingReturns } from "../core/returns/outgoing";
import type { PreviewOptions } from "../core/returns/preview";
import { returnsStatuses, revisionReasons, sentEdits } from "../core/returns/status";
import type { InsertOutcome, WorkbookPort } from "../workbook/port";
import type { WorkbookData } from "./workbook";

/** The returns for `period`, each partner's own, with why a return sent back was sent back. */
export function returnsToMake(
  data: WorkbookData,
  period: Period,
  options: { masterName: string; preparedOn: CalendarDate },
): OutgoingReturns {
  return outgoingReturns(data.consortium, period, {
    ...options,
    revisionReasons: revisionReasons(returnsStatuses(data.consortium, period, data.grids)),
  });
}

/** Records on the Returns status sheet that the returns went out, so the tracker says Sent, not Not sent. */
export async function recordReturnsSent(
  port: WorkbookPort,
  data: WorkbookData,
  outgoing: OutgoingReturns,
  at: string,
  command: string,
): Promise<void> {
  const partners = outgoing.returns.map((book) => book.partner);
  await port.applyEdits(sentEdits(data.grids, partners, outgoing.period, at, command));
}

/** For a host that cannot save files: each partner's two sheets, added to the workbook itself. */
export function writeReturnSheets(
  port: WorkbookPort,
  data: WorkbookData,
  outgoing: OutgoingReturns,
): Promise<InsertOutcome> {
  return port.insertSheets(returnsAsSheets(outgoing.returns, outgoing.period, data.sheetNames));
}

export type ImportOptions = PreviewOptions & EditOptions;

/**
 * The files previewed against the workbook as it is now. `unopened` holds the problem of each file that could not
 * be opened as .xlsx at all, said in place of "not a return".
 */
export async function previewReturns(
  port: WorkbookPort,
  files: readonly ReturnFile[],
  options: ImportOptions,
  unopened: ReadonlyMap<string, Problem> = new Map(),
): Promise<IncomingReturns> {
  return previewAgainst(await port.readInputSheets(), files, options, unopened);
}

/** previewReturns against the master's grids already read. */
export function previewAgainst(
  master: WorkbookGrids,
  files: readonly ReturnFile[],
  options: ImportOptions,
  unopened: ReadonlyMap<string, Problem> = new Map(),
): IncomingReturns {
  const result = importReturnFiles(master, files, options);
  return {
    ...result,
    returns: result.returns.map((r) => {
      const problem = unopened.get(r.fileName);
      return problem && !r.preview ? { ...r, problems: [problem] } : r;
    }),
  };
}

/** What a preview shows, to tell whether the workbook changed between the preview and applying it. */
function shown(result: IncomingReturns): string {
  return JSON.stringify(
    result.returns.map((r) => [
      r.fileName,
      r.outcome,
      r.problems,
      r.preview?.added,
      r.preview?.changed,
      r.preview?.problems,
    ]),
  );
}

export type ApplyOutcome =
  /** The workbook changed since the preview: nothing was applied; `result` is the preview as it is now. */
  | { kind: "changed"; result: IncomingReturns }
  /** No return was ready: nothing written. */
  | { kind: "nothing"; result: IncomingReturns }
  | { kind: "applied"; result: IncomingReturns };

/** Applies the returns `previewed` showed, after working them out again on the workbook as it is now. */
export async function applyReturns(
  port: WorkbookPort,
  files: readonly ReturnFile[],
  options: ImportOptions,
  previewed: IncomingReturns,
  unopened: ReadonlyMap<string, Problem> = new Map(),
): Promise<ApplyOutcome> {
  const now = await previewReturns(port, files, options, unopened);
  if (shown(now) !== shown(previewed)) return { kind: "changed", result: now };
  return applyPreviewed(port, now);
}

/** Applies every ready return of a preview just made, in one batch. */
export async function applyPreviewed(port: WorkbookPort, result: IncomingReturns): Promise<ApplyOutcome> {
  if (!result.returns.some((r) => r.outcome === "ready")) return { kind: "nothing", result };
  await port.applyEdits(result.edits);
  return { kind: "applied", result };
}
