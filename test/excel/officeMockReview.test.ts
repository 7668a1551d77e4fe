// What review and lock needs from the Office.js adapter, on office-addin-mock: applyEdits creating the Returns
// status and Audit sheets and appending rows to them, then readInputSheets reading them back. The mock's cells
// behave as Excel's do where it matters here: a string written to a cell not formatted as text is parsed (an
// "=..." becomes a formula, a date-like string a date serial), so only text written as text reads back as typed.
import { OfficeMockObject } from "office-addin-mock";
import { parseCellAddress, type WorkbookGrids } from "../../src/core/grid";
import {
  AUDIT_SHEET,
  auditAppend,
  claimSubmittedEdits,
  readAudit,
  type AuditEntry,
} from "../../src/core/returns/audit";
import {
  readStatusEvents,
  RETURNS_STATUS_SHEET,
  sentEdits,
  STATUS_COLUMNS,
  returnsStatusSheet,
} from "../../src/core/returns/status";
import { logAppend } from "../../src/core/returns/importLog";
import type { WorkbookEdits } from "../../src/core/returns/types";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import type { ExcelRun } from "../../src/excel/sheetIo";

interface Cell {
  value: string | number | boolean;
  format: string;
  formula?: string;
}

/** The workbook behind the mock: sheets in tab order, each a map of "row,column" to its cell. */
type Store = Map<string, Map<string, Cell>>;

/** Absorbs whatever drawing calls the adapter makes that these tests do not look at (styles, widths, freezes). */
function sink(): unknown {
  const target = () => undefined;
  return new Proxy(target, { get: (_t, key) => (key === "then" ? undefined : sink()), set: () => true, apply: sink });
}

function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function cellsOf(address: string): { row: number; column: number }[] {
  const [first, last = first] = address.split(":");
  const a = parseCellAddress(first)!;
  const b = parseCellAddress(last)!;
  const cells = [];
  for (let row = a.row; row <= b.row; row++)
    for (let column = a.column; column <= b.column; column++) cells.push({ row, column });
  return cells;
}

/** Excel's reading of a string typed into a cell that is not formatted as text. */
function parsedByExcel(text: string): Pick<Cell, "value" | "formula"> {
  if (text.startsWith("=")) return { value: "#NAME?", formula: text };
  if (/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/.test(text)) return { value: 40106.59 }; // a date serial, not the text
  return { value: text };
}

function rangeOn(store: Store, sheet: string, address: string) {
  const cells = () => store.get(sheet)!;
  const each = (grid: unknown[][], apply: (cell: { row: number; column: number }, given: unknown) => void) => {
    const at = cellsOf(address);
    const width = at.filter((cell) => cell.row === at[0].row).length;
    // A single value is spread over the range, as Excel does.
    at.forEach((cell, i) =>
      apply(cell, grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid[Math.floor(i / width)][i % width]),
    );
  };
  const grid = (read: (cell: Cell | undefined) => unknown) => {
    const at = cellsOf(address);
    const width = at.filter((cell) => cell.row === at[0].row).length;
    const rows: unknown[][] = [];
    at.forEach((cell, i) => (rows[Math.floor(i / width)] ??= []).push(read(cells().get(`${cell.row},${cell.column}`))));
    return rows;
  };
  const own = {
    load: () => undefined,
    get numberFormat() {
      return grid((cell) => cell?.format ?? "General");
    },
    set numberFormat(formats: unknown[][]) {
      each(formats, ({ row, column }, format) => {
        const key = `${row},${column}`;
        cells().set(key, { ...(cells().get(key) ?? { value: "" }), format: String(format) });
      });
    },
    get formulas() {
      return grid((cell) => cell?.formula ?? cell?.value ?? "");
    },
    get values(): unknown[][] {
      return grid((cell) => cell?.value ?? "");
    },
    set values(values: unknown[][]) {
      each(values, ({ row, column }, value) => {
        const key = `${row},${column}`;
        const format = cells().get(key)?.format ?? "General";
        const written =
          typeof value === "string" && format !== "@" ? parsedByExcel(value) : { value: value as Cell["value"] };
        cells().set(key, { format, ...written });
      });
    },
  };
  return new Proxy(own, { get: (target, key) => (key in target ? Reflect.get(target, key) : sink()) });
}

