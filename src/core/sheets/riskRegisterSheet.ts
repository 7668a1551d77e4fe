// The risk register: every risk, highest score first, with what the plan says about it, and a 5x5 heat map
// counting risks by impact and probability.
import type { Consortium, Rag, Risk } from "../model";
import { formatCalendarDate, periodLabel, type CalendarDate } from "../periods";
import type { Report, RiskReport } from "../reportTypes";
import { riskReviewReason } from "../reasons/riskReviewReason";
import { RATING_OPTIONS } from "../templates";
import {
  SheetBuilder,
  STYLES,
  landscapePrint,
  noDataCell,
  range,
  ragCell,
  ragConditionalFormats,
  textCell,
  withConsortium,
  type CellEntry,
} from "./sheetBuilder";
import { RAG_STYLE, type SheetSpec } from "./spec";
import { inputsRow } from "./inputsRow";

export const RISK_REGISTER_SHEET = "Risk register";

export const RISK_COLUMNS = {
  riskId: 1,
  project: 2,
  risk: 3,
  impact: 4,
  probability: 5,
  score: 6,
  rag: 7,
  needsReview: 8,
  controls: 9,
  lead: 10,
  reviewReason: 11,
};
const WIDTHS = [9, 26, 44, 10, 11, 8, 10, 9, 44, 22, 40];
export const RISK_HEADERS = [
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
];

/** rules.md "Risks": score 15 or more is Red, 8 or more Amber, otherwise Green. */
export function scoreBand(score: number): Exclude<Rag, "NotDue"> {
  return score >= 15 ? "Red" : score >= 8 ? "Amber" : "Green";
}

/** Risk IDs in reading order, numbers by value (R2 before R10); made once rather than for every comparison. */
const RISK_ID_ORDER = new Intl.Collator("en", { numeric: true });

/** Highest score first, unscored risks last, then by Risk ID (R2 before R10). */
export function sortRisks(risks: readonly RiskReport[]): RiskReport[] {
  return [...risks].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || RISK_ID_ORDER.compare(a.riskId, b.riskId));
}

export interface RiskRegisterOptions {
  preparedOn: CalendarDate;
}

export function riskRegisterSheet(consortium: Consortium, report: Report, options: RiskRegisterOptions): SheetSpec {
  const b = new SheetBuilder(WIDTHS);
  b.addRow([{ value: RISK_REGISTER_SHEET, style: STYLES.title }]);
  b.addRow([textCell(consortium.settings.consortium, STYLES.label)]);
  inputsRow(b, consortium, report);
  b.addRow([
    {
      value:
        `As at ${periodLabel(report.period)}, prepared ${formatCalendarDate(options.preparedOn)}. ` +
        "Score = impact × probability (1-25): 15 or more Red, 8 or more Amber, otherwise Green.",
      style: STYLES.muted,
    },
  ]);
  b.skipRows();
  const headerRow = b.addRow(RISK_HEADERS, STYLES.header);

  const risksById = new Map(consortium.risks.map((r) => [r.id, r]));
  const projectNames = new Map(consortium.projects.map((p) => [p.id, p.name]));
  const sorted = sortRisks(report.risks);
  for (const risk of sorted) {
    const source = risksById.get(risk.riskId);
    const project =
      risk.projectId === null
        ? "Programme-wide"
        : [risk.projectId, projectNames.get(risk.projectId)].filter(Boolean).join(" ");
    b.addRow(
      [
        risk.riskId,
        project,
        textCell(source?.description),
        ratingCell(risk.impact, source?.impact),
        ratingCell(risk.probability, source?.probability),
        risk.score === null ? null : { value: risk.score, style: STYLES.integer },
        risk.rag === null ? noDataCell("No score: the impact or probability could not be read.") : ragCell(risk.rag),
        risk.needsReview ? { value: "Yes", style: { bold: true, horizontalAlignment: "center" } } : null,
        textCell(source?.controls),
        textCell(source?.lead),
        textCell(source ? riskReviewReason(source) : null),
      ],
      STYLES.wrap,
    );
  }
  const lastRow = b.nextRow - 1;
  if (sorted.length === 0) b.addRow([null, null, { value: "No risks on the Risks sheet.", style: STYLES.muted }]);
  else
    b.addConditionalFormats(ragConditionalFormats(range(headerRow + 1, RISK_COLUMNS.rag, lastRow, RISK_COLUMNS.rag)));

  b.skipRows();
  addHeatMap(b, sorted);

  return b.build({
    name: RISK_REGISTER_SHEET,
    kind: "riskRegister",
    freeze: { rows: headerRow, columns: 0 },
    print: landscapePrint(
      { first: headerRow, last: headerRow },
      withConsortium(consortium.settings.consortium, RISK_REGISTER_SHEET),
    ),
  });
}

