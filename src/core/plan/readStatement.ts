// One stated target, in one year, read from the plan's words: its number (with qualifier, rate and words),
// measure, basis, direction, a milestone's due quarter, or an aim relative to a baseline.
import type { Basis, Direction, Measure } from "../model";
import type { Fy, Quarter } from "../periods";
import { monthDueIn, quarterOfMonth } from "../read/milestoneDue";
import { PER_YEAR, frequencyWithoutNumber, targetNumber, type StatedNumber, type StatedRate } from "./planNumbers";
import type { PlanGuess, PlanSource, Qualifier, RelativeAim } from "./planTypes";
import type { StatementPart } from "./splitStatements";

export interface StatementContext {
  projectId: string;
  fy: Fy;
  /** The group label the statement sits under ("V project for young people"), or "". */
  group: string;
  source: PlanSource;
  /** The FY of "year N" of the plan, or null when the plan's first year is not known. */
  yearNumbered: (n: number) => Fy | null;
  yearStartMonth: number;
}

/** One stated target in one year, before the years are joined into a target. */
export interface PlanLine {
  /** Lines with the same key in different years are the same target. */
  key: string;
  projectId: string;
  group: string;
  description: string;
  measure: Measure;
  basis: Basis;
  direction: Direction;
  qualifier: Qualifier | null;
  /** The year's figure and the FY it belongs to (a "by year 3" figure belongs to year 3). */
  value: { fy: Fy; value: number } | null;
  due: { fy: Fy; quarter: Quarter } | null;
  aim: RelativeAim | null;
  guesses: PlanGuess[];
  source: PlanSource;
}

const WORD_YEARS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

function capitalised(text: string): string {
  return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}

