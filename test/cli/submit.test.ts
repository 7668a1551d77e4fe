// consortium-tracker submit, and the quarter run headless: report, submit, report again (nothing new, or an
// adjustment when a figure changed). The master file is never written.
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { AUDIT_COLUMNS, AUDIT_SHEET, readAudit } from "../../src/core/returns/audit";
import { readRegistry, REGISTRY_SHEET } from "../../src/core/sheets/registry";
import { readGrid } from "../../src/file/readGrids";
import { cliAt } from "../support/cli";

jest.setTimeout(120_000);

const run = cliAt(new Date(2009, 9, 20, 9, 0, 0));

async function openXlsx(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fs.readFile(file)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return workbook;
}

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

describe("consortium-tracker submit", () => {
  let dir: string;
  let example: string;
  let reported: string;
  let submitted: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "consortium-submit-"));
    example = path.join(dir, "example.xlsx");
    reported = path.join(dir, "reported.xlsx");
    submitted = path.join(dir, "submitted.xlsx");
    expect((await run("example", example)).code).toBe(0);
    expect((await run("report", example, "--period", "2009-10 Q2", "--out", reported)).code).toBe(0);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("stamps and protects the period's claim in a copy, records it, and leaves the master as it was", async () => {
    const before = await fs.readFile(reported);
    const result = await run("submit", reported, "--period", "2009-10 Q2", "--out", submitted);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Marked Claim 2009-10 Q2 as submitted on 20\/10\/2009/);
    expect(await fs.readFile(reported)).toEqual(before);

    const workbook = await openXlsx(submitted);
    const claim = workbook.getWorksheet("Claim 2009-10 Q2")!;
    expect(readGrid(claim).rows.flat()).toContain("Submitted on 20/10/2009");
    expect((claim as unknown as { sheetProtection: { sheet?: boolean } }).sheetProtection.sheet).toBe(true);
    const registry = readRegistry(readGrid(workbook.getWorksheet(REGISTRY_SHEET)!));
    expect(registry.find((e) => e.sheet === "Claim 2009-10 Q2")).toMatchObject({
      status: "submitted",
      submittedOn: "20/10/2009",
    });
  });

  it("appends one row to the Audit sheet: the claim, when, which command and who, keeping the rows already there", async () => {
    // A copy whose Audit sheet already holds a row (an earlier decision): it must still be there, unchanged.
    const withAudit = path.join(dir, "with-audit.xlsx");
    const workbook = await openXlsx(reported);
    const audit = workbook.addWorksheet(AUDIT_SHEET);
    audit.addRow(AUDIT_COLUMNS.map((column) => column.header));
    const earlier = AUDIT_COLUMNS.map((column) => `earlier ${column.key}`);
    audit.addRow(earlier);
    await workbook.xlsx.writeFile(withAudit);

    const out = path.join(dir, "audited.xlsx");
    const result = await run("submit", withAudit, "--period", "2009-10 Q2", "--by", "J. Okafor", "--out", out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Recorded on the Audit sheet.");
    const rows = readAudit([readGrid((await openXlsx(out)).getWorksheet(AUDIT_SHEET)!)]);
    expect(rows).toHaveLength(2);
    expect(Object.values(rows[0])).toEqual(earlier);
    expect(rows[1]).toMatchObject({
      when: "2009-10-20 09:00",
      command: "submit",
      sheet: "Claim 2009-10 Q2",
      row: "Claim 2009-10 Q2 marked submitted on 20/10/2009",
      oldValue: "Not submitted",
      newValue: "Submitted on 20/10/2009",
      period: "2009-10 Q2",
      by: "J. Okafor",
    });
  });

  it("creates the Audit sheet when the workbook has none, with the system's user name as who", async () => {
    const rows = readAudit([readGrid((await openXlsx(submitted)).getWorksheet(AUDIT_SHEET)!)]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sheet: "Claim 2009-10 Q2", command: "submit", by: os.userInfo().username });
  });

  it("then a report for the quarter writes no second claim when no figure changed", async () => {
    const again = path.join(dir, "again.xlsx");
    const result = await run("report", submitted, "--period", "2009-10 Q2", "--out", again);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "no new claim (Claim 2009-10 Q2 was submitted on 20/10/2009 and no figure has changed)",
    );
    const names = (await openXlsx(again)).worksheets.map((sheet) => sheet.name);
    expect(names.filter((name) => /^(Claim|Adjustment)/.test(name))).toEqual(["Claim 2009-10 Q2"]);
  });

  it("and an Adjustment sheet when a spend figure was corrected after submission", async () => {
    const corrected = path.join(dir, "corrected.xlsx");
    const workbook = await openXlsx(submitted);
    const spend = workbook.getWorksheet("Spend")!;
    const rows = readGrid(spend).rows;
    const at = rows.findIndex((row) => row[2] === "2009-10" && row[3] === "Q2");
    expect(at).toBeGreaterThan(0);
    const amount = spend.getCell(at + 1, 5);
    amount.value = Number(amount.value) + 100;
    await workbook.xlsx.writeFile(corrected);

    const out = path.join(dir, "adjusted.xlsx");
    const result = await run("report", corrected, "--period", "2009-10 Q2", "--out", out);
    expect(result.stdout).toMatch(
      /Adjustment 2009-10 Q2 \(Claim 2009-10 Q2 was submitted on 20\/10\/2009 and \d+ figures have changed since/,
    );
    const adjusted = await openXlsx(out);
    const adjustment = readGrid(adjusted.getWorksheet("Adjustment 2009-10 Q2")!).rows;
    expect(adjustment.some((row) => row.includes("Spend to date"))).toBe(true);
    expect(adjusted.worksheets.map((sheet) => sheet.name)).not.toContain("Claim 2009-10 Q2 (2)");
  });

  it("refuses a quarter with no claim sheet, an already submitted claim, and a missing --period, with exit 2", async () => {
    const nowhere = path.join(dir, "nowhere.xlsx");
    const noClaim = await run("submit", example, "--period", "2009-10 Q2", "--out", nowhere);
    expect(noClaim.code).toBe(2);
    expect(noClaim.stderr).toBe(
      'consortium-tracker: Cannot mark the 2009-10 Q2 claim as submitted: there is no sheet "Claim 2009-10 Q2": ' +
        "write the claim first (consortium-tracker report, or Update summary sheets).\n",
    );
    expect(await exists(nowhere)).toBe(false);

    const twice = await run("submit", submitted, "--period", "2009-10 Q2", "--out", nowhere);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/"Claim 2009-10 Q2" was already marked as submitted on 20\/10\/2009/);

    const noPeriod = await run("submit", reported, "--out", nowhere);
    expect(noPeriod.code).toBe(2);
    expect(noPeriod.stderr).toMatch(/--period "2009-10 Q2"/);

    const overMaster = await run("submit", reported, "--period", "2009-10 Q2", "--out", reported);
    expect(overMaster.code).toBe(2);
    expect(overMaster.stderr).toMatch(/never written/);
  });
});
