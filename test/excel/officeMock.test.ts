// The simplest commands against office-addin-mock's OfficeMockObject, Microsoft's own test double for Office.js,
// and applyEdits where the mock suffices (syncs counted, the order writes are queued in, nothing queued when the
// edits are refused). It has no notion of batches or collections loaded as "items/name", so the richer behaviour
// (writes failing mid-batch, all-or-nothing pushes, tables) is tested against fakeExcel.ts instead.
import { OfficeMockObject } from "office-addin-mock";
import type { WorkbookEdits } from "../../src/core/returns/types";
import { claimStampEdits } from "../../src/core/sheets/claimStamp";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import type { ExcelRun } from "../../src/excel/sheetIo";

interface MockSheet {
  name: string;
  visibility: string;
  position: number;
}

/** Excel.run over an office-addin-mock context: each batch gets the mocked context. */
function mockedRun(data: { context: object }): ExcelRun {
  const mock = new OfficeMockObject({
    ...data,
    run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  }) as unknown as { run: (batch: (context: unknown) => Promise<unknown>) => Promise<unknown> };
  return ((batch) => mock.run(batch as (context: unknown) => Promise<unknown>)) as ExcelRun;
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
  };
  const run = mockedRun(data);
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

/** A cell write the adapter queued, in the order it queued them. */
interface Write {
  address: string;
  property: "numberFormat" | "values" | "formulas";
  value: unknown[][];
}

/**
 * A mock workbook for applyEdits: sheets by name, each range (columns A to Z) remembering the number formats it was given at the
 * start ("General" unless set) and logging every write; context.sync counted. The mock does not run batches, so
 * writes are logged as they are queued (Office.js sends them in that order).
 */
function mockForEdits(sheetNames: string[], formats: Record<string, string> = {}) {
  const writes: Write[] = [];
  let syncs = 0;
  const range = (sheet: string, address: string) => {
    const [first, last = first] = address.split(":");
    const cells = (a: string) => /^([A-Z]+)(\d+)$/.exec(a)!;
    const [, c1, r1] = cells(first);
    const [, c2, r2] = cells(last);
    const rows = Number(r2) - Number(r1) + 1;
    const columns = c2.charCodeAt(0) - c1.charCodeAt(0) + 1;
    const grid = (value: (cell: string) => unknown) =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) =>
          value(`${String.fromCharCode(c1.charCodeAt(0) + c)}${Number(r1) + r}`),
        ),
      );
    const log = (property: Write["property"], value: unknown[][]) => {
      writes.push({ address: `${sheet}!${address}`, property, value });
    };
    const loaded = grid((cell) => formats[`${sheet}!${cell}`] ?? "General");
    // numberFormat is loaded (the formats above) and written (logged); values are only written.
    return {
      load: () => undefined,
      formulas: grid(() => ""),
      get numberFormat(): unknown[][] {
        return loaded;
      },
      set numberFormat(value: unknown[][]) {
        log("numberFormat", value);
      },
      set values(value: unknown[][]) {
        log("values", value);
      },
    };
  };
  const data = {
    context: {
      workbook: {
        worksheets: {
          items: sheetNames.map((name) => ({ name })),
          load(this: OfficeMockObject) {
            OfficeMockObject.prototype.load.call(this, "items");
          },
          getItem: (sheet: string) => ({ getRange: (address: string) => range(sheet, address) }),
        },
      },
      async sync(this: OfficeMockObject) {
        syncs++;
        await OfficeMockObject.prototype.sync.call(this);
      },
    },
  };
  const run = mockedRun(data);
  // A host with nothing beyond the declared API set: no table resizing, so no tables are read.
  return { workbook: new OfficeWorkbook({ run, probe: () => false }), writes, syncs: () => syncs };
}

