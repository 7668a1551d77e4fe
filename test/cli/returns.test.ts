// A finance officer's quarter through real .xlsx files: the example master, returns for 2009-10 Q3 (the quarter
// after the example's data), partners filling them in (by program, with ExcelJS, typing into the unlocked cells),
// a preview, an applied import, the report on the result, and the same return imported twice. Then bad returns.
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { defaultImportPath, defaultReturnsDir, runCli } from "../../src/cli/main";
import type { CellValue } from "../../src/core/grid";
import type { Report } from "../../src/core/reportTypes";
import { readGrid } from "../../src/file/readGrids";

jest.setTimeout(120_000);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command on a given local day and time (month 1-12). */
async function runOn(when: [number, number, number, number?, number?], ...argv: string[]): Promise<Run> {
  const [year, month, day, hour = 9, minute = 0] = when;
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    argv,
    { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) },
    { now: () => new Date(year, month - 1, day, hour, minute) },
  );
  return { code, stdout, stderr };
}

const PREPARED: [number, number, number] = [2009, 12, 18];
const OCVA_DAY: [number, number, number, number, number] = [2010, 1, 12, 10, 30];
const LATE_DAY: [number, number, number] = [2010, 1, 22];
const MEETING_DAY: [number, number, number] = [2010, 1, 25];

async function openXlsx(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fs.readFile(file)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return workbook;
}

/** The sheet row whose cell in `column` reads `text` (the first one). */
function rowOf(sheet: ExcelJS.Worksheet, text: string, column = 1): number {
  let found = 0;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (!found && row.getCell(column).text.trim() === text) found = number;
  });
  if (!found) throw new Error(`No "${text}" in column ${column} of ${sheet.name}`);
  return found;
}

type Fill = (sheet: ExcelJS.Worksheet) => void;

/** A partner filling in a return: opens it, types into its cells, and saves it under another name. */
async function fillIn(issued: string, filled: string, fill: Fill): Promise<string> {
  const workbook = await openXlsx(issued);
  fill(workbook.getWorksheet("Return")!);
  await workbook.xlsx.writeFile(filled);
  return filled;
}

/** Typing into a target's Actual (J), Evidence (K) or Comment (L), or a budget line's spend (H) or explanation (I). */
const actualCell = (sheet: ExcelJS.Worksheet, targetId: string) => sheet.getCell(`J${rowOf(sheet, targetId)}`);
const evidenceCell = (sheet: ExcelJS.Worksheet, targetId: string) => sheet.getCell(`K${rowOf(sheet, targetId)}`);
function spendRow(sheet: ExcelJS.Worksheet, projectId: string, line: string): number {
  let found = 0;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (!found && row.getCell(1).text === projectId && row.getCell(2).text === line) found = number;
  });
  if (!found) throw new Error(`No ${projectId} ${line}`);
  return found;
}

/** Rows of a sheet as plain values (dates as Date). */
function rowsOf(sheet: ExcelJS.Worksheet): CellValue[][] {
  const grid = readGrid(sheet);
  return grid.rows.map((row) => [...new Array<CellValue>(grid.firstColumn - 1).fill(null), ...row]);
}

function dayOf(value: CellValue): string | null {
  return value instanceof Date ? value.toISOString().slice(0, 10) : null;
}

