import { riskRegisterSheet } from "../../../src/core/sheets/riskRegisterSheet";
import { RAG_STYLE, type SheetSpec } from "../../../src/core/sheets/spec";
import { HYPERLINK_COMMENT, Q2 } from "./fixtures";
import {
  cellAt,
  cellWithText,
  cellsWithText,
  consortium,
  project,
  report,
  risk,
  riskRow,
  rowValues,
  rowWhere,
  valueAt,
} from "./sheetTestKit";

const preparedOn = { year: 2009, month: 10, day: 16 };
const rating = (value: number | null, text = String(value ?? ""), needsReview = false) => ({
  value,
  text,
  needsReview,
});

const rated = (impact: number | null, probability: number | null) => ({
  impact: rating(impact),
  probability: rating(probability),
});

function register(): SheetSpec {
  const workbook = consortium({
    projects: [project("P1", "Volunteer centres")],
    // The ratings as written; the report rows below carry the values read from them.
    risks: [
      risk("R1", "P1", "Partnership fails to agree", {
        controls: "Monthly meetings",
        lead: "OCVA",
        ...rated(4, 4),
      }),
      risk("R2", null, "Funding shortfall", rated(3, 3)),
      risk("R3", null, "Key staff leave", { ...rated(null, 2), impact: rating(null, "Depends on the season") }),
      risk("R4", "P1", HYPERLINK_COMMENT, rated(1, 2)),
      risk("R5", "P1", "Venues unavailable", {
        ...rated(3, 3),
        impact: { ...rating(3, "Medium to high", true), reviewReason: "is a range: the higher value is used" },
      }),
      risk("R10", null, "Partners withdraw", rated(4, 4)),
    ],
  });
  const r5 = { ...riskRow("R5", 3, 3), projectId: "P1", needsReview: true };
  const risks = [
    { ...riskRow("R1", 4, 4), projectId: "P1" },
    riskRow("R2", 3, 3),
    { ...riskRow("R3", null, 2), needsReview: true },
    { ...riskRow("R4", 1, 2), projectId: "P1" },
    r5,
    riskRow("R10", 4, 4),
  ];
  return riskRegisterSheet(workbook, report(Q2, { risks }), { preparedOn });
}

