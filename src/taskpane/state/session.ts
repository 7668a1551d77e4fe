// The pane's workbook session: the workbook (a WorkbookPort) and the data last read from it, with the use cases of
// src/app run beside them. In standalone mode a session lives in the Web Worker (workers/xlsxWorker.ts), so that
// reading, the import, the reports and the summary sheets never block the pane; the pane only gets PaneData, which
// holds neither the grids nor the whole model (see paneView.ts). Where no worker can start, and inside Excel (whose
// Office.js runs only in the page), the pane holds the same session object directly. Every method's arguments and
// results can be copied between threads.
import type { Period, CalendarDate } from "../../core/periods";
import type { PlanProposal } from "../../core/plan/planTypes";
import type { PlanMerge } from "../../core/plan/mergePlan";
import type { Problem } from "../../core/model";
import type { IncomingReturns, ReturnFile } from "../../core/returns/incoming";
import type { OutgoingReturns } from "../../core/returns/outgoing";
import { partnersWithFiguresIn } from "../../core/returns/nextDue";
import type { StatusRequest } from "../../core/returns/status";
import type { SheetSpec } from "../../core/sheets/spec";
import type { CellValue } from "../../core/grid";
import { submitClaim, type ClaimOutcome, type ClaimRequest } from "../../app/claim";
import { addPlan } from "../../app/plan";
import {
  applyReturns,
  previewReturns,
  recordReturnsSent,
  returnsToMake,
  writeReturnSheets,
  type ApplyOutcome,
  type ImportOptions,
} from "../../app/returns";
import { reviewReturn, type ReviewOutcome } from "../../app/review";
import { saveSettings, type SettingsValues } from "../../app/settings";
import { insertSheets, insertTemplates } from "../../app/sheets";
import { updateSummarySheets, type UpdateOutcome } from "../../app/summary";
import { commitThenRefresh, loadWorkbook, type WorkbookData } from "../../app/workbook";
import type { DownloadableWorkbook, InsertOutcome, WorkbookPort } from "../../workbook/port";
import { paneData, periodPane, type PaneData, type PeriodPane, type Viewing } from "./paneView";

export type { PaneData, PeriodPane } from "./paneView";

/** A write's outcome, with the workbook as read again after it, or the error of that read (written all the same). */
export type Written<T> =
  { outcome: T; data: PaneData; refreshError?: undefined } | { outcome: T; data: null; refreshError: unknown };

/** Update summary sheets' outcome, without the workbook data it read or left (the pane gets that as PaneData). */
export type UpdateDone = { kind: "noPeriod" } | Omit<Extract<UpdateOutcome, { kind: "updated" }>, "read" | "after">;

