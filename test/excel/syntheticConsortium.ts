// A consortium of any size, shaped like a real one (ten targets a project, a mix of measures, quarterly returns
// with comments, two budget lines a project, a risk for every twenty targets), and the summary sheets the core
// builds for it. Used by the adapter tests and the sync benchmark; no jest here.
import type { Actual, Consortium, Risk, Target } from "../../src/core/model";
import type { Fy, Period, Quarter } from "../../src/core/periods";
import { buildSummarySheets } from "../../src/core/summarySheets";
import {
  NUMBER_FORMATS,
  RAG_STYLE,
  type CellContent,
  type CellRangeRef,
  type CellStyle,
  type SheetCell,
  type SheetSpec,
} from "../../src/core/sheets/spec";
import { testSettings } from "../support/settings";

const HERE = { sheet: "Targets", cell: "A2" };
const YEARS: Fy[] = ["2008-09", "2009-10", "2010-11"];
export const PERIOD: Period = { fy: "2009-10", quarter: 2 };

export function syntheticConsortium(targetCount: number): Consortium {
  const projectCount = Math.max(1, Math.ceil(targetCount / 10));
  const projects = Array.from({ length: projectCount }, (_, p) => ({
    id: `P${p + 1}`,
    name: `Project ${p + 1}: community support in market towns`,
    workstream: `Workstream ${(p % 4) + 1}`,
    leadPartner: `Partner ${(p % 7) + 1}`,
    deliveryPartners: [],
    source: HERE,
  }));
  const targets: Target[] = [];
  const actuals: Actual[] = [];
  for (let t = 0; t < targetCount; t++) {
    const projectId = projects[Math.floor(t / 10) % projectCount].id;
    const id = `T${Math.floor(t / 10) + 1}.${(t % 10) + 1}`;
    const milestone = t % 10 === 9;
    targets.push({
      id,
      projectId,
      description: `Target ${t + 1}: people helped into volunteering through outreach`,
      measure: milestone ? "Milestone" : t % 10 === 8 ? "Currency" : "Number",
      direction: "Higher",
      basis: t % 10 === 7 ? "Cumulative" : "Annual",
      owner: `Partner ${(t % 7) + 1}`,
      values: milestone ? {} : { "2008-09": 100 + (t % 13), "2009-10": 120 + (t % 17), "2010-11": 140 },
      dueQuarters: milestone ? { "2009-10": 3 } : {},
      source: HERE,
    });
    for (const [fy, quarters] of [
      ["2008-09", [1, 2, 3, 4]],
      ["2009-10", [1, 2]],
    ] as [Fy, Quarter[]][]) {
      for (const quarter of quarters) {
        actuals.push({
          targetId: id,
          fy,
          quarter,
          amount: milestone ? null : 20 + ((t * 7 + quarter * 3) % 19),
          done: milestone && fy === "2009-10" && quarter === 2 && t % 20 === 9,
          completedOn: null,
          evidence: "Signed attendance sheets",
          comment: t % 5 === 0 ? '=HYPERLINK("http://example.org/evidence")' : "On track after a slow start",
          partner: `Partner ${(t % 7) + 1}`,
          source: HERE,
        });
      }
    }
  }
  const budgets = projects.flatMap((project) =>
    ["Salaries", "Running costs"].flatMap((line) =>
      YEARS.map((fy) => ({
        projectId: project.id,
        line,
        fy,
        quarterPence: [250000, 250000, 250000, 250000] as [number, number, number, number],
        partner: project.leadPartner,
        source: HERE,
      })),
    ),
  );
  const spend = projects.flatMap((project, p) =>
    ["Salaries", "Running costs"].flatMap((line) =>
      ([1, 2] as Quarter[]).map((quarter) => ({
        projectId: project.id,
        line,
        fy: "2009-10",
        quarter,
        pence: (2000 + ((p * 37) % 900)) * 100,
        comment: "",
        partner: project.leadPartner,
        source: HERE,
      })),
    ),
  );
  const risks: Risk[] = Array.from({ length: Math.max(1, Math.ceil(targetCount / 20)) }, (_, r) => ({
    id: `R${r + 1}`,
    projectId: r % 3 === 0 ? null : projects[r % projectCount].id,
    description: "Partners lose capacity when key staff leave",
    impact: { value: (r % 5) + 1, needsReview: false, text: String((r % 5) + 1) },
    probability: { value: ((r + 2) % 5) + 1, needsReview: false, text: String(((r + 2) % 5) + 1) },
    controls: "Shared cover arrangements between partners",
    lead: `Partner ${(r % 7) + 1}`,
    status: "Open",
    reviewDate: null,
    source: HERE,
  }));
  return {
    settings: testSettings({ consortium: "Synthetic consortium", accountableBody: "Partner 1" }),
    planYears: YEARS,
    partners: Array.from({ length: 7 }, (_, i) => ({
      name: `Partner ${i + 1}`,
      type: null,
      contact: "",
      source: HERE,
    })),
    projects,
    targets,
    profiles: [],
    actuals,
    budgets,
    spend,
    risks,
  };
}

