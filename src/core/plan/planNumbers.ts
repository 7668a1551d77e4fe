// The numbers a plan states in its words: "900 potential volunteers", "minimum 2,000 groups", "400+",
// "six times a year", "3 per month", "(50) faith groups", "9/10 outreach points", "£5,000", "75%".
// Numbers that are not targets are masked first: one-to-one ("1-1", "one to one"), labels ("year 3", "Q3",
// "project 5"), calendar years ("in 2009", "2008 – 2011") and even splits ("50/50").
import type { Qualifier } from "./planTypes";

export type NumberKind = "number" | "percent" | "money";
export type RateUnit = "week" | "fortnight" | "month" | "quarter" | "year";

export const PER_YEAR: Record<RateUnit, number> = { week: 52, fortnight: 26, month: 12, quarter: 4, year: 1 };

export interface StatedRate {
  unit: RateUnit;
  /** The words that make it a rate ("per month"). */
  text: string;
}

export interface StatedNumber {
  value: number;
  kind: NumberKind;
  /** The number as written, with its qualifier ("minimum 300", "400+", "six"). */
  text: string;
  index: number;
  end: number;
  qualifier: Qualifier | null;
  fromWords: boolean;
  inParentheses: boolean;
  /** "9/10": the larger alternative. */
  orUpTo: number | null;
  rate: StatedRate | null;
}

const UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = [
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

const WORD_VALUE = new Map<string, number>([
  ...UNITS.map((word, i) => [word, i + 1] as [string, number]),
  ...TEENS.map((word, i) => [word, i + 10] as [string, number]),
  ...TENS.map((word, i) => [word, (i + 2) * 10] as [string, number]),
]);

const NUMBER_WORD = `(?:${TENS.join("|")})(?:[\\s-](?:${UNITS.join("|")}))?|${[...TEENS, ...UNITS].join("|")}`;
const NUMBER_WORD_RE = new RegExp(`\\b(${NUMBER_WORD})\\b`, "gi");
const MONTHS =
  "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december";

/** Spans of the text that hold numbers which are not targets, to be masked before numbers are read. */
const NOT_TARGETS: RegExp[] = [
  // one-to-one support
  /\b(?:1|one)\s*(?:-\s*to\s*-|-|\u2013|to|:)\s*(?:1|one)\b/gi,
  // labels: year 3, quarter 2, Q3, project 5, phase two
  new RegExp(
    `\\b(?:years?|yr|quarters?|phase|stage|tier|level|project|objective|priority|step|section|page|annex|no\\.)\\s*(?:\\d+|${NUMBER_WORD})\\b`,
    "gi",
  ),
  /\bQ[1-4]\b/gi,
  // calendar years: ranges, months, and years after a preposition
  /\b(?:19|20)\d{2}\s*(?:-|\u2013|\u2014|\/|to)\s*(?:(?:19|20)?\d{2})\b/gi,
  new RegExp(`\\b(?:${MONTHS})\\.?\\s+(?:19|20)\\d{2}\\b`, "gi"),
  /\b(?:in|by|from|since|until|till|during|before|after|of|end|early|late|mid|spring|summer|autumn|winter)\s+(?:19|20)\d{2}\b/gi,
  // even splits: 50/50
  /\b(\d+)\/\1\b/g,
  // ordinals and hyphenated words: 1st, third-party, web-based
  /\b\d+(?:st|nd|rd|th)\b/gi,
];

function masked(text: string): string {
  let result = text;
  for (const pattern of NOT_TARGETS) {
    result = result.replace(pattern, (match) => " ".repeat(match.length));
  }
  return result;
}

const QUALIFIER_BEFORE =
  /(at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|min\.|no\s+fewer\s+than|not\s+less\s+than|more\s+than|over|up\s+to|a\s+maximum\s+of|maximum\s+of|maximum|max\.|no\s+more\s+than|an\s+average\s+of|average\s+of|average|on\s+average)\s*$/i;

function qualifierOf(words: string): Qualifier {
  const text = words.toLowerCase().replace(/\s+/g, " ");
  if (text.startsWith("at least") || text.startsWith("no fewer") || text.startsWith("not less")) return "at least";
  if (text.includes("min")) return "minimum";
  if (text.startsWith("more") || text.startsWith("over")) return "more than";
  if (text.includes("average")) return "average";
  return "up to";
}

const RATE_AFTER = new RegExp(
  `^\\s*(?:(?!(?:\\d|${NUMBER_WORD})\\b)[a-z'-]+\\s+){0,3}?((?:per|a|an|each|every)\\s+(week|fortnight|month|quarter|year|annum))\\b`,
  "i",
);

/** "open 5 days a week", "2 hours a month": how long, not how many. */
const DURATION_BEFORE_RATE =
  /\b(?:days?|hours?|hrs|nights?|mornings?|afternoons?|evenings?|minutes?|weeks?|months?)\s+$/i;

function rateAfter(rest: string): StatedRate | null {
  const match = RATE_AFTER.exec(rest);
  if (!match) return null;
  if (DURATION_BEFORE_RATE.test(rest.slice(0, (match.index ?? 0) + match[0].length - match[1].length))) return null;
  const unit = match[2].toLowerCase() === "annum" ? "year" : (match[2].toLowerCase() as RateUnit);
  return { unit, text: match[1] };
}

function insideParentheses(text: string, index: number): boolean {
  const before = text.slice(0, index);
  return before.lastIndexOf("(") > before.lastIndexOf(")");
}

interface RawNumber {
  index: number;
  end: number;
  value: number;
  kind: NumberKind;
  fromWords: boolean;
  plus: boolean;
  orUpTo: number | null;
}

function digitNumbers(text: string): RawNumber[] {
  const found: RawNumber[] = [];
  const pattern =
    /(£\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?\/\s?(\d+))?(\s?%|\s?per\s?cent\b|\+|k\b|\s?million\b)?/gi;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    const previous = index > 0 ? text[index - 1] : " ";
    const next = text[index + match[0].length] ?? " ";
    if (/[A-Za-z0-9.,/-]/.test(previous) && !match[1]) continue;
    if (/[A-Za-z0-9]/.test(next)) continue;
    const whole = Number(match[2].replace(/,/g, "")) + (match[3] ? Number(match[3]) : 0);
    const suffix = (match[5] ?? "").trim().toLowerCase();
    const scale = suffix === "k" ? 1000 : suffix === "million" ? 1_000_000 : 1;
    const kind: NumberKind = match[1] ? "money" : suffix === "%" || suffix.startsWith("per") ? "percent" : "number";
    found.push({
      index,
      end: index + match[0].length,
      value: whole * scale,
      kind,
      fromWords: false,
      plus: suffix === "+",
      orUpTo: match[4] ? Number(match[4]) : null,
    });
  }
  return found;
}