/** Lower case, numbers as "#", abbreviations spelt out: the same words in another year give the same key. */
export function statementKey(projectId: string, description: string): string {
  const words = description
    .toLowerCase()
    .replace(/\bopps\b/g, "opportunities")
    .replace(/£?\d[\d,.]*(?:\s?%|\+)?/g, "#")
    .replace(
      /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b/g,
      "#",
    )
    .replace(/[^a-z#]+/g, " ")
    .trim();
  return `${projectId}|${words}`;
}

const RELATIVE_AIMS: { pattern: RegExp; yearOnYear: boolean }[] = [
  { pattern: /baseline\s*\+\s*(\d+(?:\.\d+)?)\s?%/i, yearOnYear: false },
  { pattern: /(\d+(?:\.\d+)?)\s?%\s*(?:more|increase|higher|rise|growth|extra|additional)\b/i, yearOnYear: false },
  {
    pattern: /\b(?:increase|raise|rise|grow|improve)\w*\s+(?:[a-z]+\s+){0,5}?by\s+(\d+(?:\.\d+)?)\s?%/i,
    yearOnYear: false,
  },
  { pattern: /\byear[\s-]on[\s-]year\s+(?:increase|growth|rise|improvement)\b/i, yearOnYear: true },
  { pattern: /\b(?:increase|growth|rise)\s+(?:each|every)\s+year\b/i, yearOnYear: true },
];

/** "obtain 50% more signatories", "baseline +50%", "year on year increase": a target relative to a baseline. */
export function relativeAim(text: string): RelativeAim | null {
  for (const { pattern, yearOnYear } of RELATIVE_AIMS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const change = match[1] ? Number(match[1]) / 100 : null;
    return { change, yearOnYear: yearOnYear || /year[\s-]on[\s-]year/i.test(text), text: match[0] };
  }
  return null;
}

/** "by year 3", "by the end of year three", "in year 2": the plan year a figure or milestone is for. */
function byYear(text: string): { n: number; words: string } | null {
  const match = /\b(?:by|in|during)\s+(?:the\s+)?(?:end\s+of\s+)?year\s+(\d|one|two|three|four|five)\b/i.exec(text);
  if (!match) return null;
  const n = /^\d$/.test(match[1]) ? Number(match[1]) : WORD_YEARS[match[1].toLowerCase()];
  return { n, words: match[0] };
}

/** "by 2010", "in 2011": a plain calendar year, read as its end. */
function byPlainYear(text: string): { year: number; words: string } | null {
  const match = /\b(?:by|in|during|before)\s+(?:the\s+)?(?:end\s+of\s+)?((?:19|20)\d{2})\b(?!\s*[-/\u2013])/i.exec(
    text,
  );
  return match ? { year: Number(match[1]), words: match[0] } : null;
}

const CUMULATIVE =
  /\b(cumulative(?:ly)?|in total|running total|over (?:the )?(?:\w+ )?(?:\d+|two|three|four|five|ten) years|total of)\b/i;
const LEVEL = /\b(operational|in place|accessible to|maintained|at any (?:one )?time|level of|on the register)\b/i;
const LOWER =
  /\b(waiting(?: times?| lists?)?|(?:response|turnaround|processing|travel|average) times?|time (?:from|to|taken)|within \d+ (?:working )?(?:days|hours|weeks)|costs?\b(?! of)|reduc(?:e|ed|es|ing|tion)|fewer|decreas(?:e|ed|es|ing)|lower)\b/i;

function basisOf(text: string, number: StatedNumber | null, guesses: PlanGuess[]): Basis {
  const cumulative = CUMULATIVE.exec(text);
  if (cumulative) {
    guesses.push({ field: "basis", value: "Cumulative", from: cumulative[0], why: "counts the total so far" });
    return "Cumulative";
  }
  if (number?.orUpTo) {
    const from = `${number.value}/${number.orUpTo}`;
    guesses.push({ field: "basis", value: "Level", from, why: "a number in place, not a count of new ones" });
    return "Level";
  }
  const level = LEVEL.exec(text);
  if (level && number) {
    guesses.push({ field: "basis", value: "Level", from: level[0], why: "a number in place, not a count of new ones" });
    return "Level";
  }
  return "Annual";
}

function directionOf(text: string, measure: Measure, guesses: PlanGuess[]): Direction {
  if (measure === "Milestone") return "Higher";
  const lower = LOWER.exec(text);
  if (!lower) return "Higher";
  guesses.push({ field: "direction", value: "Lower", from: lower[0], why: "less is better for this measure" });
  return "Lower";
}

const SEASON_MONTH: Record<string, number> = { spring: 4, summer: 7, autumn: 10, fall: 10, winter: 1 };

function milestoneDue(text: string, context: StatementContext, guesses: PlanGuess[]): { fy: Fy; quarter: Quarter } {
  const month = monthDueIn(text, context.yearStartMonth);
  if (month && month.due.fy) return { fy: month.due.fy, quarter: month.due.quarter };
  const quarter = /\b(?:Q|quarter\s*)([1-4])\b|\b(first|second|third|fourth|final|last)\s+quarter\b/i.exec(text);
  if (quarter) {
    const words: Record<string, Quarter> = { first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4 };
    const q = quarter[1] ? (Number(quarter[1]) as Quarter) : words[quarter[2].toLowerCase()];
    return { fy: context.fy, quarter: q };
  }
  const season = /\b(spring|summer|autumn|fall|winter)\s+((?:19|20)\d{2})\b/i.exec(text);
  if (season) {
    // Winter 2009 is read as January 2010, the winter that starts in 2009.
    const month = SEASON_MONTH[season[1].toLowerCase()];
    const year = Number(season[2]) + (month === 1 ? 1 : 0);
    const due = quarterOfMonth(year, month + 2, context.yearStartMonth);
    const why = "a season: assumed due by its last month";
    guesses.push({ field: "due", fy: due.fy, value: `${due.fy} Q${due.quarter}`, from: season[0], why });
    return due;
  }
  const year = byYear(text);
  const yearFy = year ? context.yearNumbered(year.n) : null;
  if (year && yearFy) {
    guesses.push({
      field: "due",
      fy: yearFy,
      value: `${yearFy} Q4`,
      from: year.words,
      why: "the end of that plan year",
    });
    return { fy: yearFy, quarter: 4 };
  }
  const plain = byPlainYear(text);
  if (plain) {
    const due = quarterOfMonth(plain.year, 12, context.yearStartMonth);
    guesses.push({
      field: "due",
      fy: due.fy,
      value: `${due.fy} Q${due.quarter}`,
      from: plain.words,
      why: "a plain year: assumed due by the end of that year (December)",
    });
    return due;
  }
  guesses.push({
    field: "due",
    fy: context.fy,
    value: `${context.fy} Q4`,
    from: context.fy,
    why: "no date stated: assumed due by the end of the year it is listed under",
  });
  return { fy: context.fy, quarter: 4 };
}

/** The yearly figure of a stated number: a rate ("3 per month") times the periods in a year, "by year 3" in year 3. */
function yearlyValue(
  text: string,
  number: StatedNumber,
  carriedRate: StatedRate | undefined,
  context: StatementContext,
  guesses: PlanGuess[],
): { fy: Fy; value: number } {
  let value = number.kind === "percent" ? number.value / 100 : number.value;
  const rate = number.rate ?? carriedRate;
  if (rate && rate.unit !== "year") {
    const times = PER_YEAR[rate.unit];
    value = number.value * times;
    guesses.push({
      field: "value",
      value: String(value),
      from: number.rate ? `${number.text} ${rate.text}` : `${number.text} (${rate.text} from the words before)`,
      why: `${number.value} ${rate.text} × ${times} = ${value} a year`,
    });
  }
  if (number.orUpTo) {
    guesses.push({
      field: "value",
      value: String(value),
      from: `${number.value}/${number.orUpTo}`,
      why: `${number.value} or ${number.orUpTo}: the lower figure is the target`,
    });
  }
  const year = byYear(text);
  const yearFy = year ? context.yearNumbered(year.n) : null;
  if (year && yearFy && yearFy !== context.fy) {
    guesses.push({ field: "value", fy: yearFy, value: String(value), from: year.words, why: `a figure for ${yearFy}` });
    return { fy: yearFy, value };
  }
  return { fy: context.fy, value };
}

/**
 * One stated target. Its lead is words carried from the statement it was split from ("Prepare and distribute"
 * for "2 newsletters ..."), shown in the description but not read for numbers.
 */
export function readStatement(part: StatementPart, context: StatementContext): PlanLine {
  const { text, lead } = part;
  const guesses: PlanGuess[] = part.carried && part.carried.field === "description" ? [part.carried] : [];
  const stated = `${lead}${text}`.replace(/\s+/g, " ").trim();
  const description = context.group ? `${context.group}: ${capitalised(stated)}` : capitalised(stated);
  const aim = relativeAim(text);
  const number = aim || part.figureGiven ? null : targetNumber(text);
  let measure: Measure = "Milestone";
  let value: PlanLine["value"] = null;
  let due: PlanLine["due"] = null;
  if (aim) {
    measure = "Number";
    guesses.push({
      field: "aim",
      value: aim.change === null ? "increase on the baseline" : `baseline + ${Math.round(aim.change * 100)}%`,
      from: aim.text,
      why: "a target relative to a baseline: set once the baseline is entered",
    });
  } else if (number) {
    measure = number.kind === "percent" ? "Percentage" : number.kind === "money" ? "Currency" : "Number";
    value = yearlyValue(text, number, part.rate, context, guesses);
  } else if (part.figureGiven) {
    measure = /%|per\s?cent|percentage|proportion|share\b/i.test(text)
      ? "Percentage"
      : /£/.test(text)
        ? "Currency"
        : "Number";
  } else {
    const frequency = frequencyWithoutNumber(text);
    if (frequency) {
      measure = "Number";
      const times = PER_YEAR[frequency.unit];
      value = { fy: context.fy, value: times };
      guesses.push({
        field: "value",
        value: String(times),
        from: frequency.text,
        why: `once ${frequency.text} × ${times} = ${times} a year`,
      });
    } else {
      due = milestoneDue(text, context, guesses);
    }
  }
  const basis = measure === "Milestone" ? "Annual" : basisOf(text, number, guesses);
  const direction = directionOf(text, measure, guesses);
  return {
    key: statementKey(context.projectId, description),
    projectId: context.projectId,
    group: context.group,
    description,
    measure,
    basis,
    direction,
    qualifier: number?.qualifier ?? null,
    value,
    due,
    aim,
    guesses,
    source: context.source,
  };
}
