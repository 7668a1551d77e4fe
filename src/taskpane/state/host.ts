// Where the pane runs and how it gets a workbook. Inside Excel the pane works on the open workbook through the
// Office.js adapter; in a plain browser ("standalone mode") it opens and downloads .xlsx files through the
// ExcelJS adapter. Both adapters are loaded on demand so neither path pays for the other.
import type { CalendarDate } from "../../core/periods";
import type { DownloadableWorkbook, WorkbookPort } from "../../workbook/port";

export interface ExcelHost {
  mode: "excel";
  /** The workbook the pane is open in. */
  connect(): Promise<WorkbookPort>;
  today(): CalendarDate;
}

export interface StandaloneHost {
  mode: "standalone";
  /** An .xlsx file's bytes as a workbook; `label` is the file name. */
  open(bytes: Uint8Array, label: string): Promise<DownloadableWorkbook>;
  /** A new, empty workbook. */
  create(label: string): Promise<DownloadableWorkbook>;
  /** Offers the bytes to the user as a downloaded file. */
  save(bytes: Uint8Array, fileName: string): void;
  today(): CalendarDate;
}

export type TaskpaneHost = ExcelHost | StandaloneHost;

export function isDownloadable(port: WorkbookPort): port is DownloadableWorkbook {
  return typeof (port as Partial<DownloadableWorkbook>).toBytes === "function";
}

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

export function excelHost(): ExcelHost {
  return {
    mode: "excel",
    async connect() {
      const { OfficeWorkbook } = await import(/* webpackChunkName: "office-workbook" */ "../../excel/officeWorkbook");
      return new OfficeWorkbook();
    },
    today: localToday,
  };
}

export function standaloneHost(): StandaloneHost {
  // ExcelJS is about 300 KB gzipped: a separate chunk, fetched when the first workbook is opened or made.
  const adapter = () => import(/* webpackChunkName: "exceljs" */ "../../file/xlsxWorkbook");
  return {
    mode: "standalone",
    async open(bytes, label) {
      const { XlsxWorkbook } = await adapter();
      return XlsxWorkbook.fromBytes(bytes, label);
    },
    async create(label) {
      const { XlsxWorkbook } = await adapter();
      return XlsxWorkbook.blank(label);
    },
    save(bytes, fileName) {
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
    },
    today: localToday,
  };
}
