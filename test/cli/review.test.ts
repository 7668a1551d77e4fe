// Review and lock through real .xlsx files: the example master's 2009-10 Q2, where every partner but Cherwell CVS
// has figures in. status prints each partner's state; accept locks ORCC's figures in a copy (never the master),
// the Audit sheet records it, a return for the locked quarter is refused, and reopen needs a reason.
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
    { now: () => new Date(2010, 0, 20, 9, 30) },
  );
  return { code, stdout, stderr };
}

describe("consortium-tracker status, accept, send-back and reopen", () => {
  let dir: string;
  let master: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ct-review-"));
    master = path.join(dir, "example.xlsx");
    expect((await run("example", master)).code).toBe(0);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("prints each partner's status for the quarter", async () => {
    const { code, stdout } = await run("status", master, "--period", "2009-10 Q2");
    expect(code).toBe(0);
    expect(stdout).toContain("Returns for 2009-10 Q2 in");
    expect(stdout).toContain("  ORCC: Received\n");
    expect(stdout).toContain("  Cherwell CVS: Not sent\n");
  });

  it("accepts into a copy, locks the figures against a later return, and reopens only with a reason", async () => {
    const accepted = path.join(dir, "accepted.xlsx");
    const before = await fs.readFile(master);
    const accept = await run(
      "accept",
      master,
      "--period",
      "2009-10 Q2",
      "--partner",
      "orcc",
      "--out",
      accepted,
      "--by",
      "Sam",
    );
    expect(accept.stdout).toBe(`ORCC, 2009-10 Q2: Accepted (2010-01-20 09:30). Wrote ${accepted}\n`);
    expect(accept.code).toBe(0);
    expect(await fs.readFile(master)).toEqual(before); // the master is never written

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await fs.readFile(accepted)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    const status = book.getWorksheet("Returns status");
    expect(status?.state).toBe("visible");
    expect(status?.getRow(2).values).toEqual(
      expect.arrayContaining(["2010-01-20 09:30", "2009-10 Q2", "ORCC", "Accepted", "Sam", "accept"]),
    );
    const audit = book.getWorksheet("Audit");
    expect(audit?.getRow(2).values).toEqual(
      expect.arrayContaining(["accept", "Returns status", "Received", "Accepted", "ORCC", "2009-10 Q2", "Sam"]),
    );
    expect((await run("status", accepted, "--period", "2009-10 Q2")).stdout).toContain(
      "  ORCC: Accepted (2010-01-20 09:30)\n",
    );

    // A return for the accepted quarter is refused, whatever it says.
    const returnsDir = path.join(dir, "q2-returns");
    expect((await run("returns", accepted, "--period", "2009-10 Q2", "--out-dir", returnsDir)).code).toBe(0);
    const orcc = path.join(returnsDir, "2009-10 Q2 return - ORCC.xlsx");
    const refused = await run("import", accepted, orcc, "--apply", "--out", path.join(dir, "imported.xlsx"));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("ORCC's 2009-10 Q2 figures were accepted at 2010-01-20 09:30 and are locked");

    const noReason = await run(
      "reopen",
      accepted,
      "--period",
      "2009-10 Q2",
      "--partner",
      "ORCC",
      "--out",
      path.join(dir, "r.xlsx"),
    );
    expect(noReason.code).toBe(1);
    expect(noReason.stdout).toMatch(/^Not changed: Say why the quarter is reopened/);
    const reopened = path.join(dir, "reopened.xlsx");
    const reopen = await run(
      "reopen",
      accepted,
      "--period",
      "2009-10 Q2",
      "--partner",
      "ORCC",
      "--reason",
      "Late invoice",
      "--out",
      reopened,
    );
    expect(reopen.stdout).toBe(
      `ORCC, 2009-10 Q2: Received, reopened (2010-01-20 09:30): Late invoice. Wrote ${reopened}\n`,
    );
    const imported = await run("import", reopened, orcc, "--out", path.join(dir, "imported.xlsx"));
    expect(imported.stdout).not.toContain("are locked");
  });

  it("refuses to send a return back without a reason", async () => {
    const result = await run("send-back", master, "--period", "2009-10 Q2", "--partner", "ORCC");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Not changed: Say why the return goes back");
  });
});