describe("a quarter of partner returns through the command line", () => {
  let dir: string;
  let master: string;
  let returnsDir: string;
  let made: Run;
  const issued = (partner: string) => path.join(returnsDir, `2009-10 Q3 return - ${partner}.xlsx`);

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "consortium-returns-"));
    master = path.join(dir, "oxfordshire.xlsx");
    expect((await runOn(PREPARED, "example", master)).code).toBe(0);
    returnsDir = path.join(dir, "out", "returns Q3");
    made = await runOn(PREPARED, "returns", master, "--period", "2009-10 Q3", "--out-dir", returnsDir);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  describe("returns", () => {
    // The example's partners with a target or a budget line they lead in 2009-10, in Partners-sheet order.
    const PARTNERS = ["OCVA", "ORCC", "Volunteer LinkUp", "Cherwell CVS", "OREC", "Churches Together in Oxfordshire"];

    it("writes one return per partner that reports in 2009-10, into a new folder, one line per file", async () => {
      expect(made.code).toBe(0);
      expect(made.stderr).toBe("");
      expect((await fs.readdir(returnsDir)).sort()).toEqual(
        PARTNERS.map((p) => `2009-10 Q3 return - ${p}.xlsx`).sort(),
      );
      const wrote = made.stdout.split("\n").filter((line) => line.startsWith("Wrote "));
      expect(wrote).toHaveLength(PARTNERS.length);
      // ORCC: its own lines of P3 (T3.11-T3.14) and P4, which it leads (T4.1-T4.5); P4 Salaries and Running costs.
      expect(made.stdout).toContain(`Wrote ${issued("ORCC")} (ORCC: 9 targets, 2 budget lines)`);
      // Quarter end 31 Dec 2009 + 15 days (the example's Returns due).
      expect(made.stdout).toContain("6 returns for 2009-10 Q3, due back by 15 Jan 2010.");
    });

    it("with --record, writes a copy of the master saying each return was sent, and leaves the master as it was", async () => {
      const before = await fs.readFile(master);
      const recorded = path.join(dir, "oxfordshire-sent.xlsx");
      const again = path.join(dir, "out", "returns Q3 again");
      const returnsQ3 = (...options: string[]) =>
        runOn(PREPARED, "returns", master, "--period", "2009-10 Q3", "--out-dir", again, ...options);
      const result = await returnsQ3("--record", recorded);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Wrote ${recorded}: the master with these returns recorded as Sent`);
      expect((await fs.readFile(master)).equals(before)).toBe(true);
      const status = await runOn(PREPARED, "status", recorded, "--period", "2009-10 Q3");
      for (const partner of PARTNERS) expect(status.stdout).toMatch(new RegExp(`^\\s*${partner}\\b.*\\bSent\\b`, "m"));
      const unrecorded = await runOn(PREPARED, "status", master, "--period", "2009-10 Q3");
      expect(unrecorded.stdout).not.toMatch(/\bSent\b/);
      const refused = await returnsQ3("--force", "--record", master);
      expect(refused.code).toBe(2);
    });

    it("makes a protected return whose Actual and spend cells alone are unlocked, stamped with the master's name", async () => {
      const workbook = await openXlsx(issued("ORCC"));
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Return", "Return info"]);
      const sheet = workbook.getWorksheet("Return")!;
      expect(rowsOf(sheet).some((row) => row.includes("oxfordshire.xlsx"))).toBe(true);
      expect(actualCell(sheet, "T4.1").protection?.locked).toBe(false);
      expect(sheet.getCell(`G${rowOf(sheet, "T4.1")}`).protection?.locked).not.toBe(false);
      expect(sheet.getCell(`H${spendRow(sheet, "P4", "Salaries")}`).protection?.locked).toBe(false);
    });

    it("never writes over returns already in the folder, unless --force", async () => {
      const before = await fs.readFile(issued("OCVA"));
      const again = await runOn(PREPARED, "returns", master, "--period", "2009-10 Q3", "--out-dir", returnsDir);
      expect(again.code).toBe(2);
      expect(again.stderr).toBe(
        `consortium-tracker: ${issued("OCVA")} already exists (and 5 other returns): use --force to write over it, or choose another --out-dir.\n`,
      );
      expect((await fs.readFile(issued("OCVA"))).equals(before)).toBe(true);

      const forcedDir = path.join(dir, "forced");
      await fs.mkdir(forcedDir);
      await fs.writeFile(path.join(forcedDir, "2009-10 Q3 return - OREC.xlsx"), "old");
      const forced = await runOn(
        PREPARED,
        "returns",
        master,
        "--period",
        "2009-10 Q3",
        "--out-dir",
        forcedDir,
        "--force",
      );
      expect(forced.code).toBe(0);
      expect(
        (await openXlsx(path.join(forcedDir, "2009-10 Q3 return - OREC.xlsx"))).getWorksheet("Return"),
      ).toBeTruthy();
    });

    it("needs --period, suggesting the quarter after the latest with data; defaults the folder beside the master", async () => {
      const missing = await runOn(PREPARED, "returns", master);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('--period "2009-10 Q3"');
      expect(missing.stderr.trim().split("\n")).toHaveLength(1);

      const byDefault = await runOn(PREPARED, "returns", master, "--period", "2009/10 Qtr 4");
      expect(byDefault.code).toBe(0);
      const folder = path.join(dir, "oxfordshire-returns-2009-10-Q4");
      expect(defaultReturnsDir(master, { fy: "2009-10", quarter: 4 })).toBe(folder);
      expect(await fs.readdir(folder)).toContain("2009-10 Q4 return - OCVA.xlsx");
    });

    it("still writes the returns from a master with errors, listing them and exiting 1", async () => {
      const broken = path.join(dir, "broken.xlsx");
      const workbook = await openXlsx(master);
      // T1.1's 2009-10 target unreadable: T1.1 is left out of OCVA's return, the other returns are unchanged.
      const targets = workbook.getWorksheet("Targets")!;
      const cell = targets.getCell(rowOf(targets, "T1.1"), 9);
      cell.value = "nine hundred";
      await workbook.xlsx.writeFile(broken);

      const result = await runOn(
        PREPARED,
        "returns",
        broken,
        "--period",
        "2009-10 Q3",
        "--out-dir",
        path.join(dir, "b"),
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("Problems in");
      expect(result.stdout).toMatch(new RegExp(`  Targets!${cell.address} error `));
      expect(await fs.readdir(path.join(dir, "b"))).toHaveLength(6);
      expect(result.stdout).toContain("(OCVA: 35 targets, 9 budget lines)");
    });

    it("refuses a quarter no partner reports in, and a master that is not there", async () => {
      const outside = await runOn(
        PREPARED,
        "returns",
        master,
        "--period",
        "2012-13 Q1",
        "--out-dir",
        path.join(dir, "x"),
      );
      expect(outside.code).toBe(2);
      expect(outside.stderr).toMatch(/no partner has targets or budget lines in 2012-13/);
      await expect(fs.stat(path.join(dir, "x"))).rejects.toThrow();

      const absent = await runOn(PREPARED, "returns", path.join(dir, "none.xlsx"), "--period", "2009-10 Q3");
      expect(absent).toMatchObject({
        code: 2,
        stderr: `consortium-tracker: ${path.join(dir, "none.xlsx")} does not exist.\n`,
      });
    });
  });

  describe("import", () => {
    let ocva: string;
    let orcc: string;
    let firstOut: string;
    let secondOut: string;
    let preview: Run;
    let applied: Run;
    let late: Run;
    let report: Report;
    let reportRun: Run;
    let masterBefore: Buffer;
    let writtenByPreview: boolean;

    beforeAll(async () => {
      masterBefore = await fs.readFile(master);
      // OCVA: T1.1 250 with its evidence; P1 Salaries £9,200; P1 Volunteer expenses £1,300, explained (spent
      // before 1,150 + 1,250 = 2,400; to date 3,700 against a budget to date of 4,500: 17.8% under).
      ocva = await fillIn(issued("OCVA"), path.join(dir, "from OCVA.xlsx"), (sheet) => {
        actualCell(sheet, "T1.1").value = 250;
        evidenceCell(sheet, "T1.1").value = "Vbase enquiry log";
        sheet.getCell(`H${spendRow(sheet, "P1", "Salaries")}`).value = 9200;
        const expenses = spendRow(sheet, "P1", "Volunteer expenses");
        sheet.getCell(`H${expenses}`).value = 1300;
        sheet.getCell(`I${expenses}`).value = "Fewer travel claims: fewer vulnerable volunteers interviewed.";
      });
      // ORCC: T4.1 14; P4 Salaries £5,600.
      orcc = await fillIn(issued("ORCC"), path.join(dir, "from ORCC.xlsx"), (sheet) => {
        actualCell(sheet, "T4.1").value = 14;
        sheet.getCell(`H${spendRow(sheet, "P4", "Salaries")}`).value = 5600;
      });
      firstOut = path.join(dir, "oxfordshire Q3 OCVA.xlsx");
      secondOut = path.join(dir, "oxfordshire Q3.xlsx");

      preview = await runOn(OCVA_DAY, "import", master, ocva, "--period", "2009-10 Q3", "--out", firstOut);
      writtenByPreview = await fs.stat(firstOut).then(
        () => true,
        () => false,
      );
      applied = await runOn(OCVA_DAY, "import", master, ocva, "--period", "2009-10 Q3", "--out", firstOut, "--apply");
      // ORCC's came in on 20 Jan, after the deadline, and is imported two days later into the first result.
      late = await runOn(LATE_DAY, "import", firstOut, orcc, "--apply", "--out", secondOut, "--received", "20/01/2010");
      reportRun = await runOn(MEETING_DAY, "report", secondOut, "--period", "2009-10 Q3", "--json", "-");
      report = JSON.parse(reportRun.stdout) as Report;
    });

    it("previews what OCVA's return adds, and writes nothing without --apply", async () => {
      expect(preview.code).toBe(0);
      expect(preview.stdout).toContain(`${ocva}: OCVA, 2009-10 Q3`);
      expect(preview.stdout).toContain('Actuals T1.1 2009-10 Q3: Actual 250, Evidence "Vbase enquiry log"');
      expect(preview.stdout).toContain("Spend P1 Salaries 2009-10 Q3: Amount £9,200.00");
      expect(preview.stdout).toContain("Rows to add: 3");
      expect(preview.stdout).toContain("Values to change: 0");
      expect(preview.stdout).toContain(
        `Preview only: nothing was written. Run again with --apply to import 1 return into ${firstOut}.`,
      );
      expect(writtenByPreview).toBe(false);
    });

    it("never writes the master", async () => {
      expect((await fs.readFile(master)).equals(masterBefore)).toBe(true);

      const fresh = path.join(dir, "fresh.xlsx");
      await runOn(PREPARED, "example", fresh);
      const before = await fs.readFile(fresh);
      const dry = await runOn(OCVA_DAY, "import", fresh, ocva);
      expect(dry.code).toBe(0);
      expect((await fs.readFile(fresh)).equals(before)).toBe(true);
      await expect(fs.stat(defaultImportPath(fresh))).rejects.toThrow();

      const wet = await runOn(OCVA_DAY, "import", fresh, ocva, "--apply");
      expect(wet.code).toBe(0);
      expect((await fs.readFile(fresh)).equals(before)).toBe(true);
      expect(defaultImportPath(fresh)).toBe(path.join(dir, "fresh-imported.xlsx"));
      await expect(fs.stat(defaultImportPath(fresh))).resolves.toBeTruthy();

      const refused = await runOn(OCVA_DAY, "import", fresh, ocva, "--apply", "--out", fresh);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe(
        "consortium-tracker: --out names the master workbook, which is never written: choose another file.\n",
      );
      expect((await runOn(OCVA_DAY, "import", fresh, ocva, "--apply", "--out", ocva)).code).toBe(2);
      expect((await fs.readFile(fresh)).equals(before)).toBe(true);
    });

    it("applies OCVA's return into the copy: its rows under Actuals and Spend, and a row in the Import log", async () => {
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain("Applied 1 return (from OCVA.xlsx)");
      const workbook = await openXlsx(firstOut);
      const actuals = rowsOf(workbook.getWorksheet("Actuals")!);
      expect(actuals).toContainEqual(
        expect.arrayContaining(["T1.1", "2009-10", "Q3", 250, "Vbase enquiry log", "OCVA"]),
      );
      const spend = rowsOf(workbook.getWorksheet("Spend")!);
      expect(spend).toContainEqual(expect.arrayContaining(["P1", "Salaries", "2009-10", "Q3", 9200]));
      const log = rowsOf(workbook.getWorksheet("Import log")!);
      expect(log).toContainEqual(
        expect.arrayContaining(["2010-01-12 10:30", "from OCVA.xlsx", "OCVA", "2009-10 Q3", 3]),
      );
    });

    it("puts the new actuals into the report's figures", () => {
      expect(late.code).toBe(0);
      expect(reportRun.code).toBe(0);
      expect(report.period).toEqual({ fy: "2009-10", quarter: 3 });
      const target = (id: string) => report.targets.find((t) => t.targetId === id && t.fy === "2009-10")!;
      // Annual basis: 2009-10 Q1 240 + Q2 235 (the example) + Q3 250 (OCVA's return).
      expect(target("T1.1").actualToDate).toBe(240 + 235 + 250);
      expect(target("T1.1").missingQuarters).toEqual([]);
      // ORCC's T4.1: 11 + 12 + 14.
      expect(target("T4.1").actualToDate).toBe(11 + 12 + 14);
      const line = (projectId: string, budgetLine: string) =>
        report.spend.find((s) => s.projectId === projectId && s.budgetLine === budgetLine)!;
      expect(line("P1", "Salaries").spendToDate).toBe(8950 + 9100 + 9200);
      expect(line("P1", "Volunteer expenses").spendToDate).toBe(1150 + 1250 + 1300);
      expect(line("P4", "Salaries").spendToDate).toBe(5500 + 5450 + 5600);
      // Nobody returned T1.2 (Volunteer LinkUp): Q3 is missing.
      expect(target("T1.2").missingQuarters).toEqual([3]);
    });

    it("tracks the returns on the RAG sheet: OCVA on time, ORCC late, the rest missing after the deadline", async () => {
      const summary = reportRun.stderr;
      expect(summary).toContain("Partner returns 2009-10 Q3 (due 15 Jan 2010): 2 of 6 returned (1 late), 4 missing");
      const out = path.join(dir, "oxfordshire Q3-2009-10-Q3.xlsx");
      const rag = rowsOf((await openXlsx(out)).getWorksheet("RAG 2009-10 Q3")!);
      const title = rag.findIndex((row) => row.includes("Partner returns 2009-10 Q3"));
      expect(title).toBeGreaterThan(0);
      const section = rag.slice(title);
      const partnerRow = (partner: string) => section.find((row) => row[1] === partner)!;
      expect(partnerRow("OCVA")[2]).toBe("Returned");
      expect(dayOf(partnerRow("OCVA")[3])).toBe("2010-01-12");
      expect(partnerRow("OCVA")[4]).toBe("from OCVA.xlsx");
      expect(partnerRow("ORCC")[2]).toBe("Late");
      expect(dayOf(partnerRow("ORCC")[3])).toBe("2010-01-20");
      for (const partner of ["Volunteer LinkUp", "Cherwell CVS", "OREC", "Churches Together in Oxfordshire"]) {
        expect(partnerRow(partner).slice(2, 4)).toEqual(["Missing", null]);
      }
    });

    it("shows a corrected return's changes old → new", async () => {
      const corrected = await fillIn(ocva, path.join(dir, "from OCVA corrected.xlsx"), (sheet) => {
        actualCell(sheet, "T1.1").value = 260;
      });
      const result = await runOn(LATE_DAY, "import", secondOut, corrected, "--out", path.join(dir, "corrected.xlsx"));
      expect(result.code).toBe(0);
      const actuals = rowsOf((await openXlsx(secondOut)).getWorksheet("Actuals")!);
      const row = actuals.findIndex((cells) => cells[0] === "T1.1" && cells[1] === "2009-10" && cells[2] === "Q3") + 1;
      expect(result.stdout).toContain(`Actuals!D${row} T1.1 2009-10 Q3 Actual: 250 → 260`);
      expect(result.stdout).toContain("Rows to add: 0");
      expect(result.stdout).toContain("Values to change: 1");
    });

    it("changes nothing when the same return is imported again, and says so", async () => {
      const before = await fs.readFile(secondOut);
      const third = path.join(dir, "third.xlsx");
      const again = await runOn(LATE_DAY, "import", secondOut, ocva, "--apply", "--out", third);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(
        "Already imported at 2010-01-12 10:30 (from OCVA.xlsx): the same return is in the Import log, so nothing changes.",
      );
      expect(again.stdout).toContain(`Nothing to apply: ${third} was not written.`);
      expect(again.stdout).toContain("Already imported, nothing changed: from OCVA.xlsx");
      await expect(fs.stat(third)).rejects.toThrow();
      expect((await fs.readFile(secondOut)).equals(before)).toBe(true);
    });
  });

  describe("bad returns", () => {
    let cherwell: string;
    let formula: string;
    let text: string;
    let wrongPeriod: string;
    let result: Run;
    let out: string;
    let rows: { formula: number; text: number };

    beforeAll(async () => {
      // A good one in the same run: Cherwell CVS's milestone T1.12, completed on 14 Dec 2009.
      cherwell = await fillIn(issued("Cherwell CVS"), path.join(dir, "from Cherwell.xlsx"), (sheet) => {
        actualCell(sheet, "T1.12").value = "14/12/2009";
      });
      rows = { formula: 0, text: 0 };
      formula = await fillIn(issued("OCVA"), path.join(dir, "OCVA pasted formula.xlsx"), (sheet) => {
        actualCell(sheet, "T1.1").value = 250;
        rows.formula = rowOf(sheet, "T1.3");
        actualCell(sheet, "T1.3").value = { formula: `J${rowOf(sheet, "T1.1")}/5`, result: 50 };
      });
      text = await fillIn(issued("ORCC"), path.join(dir, "ORCC text.xlsx"), (sheet) => {
        actualCell(sheet, "T4.1").value = 14;
        rows.text = rowOf(sheet, "T4.2");
        actualCell(sheet, "T4.2").value = "about thirty";
      });
      // Volunteer LinkUp filled in its 2009-10 Q4 return, imported with the Q3 ones.
      const q4 = path.join(dir, "returns Q4");
      expect((await runOn(PREPARED, "returns", master, "--period", "2009-10 Q4", "--out-dir", q4)).code).toBe(0);
      wrongPeriod = await fillIn(
        path.join(q4, "2009-10 Q4 return - Volunteer LinkUp.xlsx"),
        path.join(dir, "LinkUp Q4.xlsx"),
        (sheet) => {
          actualCell(sheet, "T1.2").value = 170;
        },
      );
      out = path.join(dir, "with bad returns.xlsx");
      result = await runOn(
        LATE_DAY,
        "import",
        master,
        formula,
        cherwell,
        text,
        wrongPeriod,
        "--period",
        "2009-10 Q3",
        "--apply",
        "--out",
        out,
      );
    });

    it("exits 1, naming the sheet and cell of each problem", () => {
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`Return!J${rows.formula} error .*formula`));
      expect(result.stdout).toMatch(new RegExp(`Return!J${rows.text} error .*"about thirty"`));
      // The period in the header block: row 6 of the Return sheet, value in column B.
      expect(result.stdout).toContain(
        "Return!B6 error This return is for 2009-10 Q4, but you are importing returns for 2009-10 Q3",
      );
    });

    it("applies the good return and none of the bad ones, and says which is which", async () => {
      expect(result.stdout).toContain(`Applied 1 return (from Cherwell.xlsx): wrote ${out}`);
      expect(result.stdout).toContain("Not applied (errors): OCVA pasted formula.xlsx, ORCC text.xlsx, LinkUp Q4.xlsx");
      const workbook = await openXlsx(out);
      const actuals = rowsOf(workbook.getWorksheet("Actuals")!);
      expect(actuals).toContainEqual(expect.arrayContaining(["T1.12", "2009-10", "Q3", "14/12/2009", "Cherwell CVS"]));
      const q3orLater = actuals.filter((row) => row[1] === "2009-10" && (row[2] === "Q3" || row[2] === "Q4"));
      expect(q3orLater.map((row) => row[0])).toEqual(["T1.12"]);
      const log = rowsOf(workbook.getWorksheet("Import log")!).slice(1);
      expect(log.map((row) => row[3])).toEqual(["Cherwell CVS"]);
    });

    it("a file that is not a return is a problem of that file; a file that is not there stops the run", async () => {
      const notReturn = await runOn(LATE_DAY, "import", master, master, cherwell, "--out", path.join(dir, "y.xlsx"));
      expect(notReturn.code).toBe(1);
      expect(notReturn.stdout).toContain(`${master}: not read as a partner return`);
      expect(notReturn.stdout).toContain(`${cherwell}: Cherwell CVS, 2009-10 Q3`);

      const gone = await runOn(LATE_DAY, "import", master, cherwell, path.join(dir, "gone.xlsx"), "--apply");
      expect(gone).toMatchObject({ code: 2, stdout: "" });
      expect(gone.stderr).toBe(`consortium-tracker: ${path.join(dir, "gone.xlsx")} does not exist.\n`);
      expect((await runOn(LATE_DAY, "import", master)).code).toBe(2);
      expect((await runOn(LATE_DAY, "import", master, cherwell, "--received", "someday")).code).toBe(2);
    });
  });
});
