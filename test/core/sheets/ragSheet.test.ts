import type { UnreadTarget } from "../../../src/core/model";
import { NOT_READ, ragSheet } from "../../../src/core/sheets/ragSheet";
import { STYLES } from "../../../src/core/sheets/sheetBuilder";
import { NUMBER_FORMATS, RAG_STYLE, type SheetSpec } from "../../../src/core/sheets/spec";
import { HYPERLINK_COMMENT, LAST_YEAR_Q2, Q1, q2Report, smallConsortium } from "./fixtures";
import { cellAt, cellWithText, report, rowValues, rowWhere, settings, targetRow, valueAt } from "./sheetTestKit";

const preparedOn = { year: 2009, month: 10, day: 16 };

const lastQuarter = report(Q1, {
  targets: [
    targetRow("T1.1", "P1", { fy: "2009-10", rag: "Green", ratio: 1 }),
    targetRow("T2.1", "P2", { fy: "2009-10", rag: "Amber", ratio: 0.8 }),
  ],
  projects: [{ projectId: "P1", ratio: 1, rag: "Green", awaitingTargets: 0, toBeSetTargets: 0 }],
});
const lastYear = report(LAST_YEAR_Q2, {
  targets: [targetRow("T1.1", "P1", { fy: "2008-09", rag: "Red", ratio: 0.7 })],
  projects: [{ projectId: "P1", ratio: 0.7, rag: "Red", awaitingTargets: 0, toBeSetTargets: 0 }],
});

function rag(extra: Partial<Parameters<typeof ragSheet>[2]> = {}) {
  return ragSheet(smallConsortium(), q2Report(), {
    preparedOn,
    previousQuarter: lastQuarter,
    sameQuarterLastYear: lastYear,
    ...extra,
  });
}

/** The first row of the second printed page: the full table's header. */
const fullTable = (sheet: SheetSpec) => sheet.print.pageBreaksBefore?.[0] ?? Number.NaN;
/** A target's row in the full table (the meeting page lists Reds and Ambers before it). */
const inTable = (sheet: SheetSpec, id: string) => rowWhere(sheet, 1, id, fullTable(sheet));

const WHY = "Why (the partner's comment, or the rule)";

describe("RAG sheet: the meeting page", () => {
  it("is named for the period and says under its title what the figures rest on", () => {
    const sheet = rag();
    expect(sheet.name).toBe("RAG 2009-10 Q2");
    expect(sheet.kind).toBe("rag");
    expect(String(valueAt(sheet, 3, 1))).toContain(
      "Projects: 1 Amber, 1 Red. Targets: 1 Green, 2 Amber, 1 Red, 1 Not due.",
    );
    expect(String(valueAt(sheet, 4, 1))).toMatch(/^Read problems: none\. Figures in for 2009-10 Q2 /);
    expect(cellAt(sheet, 4, 1)?.style?.italic).toBe(true);
    const withProblems = ragSheet(
      smallConsortium(),
      {
        ...q2Report(),
        problems: [
          { sheet: "Targets", cell: "H9", severity: "error", message: "x" },
          { sheet: "Actuals", cell: "D4", severity: "warning", message: "y" },
        ],
      },
      { preparedOn },
    );
    expect(String(valueAt(withProblems, 4, 1))).toContain("Read problems: 1 error, 1 warning (see Check data).");
    expect(cellAt(withProblems, 4, 1)?.style).toMatchObject({ bold: true });
  });

  it("gives each project its RAG this quarter, last quarter and last year, its trend and its targets counted", () => {
    const sheet = rag();
    const header = cellWithText(sheet, "Targets this quarter").row;
    expect(rowValues(sheet, header)).toEqual([
      "Ref",
      "Project / target",
      "This quarter 2009-10 Q2",
      "Last quarter 2009-10 Q1",
      "Last year 2008-09 Q2",
      "Trend",
      "Ratio",
      "Targets this quarter",
    ]);
    // P1: 92.5% now against 70% a year ago is +22.5 points: up.
    expect(rowValues(sheet, header + 1)).toEqual([
      "P1",
      "Volunteer centres",
      "▲ Amber",
      "● Green",
      "■ Red",
      "▲ up",
      0.925,
      "1 Green, 1 Amber, 1 Not due",
    ]);
    expect(rowValues(sheet, header + 2)).toEqual([
      "P2",
      "Information resources",
      "■ Red",
      "—",
      "—",
      null,
      0.6,
      "1 Amber, 1 Red",
    ]);
    expect(header + 2).toBeLessThan(fullTable(sheet));
  });

  it("lists every Red, then every Amber target with why: the partner's comment, else the rule", () => {
    const sheet = rag();
    const title = cellWithText(sheet, "Needs attention: Red, then Amber, with why").row;
    expect(valueAt(sheet, title + 1, 8)).toBe(WHY);
    const listed = [title + 2, title + 3, title + 4].map((row) => [valueAt(sheet, row, 1), valueAt(sheet, row, 3)]);
    expect(listed).toEqual([
      ["T2.1", "■ Red"],
      ["T1.1", "▲ Amber"],
      ["T2.2", "▲ Amber"],
    ]);
    // T2.1: 10 a year, half expected by Q2 = 5; 2 in: 40%.
    expect(valueAt(sheet, title + 2, 8)).toBe("Expected 5 by Q2 (half of 10), actual 2: 40%, below Amber at 75%.");
    expect(valueAt(sheet, title + 3, 8)).toBe("Partner's comment: Summer is slow");
    // Partner text stays text, whatever it starts with.
    expect(valueAt(sheet, title + 4, 8)).toBe(`Partner's comment: ${HYPERLINK_COMMENT}`);
    expect(sheet.cells.some((c) => typeof c.value === "object" && c.value !== null)).toBe(false);
    expect(title + 4).toBeLessThan(fullTable(sheet));
  });

  it("prints A4 landscape one page wide, the full table from page 2 with its header on every page", () => {
    const sheet = rag();
    const header = fullTable(sheet);
    expect(sheet.print).toMatchObject({ paperSize: "A4", orientation: "landscape", fitToWidth: true });
    expect(sheet.print.footer).toContain("&P");
    expect(valueAt(sheet, header, 1)).toBe("Ref");
    expect(sheet.print.repeatRows).toEqual({ first: header, last: header });
    expect(sheet.freeze).toEqual({ rows: cellWithText(sheet, "Targets this quarter").row, columns: 0 });
  });
});