/** A rating as its 1-5 value; what was written when it had to be interpreted or could not be read. */
function ratingCell(value: number | null, written: Risk["impact"] | undefined): CellEntry {
  if (value === null) {
    return written?.text.trim()
      ? {
          value: written.text,
          style: { ...STYLES.muted, wrapText: true },
          note: "Could not read a 1-5 rating from this.",
        }
      : null;
  }
  const note = written?.needsReview && written.text ? `Read as ${value} from "${written.text}".` : undefined;
  return { value, style: { ...STYLES.centre }, ...(note ? { note } : {}) };
}

/** The scores of each band (see scoreBand), for the heat map's legend. */
const BAND_SCORES = { Red: "(score 15-25)", Amber: "(8-14)", Green: "(1-7)" } as const;

/** Columns of the heat map: probability 1..5 under Impact .. Needs review; row labels in the Risk column. */
const HEAT_LABEL_COLUMN = RISK_COLUMNS.risk;
const HEAT_FIRST_COLUMN = RISK_COLUMNS.impact;

/** Impact rows 5 (top) to 1, probability columns 1 to 5; each cell counts risks and is filled by its score band. */
export function addHeatMap(b: SheetBuilder, risks: readonly RiskReport[]): void {
  b.addRow([{ value: "Heat map: number of risks by impact and probability", style: STYLES.subtitle }]);
  const axisRow = b.nextRow;
  b.put(axisRow, HEAT_LABEL_COLUMN, {
    value: "Impact ↓   Probability →",
    style: { ...STYLES.header, horizontalAlignment: "right" },
  });
  for (let p = 1; p <= 5; p++) {
    b.put(axisRow, HEAT_FIRST_COLUMN + p - 1, {
      value: `${p} ${RATING_OPTIONS[p - 1]}`,
      style: { ...STYLES.header, horizontalAlignment: "center" },
    });
  }
  b.skipRows();
  for (let impact = 5; impact >= 1; impact--) {
    const row = b.nextRow;
    b.put(row, HEAT_LABEL_COLUMN, {
      value: `${impact} ${RATING_OPTIONS[impact - 1]}`,
      style: { bold: true, horizontalAlignment: "right" },
    });
    for (let probability = 1; probability <= 5; probability++) {
      const here = risks.filter((r) => r.impact === impact && r.probability === probability);
      const band = RAG_STYLE[scoreBand(impact * probability)];
      const ids = here.map((r) => r.riskId).join(", ");
      b.put(row, HEAT_FIRST_COLUMN + probability - 1, {
        value: here.length,
        style: {
          fill: band.fill,
          fontColor: band.fontColor,
          horizontalAlignment: "center",
          border: "thin",
          bold: here.length > 0,
          // The band's symbol beside the count, so the map reads without colour: "2 ■".
          numberFormat: `0" ${band.symbol}"`,
        },
        note: `Impact ${impact} × probability ${probability} = ${impact * probability} (${band.label})${ids ? `: ${ids}` : ""}.`,
      });
    }
    b.skipRows();
  }
  const legend = (["Red", "Amber", "Green"] as const)
    .map((rag) => `${RAG_STYLE[rag].symbol} ${RAG_STYLE[rag].label} ${BAND_SCORES[rag]}`)
    .join("   ");
  b.addRow([null, null, { value: `Cells by score band: ${legend}.`, style: STYLES.muted }]);
  const unscored = risks.filter((r) => r.score === null).length;
  if (unscored > 0) {
    b.addRow([
      null,
      null,
      {
        value: `Not on the map: ${unscored} risk${unscored === 1 ? "" : "s"} without a readable impact and probability.`,
        style: STYLES.muted,
      },
    ]);
  }
}
