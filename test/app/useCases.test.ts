// The use cases over an in-memory WorkbookPort (the pane tests' FakePort): what each one reads, writes and says.
import { submitClaim } from "../../src/app/claim";
import { periodFor, periodReportsFor } from "../../src/app/period";
import { reviewReturn } from "../../src/app/review";
import { saveSettings } from "../../src/app/settings";
import { insertTemplates } from "../../src/app/sheets";
import { updateSummarySheets } from "../../src/app/summary";
import { commitThenRefresh, loadWorkbook } from "../../src/app/workbook";
import { findGrid, type SheetGrid } from "../../src/core/grid";
import { readAudit } from "../../src/core/returns/audit";
import { REGISTRY_SHEET } from "../../src/core/sheets/registry";
import { SETTINGS_KEYS } from "../../src/core/templates";
import { applyReturns, previewReturns, recordReturnsSent, returnsToMake } from "../../src/app/returns";
import type { CellValue, WorkbookGrids } from "../../src/core/grid";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { gridOfSpec } from "../../src/core/returns/batch";
import { partnerReturnSheets } from "../../src/core/returns/returnSheets";
import { returnsStatuses } from "../../src/core/returns/status";
import { OVC, Q3, masterGrids, setCell } from "../core/returns/kit";
import { consortiumGrids } from "../taskpane/consortiumGrids";
import { FakePort } from "../taskpane/fakePort";

const TODAY = { year: 2009, month: 10, day: 20 };
const Q2 = { fy: "2009-10", quarter: 2 } as const;

