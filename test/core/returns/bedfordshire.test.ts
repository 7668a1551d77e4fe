// A quarter over a Bedfordshire-style consortium: members lead some projects and deliver others, budgets are held
// per partner. Every partner with targets or budget lines of its own gets a return holding exactly those rows;
// the returns come back, are imported in one batch, and the claim and the member claims add up per partner.
import type { CellValue, WorkbookGrids } from "../../../src/core/grid";
import { partnerRoles, rolesText } from "../../../src/core/partnerRoles";
import { importWorkbook } from "../../../src/core/read/importWorkbook";
import { buildReport } from "../../../src/core/report";
import { importReturnFiles } from "../../../src/core/returns/incoming";
import { nothingToReportSentence, outgoingReturns } from "../../../src/core/returns/outgoing";
import { memberClaims } from "../../../src/core/rules/memberClaims";
import { buildSummarySheets } from "../../../src/core/summarySheets";
import { BEDFORD, BRCC, FORUM, LUTON, Q3, VC, bedfordshireGrids } from "./bedfordshireKit";
import { applyEdits, setCell, specToGrid } from "./kit";

const PREPARED = { masterName: "Bedfordshire master.xlsx", preparedOn: { year: 2009, month: 12, day: 20 } };
const APPLIED = { period: Q3, importedAt: "2010-01-12 10:30" };

/** The Return sheet row whose first cells read `first` (and `second`). */
function rowOf(grids: WorkbookGrids, first: string, second?: string): number {
  const sheet = grids.find((grid) => grid.sheet === "Return");
  const index = (sheet?.rows ?? []).findIndex((row) => row[0] === first && (second === undefined || row[1] === second));
  if (index < 0) throw new Error(`No row ${first} ${second ?? ""}`);
  return index + 1;
}

/** Each partner's figures for Q3: target actuals in J, spend this quarter in H. */
const FIGURES: Record<string, { targets: Record<string, number>; spend: [string, string, number][] }> = {
  [BEDFORD]: { targets: {}, spend: [["P1", "Brokerage", 500]] },
  [LUTON]: {
    targets: { "T1.2": 10, "T2.1": 15, "T3.2": 2 },
    spend: [
      ["P1", "Salaries", 1300],
      ["P2", "Salaries", 3000],
    ],
  },
  [VC]: { targets: { "T1.1": 27 }, spend: [["P1", "Salaries", 2000]] },
  [BRCC]: {
    targets: { "T2.2": 5, "T3.1": 3 },
    spend: [
      ["P2", "Running costs", 400],
      ["P3", "Salaries", 1500],
    ],
  },
};

function issuedAndFilled(master: WorkbookGrids) {
  const outgoing = outgoingReturns(importWorkbook(master).consortium, Q3, PREPARED);
  const files = outgoing.returns.map((book) => {
    const grids = book.sheets.map(specToGrid);
    const figures = FIGURES[book.partner];
    for (const [id, value] of Object.entries(figures.targets)) setCell(grids, "Return", `J${rowOf(grids, id)}`, value);
    for (const [projectId, line, amount] of figures.spend) {
      setCell(grids, "Return", `H${rowOf(grids, projectId, line)}`, amount);
    }
    return { fileName: book.fileName, grids };
  });
  return { outgoing, files };
}

/** Column A (and B) of each data row of a return's targets and spend tables. */
function returnRows(grids: WorkbookGrids): string[] {
  const rows = grids.find((grid) => grid.sheet === "Return info")?.rows ?? [];
  return rows.filter((row) => row[0] === "Target" || row[0] === "Spend").map((row) => cells(row));
}
const cells = (row: CellValue[]) => [row[0], row[1], row[2]].filter((cell) => cell !== null).join(" ");

