// A plan's risk table, as pasted cells (a header row naming Risk, Impact, Probability, Controls, Lead) or as the
// plain text of a converted PDF, where each cell is a line under the header lines: risk, impact, probability
// (continued over lines such as "Information – low to medium in this plan period;"), controls, lead. Also a
// numbered list of risks under a "Risks" heading, with nothing rated. Ratings are kept as written; the workbook
// reads the words (very low to very high, ranges) and marks the ones that need review.
import { readRating } from "../read/rating";
import type { PlanGuess, PlanSource, ProposedRisk } from "./planTypes";

export type RiskField = "description" | "impact" | "probability" | "controls" | "lead" | "project";

const HEADER_FIELDS: { field: RiskField; pattern: RegExp }[] = [
  { field: "impact", pattern: /^(?:impact|severity|consequence)s?\b/i },
  { field: "probability", pattern: /^(?:probability|likelihood)\b/i },
  { field: "controls", pattern: /\b(?:controls?|mitigat\w*|actions?)\b/i },
  { field: "lead", pattern: /^(?:lead|owner|responsib\w*)\b|\blead responsibility\b/i },
  { field: "project", pattern: /^project\b/i },
  { field: "description", pattern: /\brisks?\b/i },
];

/** The field a header cell names, or null. */
export function riskHeaderField(text: string): RiskField | null {
  const trimmed = text.trim();
  if (trimmed.length > 80) return null;
  return HEADER_FIELDS.find(({ pattern }) => pattern.test(trimmed))?.field ?? null;
}

/** A header row of a pasted risk table: its columns by field, when it names at least a risk, impact and probability. */
export function riskHeaderColumns(cells: readonly string[]): Map<number, RiskField> | null {
  const columns = new Map<number, RiskField>();
  cells.forEach((cell, i) => {
    const field = cell.trim() === "" ? null : riskHeaderField(cell);
    if (field && ![...columns.values()].includes(field)) columns.set(i, field);
  });
  const fields = new Set(columns.values());
  return fields.has("description") && fields.has("impact") && fields.has("probability") ? columns : null;
}

const RATING_WORD = /\b(?:very\s+)?(?:low|medium|high)\b|^[lmh]\.?$/i;

export function hasRatingWord(text: string): boolean {
  return RATING_WORD.test(text.trim());
}

/** "Information – low to medium in this plan period;": a labelled rating continuing the cell above. */
function isRatingContinuation(text: string): boolean {
  return (
    /^[^.;:]{1,60}\s[-\u2013\u2014:]\s*(?:very\s+)?(?:low|medium|high)\b/i.test(text) ||
    /^(?:very\s+)?(?:low|medium|high)\b/i.test(text)
  );
}

const RATING_WORDS = ["", "Very low", "Low", "Medium", "High", "Very high"];

function ratingGuesses(field: "impact" | "probability", text: string): PlanGuess[] {
  if (text.trim() === "") return [];
  const rating = readRating(text);
  if (!rating.needsReview) return [];
  const value = rating.value === null ? "not rated" : RATING_WORDS[rating.value];
  const why =
    rating.value === null
      ? "no rating word (very low to very high) found"
      : "read from the first rating words; the text says more than one rating, so check it";
  return [{ field, value, from: text.length > 120 ? `${text.slice(0, 117)}...` : text, why }];
}

export interface RiskCells {
  description: string;
  impact: string;
  probability: string;
  controls: string;
  lead: string;
  projectId: string | null;
  source: PlanSource;
  lines: number[];
}

/** A proposed risk from its cells, with the ratings that need review and a lead that repeats the controls marked. */
export function proposedRisk(id: string, cells: RiskCells): ProposedRisk {
  const guesses = [...ratingGuesses("impact", cells.impact), ...ratingGuesses("probability", cells.probability)];
  if (cells.lead !== "" && cells.lead === cells.controls.slice(0, cells.lead.length)) {
    guesses.push({
      field: "lead",
      value: cells.lead,
      from: cells.lead,
      why: "the lead cell repeats the controls: the plan names no lead",
    });
  }
  return {
    id,
    projectId: cells.projectId,
    description: cells.description,
    impact: cells.impact,
    probability: cells.probability,
    controls: cells.controls,
    lead: cells.lead,
    guesses,
    source: cells.source,
    lines: cells.lines,
  };
}

type TextRiskStep = "description" | "impact" | "probability" | "controls" | "lead";

/**
 * The risk table of a converted PDF: one line per cell in header order. A line where an impact should be that
 * rates nothing means the line before was not a risk (it is returned as unread).
 */
export class TextRiskReader {
  private step: TextRiskStep = "description";
  private cells: RiskCells | null = null;
  readonly finished: RiskCells[] = [];
  readonly unread: { source: PlanSource; reason: string }[] = [];

  constructor(private readonly projectId: string | null) {}

  line(text: string, source: PlanSource): void {
    const cells = this.cells;
    switch (this.step) {
      case "description":
        this.cells = {
          description: text,
          impact: "",
          probability: "",
          controls: "",
          lead: "",
          projectId: this.projectId,
          source,
          lines: [source.line],
        };
        this.step = "impact";
        return;
      case "impact":
        if (!cells) return;
        if (!hasRatingWord(text)) {
          this.unread.push({
            source: cells.source,
            reason: "no impact rating follows it, so it is not read as a risk",
          });
          this.cells = null;
          this.step = "description";
          this.line(text, source);
          return;
        }
        cells.impact = text;
        cells.lines.push(source.line);
        this.step = "probability";
        return;
      case "probability":
        if (!cells) return;
        if (cells.probability !== "" && !isRatingContinuation(text)) {
          this.step = "controls";
          this.line(text, source);
          return;
        }
        cells.probability = cells.probability === "" ? text : `${cells.probability}\n${text}`;
        cells.lines.push(source.line);
        return;
      case "controls":
        if (!cells) return;
        cells.controls = text;
        cells.lines.push(source.line);
        this.step = "lead";
        return;
      case "lead":
        if (!cells) return;
        cells.lead = text;
        cells.lines.push(source.line);
        this.finished.push(cells);
        this.cells = null;
        this.step = "description";
        return;
    }
  }

  /** The end of the table: a risk missing its last cells is kept with what it has. */
  end(): void {
    const cells = this.cells;
    if (cells && this.step !== "impact") this.finished.push(cells);
    else if (cells)
      this.unread.push({ source: cells.source, reason: "no impact rating follows it, so it is not read as a risk" });
    this.cells = null;
    this.step = "description";
  }
}