function localDate(): CalendarDate {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

function hasBytes(port: WorkbookPort): port is DownloadableWorkbook {
  return typeof (port as Partial<DownloadableWorkbook>).toBytes === "function";
}

export class PaneSession {
  /** The data last read, for the use cases that work from it (returns made from the workbook as shown). */
  private data: WorkbookData | null = null;
  /** The default period and the local date, until the pane chooses. */
  private viewing: Viewing = { chosen: null, today: localDate() };

  constructor(private readonly port: WorkbookPort) {}

  get label(): string {
    return this.port.label;
  }

  /** The pane lets go of this workbook (in the page there is nothing to let go; a worker's session is dropped). */
  async close(): Promise<void> {}

  /** Whether the host can read the user's selected cells (Excel only). */
  get canReadSelection(): boolean {
    return typeof this.port.readSelection === "function";
  }

  /** Whether the workbook can be saved as a file (standalone mode). */
  get downloadable(): boolean {
    return hasBytes(this.port);
  }

  private async load(): Promise<WorkbookData> {
    this.data = await loadWorkbook(this.port);
    return this.data;
  }

  /** Commit then refresh; `known` gives the workbook as the write left it, when the write says (no second read). */
  private async written<T>(commit: () => Promise<T>, known?: (outcome: T) => WorkbookData | null): Promise<Written<T>> {
    const done = await commitThenRefresh(this.port, commit, known);
    if (!done.data) return done;
    this.data = done.data;
    return { outcome: done.outcome, data: paneData(done.data, this.viewing) };
  }

  /**
   * The period the pane reports at (null: the default one) and today's date; every read after this shows them.
   * Returns the view of the data already read (null before the first read).
   */
  async choose(chosen: Period | null, today: CalendarDate): Promise<PeriodPane | null> {
    this.viewing = { chosen, today };
    return this.data ? periodPane(this.data, this.viewing) : null;
  }

  async read(): Promise<PaneData> {
    return paneData(await this.load(), this.viewing);
  }

  /** Partners whose figures for `period` are already in the workbook as last read. */
  async partnersWithFiguresIn(period: Period): Promise<string[]> {
    return this.data ? partnersWithFiguresIn(this.data.consortium, period) : [];
  }

  async updateSummary(chosen: Period | null, today: CalendarDate): Promise<Written<UpdateDone>> {
    // Excel's push says how it left the workbook: the pane updates from that, without reading it again.
    let after: WorkbookData | null = null;
    return this.written(
      async (): Promise<UpdateDone> => {
        const outcome = await updateSummarySheets(this.port, { chosen, today });
        if (outcome.kind === "noPeriod") return outcome;
        after = outcome.after;
        const { kind, period, push, errors } = outcome;
        return { kind, period, push, errors };
      },
      () => after,
    );
  }

  submitClaim(request: ClaimRequest): Promise<Written<ClaimOutcome>> {
    return this.written(() => submitClaim(this.port, request));
  }

  saveSettings(values: SettingsValues): Promise<Written<void>> {
    return this.written(() => saveSettings(this.port, values));
  }

  insertTemplates(): Promise<Written<InsertOutcome>> {
    return this.written(() => insertTemplates(this.port));
  }

  /** Inserts sheets without reading again (a workbook being made, read when the pane adopts it). */
  insertSheets(sheets: SheetSpec[]): Promise<InsertOutcome> {
    return insertSheets(this.port, sheets);
  }

  insertSheetsThenRead(sheets: SheetSpec[]): Promise<Written<InsertOutcome>> {
    return this.written(() => insertSheets(this.port, sheets));
  }

  addPlan(proposal: PlanProposal): Promise<Written<PlanMerge>> {
    return this.written(() => addPlan(this.port, proposal));
  }

  /** The returns for `period`, made from the workbook read again, with that data for the pane. */
  async returnsToMake(
    period: Period,
    options: { masterName: string; preparedOn: CalendarDate },
  ): Promise<{ data: PaneData; outgoing: OutgoingReturns }> {
    const data = await this.load();
    return { data: paneData(data, this.viewing), outgoing: returnsToMake(data, period, options) };
  }

  private async current(): Promise<WorkbookData> {
    return this.data ?? this.load();
  }

  async recordReturnsSent(outgoing: OutgoingReturns, at: string, command: string): Promise<Written<void>> {
    const data = await this.current();
    return this.written(() => recordReturnsSent(this.port, data, outgoing, at, command));
  }

  async writeReturnSheets(outgoing: OutgoingReturns): Promise<Written<InsertOutcome>> {
    const data = await this.current();
    return this.written(() => writeReturnSheets(this.port, data, outgoing));
  }

  previewReturns(
    files: readonly ReturnFile[],
    options: ImportOptions,
    unopened: ReadonlyMap<string, Problem>,
  ): Promise<IncomingReturns> {
    return previewReturns(this.port, files, options, unopened);
  }

  applyReturns(
    files: readonly ReturnFile[],
    options: ImportOptions,
    previewed: IncomingReturns,
    unopened: ReadonlyMap<string, Problem>,
  ): Promise<Written<ApplyOutcome>> {
    return this.written(() => applyReturns(this.port, files, options, previewed, unopened));
  }

  reviewReturn(request: StatusRequest): Promise<Written<ReviewOutcome>> {
    return this.written(() => reviewReturn(this.port, request));
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.port.selectCell(sheet, cell);
  }

  async readSelection(): Promise<CellValue[][]> {
    if (!this.port.readSelection) throw new Error("Selected cells can be read only inside Excel");
    return this.port.readSelection();
  }

  toBytes(): Promise<Uint8Array> {
    if (!hasBytes(this.port)) throw new Error("This workbook cannot be saved as a file here");
    return this.port.toBytes();
  }
}

/** What the pane calls: a PaneSession itself, or its stand-in whose methods post to the worker. */
export type WorkbookSession = {
  readonly [K in keyof PaneSession]: PaneSession[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : PaneSession[K];
};
