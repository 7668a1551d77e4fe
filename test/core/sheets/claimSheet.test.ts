import { claimSheet } from "../../../src/core/sheets/claimSheet";
import { NUMBER_FORMATS, RAG_STYLE, type SheetSpec } from "../../../src/core/sheets/spec";
import { HYPERLINK_COMMENT, q2Report, smallConsortium } from "./fixtures";
import { cellAt, cellWithText, cellsWithText, rightOf, rowValues, rowWhere, settings, valueAt } from "./sheetTestKit";

const preparedOn = { year: 2009, month: 10, day: 16 };

function claim(): SheetSpec {
  return claimSheet(smallConsortium(), q2Report(), { preparedOn });
}

describe("claim sheet", () => {
  it("is named for the period", () => {
    const sheet = claim();
    expect(sheet.name).toBe("Claim 2009-10 Q2");
    expect(sheet.kind).toBe("claim");
  });

  it("heads the claim with the consortium, accountable body, funder, period, its dates and the date prepared", () => {
    const sheet = claim();
    expect(rightOf(sheet, "Consortium")?.value).toBe("Oxfordshire VSDP");
    expect(rightOf(sheet, "Accountable body")?.value).toBe("Oxfordshire Community & Voluntary Action");
    expect(rightOf(sheet, "Funder")?.value).toBe("Capacitybuilders");
    expect(rightOf(sheet, "Period")?.value).toBe("2009-10 Q2");
    // Q2 runs 1 Jul 2009 (Excel serial 39995: 1 Jan 2009 is 39814, plus 181 days) to 30 Sep 2009 (39995 + 91).
    expect(rightOf(sheet, "From")?.value).toBe(39995);
    expect(rightOf(sheet, "To")?.value).toBe(40086);
    expect(rightOf(sheet, "To")?.style?.numberFormat).toBe(NUMBER_FORMATS.date);
    expect(rightOf(sheet, "Date prepared")?.value).toBe(40102);
  });

  it("dates the quarter from the Settings' year start month", () => {
    const januaryYears = { ...smallConsortium(), settings: settings({ yearStartMonth: 1 }) };
    const sheet = claimSheet(januaryYears, q2Report(), { preparedOn });
    // A year starting in January: Q2 of 2009-10 is 1 Apr 2009 (39814 + 90) to 30 Jun 2009.
    expect(rightOf(sheet, "From")?.value).toBe(39904);
    expect(rightOf(sheet, "To")?.value).toBe(39994);
  });

  it("lists each project's targets beneath it with the report's figures and the quarter's comment", () => {
    const sheet = claim();
    const p1 = rowWhere(sheet, 1, "P1");
    expect(valueAt(sheet, p1, 2)).toBe("Volunteer centres");
    const t11 = rowWhere(sheet, 1, "T1.1", p1);
    expect(rowValues(sheet, t11)).toEqual([
      "T1.1",
      "Volunteers placed",
      120,
      60,
      25,
      51,
      0.85,
      "▲ Amber",
      "Summer is slow",
    ]);
    expect(rowWhere(sheet, 1, "T2.1")).toBeGreaterThan(rowWhere(sheet, 1, "P2"));
    expect(rowWhere(sheet, 1, "P2")).toBeGreaterThan(t11);
    expect(rightOf(sheet, "Volunteer centres", 5)?.value).toBe(0.925);
    expect(rightOf(sheet, "Volunteer centres", 6)?.value).toBe("▲ Amber");
  });

  it("shows the RAG word on its colour-blind-safe fill, and the fill follows the word if edited", () => {
    const sheet = claim();
    const t21 = rowWhere(sheet, 1, "T2.1");
    const rag = cellAt(sheet, t21, 8);
    expect(rag?.value).toBe("■ Red");
    expect(rag?.style?.fill).toBe(RAG_STYLE.Red.fill);
    expect(rag?.style?.fontColor).toBe(RAG_STYLE.Red.fontColor);
    // Why it is Red is on the same row: 2 of 5 expected to date, a ratio of 40%.
    expect([cellAt(sheet, t21, 4)?.value, cellAt(sheet, t21, 6)?.value, cellAt(sheet, t21, 7)?.value]).toEqual([
      5, 2, 0.4,
    ]);
    const covering = sheet.conditionalFormats.filter(
      (f) =>
        f.type === "textEquals" &&
        f.range.firstRow <= t21 &&
        f.range.lastRow >= t21 &&
        f.range.firstColumn <= 8 &&
        f.range.lastColumn >= 8,
    );
    expect(covering.map((f) => (f.type === "textEquals" ? [f.text, f.style.fill] : null))).toEqual(
      expect.arrayContaining([
        ["● Green", RAG_STYLE.Green.fill],
        ["▲ Amber", RAG_STYLE.Amber.fill],
        ["■ Red", RAG_STYLE.Red.fill],
        ["○ Not due", RAG_STYLE.NotDue.fill],
      ]),
    );
  });

  it("formats ratios as %, percentage targets as %, currency targets and spend as pounds", () => {
    const sheet = claim();
    const t11 = rowWhere(sheet, 1, "T1.1");
    expect(cellAt(sheet, t11, 7)?.style?.numberFormat).toBe(NUMBER_FORMATS.ratio);
    const t12 = rowWhere(sheet, 1, "T1.2");
    expect(rowValues(sheet, t12).slice(2, 6)).toEqual([0.8, 0.8, 0.82, 0.82]);
    expect(cellAt(sheet, t12, 3)?.style?.numberFormat).toBe("0%");
    expect(cellAt(sheet, t12, 5)?.style?.numberFormat).toBe("0%");
    const t22 = rowWhere(sheet, 1, "T2.2");
    expect(cellAt(sheet, t22, 3)?.style?.numberFormat).toBe(NUMBER_FORMATS.money);
    const running = cellWithText(sheet, "Running costs");
    expect(rowValues(sheet, running.row).slice(1)).toEqual([
      "Running costs",
      2000,
      2600,
      600,
      0.3,
      "■ Red",
      1300,
      "Spent £2,600.00 against £2,000.00 budgeted to date: 30% over, beyond the 25% amber tolerance",
    ]);
    expect(cellAt(sheet, running.row, 3)?.style?.numberFormat).toBe(NUMBER_FORMATS.money);
    expect(cellAt(sheet, running.row, 6)?.style?.numberFormat).toBe(NUMBER_FORMATS.ratio);
    expect(cellAt(sheet, running.row, 8)?.style?.numberFormat).toBe(NUMBER_FORMATS.money);
  });

  it("shows a milestone's due quarter and Done / Not done instead of numbers", () => {
    const sheet = claim();
    const t13 = rowWhere(sheet, 1, "T1.3");
    expect(rowValues(sheet, t13).slice(0, 8)).toEqual([
      "T1.3",
      "Open market town information point",
      "Due Q3",
      undefined,
      "Not done",
      "Not done",
      undefined,
      "○ Not due",
    ]);
  });

  it("says when a partner made no return for the quarter", () => {
    const sheet = claim();
    const t21 = rowWhere(sheet, 1, "T2.1");
    expect(valueAt(sheet, t21, 5)).toBe("No return");
    expect(cellAt(sheet, t21, 6)?.note).toContain("Q2");
  });

  it("keeps a comment that looks like a formula as plain text", () => {
    const sheet = claim();
    const t22 = rowWhere(sheet, 1, "T2.2");
    expect(valueAt(sheet, t22, 9)).toBe(HYPERLINK_COMMENT);
    expect(sheet.cells.some((c) => typeof c.value === "object" && c.value !== null)).toBe(false);
  });

  it("totals each project's budget, spend and claim, and the claim over all projects", () => {
    const sheet = claim();
    const p1Total = cellWithText(sheet, "Total for P1").row;
    // Salaries 10,000 + Running costs 2,000; spend 9,000 + 2,600; claim 4,500 + 1,300.
    expect(rowValues(sheet, p1Total).slice(2)).toEqual([12000, 11600, -400, -400 / 12000, null, 5800]);
    const p2Total = cellWithText(sheet, "Total for P2").row;
    expect(valueAt(sheet, p2Total, 8)).toBe(750);
    const report = q2Report();
    const total = rightOf(sheet, "Total claim this quarter", 6);
    expect(total?.value).toBe(report.spend.reduce((s, l) => s + l.claimThisQuarter, 0));
    expect(total?.value).toBe(6550);
    expect(total?.style?.numberFormat).toBe(NUMBER_FORMATS.money);
  });

  it("shows the claim as a whole exactly as the report's claim: award, before, this claim, to date, remaining", () => {
    const sheet = claim();
    const shown = [
      "Total award",
      "Claimed before this quarter",
      "Total claim this quarter",
      "Claimed to date",
      "Remaining",
    ].map((label) => rightOf(sheet, label, 6)?.value);
    expect(shown).toEqual([40000, 8050, 6550, 14600, 25400]);
    expect(
      cellsWithText(sheet, "Total award: the Grant rate (100%) of every Budget amount, as no Total award is set."),
    ).toHaveLength(1);
    const set = claimSheet({ ...smallConsortium(), settings: settings({ totalAward: 4_000_000 }) }, q2Report(), {
      preparedOn,
    });
    expect(cellsWithText(set, "Total award: £40,000.00, from Settings.")).toHaveLength(1);
  });

  it("puts the partner's explanation beside an Amber or Red spend line, and the rule's sentence when there is none", () => {
    const consortium = smallConsortium();
    const withComment = {
      ...consortium,
      spend: [
        {
          projectId: "P1",
          line: "Running costs",
          fy: "2009-10",
          quarter: 2 as const,
          pence: 160000,
          comment: '=HYPERLINK("x") new office lease',
          partner: "",
          source: { sheet: "Spend", cell: "A3" },
        },
      ],
    };
    const sheet = claimSheet(withComment, q2Report(), { preparedOn });
    const header = cellsWithText(sheet, "Explanation")[0];
    expect(valueAt(sheet, header.row, 2)).toBe("Budget line");
    const running = cellWithText(sheet, "Running costs");
    const reason = cellAt(sheet, running.row, 9);
    expect(reason?.value).toBe('=HYPERLINK("x") new office lease');
    // A Green line has no explanation.
    const salaries = cellsWithText(sheet, "Salaries")[0];
    expect(valueAt(sheet, salaries.row, 9) ?? null).toBeNull();
  });

  it("warns near the top when the year's profile shows an underspend beyond the amber tolerance", () => {
    const consortium = smallConsortium();
    const budgets = [
      {
        projectId: "P1",
        line: "Salaries",
        fy: "2009-10",
        quarterPence: [250000, 250000, 250000, 250000] as [number, number, number, number],
        partner: "",
        source: { sheet: "Budget", cell: "A2" },
      },
    ];
    const spend = [
      {
        projectId: "P1",
        line: "Salaries",
        fy: "2009-10",
        quarter: 1 as const,
        pence: 300000,
        comment: "",
        partner: "",
        source: { sheet: "Spend", cell: "A2" },
      },
    ];
    const sheet = claimSheet({ ...consortium, budgets, spend }, q2Report(), { preparedOn });
    const heading = cellWithText(sheet, "Underspend warning");
    expect(heading.row).toBeLessThan(cellWithText(sheet, "Total for P1").row);
    expect(valueAt(sheet, heading.row + 2, 2)).toBe(
      "P1 Salaries: spend to date £3,000.00 is 40% below the £5,000.00 budgeted to date, beyond the 25% amber " +
        "tolerance. At this profile 2009-10 ends £4,000.00 underspent against its £10,000.00 budget.",
    );
    expect(cellsWithText(claim(), "Underspend warning")).toHaveLength(0);
  });

  it("says so when a project has no budget or spend this year", () => {
    const noSpend = { ...q2Report(), spend: q2Report().spend.filter((s) => s.projectId !== "P2") };
    const sheet = claimSheet(smallConsortium(), noSpend, { preparedOn });
    expect(cellsWithText(sheet, "No budget or spend recorded for 2009-10.")).toHaveLength(1);
    expect(cellsWithText(sheet, "Total for P2")).toHaveLength(0);
  });

  it("ends with a sign-off block for the accountable body, with lines to write on", () => {
    const sheet = claim();
    for (const label of ["Prepared by", "Approved by"]) {
      const line = rightOf(sheet, label);
      expect(line?.value).toBeNull();
      expect(line?.style?.bottomBorder).toBe("thin");
    }
    expect(cellsWithText(sheet, "Signature")).toHaveLength(2);
    expect(cellsWithText(sheet, "Date")).toHaveLength(2);
    expect(cellsWithText(sheet, "Position")).toHaveLength(2);
    expect(cellWithText(sheet, "Sign-off").row).toBeGreaterThan(cellWithText(sheet, "Total claim this quarter").row);
  });

  it("warns on the claim when the workbook has problems", () => {
    const withProblems = {
      ...q2Report(),
      problems: [
        { sheet: "Actuals", cell: "D7", severity: "error" as const, message: "Not a number" },
        { sheet: "Risks", cell: "D3", severity: "warning" as const, message: "Needs review" },
      ],
    };
    const sheet = claimSheet(smallConsortium(), withProblems, { preparedOn });
    expect(sheet.cells.some((c) => typeof c.value === "string" && c.value.includes("2 problems (1 error)"))).toBe(true);
    expect(claim().cells.some((c) => typeof c.value === "string" && c.value.includes("problems ("))).toBe(false);
  });

  it("prints on A4 landscape, fitted to width, with the header rows repeated and page numbers", () => {
    const sheet = claim();
    expect(sheet.print).toMatchObject({ paperSize: "A4", orientation: "landscape", fitToWidth: true });
    expect(sheet.print.repeatRows).toEqual({ first: 1, last: 6 });
    expect(sheet.print.footer).toContain("&P");
    expect(sheet.freeze).toEqual({ rows: 6, columns: 0 });
    const ampersand = { ...smallConsortium(), settings: settings({ consortium: "Cherwell & West" }) };
    expect(claimSheet(ampersand, q2Report(), { preparedOn }).print.header).toBe("Cherwell && West: Claim 2009-10 Q2");
  });
});
