// The pane's workbook sessions as the Web Worker keeps them (workers/xlsxWorker.ts exposes this object). Parsing an
// .xlsx file, the import, the summary sheets and writing the file back out are the pane's heaviest work (seconds for
// a large consortium), so they run off the main thread and the pane goes on painting and answering keys. Each
// workbook is a PaneSession (state/session.ts): its adapter and the data last read, with the use cases run beside
// them. A standalone workbook's ExcelJS adapter lives here too; Excel's workbook stays in the page (Office.js runs
// only there), and its session here calls back to it for each read and write. The pane reaches a session through
// state/workerWorkbook.ts: each call is a message (Comlink); arguments and results are copied (never the grids of a
// whole workbook), file bytes moved rather than copied.
import * as Comlink from "comlink";
import type { WorkbookGrids } from "../../core/grid";
import type { SheetSpec } from "../../core/sheets/spec";
import { XlsxWorkbook } from "../../file/xlsxWorkbook";
import type { WorkbookPort } from "../../workbook/port";
import { PaneSession } from "../state/session";

/** A workbook open in the worker: the pane calls its session's methods by id. */
export interface OpenedWorkbook {
  id: number;
  label: string;
  canReadSelection: boolean;
  downloadable: boolean;
  /** The session's methods, so the pane's stand-in offers exactly what the session has (no more, no less). */
  methods: string[];
}

type Method = (...args: unknown[]) => unknown;

const sessions = new Map<number, PaneSession>();
/** The page's own workbooks (Excel's), by session id. */
const pages = new Map<number, Comlink.Remote<WorkbookPort>>();
let nextId = 1;

function methodsOf(session: PaneSession): string[] {
  const prototype = Object.getPrototypeOf(session) as object;
  return Object.getOwnPropertyNames(prototype).filter(
    (name) => name !== "constructor" && typeof Object.getOwnPropertyDescriptor(prototype, name)?.value === "function",
  );
}

function opened(workbook: WorkbookPort): OpenedWorkbook {
  const id = nextId++;
  const session = new PaneSession(workbook);
  sessions.set(id, session);
  return {
    id,
    label: session.label,
    canReadSelection: session.canReadSelection,
    downloadable: session.downloadable,
    methods: methodsOf(session),
  };
}

/** File bytes are handed over to the pane, not copied. */
function moved<T>(result: T): T {
  return result instanceof Uint8Array ? Comlink.transfer(result, [result.buffer]) : result;
}

/**
 * A workbook the page holds, as a WorkbookPort whose methods post back to it: each of `methods` is called there
 * (Comlink), `label` is known here.
 */
function calledBack(page: Comlink.Remote<WorkbookPort>, label: string, methods: readonly string[]): WorkbookPort {
  const port: Record<string, unknown> = { label };
  const remote = page as unknown as Record<string, Method>;
  for (const method of methods) port[method] = (...args: unknown[]) => remote[method](...args);
  return port as unknown as WorkbookPort;
}

export const workbookSessions = {
  async open(bytes: Uint8Array, label: string): Promise<OpenedWorkbook> {
    return opened(await XlsxWorkbook.fromBytes(bytes, label));
  },
  create(label: string): OpenedWorkbook {
    return opened(XlsxWorkbook.blank(label));
  },
  /** Excel's workbook: the session runs here, its port's `methods` are called back in the page. */
  attach(page: WorkbookPort, label: string, methods: string[]): OpenedWorkbook {
    // The page sends its port as a Comlink proxy: here every property is a remote call.
    const remote = page as unknown as Comlink.Remote<WorkbookPort>;
    const workbook = opened(calledBack(remote, label, methods));
    pages.set(workbook.id, remote);
    return workbook;
  },
  async call(id: number, method: string, args: unknown[]): Promise<unknown> {
    const session = sessions.get(id);
    if (!session) throw new Error("This workbook is no longer open: open it again");
    const fn = (session as unknown as Record<string, Method | undefined>)[method];
    if (typeof fn !== "function") throw new Error(`The workbook cannot ${method}`);
    return moved(await fn.apply(session, args));
  },
  /** The pane no longer holds this workbook. */
  close(id: number): void {
    sessions.delete(id);
    // An attached workbook's way back to the page is closed too.
    pages.get(id)?.[Comlink.releaseProxy]();
    pages.delete(id);
  },
  async draw(sheets: SheetSpec[], fileName: string): Promise<Uint8Array> {
    const workbook = XlsxWorkbook.blank(fileName);
    await workbook.insertSheets(sheets);
    return moved(await workbook.toBytes());
  },
  async read(bytes: Uint8Array, fileName: string): Promise<WorkbookGrids> {
    return (await XlsxWorkbook.fromBytes(bytes, fileName)).readInputSheets();
  },
};

export type WorkbookSessionsApi = typeof workbookSessions;
