// The standalone pane's workbooks, kept in a Web Worker (workers/xlsxWorker.ts) as sessions, so that ExcelJS's
// parsing and writing, the import and the summary sheets never block the main thread. A WorkbookSession here is a
// stand-in whose methods post to the worker; when the pane lets go of it, the worker drops the workbook too.
import * as Comlink from "comlink";
import type { OpenedWorkbook, XlsxWorkerApi } from "../workers/xlsxWorker";
import type { WorkbookFiles } from "./host";
import type { WorkbookSession } from "./session";

/** The worker's script, beside taskpane.html (a webpack entry of its own: see webpack.config.js). */
export const XLSX_WORKER_SCRIPT = "xlsxWorker.js";

let worker: Comlink.Remote<XlsxWorkerApi> | undefined;

/** The one worker, started the first time a workbook file is opened or made. */
function xlsxWorker(): Comlink.Remote<XlsxWorkerApi> {
  worker ??= Comlink.wrap<XlsxWorkerApi>(new Worker(new URL(XLSX_WORKER_SCRIPT, document.baseURI)));
  return worker;
}

/** Workers run where the pane can start them; jsdom and very old web views cannot, and keep the work in-thread. */
export function workersAvailable(): boolean {
  return typeof Worker !== "undefined" && typeof document !== "undefined";
}

const released =
  typeof FinalizationRegistry === "undefined"
    ? undefined
    : new FinalizationRegistry<number>((id) => void xlsxWorker().close(id));

function standIn(remote: Comlink.Remote<XlsxWorkerApi>, opened: OpenedWorkbook): WorkbookSession {
  const session: Record<string, unknown> = {
    label: opened.label,
    canReadSelection: opened.canReadSelection,
    downloadable: opened.downloadable,
  };
  for (const method of opened.methods) {
    session[method] = (...args: unknown[]) => remote.call(opened.id, method, args);
  }
  released?.register(session, opened.id);
  return session as unknown as WorkbookSession;
}

export async function openInWorker(bytes: Uint8Array, label: string): Promise<WorkbookSession> {
  const remote = xlsxWorker();
  return standIn(remote, await remote.open(bytes, label));
}

export async function createInWorker(label: string): Promise<WorkbookSession> {
  const remote = xlsxWorker();
  return standIn(remote, await remote.create(label));
}

/** Partner returns drawn and read in the worker. */
export const workerFiles: WorkbookFiles = {
  draw: (sheets, fileName) => xlsxWorker().draw(sheets, fileName),
  read: (bytes, fileName) => xlsxWorker().read(bytes, fileName),
};
