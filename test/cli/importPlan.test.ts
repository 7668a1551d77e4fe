// `consortium-tracker import-plan`: the Oxfordshire plan's tables into a workbook the tracker reads back with the
// plan's targets, the proposal as JSON, and a merge into a master that never writes over its rows.
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import type { PlanProposal } from "../../src/core/plan/planTypes";
import { importWorkbook } from "../../src/core/read/importWorkbook";
import { readGrids } from "../../src/file/readGrids";
import { OXFORDSHIRE_PLAN } from "../core/plan/planSeeds";
import { cliAt } from "../support/cli";

jest.setTimeout(60_000);

const PLAN = path.join(__dirname, "../../assets/plans", OXFORDSHIRE_PLAN);

const run = cliAt(new Date(2009, 9, 20, 9, 0, 0));

async function consortiumOf(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fs.readFile(file)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return importWorkbook(readGrids(workbook));
}

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "import-plan-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("import-plan", () => {
  it("writes the plan's projects, targets and risks into a workbook the tracker reads back", async () => {
    const out = path.join(dir, "plan.xlsx");
    const result = await run("import-plan", PLAN, "--out", out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Read 79 targets in 7 projects (2008-09, 2009-10, 2010-11) and 5 risks");
    expect(result.stdout).toContain(
      "Total does not add up: P1 2009-10 states 2650, the lines above it (T1.7, T1.8, T1.9) add up to 2605",
    );
    const { consortium, problems } = await consortiumOf(out);
    // The plan does not name the consortium or its accountable body: Settings asks for them.
    expect(problems.filter((p) => p.sheet === "Settings").map((p) => p.message)).toEqual([
      "Consortium is blank: it is required",
      "Accountable body is blank: it is required",
    ]);
    expect(consortium.projects.map((p) => p.id)).toEqual(["P1", "P2", "P3", "P4", "P5", "P6", "P7"]);
    expect(consortium.targets).toHaveLength(79);
    const vale = consortium.targets.find((t) => t.id === "T3.2");
    expect(vale?.values).toEqual({ "2008-09": 36, "2009-10": 36, "2010-11": 36 });
    const vbase = consortium.targets.find((t) => t.id === "T1.5");
    expect(vbase).toMatchObject({ measure: "Milestone", dueQuarters: { "2008-09": 4 } });
    expect(consortium.risks.map((r) => [r.id, r.impact.value])).toEqual([
      ["R1", 4],
      ["R2", 4],
      ["R3", 4],
      ["R4", 4], // "Medium to high": a range is worth its higher word
      ["R5", 3],
    ]);
    // The key-target table names no lead partners.
    expect(problems.filter((p) => p.sheet !== "Settings").map((p) => p.message)).toEqual(
      ["P1", "P2", "P3", "P4", "P5", "P6", "P7"].map((id) => `Project ${id} has no lead partner`),
    );
    // "obtain 50% more signatories": To be set in the year it is stated, +50% in Aim, the baseline still blank.
    const signatories = consortium.targets.find((t) => t.id === "T7.8");
    expect(signatories?.values).toEqual({});
    expect(signatories?.relative).toMatchObject({ baseline: null, change: 0.5, yearOnYear: false, aim: "+50%" });
    expect(signatories?.relative?.years).toEqual(["2008-09"]);
  });

  it("writes the proposal as JSON: each target with its figures by year, guesses and source, and each unread line", async () => {
    const json = path.join(dir, "proposal.json");
    const result = await run("import-plan", PLAN, "--out", path.join(dir, "plan.xlsx"), "--json", json);
    expect(result.code).toBe(0);
    const proposal = JSON.parse(await fs.readFile(json, "utf8")) as PlanProposal;
    const south = proposal.targets.find((t) => t.id === "T3.3");
    expect(south).toMatchObject({
      projectId: "P3",
      description: "OCVA: Outreach visits including one to South Oxon",
      values: { "2008-09": 12, "2009-10": 12, "2010-11": 12 },
      measure: "Number",
      basis: "Annual",
      direction: "Higher",
      qualifier: null,
      source: "Outreach visits including 3 per month to Vale and one to South Oxon",
    });
    expect(proposal.unread.map((u) => u.line)).toEqual([1, 3, 159, 184, 195, 269, 302]);
  });

  it("adds to a copy of a master without writing over its rows, and says what it left out", async () => {
    const master = path.join(dir, "master.xlsx");
    await run("import-plan", PLAN, "--out", master);
    const out = path.join(dir, "merged.xlsx");
    const result = await run("import-plan", PLAN, "--into", master, "--out", out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Left out: Project P1 is on Projects already: kept as it is");
    expect(result.stdout).toContain('Left out: T1.1 "General volunteer brokerage services: 900 potential');
    const { consortium } = await consortiumOf(out);
    expect(consortium.targets).toHaveLength(79);
    expect(consortium.risks).toHaveLength(5);
  });

  it("adds new targets below the master's rows, with the next free IDs", async () => {
    const master = path.join(dir, "master.xlsx");
    await run("import-plan", PLAN, "--out", master);
    const more = path.join(dir, "more.txt");
    await fs.writeFile(more, "Project 1 Support for volunteering\n2008 - 2009\n20 new volunteer drivers recruited\n");
    const out = path.join(dir, "merged.xlsx");
    const result = await run("import-plan", more, "--into", master, "--out", out);
    expect(result.stdout).toContain("Added Targets: T1.13");
    const { consortium } = await consortiumOf(out);
    expect(consortium.targets).toHaveLength(80);
    expect(consortium.targets.find((t) => t.id === "T1.13")?.values).toEqual({ "2008-09": 20 });
    expect(consortium.targets.find((t) => t.id === "T1.1")?.values).toEqual({
      "2008-09": 900,
      "2009-10": 900,
      "2010-11": 900,
    });
  });

  it("reads a plan table from a workbook of cells, and with --json - gives stdout the JSON only", async () => {
    const plan = path.join(dir, "plan-table.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Key targets");
    sheet.addRows([
      ["Project 1 Support for volunteering"],
      ["Key targets", "2008-09", "2009-10", "2010-11"],
      ["Potential volunteers make contact", 900, 900, 950],
      ["Cherwell CVS attains accreditation", null, "December 2009", null],
    ]);
    await workbook.xlsx.writeFile(plan);
    const result = await run("import-plan", plan, "--out", path.join(dir, "out.xlsx"), "--json", "-");
    expect(result.code).toBe(0);
    const proposal = JSON.parse(result.stdout) as PlanProposal;
    expect(proposal.targets.map((t) => [t.id, t.measure, t.values, t.dueQuarters])).toEqual([
      ["T1.1", "Number", { "2008-09": 900, "2009-10": 900, "2010-11": 950 }, {}],
      ["T1.2", "Milestone", {}, { "2009-10": 3 }],
    ]);
    expect(result.stderr).toContain("Read 2 targets in 1 project");
  });

  it("writes the plan's words as text, never as a formula", async () => {
    const plan = path.join(dir, "formula.txt");
    await fs.writeFile(plan, '2008 - 2009\n=HYPERLINK("http://example.org") 5 groups supported\n');
    const out = path.join(dir, "formula.xlsx");
    await run("import-plan", plan, "--out", out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fs.readFile(out)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    const cell = workbook.getWorksheet("Targets")?.getCell("C2");
    expect(cell?.formula).toBeUndefined();
    expect(cell?.value).toBe('=HYPERLINK("http://example.org") 5 groups supported');
  });
});
