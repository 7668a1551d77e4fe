// Renders the task pane on a fake workbook, as Excel would host it (or in standalone mode).
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "../../src/taskpane/components/App";
import type { ExcelHost, StandaloneHost } from "../../src/taskpane/state/host";
import type { DownloadableWorkbook } from "../../src/workbook/port";
import { FakePort } from "./fakePort";
import { consortiumGrids } from "./consortiumGrids";

export const TODAY = { year: 2009, month: 10, day: 20 };

export function excelHostFor(port: FakePort): ExcelHost {
  return { mode: "excel", connect: async () => port, today: () => TODAY };
}

export function renderInExcel(port = new FakePort(consortiumGrids())) {
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App host={excelHostFor(port)} />
    </FluentProvider>,
  );
  return { port, ...view };
}

export function renderStandalone(host: Partial<StandaloneHost> & { opened?: DownloadableWorkbook }) {
  const full: StandaloneHost = {
    mode: "standalone",
    open: host.open ?? (async () => host.opened ?? new FakePort(consortiumGrids())),
    create: host.create ?? (async (label) => new FakePort([], label)),
    save: host.save ?? (() => undefined),
    today: () => TODAY,
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
export async function openTab(name: "Overview" | "Data" | "Settings") {
  await paneReady();
  fireEvent.click(screen.getByRole("tab", { name }));
}
