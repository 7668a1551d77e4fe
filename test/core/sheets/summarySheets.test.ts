import type { Consortium } from "../../../src/core/model";
import { buildReport } from "../../../src/core/report";
import { buildSummarySheets, summarySheets } from "../../../src/core/summarySheets";
import { Q2, q2Report, smallConsortium } from "./fixtures";
import { cellAt, rightOf, rowWhere, valueAt } from "./sheetTestKit";

const preparedOn = { year: 2009, month: 10, day: 16 };
const here = { sheet: "Test", cell: "A1" };

/** The small consortium with a budget line: £5,000 a quarter, £4,000 spent in Q1 and £5,000 in Q2. */
function withSpend(): Consortium {
  return {
    ...smallConsortium(),
    budgets: [
      {
        projectId: "P1",
        line: "Salaries",
        fy: "2009-10",
        quarterPence: [500000, 500000, 500000, 500000],
        partner: "",
        source: here,
      },
    ],
    spend: [
      {
        projectId: "P1",
        line: "Salaries",
        fy: "2009-10",
        quarter: 1,
        pence: 400000,
        comment: "",
        partner: "",
        source: here,
      },
      {
        projectId: "P1",
        line: "Salaries",
        fy: "2009-10",
        quarter: 2,
        pence: 500000,
        comment: "",
        partner: "",
        source: here,
      },
    ],
  };
}

describe("summary sheets", () => {
  it("are the claim, RAG, year on year, risk register and member claims, in that order", () => {
    const specs = summarySheets(smallConsortium(), q2Report(), { preparedOn });
    expect(specs.map((s) => s.name)).toEqual([
      "Claim 2009-10 Q2",
      "RAG 2009-10 Q2",
      "Year on year",
      "Risk register",
      "Member claims 2009-10 Q2",
    ]);
    expect(specs.map((s) => s.kind)).toEqual(["claim", "rag", "yearOnYear", "riskRegister", "memberClaims"]);
  });

  it("built from the workbook, claim what the rules say: £9,000 claimable by Q2 less £4,000 by Q1", () => {
    const [claim] = buildSummarySheets(withSpend(), [], Q2, preparedOn);
    expect(rightOf(claim, "Total claim this quarter", 6)?.value).toBe(5000);
    const report = buildReport(withSpend(), [], Q2);
    expect(report.spend.map((s) => s.claimThisQuarter)).toEqual([5000]);
  });

  it("fill the RAG sheet's last-quarter column from the report at the quarter before", () => {
    const [, rag] = buildSummarySheets(withSpend(), [], Q2, preparedOn);
    const t11 = rowWhere(rag, 1, "T1.1");
    // Q2: 51 of 60 expected is 85%, Amber. Q1: 26 of 30 expected is 87%, Amber. No 2008-09 target: a dash.
    expect(valueAt(rag, t11, 3)).toBe("▲ Amber");
    expect(valueAt(rag, t11, 4)).toBe("▲ Amber");
    expect(valueAt(rag, t11, 5)).toBe("—");
    // T2.1: 2 of 2.5 expected at Q1 is 80%, Amber; at Q2 it has no figure yet (2 of 5 would be Red): Awaiting.
    const t21 = rowWhere(rag, 1, "T2.1");
    expect([valueAt(rag, t21, 3), valueAt(rag, t21, 4)]).toEqual(["◇ Awaiting", "▲ Amber"]);
  });

  it("leave out comparisons before the plan starts", () => {
    const [, rag] = buildSummarySheets(withSpend(), [], { fy: "2008-09", quarter: 2 }, preparedOn);
    const lastYear = rag.cells.find((c) => c.note === "No figures for 2007-08 Q2.");
    expect(lastYear).toBeDefined();
  });

  it("report on the latest quarter with data when no period is given", () => {
    const specs = buildSummarySheets(withSpend(), [], undefined, preparedOn);
    expect(specs[0].name).toBe("Claim 2009-10 Q2");
    expect(cellAt(specs[1], 1, 1)?.value).toBe("RAG status 2009-10 Q2");
  });
});