describe("applyEdits on office-addin-mock", () => {
  const edits: WorkbookEdits = {
    createSheets: [],
    updates: [
      { sheet: "Actuals", cell: "D2", value: 14 },
      { sheet: "Actuals", cell: "F2", value: '=HYPERLINK("http://evidence.example")' },
    ],
    appends: [{ sheet: "Actuals", firstRow: 3, firstColumn: 1, rows: [["T1.2", "2009-10", "Q3", 3]] }],
  };

  it("reads, then writes in a fixed three syncs, each text cell formatted as text before its value lands", async () => {
    // D2 was typed as text once: the number written there must not stay text.
    const { workbook, writes, syncs } = mockForEdits(["Actuals"], { "Actuals!D2": "@" });
    await workbook.applyEdits(edits);

    expect(syncs()).toBe(3);
    expect(writes).toEqual([
      { address: "Actuals!D2", property: "numberFormat", value: [["General"]] },
      { address: "Actuals!D2", property: "values", value: [[14]] },
      { address: "Actuals!F2", property: "numberFormat", value: [["@"]] },
      { address: "Actuals!F2", property: "values", value: [['=HYPERLINK("http://evidence.example")']] },
      { address: "Actuals!A3:D3", property: "numberFormat", value: [["@", "@", "@", "General"]] },
      { address: "Actuals!A3:D3", property: "values", value: [["T1.2", "2009-10", "Q3", 3]] },
    ]);
  });

  it("writes nothing when an edit is for a sheet that is not there", async () => {
    const { workbook, writes, syncs } = mockForEdits(["Actuals"]);
    const bad = {
      ...edits,
      appends: [...edits.appends, { sheet: "Spend", firstRow: 2, firstColumn: 1, rows: [["P1"]] }],
    };
    await expect(workbook.applyEdits(bad)).rejects.toThrow('There is no sheet named "Spend".');
    expect(writes).toEqual([]);
    expect(syncs()).toBe(1);
  });
});

/** A mock workbook for a claim marked submitted: one claim sheet (its used range given), no registry yet; writes logged. */
function mockForSubmit(claimRows: unknown[][]) {
  const writes: string[] = [];
  let protectedWith: unknown = null;
  const range = (sheet: string, address: string) => {
    const log = (property: string) => (value: unknown) =>
      writes.push(`${sheet}!${address} ${property}=${JSON.stringify(value)}`);
    return {
      load: () => undefined,
      formulas: [[""]],
      get numberFormat(): unknown {
        return [["General"]];
      },
      set numberFormat(value: unknown) {
        log("numberFormat")(value);
      },
      set values(value: unknown) {
        log("values")(value);
      },
      format: {
        font: {
          set bold(value: unknown) {
            log("bold")(value);
          },
          set color(value: unknown) {
            log("fontColor")(value);
          },
        },
        fill: {
          set color(value: unknown) {
            log("fill")(value);
          },
        },
      },
    };
  };
  const claim = {
    getUsedRangeOrNullObject: () => ({
      isNullObject: false,
      address: `'Claim 2009-10 Q2'!A1:B${claimRows.length}`,
      values: claimRows,
      load: () => undefined,
    }),
    protection: {
      protected: false,
      load: () => undefined,
      protect: (options: unknown) => {
        protectedWith = options;
      },
    },
    getRange: (address: string) => range("Claim 2009-10 Q2", address),
  };
  const registry = { visibility: "", getRange: (address: string) => range("Tracker registry", address) };
  const data = {
    context: {
      workbook: {
        worksheets: {
          items: [{ name: "Claim 2009-10 Q2" }],
          load(this: OfficeMockObject) {
            OfficeMockObject.prototype.load.call(this, "items");
          },
          getItem: (name: string) => (name === "Claim 2009-10 Q2" ? claim : registry),
          getItemOrNullObject: (name: string) =>
            name === "Claim 2009-10 Q2"
              ? claim
              : { getUsedRangeOrNullObject: () => ({ isNullObject: true, load: () => undefined }) },
          add: () => registry,
        },
      },
    },
  };
  const run = mockedRun(data);
  return { workbook: new OfficeWorkbook({ run, probe: () => false }), writes, protectedWith: () => protectedWith };
}

describe("a claim marked submitted, on office-addin-mock", () => {
  it("stamps 'Submitted on dd/mm/yyyy' as text two rows below the figures, protects the sheet and records it", async () => {
    const { workbook, writes, protectedWith } = mockForSubmit([
      ["Claim", ""],
      ["", ""],
      ["Total", 1250],
    ]);
    const [claim] = await workbook.readSheets(["Claim 2009-10 Q2"]);
    await workbook.applyEdits(claimStampEdits(claim, "20/10/2009"));
    const stamp = writes.filter((write) => write.startsWith("Claim 2009-10 Q2!A5 "));
    // The text format lands before the value, so the stamp can never be read as anything but text.
    expect(stamp.slice(0, 2)).toEqual([
      'Claim 2009-10 Q2!A5 numberFormat=[["@"]]',
      'Claim 2009-10 Q2!A5 values=[["Submitted on 20/10/2009"]]',
    ]);
    expect(protectedWith()).not.toBeNull();
    expect(writes.find((write) => write.startsWith("Tracker registry!") && write.includes("values"))).toContain(
      '["Claim 2009-10 Q2","claim","","","submitted","20/10/2009"]',
    );
  });
});