describe("a Bedfordshire-style quarter: every member's return, claim and member claims", () => {
  const master = bedfordshireGrids();
  const imported = importWorkbook(master);
  const { outgoing, files } = issuedAndFilled(master);

  it("reads the master without problems; Type is only the kind of organisation", () => {
    expect(imported.problems).toEqual([]);
    expect(imported.consortium.partners.map((partner) => partner.type)).toEqual([
      "Accountable body",
      "CVS",
      "Volunteer centre",
      "Rural community council",
      "Funders' forum",
    ]);
  });

  it("takes each partner's roles from Projects and what it owns, project by project", () => {
    expect(partnerRoles(imported.consortium).map((roles) => [roles.partner, rolesText(roles)])).toEqual([
      [BEDFORD, "Delivers P1"],
      [LUTON, "Leads P2; delivers P1, P3"],
      [VC, "Leads P1; delivers P2"],
      [BRCC, "Leads P3; delivers P2"],
      [FORUM, "No project role"],
    ]);
  });

  it("gives a line without a Partner to its project's lead, and keeps two partners' shares of one line apart", () => {
    const budgets = imported.consortium.budgets.map((line) => `${line.projectId} ${line.line} ${line.partner}`);
    expect(budgets).toEqual([
      `P1 Salaries ${VC}`,
      `P1 Salaries ${LUTON}`,
      `P1 Brokerage ${BEDFORD}`,
      `P2 Salaries ${LUTON}`,
      `P2 Running costs ${BRCC}`,
      `P3 Salaries ${BRCC}`,
    ]);
  });

  it("sends a return to every partner with targets or budget lines, holding exactly its own rows", () => {
    expect(outgoing.returns.map((book) => book.partner)).toEqual([BEDFORD, LUTON, VC, BRCC]);
    const rows = Object.fromEntries(
      outgoing.returns.map((book) => [book.partner, returnRows(book.sheets.map(specToGrid))]),
    );
    expect(rows).toEqual({
      [BEDFORD]: ["Spend P1 Brokerage"],
      [LUTON]: ["Target T1.2", "Target T2.1", "Target T3.2", "Spend P1 Salaries", "Spend P2 Salaries"],
      [VC]: ["Target T1.1", "Spend P1 Salaries"],
      [BRCC]: ["Target T2.2", "Target T3.1", "Spend P2 Running costs", "Spend P3 Salaries"],
    });
  });

  it("tells the finance officer who has nothing to report", () => {
    expect(outgoing.nothingToReport).toEqual([FORUM]);
    expect(nothingToReportSentence(outgoing)).toBe(
      `No return for ${FORUM}: no targets or budget lines of its own to report for 2009-10 Q3.`,
    );
  });

  describe("when the four returns come back", () => {
    const incoming = importReturnFiles(master, files, APPLIED);
    const after = importWorkbook(applyEdits(master, incoming.edits));
    const report = buildReport(after.consortium, after.problems, Q3);

    it("imports all four, each into its own partner's rows", () => {
      expect(incoming.returns.map((r) => [r.fileName, r.outcome, r.preview?.problems])).toEqual(
        files.map((file) => [file.fileName, "ready", []]),
      );
      expect(after.problems).toEqual([]);
      const q3 = after.consortium.spend.filter((row) => row.quarter === 3);
      expect(q3.map((row) => `${row.projectId} ${row.line} ${row.partner} ${row.pence}`)).toEqual([
        `P1 Brokerage ${BEDFORD} 50000`,
        `P1 Salaries ${LUTON} 130000`,
        `P2 Salaries ${LUTON} 300000`,
        `P1 Salaries ${VC} 200000`,
        `P2 Running costs ${BRCC} 40000`,
        `P3 Salaries ${BRCC} 150000`,
      ]);
      const t12 = after.consortium.actuals.find((a) => a.targetId === "T1.2" && a.quarter === 3);
      expect(t12).toMatchObject({ amount: 10, partner: LUTON });
    });

    it("carries the partner on each of the report's spend rows", () => {
      expect(report.spend.map((row) => [row.projectId, row.budgetLine, row.partner, row.claimThisQuarter])).toEqual([
        ["P1", "Salaries", VC, 2000],
        // 1,000 + 900 + 1,300 = 3,200 to date against 3,000: claimable 3,200 (under the 4,000 annual budget).
        ["P1", "Salaries", LUTON, 1300],
        ["P1", "Brokerage", BEDFORD, 500],
        ["P2", "Salaries", LUTON, 3000],
        ["P2", "Running costs", BRCC, 400],
        ["P3", "Salaries", BRCC, 1500],
      ]);
    });

    it("owes each member what its own lines claim, adding up to the claim this quarter", () => {
      const claims = memberClaims(after.consortium, report.spend, after.consortium.settings);
      expect(
        claims.map((c) => [c.partner, c.lines, c.budgetToDate, c.spendToDate, c.variance, c.rag, c.claimThisQuarter]),
      ).toEqual([
        [BEDFORD, 1, 150000, 150000, 0, "Green", 50000],
        // Budget 3,000 + 9,000; spend 3,200 + 9,000: 200 over, 1.7%: Green.
        [LUTON, 2, 1200000, 1220000, 20000, "Green", 430000],
        [VC, 1, 600000, 600000, 0, "Green", 200000],
        [BRCC, 2, 570000, 570000, 0, "Green", 190000],
      ]);
      expect(claims.reduce((sum, c) => sum + c.claimThisQuarter, 0) / 100).toBe(report.claim.claimThisQuarter);
    });

    it("writes the Member claims sheet and names a delivering partner's line on the claim", () => {
      const sheets = buildSummarySheets(after.consortium, after.problems, Q3, { year: 2010, month: 1, day: 20 });
      const member = sheets.find((sheet) => sheet.name === "Member claims 2009-10 Q3");
      const text = (row: number) => member?.cells.filter((cell) => cell.row === row).map((cell) => cell.value) ?? [];
      const lutonRow = member?.cells.find((cell) => cell.value === LUTON)?.row ?? 0;
      expect(text(lutonRow)).toEqual([LUTON, 2, 12000, 12200, 200, 200 / 12000, "● Green", 4300, 12200]);
      const totalRow = member?.cells.find((cell) => cell.value === "Total")?.row ?? 0;
      // 1,500 + 12,000 + 6,000 + 5,700 budgeted; 200 more spent (Luton CVS).
      expect(text(totalRow)).toEqual(["Total", 6, 25200, 25400, 200, null, null, 8700, 25400]);
      const claim = sheets.find((sheet) => sheet.name === "Claim 2009-10 Q3");
      const lines = claim?.cells.filter((cell) => cell.column === 2).map((cell) => cell.value);
      expect(lines).toEqual(expect.arrayContaining([`Salaries (${LUTON})`, `Brokerage (${BEDFORD})`, "Salaries"]));
    });
  });

  it("refuses spend of a delivering partner into a Spend sheet with no Partner column, saying why", () => {
    const noColumn = bedfordshireGrids({ spendPartnerColumn: false });
    const luton = issuedAndFilled(bedfordshireGrids()).files.find((file) => file.fileName.includes(LUTON));
    if (!luton) throw new Error("no Luton return");
    const [result] = importReturnFiles(noColumn, [luton], APPLIED).returns;
    expect(result.outcome).toBe("refused");
    expect(result.preview?.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(
        /Spend has no "Partner" column, so spend of Luton CVS on P1 Salaries 2009-10 Q3 would read as VC Central Beds's/,
      ),
    );
  });
});
