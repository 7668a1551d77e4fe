// Renders the task pane on a fake workbook, as Excel would host it (or in standalone mode).
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "../../src/taskpane/components/App";
import type { WorkbookGrids } from "../../src/core/grid";
import type { CalendarDate } from "../../src/core/periods";
import type { ExcelHost, StandaloneHost, WorkbookFiles } from "../../src/taskpane/state/host";
import { PaneSession } from "../../src/taskpane/state/session";
import type { DownloadableWorkbook } from "../../src/workbook/port";
import { FakePort } from "./fakePort";
import { consortiumGrids } from "./consortiumGrids";

export const TODAY = { year: 2009, month: 10, day: 20 };
/** 20 October 2009, 14:05 local time. */
export const NOW = new Date(2009, 9, 20, 14, 5);

/** Text as bytes, one a character (jsdom has no TextEncoder). */
export function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}

/**
 * Workbook files without ExcelJS: `draw` records the sheets it was given and returns their file name as bytes;
 * `read` gives back the grids registered under a file name (a name not registered is not an .xlsx).
 */
export class FakeFiles implements WorkbookFiles {
  readonly drawn: { fileName: string; sheetNames: string[] }[] = [];
  readonly byName = new Map<string, WorkbookGrids>();

  async draw(sheets: { name: string }[], fileName: string): Promise<Uint8Array> {
    this.drawn.push({ fileName, sheetNames: sheets.map((sheet) => sheet.name) });
    return bytesOf(fileName);
  }

  async read(_bytes: Uint8Array, fileName: string): Promise<WorkbookGrids> {
    const grids = this.byName.get(fileName);
    if (!grids) throw new Error("Can't find end of central directory : is this a zip file ?");
    return grids;
  }
}

export interface HostExtras {
  files?: FakeFiles;
  today?: CalendarDate;
  save?: (bytes: Uint8Array, fileName: string) => void;
}

export function excelHostFor(port: FakePort, extras: HostExtras = {}): ExcelHost {
  return {
    mode: "excel",
    connect: async () => new PaneSession(port),
    today: () => extras.today ?? TODAY,
    now: () => NOW,
    save: extras.save ?? (() => undefined),
    files: extras.files ?? new FakeFiles(),
  };
}

export function renderInExcel(port = new FakePort(consortiumGrids()), extras: HostExtras = {}) {
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App host={excelHostFor(port, extras)} />
    </FluentProvider>,
  );
  return { port, ...view };
}

/** A standalone host whose workbooks are given as adapters; the pane gets each in a session, as in-thread. */
export interface StandaloneFakes extends Partial<Pick<StandaloneHost, "save" | "files">> {
  open?: (bytes: Uint8Array, label: string) => Promise<DownloadableWorkbook>;
  create?: (label: string) => Promise<DownloadableWorkbook>;
  opened?: DownloadableWorkbook;
}

export function renderStandalone(host: StandaloneFakes) {
  const open = host.open ?? (async () => host.opened ?? new FakePort(consortiumGrids()));
  const create = host.create ?? (async (label: string) => new FakePort([], label));
  const full: StandaloneHost = {
    mode: "standalone",
    open: async (bytes, label) => new PaneSession(await open(bytes, label)),
    create: async (label) => new PaneSession(await create(label)),
    save: host.save ?? (() => undefined),
    today: () => TODAY,
    now: () => NOW,
    files: host.files ?? new FakeFiles(),
  };
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={full} />
    </FluentProvider>,
  );
}

/** Waits until the pane has read the workbook (the period picker appears once there is a period). */
export async function paneReady() {
  await screen.findByLabelText("Financial year");
}

/** Once the workbook is read, opens one of the pane's tabs. */
export async function openTab(name: "Overview" | "Data" | "Plan" | "Returns" | "Settings") {
  await paneReady();
  fireEvent.click(screen.getByRole("tab", { name }));
}
