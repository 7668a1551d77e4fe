import { ragSheet } from "../../../src/core/sheets/ragSheet";
import { STYLES } from "../../../src/core/sheets/sheetBuilder";
import { NUMBER_FORMATS, RAG_STYLE } from "../../../src/core/sheets/spec";
import { LAST_YEAR_Q2, Q1, q2Report, smallConsortium } from "./fixtures";
import { cellAt, cellWithText, report, rowValues, rowWhere, settings, targetRow, valueAt } from "./sheetTestKit";

const preparedOn = { year: 2009, month: 10, day: 16 };

const lastQuarter = report(Q1, {
  targets: [
    targetRow("T1.1", "P1", { fy: "2009-10", rag: "Green", ratio: 1 }),
    targetRow("T2.1", "P2", { fy: "2009-10", rag: "Amber", ratio: 0.8 }),
  ],
  projects: [{ projectId: "P1", ratio: 1, rag: "Green", awaitingTargets: 0 }],
});
const lastYear = report(LAST_YEAR_Q2, {
  targets: [targetRow("T1.1", "P1", { fy: "2008-09", rag: "Red", ratio: 0.7 })],
  projects: [{ projectId: "P1", ratio: 0.7, rag: "Red", awaitingTargets: 0 }],
});

function rag(extra: Partial<Parameters<typeof ragSheet>[2]> = {}) {
  return ragSheet(smallConsortium(), q2Report(), {
    preparedOn,
    previousQuarter: lastQuarter,
    sameQuarterLastYear: lastYear,
    ...extra,
  });
}