describe("risk register sheet", () => {
  it("lists risks highest score first, unscored last, ties by Risk ID", () => {
    const sheet = register();
    expect(sheet.name).toBe("Risk register");
    expect(sheet.kind).toBe("riskRegister");
    const header = cellWithText(sheet, "Risk ID").row;
    expect(rowValues(sheet, header)).toEqual([
      "Risk ID",
      "Project",
      "Risk",
      "Impact",
      "Probability",
      "Score",
      "RAG",
      "Needs review",
      "Controls",
      "Lead",
      "Why review",
    ]);
    const ids = [1, 2, 3, 4, 5, 6].map((i) => valueAt(sheet, header + i, 1));
    // 16, 16, 9, 9, 2, then no score.
    expect(ids).toEqual(["R1", "R10", "R2", "R5", "R4", "R3"]);
  });

  it("shows each risk's project, rating, score, RAG word and fill, review flag, controls and lead", () => {
    const sheet = register();
    const r1 = rowWhere(sheet, 1, "R1");
    expect(rowValues(sheet, r1)).toEqual([
      "R1",
      "P1 Volunteer centres",
      "Partnership fails to agree",
      4,
      4,
      16,
      "■ Red",
      null,
      "Monthly meetings",
      "OCVA",
      null, // both ratings read plainly: no reason to review
    ]);
    expect(cellAt(sheet, r1, 7)?.style?.fill).toBe(RAG_STYLE.Red.fill);
    expect(valueAt(sheet, rowWhere(sheet, 1, "R2"), 2)).toBe("Programme-wide");
    const r5 = rowWhere(sheet, 1, "R5");
    expect(valueAt(sheet, r5, 8)).toBe("Yes");
    expect(cellAt(sheet, r5, 4)?.note).toBe('Read as 3 from "Medium to high".');
    expect(valueAt(sheet, r5, 11)).toBe("Impact 'Medium to high' is a range: the higher value is used");
    expect(valueAt(sheet, r5, 7)).toBe("▲ Amber");
    expect(valueAt(sheet, rowWhere(sheet, 1, "R4"), 7)).toBe("● Green");
    expect(sheet.conditionalFormats.some((f) => f.type === "textEquals" && f.range.firstColumn === 7)).toBe(true);
  });

  it("shows an unreadable rating as written, with no score or RAG", () => {
    const sheet = register();
    const r3 = rowWhere(sheet, 1, "R3");
    expect(valueAt(sheet, r3, 4)).toBe("Depends on the season");
    expect(valueAt(sheet, r3, 6)).toBeNull();
    expect(valueAt(sheet, r3, 7)).toBe("—");
    expect(valueAt(sheet, r3, 8)).toBe("Yes");
    expect(valueAt(sheet, r3, 11)).toBe("Impact 'Depends on the season' could not be read");
  });

  it("keeps a risk description that looks like a formula as text", () => {
    const sheet = register();
    expect(valueAt(sheet, rowWhere(sheet, 1, "R4"), 3)).toBe(HYPERLINK_COMMENT);
    expect(sheet.cells.some((c) => typeof c.value === "object" && c.value !== null)).toBe(false);
  });

  it("counts risks in a 5x5 heat map, impact 5 at the top, each cell filled by its score band", () => {
    const sheet = register();
    const corner = cellWithText(sheet, "Impact ↓   Probability →");
    expect(rowValues(sheet, corner.row).slice(corner.column)).toEqual([
      "1 Very low",
      "2 Low",
      "3 Medium",
      "4 High",
      "5 Very high",
    ]);
    const impactRow = (impact: number) => corner.row + 6 - impact;
    expect(valueAt(sheet, impactRow(5), corner.column)).toBe("5 Very high");
    expect(valueAt(sheet, impactRow(1), corner.column)).toBe("1 Very low");
    const heat = (impact: number, probability: number) => cellAt(sheet, impactRow(impact), corner.column + probability);
    expect(heat(4, 4)?.value).toBe(2); // R1 and R10
    expect(heat(3, 3)?.value).toBe(2); // R2 and R5
    expect(heat(1, 2)?.value).toBe(1); // R4
    expect(heat(5, 5)?.value).toBe(0);
    const total = [1, 2, 3, 4, 5].flatMap((i) => [1, 2, 3, 4, 5].map((p) => heat(i, p)?.value as number));
    expect(total.reduce((a, b) => a + b, 0)).toBe(5); // R3 has no impact
    expect(heat(4, 4)?.style?.fill).toBe(RAG_STYLE.Red.fill); // 16
    expect(heat(3, 5)?.style?.fill).toBe(RAG_STYLE.Red.fill); // 15
    expect(heat(2, 4)?.style?.fill).toBe(RAG_STYLE.Amber.fill); // 8
    expect(heat(3, 3)?.style?.fill).toBe(RAG_STYLE.Amber.fill); // 9
    expect(heat(1, 5)?.style?.fill).toBe(RAG_STYLE.Green.fill); // 5
    expect(heat(1, 1)?.style?.fill).toBe(RAG_STYLE.Green.fill); // 1
    expect(heat(4, 4)?.note).toContain("R1, R10");
    // The band is a symbol beside the count as well as a colour, with a legend.
    expect(heat(4, 4)?.style?.numberFormat).toBe('0" ■"');
    expect(heat(3, 3)?.style?.numberFormat).toBe('0" ▲"');
    expect(heat(1, 1)?.style?.numberFormat).toBe('0" ●"');
    expect(
      cellsWithText(sheet, "Cells by score band: ■ Red (score 15-25)   ▲ Amber (8-14)   ● Green (1-7)."),
    ).toHaveLength(1);
    expect(sheet.cells.some((c) => typeof c.value === "string" && c.value.includes("1 risk without"))).toBe(true);
  });

  it("prints landscape on A4, fitted to width", () => {
    expect(register().print).toMatchObject({ paperSize: "A4", orientation: "landscape", fitToWidth: true });
  });
});
