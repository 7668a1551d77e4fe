// How the tool words figures for people, in one place: percentages, money, RAG words and counts, plurals. The
// papers, the pane and the command line all say a figure the same way because they all ask here.
import type { Measure, ProjectRag } from "./model";
import { RAG_STYLE } from "./sheets/spec";

/** "1 error", "2 warnings", "3 partners' returns" (with the plural given). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A ratio as a whole percentage ("96%"); null as `none` (a dash). Rounded for display only. */
export function wholePercent(ratio: number | null, none = "–"): string {
  return ratio === null ? none : `${Math.round(ratio * 100)}%`;
}

/**
 * "95%", "92.5%": a fraction as percentage text, to `decimals` places (trailing zeros dropped). Scaled by one power
 * of ten so 0.0285 reads 2.85%, never 2.8499999%.
 */
export function percentText(fraction: number, decimals = 1): string {
  return `${Math.round(fraction * 10 ** (decimals + 2)) / 10 ** decimals}%`;
}

// Made once: toLocaleString would build a formatter for every figure, and a returns preview can list thousands.
const POUNDS_AND_PENCE = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const UK_NUMBER = new Intl.NumberFormat("en-GB");

/** Pounds as text: "£1,250.00", "-£3.50". */
export function moneyText(pounds: number): string {
  const sign = pounds < 0 ? "-" : "";
  return `${sign}£${POUNDS_AND_PENCE.format(Math.abs(pounds))}`;
}

/** A figure as text for messages: "85%", "£1,250.00", "37.5". */
export function figureText(value: number, measure: Measure): string {
  if (measure === "Percentage") return percentText(value);
  if (measure === "Currency") return moneyText(value);
  const rounded = Math.round(value * 100) / 100;
  // Under 1,000 there is no separator to place, and JavaScript writes the number as en-GB does (except -0): the
  // formatter, slow over thousands of figures, is kept for the rest.
  return Math.abs(rounded) < 1000 && !Object.is(rounded, -0) ? String(rounded) : UK_NUMBER.format(rounded);
}

/** The RAG word alone: "Green", "Not due". */
export function ragWord(rag: ProjectRag): string {
  return RAG_STYLE[rag].label;
}

/** A RAG status as a paper writes it: symbol and word ("● Green", "◇ Awaiting"), so it reads without colour. */
export function ragText(rag: ProjectRag): string {
  return `${RAG_STYLE[rag].symbol} ${RAG_STYLE[rag].label}`;
}

/** The order RAG counts are said in, best first. */
export const RAG_ORDER: readonly ProjectRag[] = ["Green", "Amber", "Red", "Awaiting", "NotDue"];

/** "3 Green", "1 Amber", …: each RAG with a count above nought, in `order`. */
export function ragCountParts(
  counts: Partial<Record<ProjectRag, number>>,
  order: readonly ProjectRag[] = RAG_ORDER,
): string[] {
  return order.filter((rag) => (counts[rag] ?? 0) > 0).map((rag) => `${counts[rag]} ${ragWord(rag)}`);
}

/** "3 Green, 1 Amber, 2 not scored", or "none": RAGs counted, null ones as not scored. */
export function ragCounts(rags: readonly (ProjectRag | null)[]): string {
  const counts: Partial<Record<ProjectRag, number>> = {};
  let unscored = 0;
  for (const rag of rags) {
    if (rag === null) unscored++;
    else counts[rag] = (counts[rag] ?? 0) + 1;
  }
  const parts = ragCountParts(counts);
  if (unscored > 0) parts.push(`${unscored} not scored`);
  return parts.length > 0 ? parts.join(", ") : "none";
}
