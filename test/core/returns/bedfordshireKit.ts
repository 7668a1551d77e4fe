// A Bedfordshire-style consortium: every member leads some projects and delivers others, and budgets are held per
// partner (Budget and Spend with a Partner column). The accountable body, Bedford CVS, leads nothing but delivers
// brokerage on P1; Beds Funding Forum is a member with nothing of its own to report.
//
//   Projects  P1 Volunteering (lead VC Central Beds; delivery Luton CVS, Bedford CVS)
//             P2 Capacity building (lead Luton CVS; delivery BRCC, VC Central Beds)
//             P3 Rural outreach (lead BRCC; delivery Luton CVS)
//   Targets   2009-10: T1.1 100 (P1's lead), T1.2 40 (Luton CVS), T2.1 60 (P2's lead), T2.2 20 (BRCC),
//             T3.1 12 (P3's lead), T3.2 8 (Luton CVS)
//   Budget    2009-10, a quarter: P1 Salaries 2,000 (no partner: P1's lead), P1 Salaries 1,000 (Luton CVS),
//             P1 Brokerage 500 (Bedford CVS), P2 Salaries 3,000 (Luton CVS), P2 Running costs 400 (BRCC),
//             P3 Salaries 1,500 (no partner: BRCC)
//   Spend     Q1 and Q2 on budget, except Luton CVS's P1 Salaries: 1,000 then 900
import type { CellValue, SheetGrid, WorkbookGrids } from "../../../src/core/grid";
import type { Period } from "../../../src/core/periods";
import { SETTINGS_KEYS, templateFor, type TemplateSheetName } from "../../../src/core/templates";

export const BEDFORD = "Bedford CVS";
export const LUTON = "Luton CVS";
export const VC = "VC Central Beds";
export const BRCC = "BRCC";
export const FORUM = "Beds Funding Forum";
export const Q3: Period = { fy: "2009-10", quarter: 3 };

const headers = (sheet: TemplateSheetName) => templateFor(sheet).columns.map((column) => column.header);
const grid = (sheet: string, rows: CellValue[][]): SheetGrid => ({ sheet, rows, firstRow: 1, firstColumn: 1 });

export function bedfordshireGrids(options: { spendPartnerColumn?: boolean } = {}): WorkbookGrids {
  const key = (field: keyof typeof SETTINGS_KEYS) => SETTINGS_KEYS[field].key;
  const withPartner = options.spendPartnerColumn ?? true;
  const spendHeaders = withPartner ? headers("Spend") : headers("Spend").filter((header) => header !== "Partner");
  const spend = (projectId: string, line: string, quarter: string, amount: number, partner: string | null) => {
    const row: CellValue[] = [projectId, line, "2009-10", quarter, amount, null];
    return withPartner ? [...row, partner] : row;
  };
  return [
    grid("Settings", [
      headers("Settings"),
      [key("consortium"), "Bedfordshire Infrastructure Consortium"],
      [key("accountableBody"), BEDFORD],
      [key("returnsDueDays"), 15],
    ]),
    grid("Partners", [
      headers("Partners"),
      [BEDFORD, "Accountable body", ""],
      [LUTON, "CVS", ""],
      [VC, "Volunteer centre", ""],
      [BRCC, "Rural community council", ""],
      [FORUM, "Funders' forum", ""],
    ]),
    grid("Projects", [
      headers("Projects"),
      ["P1", "Volunteering", "Volunteering", VC, `${LUTON}; ${BEDFORD}`],
      ["P2", "Capacity building", "Support", LUTON, `${BRCC}; ${VC}`],
      ["P3", "Rural outreach", "Support", BRCC, LUTON],
    ]),
    grid("Targets", [
      [...headers("Targets"), "2009-10"],
      ["T1.1", "P1", "Volunteers placed", "Number", "Higher", "Annual", null, 100],
      ["T1.2", "P1", "Volunteers placed in Luton", "Number", "Higher", "Annual", LUTON, 40],
      ["T2.1", "P2", "Groups supported", "Number", "Higher", "Annual", null, 60],
      ["T2.2", "P2", "Rural groups supported", "Number", "Higher", "Annual", BRCC, 20],
      ["T3.1", "P3", "Outreach sessions", "Number", "Higher", "Annual", null, 12],
      ["T3.2", "P3", "Outreach sessions in Luton", "Number", "Higher", "Annual", LUTON, 8],
    ]),
    grid("Actuals", [headers("Actuals")]),
    grid("Budget", [
      headers("Budget"),
      ["P1", "Salaries", "2009-10", 2000, 2000, 2000, 2000, null],
      ["P1", "Salaries", "2009-10", 1000, 1000, 1000, 1000, LUTON],
      ["P1", "Brokerage", "2009-10", 500, 500, 500, 500, BEDFORD],
      ["P2", "Salaries", "2009-10", 3000, 3000, 3000, 3000, LUTON],
      ["P2", "Running costs", "2009-10", 400, 400, 400, 400, BRCC],
      ["P3", "Salaries", "2009-10", 1500, 1500, 1500, 1500, null],
    ]),
    grid("Spend", [
      spendHeaders,
      ...(["Q1", "Q2"] as const).flatMap((quarter) => [
        spend("P1", "Salaries", quarter, 2000, null),
        spend("P1", "Salaries", quarter, quarter === "Q1" ? 1000 : 900, LUTON),
        spend("P1", "Brokerage", quarter, 500, BEDFORD),
        spend("P2", "Salaries", quarter, 3000, LUTON),
        spend("P2", "Running costs", quarter, 400, BRCC),
        spend("P3", "Salaries", quarter, 1500, null),
      ]),
    ]),
  ];
}
