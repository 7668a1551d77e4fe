// The pane's workbooks, kept in a Web Worker (workers/xlsxWorker.ts) as sessions, so that ExcelJS's parsing and
// writing, the import and the summary sheets never block the main thread. A WorkbookSession here is a stand-in
// whose methods post to the worker; when the pane lets go of it, the worker drops the workbook too. Excel's own
// workbook stays in the page (Office.js runs only there): its session in the worker calls back for each read and
// write, so only the core's work moves.
import * as Comlink from "comlink";
import type { WorkbookPort } from "../../workbook/port";
import type { OpenedWorkbook, WorkbookSessionsApi } from "../workers/workbookSessions";
import type { WorkbookFiles } from "./host";
import type { WorkbookSession } from "./session";

/** The worker's script, beside taskpane.html (a webpack entry of its own: see webpack.config.js). */
export const XLSX_WORKER_SCRIPT = "xlsxWorker.js";

type Sessions = Comlink.Remote<WorkbookSessionsApi>;

interface StartedWorker {
  sessions: Sessions;
  /** Rejects if the worker cannot start (its script missing or refused): the pane then does the work itself. */
  failed: Promise<never>;
}

let started: StartedWorker | undefined;

/** The one worker, started the first time a workbook is opened, made or connected. */
function xlsxWorker(): StartedWorker {
  if (!started) {
    const worker = new Worker(new URL(XLSX_WORKER_SCRIPT, document.baseURI));
    const failed = new Promise<never>((_, reject) =>
      worker.addEventListener("error", (event) =>
        reject(new Error(event.message || "The pane's worker could not start")),
      ),
    );
    failed.catch(() => undefined); // only a call that is waiting hears of it
    started = { sessions: Comlink.wrap<WorkbookSessionsApi>(worker), failed };
  }
  return started;
}

/** What the worker answers, unless it failed to start first. */
function answered<T>(call: Promise<T>): Promise<T> {
  return Promise.race([call, xlsxWorker().failed]);
}

/** Workers run where the pane can start them; jsdom and very old web views cannot, and keep the work in-thread. */
export function workersAvailable(): boolean {
  return typeof Worker !== "undefined" && typeof document !== "undefined";
}

const released =
  typeof FinalizationRegistry === "undefined"
    ? undefined
    : new FinalizationRegistry<{ sessions: Sessions; id: number }>(({ sessions, id }) => {
        // The worker may be gone already (the pane closing): then there is nothing left to drop.
        sessions.close(id).catch(() => undefined);
      });

function standIn(sessions: Sessions, opened: OpenedWorkbook): WorkbookSession {
  const session: Record<string, unknown> = {
    label: opened.label,
    canReadSelection: opened.canReadSelection,
    downloadable: opened.downloadable,
  };
  for (const method of opened.methods) {
    session[method] = (...args: unknown[]) => sessions.call(opened.id, method, args);
  }
  const held = { sessions, id: opened.id };
  session.close = async () => {
    released?.unregister(held);
    await sessions.close(opened.id);
  };
  released?.register(session, held, held);
  return session as unknown as WorkbookSession;
}

export async function openInWorker(bytes: Uint8Array, label: string): Promise<WorkbookSession> {
  const { sessions } = xlsxWorker();
  return standIn(sessions, await answered(sessions.open(bytes, label)));
}

export async function createInWorker(label: string): Promise<WorkbookSession> {
  const { sessions } = xlsxWorker();
  return standIn(sessions, await answered(sessions.create(label)));
}

/** Every method of the port (its class's and their parents'), for the worker's session to call back. */
function methodsOf(port: WorkbookPort): string[] {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(port) as object | null; proto && proto !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== "constructor" && typeof Object.getOwnPropertyDescriptor(proto, name)?.value === "function") {
        names.add(name);
      }
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  for (const [name, value] of Object.entries(port)) if (typeof value === "function") names.add(name);
  return [...names];
}

/** A session in `sessions` over a workbook this page keeps: each of its reads and writes is called back here. */
export async function attachTo(sessions: Sessions, port: WorkbookPort): Promise<WorkbookSession> {
  return standIn(sessions, await sessions.attach(Comlink.proxy(port), port.label, methodsOf(port)));
}

/** Excel's workbook, with its session (the core's work) in the worker. */
export function attachInWorker(port: WorkbookPort): Promise<WorkbookSession> {
  return answered(attachTo(xlsxWorker().sessions, port));
}

/** Partner returns drawn and read in the worker. */
export const workerFiles: WorkbookFiles = {
  draw: (sheets, fileName) => answered(xlsxWorker().sessions.draw(sheets, fileName)),
  read: (bytes, fileName) => answered(xlsxWorker().sessions.read(bytes, fileName)),
};