/**
 * A mock workbook for readWorkbook: sheets in tab order with their values from A1, the second one active;
 * context.sync counted. Ranges are plain objects whose values are there before any load, as after a sync.
 */
function mockForRead(sheets: { name: string; visibility: string; rows: (string | number)[][] }[]) {
  let syncs = 0;
  const letters = (n: number) => String.fromCharCode(64 + n);
  const nothing = {
    isNullObject: true,
    load: () => undefined,
    getIntersectionOrNullObject: () => nothing,
    getUsedRangeOrNullObject: () => nothing,
  };
  const usedRange = (name: string) => {
    const rows = sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase())?.rows ?? [];
    if (rows.length === 0) return nothing;
    const columns = Math.max(...rows.map((row) => row.length));
    const values = rows.map((row) => Array.from({ length: columns }, (_, c) => row[c] ?? ""));
    const used = {
      isNullObject: false,
      address: `'${name}'!A1:${letters(columns)}${rows.length}`,
      rowCount: rows.length,
      columnCount: columns,
      values,
      numberFormat: values.map((row) => row.map(() => "General")),
      formulas: values,
      load: () => undefined,
      getIntersectionOrNullObject: () => used,
      getUsedRangeOrNullObject: () => used,
    };
    return used;
  };
  const data = {
    context: {
      workbook: {
        worksheets: {
          items: sheets.map(({ name, visibility }, position) => ({ name, visibility, position })),
          load(this: OfficeMockObject) {
            OfficeMockObject.prototype.load.call(this, "items");
          },
          getActiveWorksheet: () => ({ name: sheets[1].name, load: () => undefined }),
          getItemOrNullObject: (name: string) => ({ getUsedRangeOrNullObject: () => usedRange(name) }),
        },
      },
      async sync(this: OfficeMockObject) {
        syncs++;
        await OfficeMockObject.prototype.sync.call(this);
      },
    },
  };
  const run = mockedRun(data);
  return { workbook: new OfficeWorkbook({ run, probe: () => false }), syncs: () => syncs };
}

describe("readWorkbook on office-addin-mock", () => {
  const sheets = [
    { name: "Settings", visibility: "Visible", rows: [["Key", "Value"]] },
    {
      name: "RAG 2009-10 Q2",
      visibility: "Visible",
      rows: [
        ["Target ID", "RAG"],
        ["T1.1", "Green"],
      ],
    },
    { name: "Notes", visibility: "Hidden", rows: [["Our own notes: not read"]] },
    {
      name: "Tracker registry",
      visibility: "VeryHidden",
      rows: [
        ["Sheet", "Kind", "Fingerprint", "Written at", "Status", "Submitted on"],
        ["RAG 2009-10 Q2", "rag", "0123456789abcdef", "2009-10-20T10:00:00Z", "current", ""],
      ],
    },
  ];

  it("reads the tabs, the inputs, the registry and the summary sheets it names; the next read takes one sync", async () => {
    const { workbook, syncs } = mockForRead(sheets);

    const first = await workbook.readWorkbook();

    expect(first.sheets).toEqual([
      { name: "Settings", position: 0, visible: true },
      { name: "RAG 2009-10 Q2", position: 1, visible: true },
      { name: "Notes", position: 2, visible: false },
      { name: "Tracker registry", position: 3, visible: false },
    ]);
    expect(first.active).toBe("RAG 2009-10 Q2");
    expect(first.grids.map((grid) => grid.sheet)).toEqual(["Settings", "RAG 2009-10 Q2", "Tracker registry"]);
    expect(first.grids[1].rows).toEqual([
      ["Target ID", "RAG"],
      ["T1.1", "Green"],
    ]);
    expect(syncs()).toBe(2); // the summary sheets the registry names were not known before it was read

    expect(await workbook.readWorkbook()).toEqual(first);
    expect(syncs()).toBe(3);
  });

  it("leaves the summary sheets out of readInputSheets", async () => {
    const { workbook, syncs } = mockForRead(sheets);
    expect((await workbook.readInputSheets()).map((grid) => grid.sheet)).toEqual(["Settings", "Tracker registry"]);
    expect(syncs()).toBe(1);
  });
});