describe("RAG sheet: the full table", () => {
  it("heads its columns with the periods compared and a Why column", () => {
    const sheet = rag();
    expect(rowValues(sheet, fullTable(sheet))).toEqual([
      "Ref",
      "Project / target",
      "This quarter 2009-10 Q2",
      "Last quarter 2009-10 Q1",
      "Last year 2008-09 Q2",
      "Trend",
      "Ratio",
      WHY,
    ]);
  });

  it("crosses into the previous year for the quarter before Q1", () => {
    const atQ1 = ragSheet(smallConsortium(), { ...q2Report(), period: Q1 }, { preparedOn });
    expect(rowValues(atQ1, fullTable(atQ1))).toContain("Last quarter 2008-09 Q4");
    expect(rowValues(atQ1, fullTable(atQ1))).toContain("Last year 2008-09 Q1");
  });

  it("shows each project in bold, its targets indented beneath it with why beside the Amber and Red", () => {
    const sheet = rag();
    const p1 = inTable(sheet, "P1");
    expect(cellAt(sheet, p1, 2)?.style?.bold).toBe(true);
    expect(cellAt(sheet, p1, 7)?.style?.numberFormat).toBe(NUMBER_FORMATS.ratio);
    expect(rowValues(sheet, p1 + 1)).toEqual([
      "T1.1",
      "Volunteers placed",
      "▲ Amber",
      "● Green",
      "■ Red",
      "▲ up",
      0.85,
      "Partner's comment: Summer is slow",
    ]);
    expect(cellAt(sheet, p1 + 1, 2)?.style?.indent).toBe(1);
    expect(rowValues(sheet, p1 + 2).slice(0, 3)).toEqual(["T1.2", "Volunteer satisfaction", "● Green"]);
    expect(valueAt(sheet, p1 + 2, 8) ?? null).toBeNull(); // Green: nothing to explain
    expect(rowValues(sheet, p1 + 3).slice(0, 3)).toEqual(["T1.3", "Open market town information point", "○ Not due"]);
    expect(valueAt(sheet, p1 + 4, 1)).toBe("P2");
    expect(rowValues(sheet, p1 + 5).slice(0, 7)).toEqual([
      "T2.1",
      "Groups given information",
      "■ Red",
      "▲ Amber",
      "—",
      "▼ down",
      0.4,
    ]);
  });

  it("paints every RAG cell with its fill, with conditional formats for symbol and word over the RAG columns", () => {
    const sheet = rag();
    const t11 = inTable(sheet, "T1.1");
    for (const [column, rag] of [
      [3, "Amber"],
      [4, "Green"],
      [5, "Red"],
    ] as const) {
      expect(cellAt(sheet, t11, column)?.style?.fill).toBe(RAG_STYLE[rag].fill);
      for (const text of [`${RAG_STYLE[rag].symbol} ${rag}`, rag]) {
        const format = sheet.conditionalFormats.find(
          (f) =>
            f.type === "textEquals" &&
            f.text === text &&
            f.range.firstRow <= t11 &&
            f.range.lastRow >= inTable(sheet, "T2.2") &&
            f.range.firstColumn <= column &&
            f.range.lastColumn >= column,
        );
        expect(format?.style.fill).toBe(RAG_STYLE[rag].fill);
      }
    }
  });

  it("shows a dash where there is nothing to compare with, explained once in the legend or on the header", () => {
    const sheet = rag();
    expect(valueAt(sheet, inTable(sheet, "T1.3"), 5)).toBe("—");
    const legend = sheet.cells.find((cell) => String(cell.value).startsWith("Nothing to compare with:"));
    expect(legend && valueAt(sheet, legend.row, legend.column - 1)).toBe("—");
    const alone = rag({ previousQuarter: undefined, sameQuarterLastYear: undefined });
    const t11 = inTable(alone, "T1.1");
    expect([valueAt(alone, t11, 3), valueAt(alone, t11, 4), valueAt(alone, t11, 5)]).toEqual(["▲ Amber", "—", "—"]);
    const header = fullTable(alone);
    expect(cellAt(alone, header, 4)?.note).toBe("No figures for 2009-10 Q1.");
    expect(cellAt(alone, header, 5)?.note).toBe("No figures for 2008-09 Q2.");
  });

  it("explains the RAG thresholds from Settings and the trend rule", () => {
    const sheet = rag();
    const legend = cellWithText(sheet, "How to read this sheet").row;
    expect(legend).toBeGreaterThan(inTable(sheet, "T2.2"));
    expect(valueAt(sheet, rowWhere(sheet, 1, "● Green", legend), 2)).toBe(
      "Ratio at or above 95%, or the milestone is done.",
    );
    expect(valueAt(sheet, rowWhere(sheet, 1, "▲ Amber", legend), 2)).toContain("at or above 75% and below 95%");
    expect(String(valueAt(sheet, rowWhere(sheet, 1, "◇ Awaiting", legend), 2))).toContain("not counted");
    expect(String(valueAt(sheet, rowWhere(sheet, 1, "Trend", legend), 2))).toContain("▲ up 5 points or more");
    const strict = {
      ...smallConsortium(),
      settings: settings({ greenThreshold: 0.9, amberThreshold: 0.6, projectRollup: "Worst" }),
    };
    const other = ragSheet(strict, q2Report(), { preparedOn });
    const otherLegend = cellWithText(other, "How to read this sheet").row;
    expect(valueAt(other, rowWhere(other, 1, "■ Red", otherLegend), 2)).toBe(
      "Ratio below 60%, or the milestone is overdue.",
    );
    expect(String(valueAt(other, rowWhere(other, 1, "Project", otherLegend), 2))).toContain("worst RAG");
  });

  it("takes further sections at the end", () => {
    const sheet = rag({
      extraSections: [(b) => void b.addRow([{ value: "Partner returns", style: STYLES.subtitle }])],
    });
    expect(cellWithText(sheet, "Partner returns").row).toBeGreaterThan(cellWithText(sheet, "RAG over time").row);
  });
});

