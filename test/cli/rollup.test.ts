import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../src/cli/main";
import { inBatches } from "../../src/cli/rollupCommand";
import type { RollupEntry } from "../../src/core/rollup/consortiumSummary";
import type { Report } from "../../src/core/reportTypes";

jest.setTimeout(120_000);

const FIXED_NOW = () => new Date(2009, 9, 20, 9, 0, 0);

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    argv,
    { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) },
    { now: FIXED_NOW },
  );
  return { code, stdout, stderr };
}

/** Sets one Settings value of a workbook file (by its key in column A), writing the file back. */
async function setSetting(file: string, key: string, value: string | number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const settings = workbook.getWorksheet("Settings")!;
  settings.eachRow((row) => {
    if (row.getCell(1).value === key) row.getCell(2).value = value;
  });
  await workbook.xlsx.writeFile(file);
}

describe("consortium-tracker rollup", () => {
  let dir: string;
  let folder: string;
  let json: { period: unknown; consortia: RollupEntry[] };
  let result: Awaited<ReturnType<typeof run>>;
  const reports: Record<string, Report> = {};

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "consortium-rollup-"));
    folder = path.join(dir, "consortia");
    await fs.mkdir(folder);
    // Three consortia: the example as it is; the example under another name with stricter thresholds (so it is
    // rated by its own, and more of it is Red); and a file that is not a workbook at all.
    const example = path.join(folder, "a-example.xlsx");
    expect((await run("example", example)).code).toBe(0);
    const strict = path.join(folder, "b-strict.xlsx");
    await fs.copyFile(example, strict);
    await setSetting(strict, "Consortium", "Strict consortium");
    await setSetting(strict, "Green threshold", "99%");
    await setSetting(strict, "Amber threshold", "98%");
    await fs.writeFile(path.join(folder, "c-broken.xlsx"), "this is not a workbook");
    for (const [name, file] of [
      ["a-example.xlsx", example],
      ["b-strict.xlsx", strict],
    ]) {
      const out = path.join(dir, `${name}.json`);
      await run("report", file, "--period", "2009-10 Q2", "--out", path.join(dir, `${name}-out.xlsx`), "--json", out);
      reports[name] = JSON.parse(await fs.readFile(out, "utf8")) as Report;
    }
    result = await run(
      "rollup",
      folder,
      "--period",
      "2009-10 Q2",
      "--out",
      path.join(dir, "rollup.xlsx"),
      "--json",
      path.join(dir, "rollup.json"),
    );
    json = JSON.parse(await fs.readFile(path.join(dir, "rollup.json"), "utf8"));
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("lists a workbook that cannot be read with its problem, and carries on with the rest (exit 1)", () => {
    expect(result.code).toBe(1);
    expect(json.consortia).toHaveLength(3);
    const broken = json.consortia.find((entry) => entry.source === "c-broken.xlsx")!;
    expect(broken.read).toBe(false);
    expect(broken.read === false && broken.problem).toMatch(/c-broken\.xlsx/);
    expect(result.stdout).toContain("Rolled up 3 workbooks at 2009-10 Q2");
  });

  it("each consortium's figures equal its own report, rated by its own thresholds", () => {
    for (const name of ["a-example.xlsx", "b-strict.xlsx"]) {
      const entry = json.consortia.find((e) => e.source === name);
      if (!entry || !entry.read) throw new Error(`${name} missing`);
      const report = reports[name];
      expect(entry.claim).toEqual(report.claim);
      expect(entry.projects.map((p) => [p.projectId, p.rag, p.ratio])).toEqual(
        report.projects.map((p) => [p.projectId, p.rag, p.ratio]),
      );
      const shown = (rag: string) => report.targets.filter((t) => (t.awaiting ? "Awaiting" : t.rag) === rag).length;
      expect(entry.targets).toEqual({
        Green: shown("Green"),
        Amber: shown("Amber"),
        Red: shown("Red"),
        Awaiting: shown("Awaiting"),
        NotDue: shown("NotDue"),
      });
      const budget = report.spend.reduce((total, line) => total + Math.round(line.budgetToDate * 100), 0) / 100;
      expect(entry.spend.budgetToDate).toBe(budget);
    }
    const strict = json.consortia.find((e) => e.source === "b-strict.xlsx");
    const example = json.consortia.find((e) => e.source === "a-example.xlsx");
    if (!strict?.read || !example?.read) throw new Error("missing");
    expect(strict.targets.Red).toBeGreaterThan(example.targets.Red);
  });

  it("puts the consortia needing attention first: unreadable, then by Red projects and targets", () => {
    expect(json.consortia.map((entry) => entry.source)).toEqual(["c-broken.xlsx", "b-strict.xlsx", "a-example.xlsx"]);
  });

  it("writes the roll-up workbook: a consortia sheet and a projects sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, "rollup.xlsx"));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Roll-up 2009-10 Q2",
      "Roll-up projects 2009-10 Q2",
    ]);
    const consortia = workbook.getWorksheet("Roll-up 2009-10 Q2")!;
    const names: string[] = [];
    consortia.getColumn(2).eachCell((cell) => names.push(String(cell.value)));
    expect(names).toEqual(expect.arrayContaining(["c-broken.xlsx", "b-strict.xlsx", "a-example.xlsx"]));
  });

  it("needs --period and --out", async () => {
    expect((await run("rollup", folder, "--out", path.join(dir, "x.xlsx"))).code).toBe(2);
    expect((await run("rollup", folder, "--period", "2009-10 Q2")).code).toBe(2);
  });
});

describe("inBatches", () => {
  it("keeps the order and never runs more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const results = await inBatches([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});
