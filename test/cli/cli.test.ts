import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { defaultReportPath, parsePeriod } from "../../src/cli/main";
import type { CellValue } from "../../src/core/grid";
import { REGISTRY_SHEET } from "../../src/core/sheets/registry";
import type { Report } from "../../src/core/reportTypes";
import { readGrid } from "../../src/file/readGrids";
import { cliAt, type CliRun } from "../support/cli";

jest.setTimeout(60_000);

const run = cliAt(new Date(2009, 9, 20, 9, 0, 0));

async function openXlsx(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fs.readFile(file)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return workbook;
}

/** Every cell's value (formulas as their formula and result) and number format, by address. */
function cellsOf(sheet: ExcelJS.Worksheet): Map<string, string> {
  const cells = new Map<string, string>();
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells.set(cell.address, JSON.stringify({ value: cell.value, numFmt: cell.numFmt ?? null }));
    }),
  );
  return cells;
}

/** The text and number cells of a sheet as rows of values (for finding figures on summary sheets). */
function valuesOf(sheet: ExcelJS.Worksheet): CellValue[][] {
  return readGrid(sheet).rows;
}

/** The row of a sheet whose cells include all these values, in order of appearance. */
function rowWith(sheet: ExcelJS.Worksheet, ...wanted: CellValue[]): CellValue[] | undefined {
  return valuesOf(sheet).find((row) => wanted.every((value) => row.includes(value)));
}

const INPUT_SHEETS = ["Settings", "Partners", "Projects", "Targets", "Profiles", "Actuals", "Budget", "Spend", "Risks"];