describe("loadWorkbook", () => {
  it("imports the grids: the model, the problems by sheet and cell, the sheet names, no Import log yet", async () => {
    const data = await loadWorkbook(new FakePort(consortiumGrids()));
    expect(data.consortium.settings.consortium).toBe("Testshire Partnership");
    expect(data.consortium.targets.map((t) => t.id)).toContain("T1.1");
    expect(data.problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual(
      expect.arrayContaining(["Targets!I4", "Actuals!C7"]),
    );
    expect(data.sheetNames).toContain("Settings");
    expect(data.importLog).toBeUndefined();
    expect(data.registry).toEqual([]);
  });
});

describe("commitThenRefresh", () => {
  it("gives the outcome and the fresh data", async () => {
    const port = new FakePort(consortiumGrids());
    const done = await commitThenRefresh(port, async () => "written");
    expect(done.outcome).toBe("written");
    expect(done.data?.consortium.settings.consortium).toBe("Testshire Partnership");
  });

  it("keeps the outcome of a write whose re-read failed, with the read's error", async () => {
    const port = new FakePort(consortiumGrids());
    port.failReadsAfterWrite = new Error("Excel lost the connection");
    const done = await commitThenRefresh(port, () => saveSettings(port, { greenThreshold: 0.9 }));
    expect(done.data).toBeNull();
    expect((done.refreshError as Error).message).toBe("Excel lost the connection");
    port.readsFail = null;
    expect((await loadWorkbook(port)).consortium.settings.greenThreshold).toBe(0.9);
  });

  it("lets a failed write fail: nothing was written, nothing read", async () => {
    const port = new FakePort(consortiumGrids());
    port.failApply = new Error("The workbook is read-only");
    await expect(commitThenRefresh(port, () => saveSettings(port, { greenThreshold: 0.9 }))).rejects.toThrow(
      "The workbook is read-only",
    );
  });
});

describe("the period", () => {
  it("keeps the chosen period while its year is offered, else takes the latest with data", async () => {
    const { consortium, problems } = await loadWorkbook(new FakePort(consortiumGrids()));
    expect(periodFor(consortium, null)).toEqual(Q2);
    expect(periodFor(consortium, { fy: "2008-09", quarter: 4 })).toEqual({ fy: "2008-09", quarter: 4 });
    expect(periodFor(consortium, { fy: "2015-16", quarter: 1 })).toEqual(Q2);
    const { report, lastYear } = periodReportsFor(consortium, problems, Q2);
    expect(report.period).toEqual(Q2);
    expect(lastYear?.period).toEqual({ fy: "2008-09", quarter: 2 });
    // The plan starts in 2008-09: there is no year before it to compare with.
    expect(periodReportsFor(consortium, problems, { fy: "2008-09", quarter: 2 }).lastYear).toBeNull();
  });
});

describe("updateSummarySheets", () => {
  it("reads once, then writes the period's summary sheets and says how many errors the data has", async () => {
    const port = new FakePort(consortiumGrids());
    const outcome = await updateSummarySheets(port, { chosen: null, today: TODAY });
    if (outcome.kind !== "updated") throw new Error("expected an update");
    expect(outcome.period).toEqual(Q2);
    expect(outcome.push.sheets.map((s) => [s.writtenAs, s.action])).toEqual(
      expect.arrayContaining([
        ["Claim 2009-10 Q2", "created"],
        ["RAG 2009-10 Q2", "created"],
      ]),
    );
    expect(outcome.errors).toBe(outcome.read.problems.filter((p) => p.severity === "error").length);
    expect(outcome.errors).toBeGreaterThan(0);
    expect(port.calls.pushSummarySheets).toHaveLength(1);
  });

  it("writes nothing when the workbook names no financial year", async () => {
    const port = new FakePort([]);
    expect(await updateSummarySheets(port, { chosen: null, today: TODAY })).toEqual({ kind: "noPeriod" });
    expect(port.calls.pushSummarySheets).toHaveLength(0);
  });
});

describe("submitClaim", () => {
  const request = { period: Q2, submittedOn: "20/10/2009", at: "2009-10-20 14:05", command: "pane" };

  it("stamps, protects and records the claim, with an Audit row, in one batch", async () => {
    const port = new FakePort(consortiumGrids());
    await updateSummarySheets(port, { chosen: Q2, today: TODAY });
    const outcome = await submitClaim(port, request);
    expect(outcome).toEqual({ ok: true, sheet: "Claim 2009-10 Q2", submittedOn: "20/10/2009" });
    expect(port.calls.applyEdits).toHaveLength(1);
    const claim = port.sheets.find((s) => s.sheet === "Claim 2009-10 Q2")!;
    const lastRow = claim.rows.filter((row) => row.some((v) => v !== null && v !== "")).at(-1);
    expect(lastRow?.[0]).toBe("Submitted on 20/10/2009");
    expect(port.protectedSheets).toEqual(["Claim 2009-10 Q2"]);
    expect(port.registry.find((e) => e.sheet === "Claim 2009-10 Q2")).toMatchObject({
      status: "submitted",
      submittedOn: "20/10/2009",
    });
    expect(readAudit(await port.readInputSheets())).toEqual([
      expect.objectContaining({ sheet: "Claim 2009-10 Q2", newValue: "Submitted on 20/10/2009", command: "pane" }),
    ]);
  });

  it("says why, and writes nothing, when there is no claim sheet or it was submitted already", async () => {
    const port = new FakePort(consortiumGrids());
    const none = await submitClaim(port, request);
    expect(none).toEqual({ ok: false, reason: expect.stringMatching(/^there is no sheet "Claim 2009-10 Q2"/) });
    await updateSummarySheets(port, { chosen: Q2, today: TODAY });
    await submitClaim(port, request);
    const again = await submitClaim(port, { ...request, submittedOn: "21/10/2009" });
    expect(again).toEqual({ ok: false, reason: '"Claim 2009-10 Q2" was already marked as submitted on 20/10/2009' });
    expect(port.calls.applyEdits).toHaveLength(1);
    expect((await port.readSheets([REGISTRY_SHEET]))[0].rows.flat()).not.toContain("21/10/2009");
  });
});

describe("saveSettings", () => {
  const settingsOf = async (port: FakePort): Promise<SheetGrid> => findGrid(await port.readInputSheets(), "Settings")!;

  it("writes a key's value where the sheet has it, and a new key below the last row", async () => {
    const port = new FakePort(consortiumGrids());
    const before = (await settingsOf(port)).rows.length;
    await saveSettings(port, { greenThreshold: 0.9, funder: "Capacitybuilders" });
    const settings = await settingsOf(port);
    expect(settings.rows.length).toBe(before + 1);
    expect(settings.rows.find((row) => row[0] === SETTINGS_KEYS.greenThreshold.key)).toEqual([
      SETTINGS_KEYS.greenThreshold.key,
      0.9,
    ]);
    expect(settings.rows.at(-1)?.slice(0, 2)).toEqual([SETTINGS_KEYS.funder.key, "Capacitybuilders"]);
    const read = await loadWorkbook(port);
    expect(read.consortium.settings.greenThreshold).toBe(0.9);
    expect(read.consortium.settings.funder).toBe("Capacitybuilders");
  });

  it("adds a Settings sheet, headed Key and Value, to a workbook without one", async () => {
    const port = new FakePort([]);
    await saveSettings(port, { consortium: "OVSDP" });
    expect((await settingsOf(port)).rows).toEqual([
      ["Key", "Value"],
      ["Consortium", "OVSDP"],
    ]);
  });
});

describe("insertTemplates", () => {
  it("adds the missing template sheets and never touches one already there", async () => {
    const port = new FakePort(consortiumGrids());
    const outcome = await insertTemplates(port);
    expect(outcome.skipped).toEqual(expect.arrayContaining(["Settings", "Targets"]));
    expect(outcome.inserted).toContain("Instructions");
    expect(findGrid(await port.readInputSheets(), "Settings")?.rows[1]?.[1]).toBe("Testshire Partnership");
  });
});

describe("reviewReturn", () => {
  it("refuses a partner not on the Partners sheet, writing nothing", async () => {
    const port = new FakePort(consortiumGrids());
    const outcome = await reviewReturn(port, {
      partner: "Nobody",
      period: Q2,
      action: "Accepted",
      at: "2009-10-20 14:05",
      command: "pane",
    });
    expect(outcome).toEqual({ ok: false, reason: '"Nobody" is not on the Partners sheet' });
    expect(port.calls.applyEdits).toHaveLength(0);
  });
});

describe("partner returns", () => {
  const PREPARED = { masterName: "master.xlsx", preparedOn: { year: 2009, month: 12, day: 20 } };
  const options = { period: Q3, importedAt: "2010-01-20 14:05" };

  function filledReturn(master: WorkbookGrids, cells: Record<string, CellValue>) {
    const grids = partnerReturnSheets(importWorkbook(master).consortium, OVC, Q3, PREPARED).map(gridOfSpec);
    for (const [address, value] of Object.entries(cells)) setCell(grids, "Return", address, value);
    return [{ fileName: "ovc.xlsx", grids }];
  }

  it("makes each partner's return and records them as sent", async () => {
    const port = new FakePort(masterGrids());
    const data = await loadWorkbook(port);
    const outgoing = returnsToMake(data, Q3, PREPARED);
    expect(outgoing.returns.map((r) => r.partner)).toContain(OVC);
    const notSent = returnsStatuses(data.consortium, Q3, data.grids)
      .filter((s) => s.state === "Not sent")
      .map((s) => s.partner);
    expect(notSent.length).toBeGreaterThan(0);
    await recordReturnsSent(port, data, outgoing, "2009-12-20 10:00", "pane");
    const after = await loadWorkbook(port);
    const states = returnsStatuses(after.consortium, Q3, after.grids).filter((s) => notSent.includes(s.partner));
    expect(states.map((s) => s.state)).toEqual(notSent.map(() => "Sent"));
  });

  it("applies what the preview showed, and nothing when the workbook changed since", async () => {
    const port = new FakePort(masterGrids());
    const files = filledReturn(masterGrids(), { J23: 7 });
    const previewed = await previewReturns(port, files, options);
    expect(previewed.returns.map((r) => r.outcome)).toEqual(["ready"]);

    // Someone types a Q3 figure into Actuals between the preview and Apply.
    const other = new FakePort(masterGrids());
    await other.applyEdits(previewed.edits);
    const changed = await applyReturns(other, files, options, await previewReturns(port, files, options));
    expect(changed.kind).toBe("changed");
    expect(other.calls.applyEdits).toHaveLength(1); // only the edit made by hand above

    const applied = await applyReturns(port, files, options, previewed);
    expect(applied.kind).toBe("applied");
    expect(port.calls.applyEdits).toEqual([previewed.edits]);
    const again = await previewReturns(port, files, options);
    expect(again.returns.map((r) => r.outcome)).toEqual(["already"]);
  });
});
