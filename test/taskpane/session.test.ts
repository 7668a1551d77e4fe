// The pane's workbook session: what crosses to the pane (in standalone mode, from the worker) is only what the pane
// draws, it can be copied between threads, and it follows the period the pane chooses.
import { PaneSession } from "../../src/taskpane/state/session";
import { consortiumGrids } from "./consortiumGrids";
import { FakePort } from "./fakePort";

const TODAY = { year: 2009, month: 10, day: 20 };

describe("PaneSession", () => {
  it("hands the pane the period's view without the workbook's grids or its whole model, as data a worker can post", async () => {
    const session = new PaneSession(new FakePort(consortiumGrids()));
    await session.choose(null, TODAY);
    const data = await session.read();
    expect(Object.keys(data)).not.toContain("grids");
    expect(Object.keys(data)).not.toContain("consortium");
    expect(data.view.period).toEqual({ fy: "2009-10", quarter: 2 });
    expect(data.view.overview?.projects.map((p) => p.id)).toContain("P1");
    expect(structuredClone(data)).toEqual(data);
  });

  it("reports at the period chosen, for the data read and for every read after", async () => {
    const session = new PaneSession(new FakePort(consortiumGrids()));
    expect(await session.choose({ fy: "2009-10", quarter: 1 }, TODAY)).toBeNull();
    expect((await session.read()).view.period).toEqual({ fy: "2009-10", quarter: 1 });
    const view = await session.choose({ fy: "2008-09", quarter: 4 }, TODAY);
    expect(view?.period).toEqual({ fy: "2008-09", quarter: 4 });
    expect(view?.overview?.period).toEqual({ fy: "2008-09", quarter: 4 });
  });

  it("updates the summary sheets and reads again; a failed re-read is said apart from the write", async () => {
    const port = new FakePort(consortiumGrids());
    const session = new PaneSession(port);
    const done = await session.updateSummary(null, TODAY);
    expect(done.outcome.kind).toBe("updated");
    expect(done.data?.sheetNames).toContain("Claim 2009-10 Q2");
    expect(port.calls.pushSummarySheets).toHaveLength(1);

    port.failReadsAfterWrite = new Error("The workbook is busy");
    const again = await session.saveSettings({
      greenThreshold: 0.9,
      amberThreshold: 0.7,
      spendGreenTolerance: 0.1,
      spendAmberTolerance: 0.2,
      projectRollup: "Worst",
    });
    expect(again.data).toBeNull();
    expect(String(again.refreshError)).toContain("The workbook is busy");
  });
});