describe("consortium-tracker on the example workbook", () => {
  let dir: string;
  let example: string;
  let first: CliRun;
  let report: Report;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "consortium-tracker-"));
    example = path.join(dir, "nested", "example-consortium.xlsx");
    const written = await run("example", example);
    expect(written.code).toBe(0);
    first = await run("report", example, "--json", path.join(dir, "report.json"));
    report = JSON.parse(await fs.readFile(path.join(dir, "report.json"), "utf8")) as Report;
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("writes the example into a new folder, with every input sheet", async () => {
    const workbook = await openXlsx(example);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(INPUT_SHEETS);
  });

  it("reports the latest period, exits 0 with no problems, and names the copy after the period", async () => {
    expect(first.code).toBe(0);
    expect(report.period).toEqual({ fy: "2009-10", quarter: 2 });
    expect(report.problems).toEqual([]);
    const out = path.join(dir, "nested", "example-consortium-2009-10-Q2.xlsx");
    await expect(fs.stat(out)).resolves.toBeTruthy();
    expect(first.stdout).toContain(`Wrote ${out}`);
    expect(first.stderr).toBe("");
  });

  it("prints a compact RAG table: each project with its RAG word and ratio, counts, no problems", () => {
    const p5 = report.projects.find((p) => p.projectId === "P5")!;
    expect(first.stdout).toMatch(
      new RegExp(`P5 Promotion of diversity and equality\\s+■ Red\\s+${Math.round(p5.ratio! * 100)}%`),
    );
    expect(first.stdout).toMatch(/P6 Information and support for faith-based soci…\s+○ Not due\s+-/);
    // A target with no figure for the quarter is counted as Awaiting, not by its RAG.
    const count = (rag: string) => report.targets.filter((t) => !t.awaiting && t.rag === rag).length;
    const awaiting = report.targets.filter((t) => t.awaiting).length;
    expect(awaiting).toBeGreaterThan(0);
    expect(first.stdout).toContain(
      `Targets: ${count("Green")} Green, ${count("Amber")} Amber, ${count("Red")} Red, ${awaiting} Awaiting, ${count("NotDue")} Not due`,
    );
    // No read problems, but that is not "all is well": the awaited figure is named, with its partner.
    expect(first.stdout).toContain("Read problems: none.");
    expect(first.stdout).not.toContain("Problems: none");
    const t44 = report.targets.find((t) => t.awaiting)!;
    expect(first.stdout).toContain(
      `Awaiting figures: 1 target, not rated until its 2009-10 Q2 figure is in: ${t44.targetId} (`,
    );
    expect(first.stdout).toMatch(/^Figures in for 2009-10 Q2 from \d+ of \d+ partners/m);
    // Every Red and Amber target, reds first, with why.
    expect(first.stdout).toMatch(/Needs attention \(Red, then Amber\):\n {2}■ Red T\d/);
  });

  it("leaves the input file unwritten and copies every input sheet cell for cell", async () => {
    const before = await fs.readFile(example);
    await run("report", example, "--out", path.join(dir, "again.xlsx"));
    expect((await fs.readFile(example)).equals(before)).toBe(true);

    const input = await openXlsx(example);
    const output = await openXlsx(path.join(dir, "nested", "example-consortium-2009-10-Q2.xlsx"));
    for (const name of INPUT_SHEETS) {
      expect(cellsOf(output.getWorksheet(name)!)).toEqual(cellsOf(input.getWorksheet(name)!));
    }
  });

  it("adds the summary sheets, with figures matching the JSON report, and records them in the hidden registry", async () => {
    const output = await openXlsx(path.join(dir, "nested", "example-consortium-2009-10-Q2.xlsx"));
    const names = output.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual([
      ...INPUT_SHEETS,
      "Claim 2009-10 Q2",
      "RAG 2009-10 Q2",
      "Year on year",
      "Risk register",
      "Member claims 2009-10 Q2",
      REGISTRY_SHEET,
    ]);
    expect(output.getWorksheet(REGISTRY_SHEET)!.state).toBe("veryHidden");

    // RAG cells carry symbol and word.
    const word = {
      Green: "● Green",
      Amber: "▲ Amber",
      Red: "■ Red",
      NotDue: "○ Not due",
      Awaiting: "◇ Awaiting",
    } as const;
    // The claim: each spend line's figures as in the JSON.
    const claim = output.getWorksheet("Claim 2009-10 Q2")!;
    for (const line of report.spend) {
      const row = rowWith(
        claim,
        line.budgetLine,
        line.budgetToDate,
        line.spendToDate,
        line.claimThisQuarter,
        word[line.rag],
      );
      expect(row).toBeDefined();
    }
    const total = report.spend.reduce((sum, line) => sum + line.claimThisQuarter, 0);
    expect(valuesOf(claim).flat()).toContain(total);

    // Every target: its expected and actual to date on the claim, its RAG word and ratio on the RAG sheet.
    const rag = output.getWorksheet("RAG 2009-10 Q2")!;
    for (const target of report.targets.filter((t) => t.ratio !== null && !t.awaiting)) {
      expect(rowWith(claim, target.targetId)).toEqual(
        expect.arrayContaining([target.expectedToDate, target.actualToDate, target.ratio, word[target.rag]]),
      );
      expect(rowWith(rag, target.targetId)).toEqual(expect.arrayContaining([word[target.rag], target.ratio]));
    }
    for (const project of report.projects) {
      expect(rowWith(rag, project.projectId)).toEqual(expect.arrayContaining([word[project.rag]]));
    }

    // The risk register: each risk's score.
    const risks = output.getWorksheet("Risk register")!;
    for (const risk of report.risks.filter((r) => r.score !== null)) {
      expect(rowWith(risks, risk.riskId)).toEqual(expect.arrayContaining([risk.score]));
    }
  });

  it("--json - prints only the JSON on stdout, the human summary going to stderr", async () => {
    const result = await run("report", example, "--json", "-", "--out", path.join(dir, "json-run.xlsx"));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(report);
    expect(result.stderr).toContain("Read problems: none.");
  });

  it("--period takes the importer's spellings and reports that quarter", async () => {
    const result = await run("report", example, "--period", "2009/10 Qtr 1", "--json", "-");
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Report).period).toEqual({ fy: "2009-10", quarter: 1 });
    await expect(fs.stat(path.join(dir, "nested", "example-consortium-2009-10-Q1.xlsx"))).resolves.toBeTruthy();
  });

  it("says which targets are to be set on a baseline not yet entered, and why they are not rated", async () => {
    const result = await run("report", example, "--period", "2008-09 Q4", "--json", path.join(dir, "tbs.json"));
    const json = JSON.parse(await fs.readFile(path.join(dir, "tbs.json"), "utf8")) as Report;
    const toBeSet = json.targets.filter((t) => t.toBeSet).map((t) => t.targetId);
    expect(toBeSet).toEqual(["T7.8"]);
    expect(result.stdout).toMatch(/^Targets: .*1 Not due \(1 of them to be set\)$/m);
    expect(result.stdout).toMatch(
      /^Target to be set: 1 target, not rated until its baseline is entered: T7\.8: baseline not entered \(Targets!K\d+\)$/m,
    );
  });

  it("exits 1 when the workbook has error problems, still writing the copy and the report", async () => {
    const broken = path.join(dir, "broken.xlsx");
    const workbook = await openXlsx(example);
    const actuals = workbook.getWorksheet("Actuals")!;
    actuals.getCell("D2").value = "lots";
    await workbook.xlsx.writeFile(broken);

    const result = await run("report", broken, "--json", path.join(dir, "broken.json"));
    expect(result.code).toBe(1);
    const json = JSON.parse(await fs.readFile(path.join(dir, "broken.json"), "utf8")) as Report;
    const problem = json.problems.find((p) => p.severity === "error")!;
    expect(problem).toMatchObject({ sheet: "Actuals", cell: "D2" });
    expect(result.stdout).toContain(`Actuals!D2 error ${problem.message}`);
    await expect(fs.stat(path.join(dir, "broken-2009-10-Q2.xlsx"))).resolves.toBeTruthy();
  });

  it("exits 2 on usage errors: unknown option, missing argument, bad period, --out naming the input", async () => {
    for (const argv of [
      ["report", example, "--colour"],
      ["report"],
      ["report", example, "--period", "Q7 2009"],
      ["report", example, "--out", example],
      ["launch"],
    ]) {
      const result = await run(...argv);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toBe("");
    }
  });

  it("a missing file and a file that is not an .xlsx get one-line messages, never a stack trace", async () => {
    const missing = await run("report", path.join(dir, "no-such.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`consortium-tracker: ${path.join(dir, "no-such.xlsx")} does not exist.\n`);

    const csv = path.join(dir, "actuals.xlsx");
    await fs.writeFile(csv, "Target ID,FY,Quarter,Actual\nT1.1,2009-10,Q1,230\n");
    const notXlsx = await run("report", csv);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr).toBe(`consortium-tracker: ${csv} is not an .xlsx workbook.\n`);

    const damaged = path.join(dir, "damaged.xlsx");
    await fs.writeFile(damaged, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]));
    const broken = await run("report", damaged);
    expect(broken.code).toBe(2);
    expect(broken.stderr.trim().split("\n")).toHaveLength(1);
    expect(broken.stderr).toMatch(/damaged/);
  });

  it("writes blank templates with the Instructions sheet", async () => {
    const out = path.join(dir, "blank.xlsx");
    const result = await run("template", out);
    expect(result.code).toBe(0);
    const workbook = await openXlsx(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Instructions", ...INPUT_SHEETS]);
  });
});

describe("command-line helpers", () => {
  it("reads a period in the importer's spellings", () => {
    expect(parsePeriod("2009-10 Q2")).toEqual({ fy: "2009-10", quarter: 2 });
    expect(parsePeriod("2009/10 Q2")).toEqual({ fy: "2009-10", quarter: 2 });
    expect(parsePeriod("FY2009/10 Qtr 3")).toEqual({ fy: "2009-10", quarter: 3 });
    expect(parsePeriod("09/10 Jul-Sep")).toEqual({ fy: "2009-10", quarter: 2 });
    expect(parsePeriod("2009-2010 4")).toEqual({ fy: "2009-10", quarter: 4 });
    expect(parsePeriod("2009-10-Q1")).toEqual({ fy: "2009-10", quarter: 1 });
    expect(() => parsePeriod("2009-10")).toThrow(/not a period/);
    expect(() => parsePeriod("Q2")).toThrow(/not a period/);
  });

  it("names the report copy after the input and the period", () => {
    expect(defaultReportPath(path.join("out", "example-consortium.xlsx"), { fy: "2009-10", quarter: 2 })).toBe(
      path.join("out", "example-consortium-2009-10-Q2.xlsx"),
    );
  });
});
