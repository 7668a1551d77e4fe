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

type TextField = Exclude<RiskField, "project">;
const DEFAULT_ORDER: TextField[] = ["description", "impact", "probability", "controls", "lead"];

/**
 * The risk table of a converted PDF: one line per cell, in the order of the header lines (risk, impact,
 * probability, controls, lead unless the headers say otherwise). A rating may run on over lines that rate
 * something ("Information – low to medium ..."). Where the first rating should be, a line that rates nothing
 * means the line before was not a risk (it is returned as unread).
 */
export class TextRiskReader {
  private order: TextField[] = [];
  private step = 0;
  private cells: RiskCells | null = null;
  readonly finished: RiskCells[] = [];
  readonly unread: { source: PlanSource; reason: string }[] = [];

  constructor(private readonly projectId: string | null) {}

  /** A header line: its field, in order. Only before the first risk. */
  header(field: RiskField): boolean {
    if (this.cells || this.finished.length > 0 || field === "project" || this.order.includes(field)) return false;
    this.order.push(field);
    return true;
  }

  private fields(): TextField[] {
    const order = this.order.includes("description") ? this.order : ["description" as const, ...this.order];
    return order.length >= 3 ? order : DEFAULT_ORDER;
  }

  line(text: string, source: PlanSource): void {
    const fields = this.fields();
    const field = fields[this.step];
    const cells = this.cells;
    if (field === "description" || !cells) {
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
      this.step = fields.indexOf("description") + 1;
      return;
    }
    const firstRating = fields.find((f) => f === "impact" || f === "probability");
    if (field === firstRating && !hasRatingWord(text)) {
      this.unread.push({ source: cells.source, reason: `no ${field} rating follows it, so it is not read as a risk` });
      this.cells = null;
      this.step = 0;
      this.line(text, source);
      return;
    }
    cells[field] = text;
    cells.lines.push(source.line);
    this.step++;
    if (this.step >= fields.length) this.finish();
  }

  /** A line that continues the rating just read ("Information – low to medium ..."), if it is one. */
  continues(text: string, source: PlanSource): boolean {
    const fields = this.fields();
    const previous = fields[this.step - 1];
    const cells = this.cells;
    if (!cells || (previous !== "impact" && previous !== "probability") || !isRatingContinuation(text)) return false;
    // The next field is a rating too: this line is that rating, not more of this one.
    const next = fields[this.step];
    if ((next === "impact" || next === "probability") && cells[next] === "") return false;
    cells[previous] = `${cells[previous]}\n${text}`;
    cells.lines.push(source.line);
    return true;
  }

  private finish(): void {
    if (this.cells) this.finished.push(this.cells);
    this.cells = null;
    this.step = 0;
  }

  /** The end of the table: a risk missing its last cells is kept with what it has. */
  end(): void {
    const cells = this.cells;
    const firstRating = this.fields().find((f) => f === "impact" || f === "probability");
    if (cells && firstRating && cells[firstRating] === "") {
      this.unread.push({
        source: cells.source,
        reason: `no ${firstRating} rating follows it, so it is not read as a risk`,
      });
      this.cells = null;
    }
    this.finish();
  }
}