function wordNumbers(text: string): RawNumber[] {
  const found: RawNumber[] = [];
  for (const match of text.matchAll(NUMBER_WORD_RE)) {
    const parts = match[1].toLowerCase().split(/[\s-]+/);
    const value = parts.reduce((sum, word) => sum + (WORD_VALUE.get(word) ?? 0), 0);
    const index = match.index ?? 0;
    // "one of", "one another", "no one": not a count.
    const rest = text.slice(index + match[0].length);
    if (value === 1 && /^\s+(?:of|another|off|way|stop)\b/i.test(rest)) continue;
    found.push({
      index,
      end: index + match[0].length,
      value,
      kind: "number",
      fromWords: true,
      plus: false,
      orUpTo: null,
    });
  }
  return found;
}

/** Every number the text states as a possible target, in the order written. */
export function statedNumbers(text: string): StatedNumber[] {
  const plain = masked(text);
  const raw = [...digitNumbers(plain), ...wordNumbers(plain)].sort((a, b) => a.index - b.index);
  return raw.map((number) => {
    const before = QUALIFIER_BEFORE.exec(text.slice(0, number.index));
    const qualifier: Qualifier | null = number.plus ? "+" : before ? qualifierOf(before[1]) : null;
    const start = before && !number.plus ? number.index - before[0].length : number.index;
    return {
      value: number.value,
      kind: number.kind,
      text: text.slice(start, number.end).trim(),
      index: number.index,
      end: number.end,
      qualifier,
      fromWords: number.fromWords,
      inParentheses: insideParentheses(text, number.index),
      orUpTo: number.orUpTo,
      rate: rateAfter(plain.slice(number.end)),
    };
  });
}

/** The number a statement sets as its target: the first outside parentheses, else the first at all. */
export function targetNumber(text: string): StatedNumber | null {
  const numbers = statedNumbers(text);
  return numbers.find((n) => !n.inParentheses) ?? numbers[0] ?? null;
}

/** "each week", "weekly", "every month" with no number: once per that period. */
export function frequencyWithoutNumber(text: string): StatedRate | null {
  const match =
    /\b((?:each|every|per|a)\s+(week|fortnight|month|quarter)|(weekly|fortnightly|monthly|quarterly))\b/i.exec(text);
  if (!match) return null;
  const word = (match[2] ?? match[3]).toLowerCase().replace(/ly$/, "");
  return { unit: word as RateUnit, text: match[1] };
}

/** Whether a text starts with a number (digits or words), as "2 newsletters ..." or "one to South Oxon" do. */
export function startsWithNumber(text: string): boolean {
  const first = statedNumbers(text)[0];
  return first !== undefined && text.slice(0, first.index).trim() === "";
}
