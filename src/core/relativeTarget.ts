// A target set relative to a baseline (README "Targets to be set"): the Aim column read as a change on the baseline,
// the yearly figures worked out once the baseline is entered, and which years are still "Target to be set".
import type { RelativeTarget, Target } from "./model";
import type { Fy } from "./periods";
import { TO_BE_SET_WORDS } from "./templates";

/** What an Aim cell says: the change on the baseline, and whether it compounds each year. */
export interface Aim {
  /** 0.5 for +50%; negative for a fall; null when the aim states no figure ("year on year increase"). */
  change: number | null;
  yearOnYear: boolean;
}

const YEAR_ON_YEAR =
  /\b(?:year[\s-]on[\s-]year|a\s+year|per\s+(?:year|annum)|each\s+year|every\s+year|annually|yoy)\b/i;
const FALL = /\b(?:less|fewer|lower|decrease|reduc\w*|fall|down)\b/i;
const RISE = /\b(?:more|increase|higher|rise|growth|up|improve\w*|extra|additional)\b/i;

/**
 * "+50%", "baseline + 50%", "50% more", "-10%", "10% fewer", "+10% a year", "5% year on year", "year on year
 * increase". null when the text states neither a percentage change nor a rise or fall on the baseline.
 */
export function readAim(text: string): Aim | null {
  const written = text.trim();
  if (written === "") return null;
  const yearOnYear = YEAR_ON_YEAR.test(written);
  const percent = /([+\-\u2212\u2013]?)\s*(\d+(?:\.\d+)?)\s*%/.exec(written);
  if (percent) {
    const falls = percent[1] !== "" && percent[1] !== "+" ? true : FALL.test(written);
    const size = Number(percent[2]) / 100;
    return { change: falls ? -size : size, yearOnYear };
  }
  if (yearOnYear || RISE.test(written) || FALL.test(written)) return { change: null, yearOnYear };
  return null;
}

/** A Targets year cell that marks the year's figure as coming from the baseline and aim. */
export function isToBeSetWord(text: string): boolean {
  const word = text.trim().toLowerCase().replace(/\s+/g, " ");
  return TO_BE_SET_WORDS.some((w) => w.toLowerCase() === word);
}

/**
 * The figures of the years marked To be set, once baseline and change are known: baseline x (1 + change) each
 * year, or year on year baseline x (1 + change)^n for the n-th marked year (100 at +10% a year: 110, 121, 133.1).
 * Empty while either is missing.
 */
export function relativeValues(relative: RelativeTarget): Partial<Record<Fy, number>> {
  const { baseline, change } = relative;
  if (baseline === null || change === null) return {};
  const values: Partial<Record<Fy, number>> = {};
  relative.years.forEach((fy, i) => {
    values[fy] = relative.yearOnYear ? baseline * (1 + change) ** (i + 1) : baseline * (1 + change);
  });
  return values;
}

/** The year is marked To be set and has no figure yet: its baseline (or the aim's change) is not entered. */
export function isToBeSet(target: Target, fy: Fy): boolean {
  return (
    target.measure !== "Milestone" && target.values[fy] === undefined && (target.relative?.years.includes(fy) ?? false)
  );
}

/** Why a year is still to be set, naming the cell to fill in: "baseline not entered (Targets!J12)". */
export function toBeSetWhy(relative: RelativeTarget): string {
  if (relative.baseline === null) {
    return `baseline not entered (${relative.baselineSource.sheet}!${relative.baselineSource.cell})`;
  }
  const aimCell = `${relative.aimSource.sheet}!${relative.aimSource.cell}`;
  return relative.aim === ""
    ? `no Aim on the baseline entered (${aimCell})`
    : `the Aim "${relative.aim}" states no change on the baseline (${aimCell})`;
}