describe("RAG sheet: what it cannot rate", () => {
  it("shows a target awaiting the quarter's figure as Awaiting, with what it stood at, not as Red", () => {
    const consortium = smallConsortium();
    // T2.1 has no Q2 figure: Awaiting (2 of 2.5 expected by Q1).
    const awaiting = q2Report();
    awaiting.targets = awaiting.targets.map((t) => (t.targetId === "T2.1" ? { ...t, awaiting: true } : t));
    awaiting.projects = awaiting.projects.map((p) =>
      p.projectId === "P2" ? { ...p, rag: "Amber", ratio: 0.8, awaitingTargets: 1 } : p,
    );
    const sheet = ragSheet(consortium, awaiting, { preparedOn });
    const t21 = inTable(sheet, "T2.1");
    expect(valueAt(sheet, t21, 3)).toBe("◇ Awaiting");
    expect(cellAt(sheet, t21, 3)?.style?.fill).toBe(RAG_STYLE.Awaiting.fill);
    expect(valueAt(sheet, t21, 8)).toBe("No figure for Q2 yet; 2 of 2.5 expected by Q1.");
    // Not among the Reds; named on the meeting page as awaited.
    const attention = cellWithText(sheet, "Needs attention: Red, then Amber, with why").row;
    expect(valueAt(sheet, attention + 2, 1)).toBe("T1.1");
    expect(
      sheet.cells.some(
        (c) =>
          c.row < fullTable(sheet) &&
          String(c.value).startsWith("Awaiting this quarter's figure") &&
          String(c.value).includes("T2.1"),
      ),
    ).toBe(true);
    expect(String(valueAt(sheet, 3, 1))).toContain("Targets: 1 Green, 2 Amber, 1 Awaiting, 1 Not due.");
  });

  it("lists a target the workbook could not read in its place as Not read, with the problem's cell", () => {
    const unread: UnreadTarget[] = [
      {
        id: "T1.4",
        projectId: "P1",
        description: "Volunteers trained",
        fy: null,
        problem: {
          sheet: "Targets",
          cell: "D12",
          severity: "error",
          message:
            'T1.4: Measure "Nmber" is not one of Number, Percentage, Currency, Milestone, so the row is not read',
        },
      },
      {
        id: "T9.1",
        projectId: "P9",
        description: "",
        fy: null,
        problem: {
          sheet: "Targets",
          cell: "B14",
          severity: "error",
          message: "T9.1: Project ID P9 is not on Projects, so the row is not read",
        },
      },
      // A year the sheet is not about is not listed.
      {
        id: "T1.5",
        projectId: "P1",
        description: "Next year only",
        fy: "2010-11",
        problem: { sheet: "Targets", cell: "H13", severity: "error", message: "x" },
      },
    ];
    const sheet = rag({ unreadTargets: unread });
    const t14 = inTable(sheet, "T1.4");
    expect(t14).toBeGreaterThan(inTable(sheet, "P1"));
    expect(t14).toBeLessThan(inTable(sheet, "P2"));
    expect(rowValues(sheet, t14).slice(0, 3)).toEqual(["T1.4", "Volunteers trained", NOT_READ]);
    expect(String(valueAt(sheet, t14, 8))).toMatch(/^The row could not be read: Targets!D12: T1\.4: Measure "Nmber"/);
    const t91 = inTable(sheet, "T9.1");
    expect(valueAt(sheet, t91, 3)).toBe(NOT_READ);
    expect(String(valueAt(sheet, t91, 8))).toContain("Targets!B14");
    expect(sheet.cells.some((c) => c.value === "T1.5")).toBe(false);
    // Also on the meeting page, and counted.
    expect(rowWhere(sheet, 1, "T1.4")).toBeLessThan(fullTable(sheet));
    expect(String(valueAt(sheet, 3, 1))).toContain("1 Not due, 2 not read.");
    const p1 = cellWithText(sheet, "Targets this quarter").row + 1;
    expect(valueAt(sheet, p1, 8)).toBe("1 Green, 1 Amber, 1 Not due, 1 not read");
  });

  it("tables each project's RAG at every quarter of the plan so far", () => {
    const sheet = rag({
      overTime: {
        periods: [
          { fy: "2009-10", quarter: 1 },
          { fy: "2009-10", quarter: 2 },
        ],
        projects: [
          { id: "P1", name: "Volunteer centres", rags: ["Green", "Amber"] },
          { id: "P2", name: "Information resources", rags: ["Awaiting", "Red"] },
        ],
      },
    });
    const title = cellWithText(sheet, "RAG over time").row;
    expect(rowValues(sheet, title + 1)).toEqual(["Ref", "Project", "2009-10 Q1", "2009-10 Q2"]);
    expect(rowValues(sheet, title + 2)).toEqual(["P1", "Volunteer centres", "● Green", "▲ Amber"]);
    expect(rowValues(sheet, title + 3)).toEqual(["P2", "Information resources", "◇ Awaiting", "■ Red"]);
  });
});