/** The four summary sheets for a consortium of `targetCount` targets at 2009-10 Q2. */
export function syntheticSummarySheets(targetCount: number): SheetSpec[] {
  return buildSummarySheets(syntheticConsortium(targetCount), [], PERIOD, { year: 2009, month: 10, day: 20 });
}

const RAGS = [RAG_STYLE.Green, RAG_STYLE.Amber, RAG_STYLE.Red, RAG_STYLE.Green, RAG_STYLE.NotDue] as const;
const HEADER: CellStyle = { bold: true, fill: "#D9E1F2", bottomBorder: "medium", wrapText: true };
const PRINT = {
  orientation: "landscape",
  paperSize: "A4",
  fitToWidth: true,
  repeatRows: { first: 5, last: 5 },
} as const;

function ragCell(row: number, column: number, pick: number, note?: string): SheetCell {
  const rag = RAGS[pick % RAGS.length];
  const style: CellStyle = {
    fill: rag.fill,
    fontColor: rag.fontColor,
    bold: true,
    horizontalAlignment: "center",
    border: "thin",
  };
  return { row, column, value: rag.label, style, ...(note ? { note } : {}) };
}

function titleRows(title: string, columns: number): { cells: SheetCell[]; merges: CellRangeRef[] } {
  return {
    cells: [
      { row: 1, column: 1, value: title, style: { bold: true, fontSize: 14 } },
      { row: 2, column: 1, value: "Synthetic consortium", style: { italic: true } },
      { row: 3, column: 1, value: "Prepared 20/10/2009", style: { fontColor: "#595959" } },
    ],
    merges: [{ firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: columns }],
  };
}

function headerRow(headers: string[]): SheetCell[] {
  return headers.map((value, i) => ({ row: 5, column: i + 1, value, style: HEADER }));
}

/**
 * Summary sheets shaped like the core's (about 27 cells a target over four sheets, RAG cells styled one by one,
 * a note on one target in ten, text comments with "=HYPERLINK(...)"), built directly so that 10,000 targets take
 * milliseconds. `syntheticSummarySheets` gives the core's own sheets where time allows.
 */
