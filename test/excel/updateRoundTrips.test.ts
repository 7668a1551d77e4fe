// "Update summary sheets" in Excel at the round-trip floor: one read (readWorkbook) and one write (the push from
// what was read), on the fake Excel (fakeExcel.ts counts syncs and refuses requests and responses over 5 MB on the
// web) with the bench's synthetic consortium.
import type { WorkbookGrids } from "../../src/core/grid";
import { fingerprintOfGrid, REGISTRY_SHEET } from "../../src/core/sheets/registry";
import {
  DESKTOP,
  WEB,
  adapterFor,
  bigResponseWorkbook,
  summarySheetsOf,
  syntheticExcel,
  updateSummarySheets,
  type Host,
} from "./syntheticWorkbook";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { FakeExcel, type FakeSheet } from "./fakeExcel";

/** What a user could see of the workbook: sheets in tab order, their visibility and values. */
function snapshot(fake: FakeExcel) {
  return fake.sheets.map((sheet: FakeSheet) => ({
    name: sheet.name,
    visibility: sheet.visibility,
    protected: sheet.protection !== null,
    values: sheet.table(),
  }));
}

/** A synthetic workbook opened in the adapter (as the pane does first), with its summary sheets written once. */
async function openedAndUpdated(targets: number, host: Host) {
  const fake = syntheticExcel(targets, host);
  const port = adapterFor(fake, host);
  await port.readWorkbook();
  const first = await updateSummarySheets(fake, port);
  return { fake, port, first };
}

describe.each([
  ["Excel on the web", WEB],
  ["desktop Excel", DESKTOP],
])("Update summary sheets on %s", (_label, host) => {
  it.each([100, 1_000])(
    "takes 1 read sync and 1 write sync at %i targets, first time and every time after, none refused",
    async (targets) => {
      const { fake, port, first } = await openedAndUpdated(targets, host);
      expect(first).toEqual({ read: 1, write: 1 });

      const before = fake.syncLog.length;
      const again = await updateSummarySheets(fake, port);
      expect(again).toEqual({ read: 1, write: 1 });
      expect(fake.syncLog.slice(before).some((sync) => sync.refused)).toBe(false);
      expect(fake.find(REGISTRY_SHEET)?.visibility).toBe("VeryHidden");
    },
    120_000,
  );
});

describe("after the write", () => {
  it.each([
    ["creating the summary sheets", 0],
    ["replacing them", 1],
  ])(
    "the outcome holds what a read would find after %s, so the pane need not read again",
    async (_step, updates) => {
      const fake = syntheticExcel(100, WEB);
      const port = adapterFor(fake, WEB);
      for (let n = 0; n < updates; n++) await updateSummarySheets(fake, port);
      const basis = await port.readWorkbook();

      const { after } = await port.pushSummarySheets(summarySheetsOf(basis), basis);

      const read = await port.readWorkbook();
      expect(after?.sheets).toEqual(read.sheets);
      expect(after?.active).toBe(read.active);
      const contents = (grids: WorkbookGrids) => grids.map((grid) => [grid.sheet, fingerprintOfGrid(grid)]);
      expect(contents(after!.grids)).toEqual(contents(read.grids));
    },
    60_000,
  );
});

