// The ExcelJS adapter in a Web Worker. Parsing an .xlsx file, drawing sheets into it and writing it back out are the
// standalone pane's heaviest work (seconds for a large consortium), so they run here, off the main thread, and the
// pane goes on painting and answering keys. The pane reaches it through state/workerWorkbook.ts: each call is a
// message (Comlink); arguments and results are copied, file bytes moved rather than copied.
import * as Comlink from "comlink";
import type { WorkbookGrids } from "../../core/grid";
import type { SheetSpec } from "../../core/sheets/spec";
import { XlsxWorkbook } from "../../file/xlsxWorkbook";

/** A workbook open in the worker: the pane calls its methods by id. */
export interface OpenedWorkbook {
  id: number;
  label: string;
  /** The adapter's methods, so the pane's stand-in offers exactly what the adapter has (no more, no less). */
  methods: string[];
}

type Method = (...args: unknown[]) => unknown;

const workbooks = new Map<number, XlsxWorkbook>();
let nextId = 1;

function methodsOf(workbook: XlsxWorkbook): string[] {
  const prototype = Object.getPrototypeOf(workbook) as object;
  return Object.getOwnPropertyNames(prototype).filter(
    (name) => name !== "constructor" && typeof Object.getOwnPropertyDescriptor(prototype, name)?.value === "function",
  );
}

function opened(workbook: XlsxWorkbook): OpenedWorkbook {
  const id = nextId++;
  workbooks.set(id, workbook);
  return { id, label: workbook.label, methods: methodsOf(workbook) };
}

/** File bytes are handed over to the pane, not copied. */
function moved<T>(result: T): T {
  return result instanceof Uint8Array ? Comlink.transfer(result, [result.buffer]) : result;
}

const api = {
  async open(bytes: Uint8Array, label: string): Promise<OpenedWorkbook> {
    return opened(await XlsxWorkbook.fromBytes(bytes, label));
  },
  create(label: string): OpenedWorkbook {
    return opened(XlsxWorkbook.blank(label));
  },
  async call(id: number, method: string, args: unknown[]): Promise<unknown> {
    const workbook = workbooks.get(id);
    if (!workbook) throw new Error("This workbook is no longer open: open it again");
    const fn = (workbook as unknown as Record<string, Method | undefined>)[method];
    if (typeof fn !== "function") throw new Error(`The workbook cannot ${method}`);
    return moved(await fn.apply(workbook, args));
  },
  /** The pane no longer holds this workbook. */
  close(id: number): void {
    workbooks.delete(id);
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

export type XlsxWorkerApi = typeof api;

Comlink.expose(api);
