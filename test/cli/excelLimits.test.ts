// Limits Excel has: text longer than a cell holds is refused at its cell, and a period outside the plan is said
// (exit 1) rather than reported as an empty quarter.
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../src/cli/main";

jest.setTimeout(120_000);

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    argv,
    { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) },
    { now: () => new Date(2010, 0, 12, 10, 0) },
  );
  return { code, stdout, stderr };
}

let dir: string;
let master: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "limits-"));
  master = path.join(dir, "master.xlsx");
  expect((await run("example", master)).code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("Excel's limits", () => {
  it("a 40,000-character comment in a return is refused at its cell and never written into the master", async () => {
    const returnsDir = path.join(dir, "returns");
    expect((await run("returns", master, "--period", "2009-10 Q3", "--out-dir", returnsDir)).code).toBe(0);
    const issued = path.join(returnsDir, "2009-10 Q3 return - ORCC.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(issued);
    const sheet = workbook.getWorksheet("Return")!;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (!row && r.getCell(1).text === "T4.1") row = n;
    });
    sheet.getCell(`J${row}`).value = 3;
    sheet.getCell(`L${row}`).value = "x".repeat(40_000);
    const filled = path.join(dir, "orcc.xlsx");
    await workbook.xlsx.writeFile(filled);

    const out = path.join(dir, "imported.xlsx");
    const result = await run("import", master, filled, "--apply", "--out", out);
    expect(result.code).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toContain(
      `Return!L${row} error L${row} holds 40,000 characters, more than the 32,767 an Excel cell can hold: shorten it`,
    );
    const written = await fs.access(out).then(
      () => true,
      () => false,
    );
    if (written) {
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(out);
      let longest = 0;
      copy.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => void (longest = Math.max(longest, c.text.length)))));
      expect(longest).toBeLessThanOrEqual(32_767);
    }
  });

  it("a period outside the plan is said, exit 1, and nothing is written", async () => {
    const out = path.join(dir, "later.xlsx");
    const result = await run("report", master, "--period", "2012-13 Q1", "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "consortium-tracker: 2012-13 Q1 is outside the plan (the plan runs 2008-09 to 2010-11): nothing to report.\n",
    );
    await expect(fs.access(out)).rejects.toThrow();
  });
});
