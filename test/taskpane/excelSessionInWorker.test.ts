// Inside Excel the pane's session runs in the worker while the workbook stays in the page (Office.js runs only
// there): the session's every read and write is a call back to the page's adapter. Here the worker's side and the
// page's side talk over a MessageChannel, as they do over the worker's port, with the Office.js adapter on the fake
// Excel: the pane sees the same data, an update still costs one read and one write, and Excel's errors come back.
import * as Comlink from "comlink";
import { attachTo } from "../../src/taskpane/state/workerWorkbook";
import { workbookSessions, type WorkbookSessionsApi } from "../../src/taskpane/workers/workbookSessions";
import { PaneSession } from "../../src/taskpane/state/session";
import { adapterFor, syntheticExcel, SYNTHETIC_PERIOD, WEB } from "../excel/syntheticWorkbook";

const TODAY = { year: 2010, month: 10, day: 20 };

describe("Excel's workbook with its session in the worker", () => {
  let channel: MessageChannel;
  let sessions: Comlink.Remote<WorkbookSessionsApi>;

  beforeEach(() => {
    channel = new MessageChannel();
    Comlink.expose(workbookSessions, channel.port1);
    sessions = Comlink.wrap<WorkbookSessionsApi>(channel.port2);
  });

  afterEach(() => {
    sessions[Comlink.releaseProxy]();
    channel.port1.close();
    channel.port2.close();
  });

  it("gives the pane what the same session in the page gives, reading and writing through the page's adapter", async () => {
    const fake = syntheticExcel(100, WEB);
    const inWorker = await attachTo(sessions, adapterFor(fake, WEB));
    expect(inWorker.label).toBe(adapterFor(fake, WEB).label);
    expect(inWorker.canReadSelection).toBe(true);
    expect(inWorker.downloadable).toBe(false);

    await inWorker.choose(SYNTHETIC_PERIOD, TODAY);
    const seen = await inWorker.read();
    const inPage = new PaneSession(adapterFor(syntheticExcel(100, WEB), WEB));
    await inPage.choose(SYNTHETIC_PERIOD, TODAY);
    expect(seen).toEqual(await inPage.read());
    expect(seen.view.overview?.projects.length).toBeGreaterThan(0);

    const before = fake.syncs;
    const done = await inWorker.updateSummary(SYNTHETIC_PERIOD, TODAY);
    expect(done.outcome.kind).toBe("updated");
    // One read and one write, and the pane's data from what the push left (no read after it).
    expect(fake.syncs - before).toBe(2);
    expect(done.data?.sheetNames).toEqual(expect.arrayContaining(["Claim 2010-11 Q2", "RAG 2010-11 Q2"]));
    expect(fake.sheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(["Claim 2010-11 Q2", "RAG 2010-11 Q2"]),
    );
    await inWorker.close();
  });

  it("brings an error in Excel back to the pane with its message", async () => {
    const fake = syntheticExcel(10, WEB);
    const port = adapterFor(fake, WEB);
    port.readWorkbook = () => Promise.reject(new Error("The workbook is busy (an edit is in progress)"));
    const inWorker = await attachTo(sessions, port);
    await expect(inWorker.read()).rejects.toThrow("The workbook is busy (an edit is in progress)");
    await inWorker.close();
  });
});