describe("RAG sheet", () => {
  it("is named for the period and heads its columns with the periods compared", () => {
    const sheet = rag();
    expect(sheet.name).toBe("RAG 2009-10 Q2");
    expect(sheet.kind).toBe("rag");
    const header = cellWithText(sheet, "Ref").row;
    expect(rowValues(sheet, header)).toEqual([
      "Ref",
      "Project / target",
      "This quarter 2009-10 Q2",
      "Last quarter 2009-10 Q1",
      "Last year 2008-09 Q2",
      "Trend",
      "Ratio",
    ]);
    expect(sheet.freeze).toEqual({ rows: header, columns: 0 });
  });

  it("crosses into the previous year for the quarter before Q1", () => {
    const atQ1 = ragSheet(smallConsortium(), { ...q2Report(), period: Q1 }, { preparedOn });
    expect(cellWithText(atQ1, "Last quarter 2008-09 Q4")).toBeDefined();
    expect(cellWithText(atQ1, "Last year 2008-09 Q1")).toBeDefined();
  });

  it("shows each project in bold with its RAG and ratio, its targets indented beneath it", () => {
    const sheet = rag();
    const p1 = rowWhere(sheet, 1, "P1");
    expect(rowValues(sheet, p1)).toEqual(["P1", "Volunteer centres", "Amber", "Green", "Red", null, 0.925]);
    expect(cellAt(sheet, p1, 2)?.style?.bold).toBe(true);
    expect(cellAt(sheet, p1, 7)?.style?.numberFormat).toBe(NUMBER_FORMATS.ratio);
    expect(rowValues(sheet, p1 + 1)).toEqual(["T1.1", "Volunteers placed", "Amber", "Green", "Red", "▲ up", 0.85]);
    expect(cellAt(sheet, p1 + 1, 2)?.style?.indent).toBe(1);
    expect(cellAt(sheet, p1 + 1, 2)?.style?.bold).toBeUndefined();
    expect(valueAt(sheet, p1 + 2, 1)).toBe("T1.2");
    expect(valueAt(sheet, p1 + 3, 1)).toBe("T1.3");
    expect(valueAt(sheet, p1 + 4, 1)).toBe("P2");
    expect(rowValues(sheet, p1 + 5)).toEqual(["T2.1", "Groups given information", "Red", "Amber", "—", "▼ down", 0.4]);
  });

  it("gives the trend as arrow and word, and level when within 5 points", () => {
    const sheet = rag();
    expect(valueAt(sheet, rowWhere(sheet, 1, "T1.2"), 6)).toBe("► level");
    // 70% a year ago, 85% now: +15 points.
    expect(valueAt(sheet, rowWhere(sheet, 1, "T1.1"), 6)).toBe("▲ up");
  });

  it("paints every RAG cell with its word's fill, with conditional formats over the three RAG columns", () => {
    const sheet = rag();
    const t11 = rowWhere(sheet, 1, "T1.1");
    for (const [column, word] of [
      [3, "Amber"],
      [4, "Green"],
      [5, "Red"],
    ] as const) {
      expect(cellAt(sheet, t11, column)?.style?.fill).toBe(RAG_STYLE[word].fill);
      const format = sheet.conditionalFormats.find(
        (f) =>
          f.type === "textEquals" && f.text === word && f.range.firstColumn <= column && f.range.lastColumn >= column,
      );
      expect(format?.range.firstRow).toBeLessThanOrEqual(t11);
      expect(format?.range.lastRow).toBeGreaterThanOrEqual(rowWhere(sheet, 1, "T2.2"));
    }
    expect(valueAt(sheet, rowWhere(sheet, 1, "T1.3"), 3)).toBe("Not due");
    expect(cellAt(sheet, rowWhere(sheet, 1, "T1.3"), 3)?.style?.fill).toBe(RAG_STYLE.NotDue.fill);
  });

  it("shows a dash where there is nothing to compare with, explained once in the legend or on the header", () => {
    const sheet = rag();
    const t13 = rowWhere(sheet, 1, "T1.3");
    expect(valueAt(sheet, t13, 5)).toBe("—");
    const legend = sheet.cells.find((cell) => String(cell.value).startsWith("Nothing to compare with:"));
    expect(legend && valueAt(sheet, legend.row, legend.column - 1)).toBe("—");
    const alone = rag({ previousQuarter: undefined, sameQuarterLastYear: undefined });
    const t11 = rowWhere(alone, 1, "T1.1");
    expect([valueAt(alone, t11, 3), valueAt(alone, t11, 4), valueAt(alone, t11, 5)]).toEqual(["Amber", "—", "—"]);
    const header = rowWhere(alone, 1, "Ref");
    expect(cellAt(alone, header, 4)?.note).toBe("No figures for 2009-10 Q1.");
    expect(cellAt(alone, header, 5)?.note).toBe("No figures for 2008-09 Q2.");
    // No note on each dash: the add-in writes notes one call at a time.
    expect(alone.cells.filter((cell) => cell.note)).toHaveLength(2);
  });

  it("explains the RAG thresholds from Settings and the trend rule", () => {
    const sheet = rag();
    const legend = cellWithText(sheet, "How to read this sheet").row;
    expect(legend).toBeGreaterThan(rowWhere(sheet, 1, "T2.2"));
    const green = rowWhere(sheet, 1, "Green", legend);
    expect(valueAt(sheet, green, 2)).toBe("Ratio at or above 95%, or the milestone is done.");
    expect(valueAt(sheet, rowWhere(sheet, 1, "Amber", legend), 2)).toContain("at or above 75% and below 95%");
    expect(String(valueAt(sheet, rowWhere(sheet, 1, "Trend", legend), 2))).toContain("▲ up 5 points or more");

    const strict = {
      ...smallConsortium(),
      settings: settings({ greenThreshold: 0.9, amberThreshold: 0.6, projectRollup: "Worst" }),
    };
    const other = ragSheet(strict, q2Report(), { preparedOn });
    const otherLegend = cellWithText(other, "How to read this sheet").row;
    expect(valueAt(other, rowWhere(other, 1, "Red", otherLegend), 2)).toBe(
      "Ratio below 60%, or the milestone is overdue.",
    );
    expect(String(valueAt(other, rowWhere(other, 1, "Project", otherLegend), 2))).toContain("worst RAG");
  });

  it("prints on one A4 landscape page width", () => {
    const sheet = rag();
    expect(sheet.print).toMatchObject({ paperSize: "A4", orientation: "landscape", fitToWidth: true });
    expect(sheet.print.footer).toContain("&P");
  });

  it("takes further sections below the legend", () => {
    const sheet = rag({
      extraSections: [(b) => void b.addRow([{ value: "Partner returns", style: STYLES.subtitle }])],
    });
    expect(cellWithText(sheet, "Partner returns").row).toBeGreaterThan(rowWhere(sheet, 1, "Trend", 10));
  });

  it("counts projects and targets by RAG under the title", () => {
    const sheet = rag();
    expect(String(valueAt(sheet, 3, 1))).toContain(
      "Projects: 1 Amber, 1 Red. Targets: 1 Green, 2 Amber, 1 Red, 1 Not due.",
    );
  });
});