/** The used range of a sheet (null object when it has no values), as Office.js loads it. */
function usedRange(store: Store, sheet: string | null) {
  const filled = sheet ? [...store.get(sheet)!].filter(([, cell]) => cell.value !== "") : [];
  if (!sheet || filled.length === 0) {
    const nothing = {
      isNullObject: true,
      load: () => undefined,
      getUsedRangeOrNullObject: () => nothing,
      getIntersectionOrNullObject: () => nothing,
    };
    return nothing;
  }
  const at = filled.map(([key]) => key.split(",").map(Number));
  const [top, left] = [Math.min(...at.map(([r]) => r)), Math.min(...at.map(([, c]) => c))];
  const [bottom, right] = [Math.max(...at.map(([r]) => r)), Math.max(...at.map(([, c]) => c))];
  const local = `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;
  const cells = rangeOn(store, sheet, local);
  const used = {
    isNullObject: false,
    address: `'${sheet}'!${local}`,
    load: () => undefined,
    get values() {
      return cells.values;
    },
    getIntersectionOrNullObject: () => used,
    getUsedRangeOrNullObject: () => used,
  };
  return used;
}

function worksheet(store: Store, name: string) {
  return new Proxy(
    {
      getRange: (address: string) => rangeOn(store, name, address),
      getUsedRangeOrNullObject: () => usedRange(store, name),
    },
    { get: (target, key) => (key in target ? Reflect.get(target, key) : sink()) },
  );
}

/** An OfficeWorkbook over the store: every Excel.run gets a fresh mock listing the sheets as they are now. */
function officeOver(store: Store): OfficeWorkbook {
  const actual = (name: string) => [...store.keys()].find((sheet) => sheet.toLowerCase() === name.toLowerCase());
  const run = ((batch: (context: unknown) => Promise<unknown>) => {
    const data = {
      context: {
        workbook: {
          worksheets: {
            items: [...store.keys()].map((name) => ({ name })),
            load(this: OfficeMockObject) {
              OfficeMockObject.prototype.load.call(this, "items");
            },
            getItem: (name: string) => worksheet(store, actual(name)!),
            getItemOrNullObject: (name: string) => {
              const found = actual(name);
              return found ? worksheet(store, found) : { getUsedRangeOrNullObject: () => usedRange(store, null) };
            },
            add: (name: string) => {
              store.set(name, new Map());
              return worksheet(store, name);
            },
          },
        },
      },
      run: async function (this: { context: unknown }, work: (context: unknown) => Promise<unknown>) {
        return work(this.context);
      },
    };
    const mock = new OfficeMockObject(data) as unknown as { run: (work: typeof batch) => Promise<unknown> };
    return mock.run(batch);
  }) as ExcelRun;
  // A host with nothing beyond the declared API set.
  return new OfficeWorkbook({ run, probe: () => false });
}

const PERIOD = { fy: "2009-10", quarter: 2 } as const;
const SENT_BACK_REASON = '=HYPERLINK("http://evidence.example","see the evidence")';

/** A review decision's rows, built as the core builds them: one on Returns status, one on Audit. */
function sentBack(grids: WorkbookGrids): WorkbookEdits {
  const status = logAppend(grids, returnsStatusSheet(), STATUS_COLUMNS, [
    {
      changedAt: "2009-10-20 14:05",
      period: "2009-10 Q2",
      partner: "Riverside Trust",
      status: "Returned for revision",
      reason: SENT_BACK_REASON,
      by: "J. Okafor",
      command: "pane",
      figures: null,
    },
  ]);
  const entry: AuditEntry = {
    when: "2009-10-20 14:05",
    command: "pane",
    sheet: RETURNS_STATUS_SHEET,
    cell: "A3",
    row: "Riverside Trust 2009-10 Q2",
    field: "Status",
    oldValue: "Received",
    newValue: "Returned for revision",
    fileName: null,
    contentHash: null,
    partner: "Riverside Trust",
    period: "2009-10 Q2",
    reason: SENT_BACK_REASON,
    by: "J. Okafor",
  };
  const audit = auditAppend(grids, [entry]);
  return {
    createSheets: [status.create, audit.create].filter((spec) => spec !== null),
    updates: [],
    appends: [status.append, audit.append].filter((append) => append !== null),
  };
}

describe("review and lock through the Office.js adapter, on office-addin-mock", () => {
  it("creates the Returns status and Audit sheets, appends each decision below the last row, and reads them back as text", async () => {
    const store: Store = new Map([["Claim 2009-10 Q2", new Map()]]);
    const workbook = officeOver(store);
    expect(await workbook.readInputSheets()).toEqual([]); // neither sheet yet

    // Returns sent (row 2), then one sent back (row 3), each read back before the next, as the pane does.
    await workbook.applyEdits(
      sentEdits(await workbook.readInputSheets(), ["Riverside Trust"], PERIOD, "2009-10-01 09:30", "pane"),
    );
    await workbook.applyEdits(sentBack(await workbook.readInputSheets()));
    const grids = await workbook.readInputSheets();

    expect(grids.map((grid) => grid.sheet)).toEqual([RETURNS_STATUS_SHEET, AUDIT_SHEET]);
    const events = readStatusEvents(grids);
    expect(events.map((event) => [event.changedAt, event.partner, event.action, event.reason])).toEqual([
      ["2009-10-01 09:30", "Riverside Trust", "Sent", ""],
      ["2009-10-20 14:05", "Riverside Trust", "Returned for revision", SENT_BACK_REASON],
    ]);
    // The partner-facing reason sits on row 3 as the text typed, in a text-formatted cell: never a formula.
    const reasonCell = store.get(RETURNS_STATUS_SHEET)!.get("3,5")!;
    expect(reasonCell).toEqual({ value: SENT_BACK_REASON, format: "@" });
    // Timestamps stay the text written, not dates Excel would make of them.
    expect(store.get(RETURNS_STATUS_SHEET)!.get("2,1")).toEqual({ value: "2009-10-01 09:30", format: "@" });
    const audit = readAudit(grids);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ when: "2009-10-20 14:05", reason: SENT_BACK_REASON, by: "J. Okafor" });
  });

  it("adds the claim marked submitted to the Audit sheet below the earlier rows, leaving them as they were", async () => {
    const store: Store = new Map([["Claim 2009-10 Q2", new Map()]]);
    const workbook = officeOver(store);
    await workbook.applyEdits(sentBack(await workbook.readInputSheets()));
    const before = readAudit(await workbook.readInputSheets());

    const claim = claimSubmittedEdits(await workbook.readInputSheets(), {
      sheet: "Claim 2009-10 Q2",
      period: PERIOD,
      submittedOn: "20/10/2009",
      at: "2009-10-20 15:00",
      command: "pane",
    });
    expect(claim.createSheets).toEqual([]); // the Audit sheet is there already
    await workbook.applyEdits(claim);

    const after = readAudit(await workbook.readInputSheets());
    expect(after).toHaveLength(2);
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toMatchObject({
      when: "2009-10-20 15:00",
      sheet: "Claim 2009-10 Q2",
      row: "Claim 2009-10 Q2 marked submitted on 20/10/2009",
      newValue: "Submitted on 20/10/2009",
      by: "",
    });
    // Row 3 of the Audit sheet, its first cell text.
    expect(store.get(AUDIT_SHEET)!.get("3,1")).toEqual({ value: "2009-10-20 15:00", format: "@" });
  });
});
