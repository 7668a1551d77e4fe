// Risk ratings (rules.md "Risks"): a 1-5 number, a whole-cell L / M / H, a scale word, a range or free text.
//
// How free text is read (checked against the Oxfordshire 2008-11 risk table):
// - A rating phrase is a scale word (very low 1, low 2, medium 3, high 4, very high 5) or a range: two scale
//   words joined by "to", "-" or "/" (also an en or em dash), e.g. "medium to high", "low-medium", "Low/Medium".
//   A range is worth the higher of its two words and always needs review.
// - Words match whole words only: "highly", "lower" and "very basic" hold no rating. A scale word hyphenated onto
//   another word is part of that word, not a rating ("high-level involvement", "medium-sized", "medium-term").
// - The value is read from the FIRST rating phrase. More than one phrase needs review, even when later ones agree:
//   "Low, provided that the resources ... are available.  Medium when the resource issue is taken into account."
//   is 2 (low) and needs review; "Low in the short term (2008 – 2011) to medium in the longer term" is two phrases
//   too (the words are not joined directly, so it is not a range): 2, needs review.
// - "High.  If the Partnership fails to monitor ..." and "High - A fundamental principle ..." are one phrase: 4.
// - No phrase at all (or a number outside 1-5): value null, needs review.
// - A blank cell is "not assessed": value null and needsReview false, because there is nothing written to review;
//   the risk simply has no score (rules.md: with impact or probability null, score and rag are null).
// - L, M and H count only as the whole cell ("H", "m."); a whole cell of two letters joined like a range ("M/H")
//   is read as that range.
import type { CellValue } from "../grid";
import type { Rating } from "../model";
import { cellText } from "./cellValues";

const LEVELS: Record<string, number> = { low: 2, medium: 3, high: 4 };
const VERY: Record<string, number> = { low: 1, high: 5 };
const LETTERS: Record<string, number> = { l: 2, m: 3, h: 4 };

interface Token {
  kind: "word" | "join" | "other";
  text: string;
  /** No whitespace between this token and the one before / after it. */
  attachedBefore: boolean;
  attachedAfter: boolean;
}

interface Phrase {
  value: number;
  /** Index of the token after the phrase. */
  next: number;
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[a-z]+|[-/\u2010-\u2015\u2212]|[^\sa-z\-/\u2010-\u2015\u2212]+/g)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const word = /^[a-z]/.test(match[0]);
    const join = /^[-/\u2010-\u2015\u2212]$/.test(match[0]);
    tokens.push({
      kind: word ? "word" : join ? "join" : "other",
      text: match[0],
      attachedBefore: start > 0 && !/\s/.test(text[start - 1]),
      attachedAfter: end < text.length && !/\s/.test(text[end]),
    });
  }
  return tokens;
}

/** The scale word (or "very" + scale word) starting at token i. */
function scaleAt(tokens: Token[], i: number): Phrase | null {
  const token = tokens[i];
  if (!token || token.kind !== "word") return null;
  if (token.text === "very") {
    const following = tokens[i + 1];
    if (following && following.kind === "word" && following.text in VERY) {
      return { value: VERY[following.text], next: i + 2 };
    }
    return null;
  }
  return token.text in LEVELS ? { value: LEVELS[token.text], next: i + 1 } : null;
}

/** "to", "-", "/", "-to-": the join of a range, ending where its second word should start. */
function joinEnd(tokens: Token[], i: number): number | null {
  let j = i;
  let words = 0;
  while (j < tokens.length && j - i < 3) {
    const token = tokens[j];
    if (token.kind === "join") j++;
    else if (token.kind === "word" && token.text === "to" && words === 0) {
      words++;
      j++;
    } else break;
  }
  return j > i ? j : null;
}

/** A hyphen glued to both neighbours: "high-level", "non-high". */
function gluedHyphen(token: Token | undefined, neighbour: Token | undefined): boolean {
  return (
    token !== undefined &&
    token.kind === "join" &&
    token.attachedBefore &&
    token.attachedAfter &&
    neighbour !== undefined &&
    neighbour.kind === "word"
  );
}

function ratingPhrases(tokens: Token[]): { value: number; range: boolean }[] {
  const phrases: { value: number; range: boolean }[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = scaleAt(tokens, i);
    if (!first) {
      i++;
      continue;
    }
    const join = joinEnd(tokens, first.next);
    const second = join === null ? null : scaleAt(tokens, join);
    if (second) {
      phrases.push({ value: Math.max(first.value, second.value), range: true });
      i = second.next;
      continue;
    }
    const compound =
      gluedHyphen(tokens[i - 1], tokens[i - 2]) || gluedHyphen(tokens[first.next], tokens[first.next + 1]);
    if (!compound) phrases.push({ value: first.value, range: false });
    i = first.next;
  }
  return phrases;
}

function wholeCell(text: string): { value: number; range: boolean } | null {
  const number = /^([1-5])(\.0+)?$/.exec(text);
  if (number) return { value: Number(number[1]), range: false };
  const letter = /^([lmh])\.?$/.exec(text);
  if (letter) return { value: LETTERS[letter[1]], range: false };
  const letters = /^([lmh])\s*(?:-|\/|\u2013|\u2014|\bto\b)\s*([lmh])\.?$/.exec(text);
  if (letters) return { value: Math.max(LETTERS[letters[1]], LETTERS[letters[2]]), range: true };
  return null;
}

const RANGE_REASON = "is a range: the higher value is used";

export function readRating(value: CellValue): Rating {
  const text = cellText(value);
  if (text === "" && (value === null || typeof value === "string" || value === undefined)) {
    return { value: null, needsReview: false, text: "" };
  }
  if (typeof value === "number") {
    const valid = Number.isInteger(value) && value >= 1 && value <= 5;
    return valid
      ? { value, needsReview: false, text }
      : { value: null, needsReview: true, text, reviewReason: "is not a rating from 1 to 5" };
  }
  if (typeof value !== "string") return { value: null, needsReview: true, text, reviewReason: "is not a rating" };
  const lower = text.toLowerCase();
  const whole = wholeCell(lower);
  if (whole) {
    return whole.range
      ? { value: whole.value, needsReview: true, text, reviewReason: RANGE_REASON }
      : { value: whole.value, needsReview: false, text };
  }
  const phrases = ratingPhrases(tokenise(lower));
  if (phrases.length === 0) {
    return { value: null, needsReview: true, text, reviewReason: "holds no rating (1-5, or very low to very high)" };
  }
  if (phrases.length > 1) {
    const count = phrases.length === 2 ? "two" : String(phrases.length);
    return {
      value: phrases[0].value,
      needsReview: true,
      text,
      reviewReason: `has ${count} ratings: the first is used`,
    };
  }
  return phrases[0].range
    ? { value: phrases[0].value, needsReview: true, text, reviewReason: RANGE_REASON }
    : { value: phrases[0].value, needsReview: false, text };
}