describe("the one write batch, all or nothing", () => {
  it("replaces the summary sheets it wrote, and says so", async () => {
    const { fake, port } = await openedAndUpdated(100, WEB);
    const basis = await port.readWorkbook();
    const outcome = await port.pushSummarySheets(summarySheetsOf(basis), basis);
    expect(outcome.sheets.length).toBeGreaterThan(0);
    expect(outcome.sheets.every((sheet) => sheet.action === "replaced")).toBe(true);
    expect(fake.names().filter((name) => name.startsWith("~tracker"))).toEqual([]);
  }, 60_000);

  it.each([
    [
      "drawing a sheet",
      (call: { kind: string; sheet?: string }) => call.kind === "values" && call.sheet === "~tracker 2",
    ],
    [
      "renaming a new sheet into place",
      (call: { kind: string; sheet?: string }) => call.kind === "rename" && call.sheet === "~tracker 2",
    ],
    [
      "rewriting the registry",
      (call: { kind: string; sheet?: string }) => call.kind === "values" && call.sheet === REGISTRY_SHEET,
    ],
    ["deleting the old sheets", (call: { kind: string; sheet?: string }) => call.kind === "delete"],
  ])(
    "leaves the workbook as it was when %s fails",
    async (_step, failing) => {
      const { fake, port } = await openedAndUpdated(100, WEB);
      const basis = await port.readWorkbook();
      const specs = summarySheetsOf(basis);
      const before = snapshot(fake);
      fake.failOnce(failing);

      await expect(port.pushSummarySheets(specs, basis)).rejects.toThrow(/injected failure/);

      expect(snapshot(fake)).toEqual(before);
    },
    60_000,
  );

  it("never overwrites a summary sheet someone edited: the new one goes beside it", async () => {
    const { fake, port } = await openedAndUpdated(100, WEB);
    const basis = await port.readWorkbook();
    const specs = summarySheetsOf(basis);
    const edited = specs[0].name;
    fake.sheet(edited).cell(1, 1).value = "Our own notes";

    const fresh = await port.readWorkbook();
    const outcome = await port.pushSummarySheets(specs, fresh);

    expect(fake.sheet(edited).at("A1").value).toBe("Our own notes");
    expect(outcome.sheets.find((sheet) => sheet.requested === edited)).toMatchObject({
      action: "keptExisting",
      writtenAs: `${edited} (2)`,
    });
  }, 60_000);

  it("reads a sheet the plan needs when the basis lacks it, rather than guess (2 syncs)", async () => {
    const { fake, port } = await openedAndUpdated(100, WEB);
    const basis = await port.readWorkbook();
    const specs = summarySheetsOf(basis);
    const edited = specs[0].name;
    fake.sheet(edited).cell(1, 1).value = "Our own notes";
    // A basis without the summary sheets (as readInputSheets would give) cannot tell an edited sheet from its own.
    const lacking = { ...basis, grids: basis.grids.filter((grid) => grid.sheet !== edited) };

    const syncs = fake.syncs;
    const outcome = await port.pushSummarySheets(specs, lacking);

    expect(fake.syncs - syncs).toBe(2);
    expect(fake.sheet(edited).at("A1").value).toBe("Our own notes");
    expect(outcome.sheets.find((sheet) => sheet.requested === edited)?.action).toBe("keptExisting");
  }, 60_000);
});

describe("a submitted claim", () => {
  it("is never written again: an update whose figures are the same leaves it exactly as it was, in 1 read and 1 write", async () => {
    const { fake, port } = await openedAndUpdated(100, WEB);
    const claim = summarySheetsOf(await port.readWorkbook()).find((spec) => spec.kind === "claim")!.name;
    // Recorded as submitted, as the pane's "Mark as submitted" does.
    const registry = fake.sheet(REGISTRY_SHEET);
    const row = registry.table().findIndex((cells) => cells[0] === claim) + 1;
    registry.cell(row, 5).value = "submitted";
    registry.cell(row, 6).value = "2010-10-21";
    const before = fake.sheet(claim).table();

    const syncs = fake.syncs;
    const basis = await port.readWorkbook();
    const outcome = await port.pushSummarySheets(summarySheetsOf(basis), basis);

    expect(fake.syncs - syncs).toBe(2);
    expect(outcome.sheets.find((sheet) => sheet.requested === claim)?.action).toBe("notWritten");
    expect(fake.sheet(claim).table()).toEqual(before);
    expect(fake.names().filter((name) => name.toLowerCase().startsWith(claim.toLowerCase()))).toEqual([claim]);
  }, 60_000);
});

describe("a workbook bigger than one response", () => {
  const bigWorkbook = bigResponseWorkbook;

  it("is read again in the fewest responses that fit, none refused, once the session has read it", async () => {
    const fake = bigWorkbook(8_000); // about 560 KB of values and formats
    const port = new OfficeWorkbook({ run: fake.run, probe: fake.probe, responseBudgetBytes: 160_000 });
    const opened = await port.readWorkbook();

    const syncs = fake.syncs;
    const again = await port.readWorkbook();
    const log = fake.syncLog.slice(syncs);

    expect(log.some((sync) => sync.refused)).toBe(false);
    const bytes = log.reduce((sum, sync) => sum + sync.responseBytes, 0);
    expect(log.length).toBeLessThanOrEqual(Math.ceil(bytes / 160_000) + 1);
    expect(again.grids).toEqual(opened.grids);
    const actuals = again.grids.find((grid) => grid.sheet === "Actuals")!;
    expect(actuals.rows).toHaveLength(8_001);
    expect(actuals.rows[8_000]).toEqual(["T8001.1", "2009-10", "Q2", 8_001 % 97, "Returned on time with evidence"]);
  });
});
