// The bench's synthetic consortium as an open workbook in the fake Excel, with the adapter over it, on either
// host: Excel on the web (every ExcelApi set; requests and responses over 5 MB refused) or an Excel 2016 desktop
// with only the declared ExcelApi set (no RangeAreas, no size limit). Used by the sync tests and the benchmark; no
// jest here.
import { syntheticGrids } from "../../bench/syntheticConsortium";
import type { CellValue } from "../../src/core/grid";
import type { Period } from "../../src/core/periods";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import type { SheetSpec } from "../../src/core/sheets/spec";
import { buildSummarySheets } from "../../src/core/summarySheets";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { DECLARED_EXCEL_API } from "../../src/excel/requirements";
import { requestBudgetFor } from "../../src/excel/syncBudget";
import type { WorkbookSnapshot } from "../../src/workbook/port";
import { FakeExcel, type FakeValue } from "./fakeExcel";

export interface Host {
  label: string;
  apiVersion: string;
  /** Office's platform name, which decides whether requests are kept under 5 MB. */
  platform: "OfficeOnline" | "PC";
}

export const WEB: Host = { label: "web, ExcelApi 1.20", apiVersion: "1.20", platform: "OfficeOnline" };
export const DESKTOP: Host = {
  label: `desktop, ExcelApi ${DECLARED_EXCEL_API}`,
  apiVersion: DECLARED_EXCEL_API,
  platform: "PC",
};

/** The quarter the synthetic returns reach, and the day the papers are prepared. */
export const SYNTHETIC_PERIOD: Period = { fy: "2010-11", quarter: 2 };
const PREPARED_ON = { year: 2010, month: 10, day: 20 };

function excelValue(value: CellValue): FakeValue | null {
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569; // an Excel serial, as Office.js gives
  return value;
}

/** A fake workbook holding the synthetic template sheets. */
export function syntheticExcel(targets: number, host: Host): FakeExcel {
  const unlimited =
    host.platform === "OfficeOnline" ? {} : { requestLimitBytes: Infinity, responseLimitBytes: Infinity };
  const fake = new FakeExcel({ apiVersion: host.apiVersion, ...unlimited });
  for (const grid of syntheticGrids(targets)) {
    const sheet = fake.addSheet(grid.sheet);
    grid.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const written = excelValue(value);
        if (written !== null && written !== "") sheet.cell(grid.firstRow + r, grid.firstColumn + c).value = written;
      }),
    );
  }
  return fake;
}

/** The adapter over a fake workbook, as Excel would create it on the host. */
export function adapterFor(fake: FakeExcel, host: Host): OfficeWorkbook {
  return new OfficeWorkbook({
    run: fake.run,
    probe: fake.probe,
    now: () => new Date("2010-10-20T10:00:00Z"),
    requestBudgetBytes: requestBudgetFor(host.platform),
  });
}

/** The summary sheets the core makes of what a read found. */
export function summarySheetsOf(snapshot: WorkbookSnapshot): SheetSpec[] {
  const { consortium, problems } = importWorkbook(snapshot.grids);
  return buildSummarySheets(consortium, problems, SYNTHETIC_PERIOD, PREPARED_ON);
}

/** The syncs of each step of "Update summary sheets": read, then push from what was read. */
export interface UpdateSyncs {
  read: number;
  write: number;
}

export async function updateSummarySheets(fake: FakeExcel, port: OfficeWorkbook): Promise<UpdateSyncs> {
  const start = fake.syncs;
  const basis = await port.readWorkbook();
  const read = fake.syncs - start;
  const specs = summarySheetsOf(basis);
  const pushed = fake.syncs;
  await port.pushSummarySheets(specs, basis);
  return { read, write: fake.syncs - pushed };
}

/** A fake whose responses may hold 200,000 bytes: it stands in for Excel on the web's 5 MB, so small sheets will do. */
export const SMALL_RESPONSE_LIMIT = 200_000;

/** A Settings sheet and an Actuals sheet of `rows` returns (about 70 bytes a row in a response), under that limit. */
export function bigResponseWorkbook(rows: number): FakeExcel {
  const fake = new FakeExcel({ responseLimitBytes: SMALL_RESPONSE_LIMIT });
  fake.addSheet("Settings", [["Key", "Value"]]);
  const actuals = fake.addSheet("Actuals", [["Target ID", "FY", "Quarter", "Actual", "Comment"]]);
  for (let r = 2; r <= rows + 1; r++) {
    const values = [`T${r}.1`, "2009-10", "Q2", r % 97, "Returned on time with evidence"];
    values.forEach((value, c) => (actuals.cell(r, c + 1).value = value));
  }
  return fake;
}
