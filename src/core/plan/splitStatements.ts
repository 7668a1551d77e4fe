// A line of key targets as plans write it, split into its stated targets: at ";" and sentence ends, at " and "
// before a new number ("3 per month to Vale and one to South Oxon"), with a "(target ...)" aside as a target of
// its own, "Total – 1775" recognised as a total, and the leading words of a split line carried to a part that
// starts with a number ("Prepare and distribute 1 briefing; 2 newsletters").
import { startsWithNumber, statedNumbers, type StatedRate } from "./planNumbers";
import type { PlanGuess } from "./planTypes";

export interface StatementPart {
  text: string;
  /** Words carried from the part it was split from, shown before the text but not read for numbers. */
  lead: string;
  carried?: PlanGuess;
  /** A rate carried from the part it was split from ("per month"). */
  rate?: StatedRate;
  /** A row label whose figures are in the year columns: a number, never a milestone. */
  figureGiven?: boolean;
  /** A "Total" part: the figure it states. */
  total?: number;
}

// Bullets as Word and PDF converters leave them (dots, dashes, squares, arrows, ticks, Wingdings), and list
// markers: "1.", "2)", "a)", "(iii)".
const BULLET =
  /^(?:[\s\u00b7\u2022\u2023\u2043\u2013\u2014\u2219\u2205\u25a0-\u25ff\u2700-\u27bf\uf000-\uf0ff*>-]|o\s(?=\S))+|^\s*(?:\(?\d{1,2}[.)]|\(?[a-h][.)]|\([ivx]{1,4}\))\s+(?=\S)/i;
const TOTAL = /^totals?\s*[-\u2013\u2014:=]?\s*(£?\d[\d,]*)\s*\.?$/i;
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|no|vs|approx|incl)\.$/i;

/** Splits at `separator` outside parentheses. */
function splitOutsideParentheses(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function sentences(text: string): string[] {
  const result: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]\s+(?=[A-Z(£\d])/g)) {
    const end = (match.index ?? 0) + 1;
    if (ABBREVIATION.test(text.slice(start, end))) continue;
    result.push(text.slice(start, end));
    start = end;
  }
  result.push(text.slice(start));
  return result;
}

/** Without its leading bullets and list markers ("• 1. 900 volunteers" is "900 volunteers"). */
export function withoutBullets(text: string): string {
  let result = text;
  for (let stripped = result.replace(BULLET, ""); stripped !== result; stripped = result.replace(BULLET, "")) {
    result = stripped;
  }
  return result;
}

function tidy(text: string): string {
  return withoutBullets(text)
    .replace(/\s+/g, " ")
    .replace(/[\s.,;:]+$/, "")
    .trim();
}

/** The words before a part's number ("Prepare and distribute "), if they are a short lead-in. */
function leadIn(text: string): string {
  const first = statedNumbers(text)[0];
  if (!first) return "";
  const before = text.slice(0, first.index).replace(/\b(?:at least|minimum|up to|average)\s*$/i, "");
  const words = before.trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 6 ? `${before.trim()} ` : "";
}

/** "A 3 per month to Vale and one to South Oxon" → two parts, the second led by "A " and carrying the rate. */
function splitAtAnd(part: StatementPart): StatementPart[] {
  const match = /,?\s+and\s+(?=\S)/i.exec(part.text);
  if (!match || match.index === undefined) return [part];
  const left = part.text.slice(0, match.index);
  const right = part.text.slice(match.index + match[0].length);
  const leftNumbers = statedNumbers(left);
  if (leftNumbers.length === 0 || !startsWithNumber(right)) return [part];
  const lead = `${part.lead}${leadIn(left)}`;
  const rate = leftNumbers[0].rate ?? part.rate;
  const rightRate = statedNumbers(right)[0]?.rate;
  const carried: PlanGuess | undefined = lead.trim()
    ? { field: "description", value: "", from: lead.trim(), why: `"${lead.trim()}" carried from "${left.trim()}"` }
    : part.carried;
  return [{ ...part, text: left }, ...splitAtAnd({ text: right, lead, rate: rightRate ? undefined : rate, carried })];
}

/**
 * "Funding advice to 120 groups, raising £250,000": a count and a sum (or a share) in one part are two targets.
 * The second is led by the first, and read for its own number only.
 */
function splitAtSecondKind(part: StatementPart): StatementPart[] {
  const numbers = statedNumbers(part.text).filter((n) => !n.inParentheses);
  const second = numbers.find((n) => n.kind !== numbers[0]?.kind);
  if (!second || numbers[0].rate || second.rate) return [part];
  const before = part.text.slice(0, second.index);
  const cut = Math.max(before.lastIndexOf(", "), before.search(/\s+and\s+(?!.*\sand\s)/));
  if (cut <= numbers[0].end) return [part];
  const left = part.text.slice(0, cut).trim();
  const right = part.text.slice(cut).replace(/^,?\s*(?:and\s+)?/, "");
  const carried: PlanGuess = { field: "description", value: "", from: left, why: `"${left}" leads the second figure` };
  return [
    { ...part, text: left },
    { text: right, lead: `${part.lead}${left} \u2013 `, carried },
  ];
}

/** The stated targets (and totals) of one line of a key-target table. */
export function splitStatement(line: string): StatementPart[] {
  const parts: StatementPart[] = [];
  for (const piece of splitOutsideParentheses(withoutBullets(line), ";")) {
    for (const sentence of sentences(piece)) {
      const text = tidy(sentence);
      if (text === "") continue;
      const total = TOTAL.exec(text);
      if (total) {
        parts.push({ text, lead: "", total: Number(total[1].replace(/[£,]/g, "")) });
        continue;
      }
      // "(target average 40 attendees per forum by year 3)": a target of its own, led by the statement it qualifies.
      const aside = /\s*\((target\b[^()]*)\)/i.exec(text);
      const main = aside ? tidy(text.replace(aside[0], "")) : text;
      const previous = parts[parts.length - 1];
      const carry = previous && previous.total === undefined && startsWithNumber(main) ? leadIn(previous.text) : "";
      const carried: PlanGuess | undefined = carry
        ? { field: "description", value: "", from: carry.trim(), why: `"${carry.trim()}" carried from the part before` }
        : undefined;
      const lead = carry ? `${previous.lead}${carry}` : "";
      parts.push(...splitAtAnd({ text: main, lead, carried }).flatMap(splitAtSecondKind));
      if (aside) parts.push({ text: aside[1], lead: `${main} \u2013 ` });
    }
  }
  return parts;
}
