// The simplest commands against office-addin-mock's OfficeMockObject, Microsoft's own test double for Office.js.
// It has no notion of batches or collections loaded as "items/name", so the richer behaviour (syncs, text
// formats, all-or-nothing pushes) is tested against fakeExcel.ts instead.
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import type { ExcelRun } from "../../src/excel/sheetIo";

interface MockSheet {
  name: string;
  visibility: string;
  position: number;
}

/** A mock Excel whose worksheets collection loads its items whatever properties are asked for. */
function mockExcel(sheets: MockSheet[]) {
  const calls: string[] = [];
  const data = {
    context: {
      workbook: {
        worksheets: {
          items: sheets,
          load(this: OfficeMockObject) {
            // OfficeMockObject cannot load "items/name": load the whole items array instead.
            OfficeMockObject.prototype.load.call(this, "items");
          },
          getItem(name: string) {
            return {
              activate: () => calls.push(`activate ${name}`),
              getRange: (address: string) => ({ select: () => calls.push(`select ${name}!${address}`) }),
            };
          },
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as {
    run: (batch: (context: unknown) => Promise<unknown>) => Promise<unknown>;
  };
  const run = ((batch) => mock.run(batch as (context: unknown) => Promise<unknown>)) as ExcelRun;
  return { run, calls };
}

describe("OfficeWorkbook on office-addin-mock", () => {
  it("lists the visible sheets in tab order", async () => {
    const { run } = mockExcel([
      { name: "Targets", visibility: "Visible", position: 1 },
      { name: "Tracker registry", visibility: "VeryHidden", position: 2 },
      { name: "Settings", visibility: "Visible", position: 0 },
    ]);
    expect(await new OfficeWorkbook({ run }).sheetNames()).toEqual(["Settings", "Targets"]);
  });

  it("activates the sheet, then selects the cell", async () => {
    const { run, calls } = mockExcel([{ name: "Targets", visibility: "Visible", position: 0 }]);
    await new OfficeWorkbook({ run }).selectCell("Targets", "H12");
    expect(calls).toEqual(["activate Targets", "select Targets!H12"]);
  });
});
