// Where the pane runs and how it gets a workbook. Inside Excel the pane works on the open workbook through the
// Office.js adapter; in a plain browser ("standalone mode") it opens and downloads .xlsx files through the
// ExcelJS adapter. Both adapters are loaded on demand so neither path pays for the other. Partner returns are
// files in both modes: drawn and read with the ExcelJS adapter, loaded the first time a return is made or read.
import type { WorkbookGrids } from "../../core/grid";
import type { CalendarDate } from "../../core/periods";
import type { SheetSpec } from "../../core/sheets/spec";
import { PaneSession, type WorkbookSession } from "./session";
import { attachInWorker, createInWorker, openInWorker, workerFiles, workersAvailable } from "./workerWorkbook";

/** .xlsx files other than the pane's workbook (partner returns), through the ExcelJS adapter. */
export interface WorkbookFiles {
  /** The sheets drawn into a new workbook, as .xlsx bytes. */
  draw(sheets: SheetSpec[], fileName: string): Promise<Uint8Array>;
  /** Every sheet of an .xlsx file as grids (formula cells marked); throws when it is not a readable .xlsx. */
  read(bytes: Uint8Array, fileName: string): Promise<WorkbookGrids>;
}

interface HostBasics {
  today(): CalendarDate;
  /** The local time, for the Import log. */
  now(): Date;
  /** Offers the bytes to the user as a downloaded file (Excel desktop's web view may not let it through). */
  save(bytes: Uint8Array, fileName: string): void;
  files: WorkbookFiles;
}

export interface ExcelHost extends HostBasics {
  mode: "excel";
  /** The workbook the pane is open in. */
  connect(): Promise<WorkbookSession>;
}

export interface StandaloneHost extends HostBasics {
  mode: "standalone";
  /** An .xlsx file's bytes as a workbook; `label` is the file name. */
  open(bytes: Uint8Array, label: string): Promise<WorkbookSession>;
  /** A new, empty workbook. */
  create(label: string): Promise<WorkbookSession>;
}

export type TaskpaneHost = ExcelHost | StandaloneHost;

/** A chosen file's bytes; FileReader where Blob.arrayBuffer is missing (older Safari web views). */
export function fileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read"));
    reader.readAsArrayBuffer(file);
  });
}

export function localToday(): CalendarDate {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** A file name for a download: the workbook's label, with .xlsx added when it has no such extension. */
export function downloadName(label: string): string {
  const name = label.trim() || "consortium-tracker";
  return /\.xlsx$/i.test(name) ? name : `${name.replace(/\.(xlsm|xls)$/i, "")}.xlsx`;
}

// ExcelJS is about 300 KB gzipped: a separate chunk, fetched when the first workbook file is opened or made.
const xlsxAdapter = () => import(/* webpackChunkName: "exceljs" */ "../../file/xlsxWorkbook");

const xlsxFiles: WorkbookFiles = {
  async draw(sheets, fileName) {
    const { XlsxWorkbook } = await xlsxAdapter();
    const workbook = XlsxWorkbook.blank(fileName);
    await workbook.insertSheets(sheets);
    return workbook.toBytes();
  },
  async read(bytes, fileName) {
    const { XlsxWorkbook } = await xlsxAdapter();
    return (await XlsxWorkbook.fromBytes(bytes, fileName)).readInputSheets();
  },
};

/** A download of the bytes through a temporary link. */
function saveFile(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const basics: HostBasics = { today: localToday, now: () => new Date(), save: saveFile, files: xlsxFiles };

export function excelHost(): ExcelHost {
  return {
    ...basics,
    mode: "excel",
    async connect() {
      const { OfficeWorkbook } = await import(/* webpackChunkName: "office-workbook" */ "../../excel/officeWorkbook");
      const workbook = new OfficeWorkbook();
      if (workersAvailable()) {
        try {
          // The core's work in the worker; Office.js calls stay here, in the page.
          return await attachInWorker(workbook);
        } catch {
          // A worker that cannot start: the page does the work, as it does where no worker exists.
        }
      }
      return new PaneSession(workbook);
    },
  };
}

/**
 * Standalone mode: workbooks live in a Web Worker (see workerWorkbook.ts) so that parsing and writing them never
 * freezes the pane; where no worker can start, the same adapter runs in the page.
 */
export function standaloneHost(): StandaloneHost {
  if (workersAvailable()) {
    return {
      ...basics,
      files: workerFiles,
      mode: "standalone",
      open: openInWorker,
      create: createInWorker,
    };
  }
  return {
    ...basics,
    mode: "standalone",
    async open(bytes, label) {
      const { XlsxWorkbook } = await xlsxAdapter();
      return new PaneSession(await XlsxWorkbook.fromBytes(bytes, label));
    },
    async create(label) {
      const { XlsxWorkbook } = await xlsxAdapter();
      return new PaneSession(XlsxWorkbook.blank(label));
    },
  };
}