export function syntheticSpecs(targetCount: number): SheetSpec[] {
  const rag = titleRows("RAG status 2009-10 Q2", 7);
  const claim = titleRows("Claim 2009-10 Q2", 8);
  const yoy = titleRows("Year on year", 6);
  const risk = titleRows("Risk register", 9);
  rag.cells.push(...headerRow(["Ref", "Target", "Now", "Last quarter", "Last year", "Trend", "Ratio"]));
  claim.cells.push(...headerRow(["Ref", "Target", "Target", "Expected", "Actual", "Ratio", "Spend", "Comment"]));
  yoy.cells.push(...headerRow(["Ref", "Target", "2008-09", "2009-10", "Change", "Trend"]));
  risk.cells.push(
    ...headerRow(["Risk", "Project", "Risk", "Impact", "Probability", "Score", "Controls", "Lead", "Status"]),
  );
  for (let t = 0; t < targetCount; t++) {
    const row = 6 + t;
    const id = `T${Math.floor(t / 10) + 1}.${(t % 10) + 1}`;
    const text = `Target ${t + 1}: people helped into volunteering through outreach`;
    const number = { numberFormat: NUMBER_FORMATS.number, border: "thin" } as const;
    rag.cells.push(
      { row, column: 1, value: id, style: { border: "thin" } },
      { row, column: 2, value: text, style: { border: "thin", indent: 1 } },
      ragCell(row, 3, t * 7, t % 10 === 0 ? "Ratio 85% is at least 75% but below 95%: Amber" : undefined),
      ragCell(row, 4, t * 3),
      ragCell(row, 5, t * 11),
      { row, column: 6, value: t % 3 === 0 ? "Up" : "Same", style: { border: "thin" } },
      { row, column: 7, value: 0.5 + (t % 50) / 100, style: { numberFormat: NUMBER_FORMATS.ratio, border: "thin" } },
    );
    claim.cells.push(
      { row, column: 1, value: id, style: { border: "thin" } },
      { row, column: 2, value: text, style: { border: "thin" } },
      { row, column: 3, value: 120 + (t % 17), style: number },
      { row, column: 4, value: 60 + (t % 9), style: number },
      { row, column: 5, value: 51 + (t % 11), style: number },
      { row, column: 6, value: 0.85, style: { numberFormat: NUMBER_FORMATS.ratio, border: "thin" } },
      { row, column: 7, value: 2500 + t, style: { numberFormat: NUMBER_FORMATS.money, border: "thin" } },
      {
        row,
        column: 8,
        value: t % 5 === 0 ? '=HYPERLINK("http://example.org/evidence")' : "On track after a slow start",
        style: { border: "thin", wrapText: true },
      },
    );
    yoy.cells.push(
      { row, column: 1, value: id, style: { border: "thin" } },
      { row, column: 2, value: text, style: { border: "thin" } },
      { row, column: 3, value: 0.9, style: { numberFormat: NUMBER_FORMATS.ratio, border: "thin" } },
      { row, column: 4, value: 0.85, style: { numberFormat: NUMBER_FORMATS.ratio, border: "thin" } },
      { row, column: 5, value: -0.05, style: { numberFormat: NUMBER_FORMATS.percentPoints, border: "thin" } },
      { row, column: 6, value: "Down", style: { border: "thin" } },
    );
    if (t % 20 === 0) {
      const r = t / 20;
      const riskRow = 6 + r;
      const values: CellContent[] = [
        `R${r + 1}`,
        `P${r + 1}`,
        "Partners lose capacity",
        3,
        2,
        6,
        "Cover",
        "Partner 1",
        "Open",
      ];
      values.forEach((value, i) => risk.cells.push({ row: riskRow, column: i + 1, value, style: { border: "thin" } }));
    }
  }
  const last = 5 + targetCount;
  const ragRange = { firstRow: 6, firstColumn: 3, lastRow: last, lastColumn: 5 };
  const base = { conditionalFormats: [], print: PRINT, freeze: { rows: 5, columns: 2 } };
  return [
    { ...base, name: "Claim 2009-10 Q2", kind: "claim", ...claim, columnWidths: [10, 50, 12, 12, 12, 9, 14, 40] },
    {
      ...base,
      name: "RAG 2009-10 Q2",
      kind: "rag",
      ...rag,
      columnWidths: [10, 50, 13, 13, 13, 11, 9],
      conditionalFormats: (["Green", "Amber", "Red", "NotDue"] as const).map((key) => ({
        type: "textEquals" as const,
        range: ragRange,
        text: RAG_STYLE[key].label,
        style: { fill: RAG_STYLE[key].fill, fontColor: RAG_STYLE[key].fontColor, bold: true },
      })),
    },
    { ...base, name: "Year on year", kind: "yearOnYear", ...yoy, columnWidths: [10, 50, 10, 10, 10, 10] },
    {
      ...base,
      name: "Risk register",
      kind: "riskRegister",
      ...risk,
      columnWidths: [8, 10, 40, 10, 10, 8, 40, 16, 10],
      conditionalFormats: [
        {
          type: "numberBetween",
          range: { firstRow: 6, firstColumn: 6, lastRow: 5 + Math.ceil(targetCount / 20), lastColumn: 6 },
          min: 15,
          max: 25,
          style: { fill: RAG_STYLE.Red.fill, fontColor: RAG_STYLE.Red.fontColor },
        },
      ],
    },
  ];
}
