// Which quarter's returns to send next: the first quarter after the latest that every partner has returned (all
// its figures are in, however they got there). Returns made for a quarter already in would, once imported,
// replace its figures; so the proposal says which quarter and why, and which partners' figures are already there.
import { paperInputs } from "../inputs";
import type { Consortium } from "../model";
import { comparePeriods, isFyLabel, nextFy, periodLabel, type Period } from "../periods";

export interface ReturnsDue {
  period: Period;
  /** One sentence: which quarter and why. */
  reason: string;
  /** Partners whose figures for `period` are already in the workbook: sending them a return asks again. */
  alreadyIn: string[];
}

export function quarterAfter(period: Period): Period {
  return period.quarter === 4
    ? { fy: nextFy(period.fy), quarter: 1 }
    : { fy: period.fy, quarter: (period.quarter + 1) as Period["quarter"] };
}

/** The latest quarter with any Actuals or Spend row, or null when there are none. */
function latestWithFigures(consortium: Consortium): Period | null {
  let latest: Period | null = null;
  for (const row of [...consortium.actuals, ...consortium.spend]) {
    if (!isFyLabel(row.fy)) continue;
    if (latest === null || comparePeriods(row, latest) > 0) latest = { fy: row.fy, quarter: row.quarter };
  }
  return latest;
}

/** The partners due to report for the quarter whose figures for it are already in the workbook. */
export function partnersWithFiguresIn(consortium: Consortium, period: Period): string[] {
  return returned(consortium, period).in;
}

/** Partners due to report for the quarter, and which of them have figures in. */
function returned(consortium: Consortium, period: Period): { due: string[]; in: string[] } {
  const partners = paperInputs(consortium, { period, problems: [] }).partners;
  return { due: partners.map((p) => p.partner), in: partners.filter((p) => p.figuresIn).map((p) => p.partner) };
}

/** The quarter whose returns are due next, with the reason; null when the workbook names no financial year. */
export function nextReturnsDue(consortium: Consortium): ReturnsDue | null {
  const first =
    consortium.planYears[0] ?? (isFyLabel(consortium.settings.planStart) ? consortium.settings.planStart : null);
  const latest = latestWithFigures(consortium);
  if (first === null && latest === null) return null;
  const start: Period = { fy: first ?? (latest as Period).fy, quarter: 1 };
  if (latest === null || comparePeriods(latest, start) < 0) {
    return {
      period: start,
      reason: `${periodLabel(start)} is the plan's first quarter, and no figures are in yet.`,
      alreadyIn: [],
    };
  }
  // The latest quarter every partner due has returned; the quarter after it, unless figures for a later one have
  // started to come in (a quarter in progress is the one still due, not an older one someone never returned).
  let complete: Period | null = null;
  for (let at = start; comparePeriods(at, latest) <= 0; at = quarterAfter(at)) {
    const { due, in: arrived } = returned(consortium, at);
    if (due.length > 0 && arrived.length === due.length) complete = at;
  }
  const after = complete ? quarterAfter(complete) : start;
  const period = comparePeriods(after, latest) >= 0 ? after : latest;
  const { due, in: arrived } = returned(consortium, period);
  const awaited = due.filter((partner) => !arrived.includes(partner));
  const label = periodLabel(period);
  const allIn = complete ? `every partner's figures are in for ${periodLabel(complete)}` : "";
  let reason: string;
  if (arrived.length === 0) {
    reason = `${label}: ${allIn}, the latest quarter with figures.`;
  } else {
    reason =
      `${label}: ${allIn ? `${allIn}; ` : ""}for ${label}, the latest quarter with figures, they are in from ` +
      `${arrived.join(", ")} and awaited from ${awaited.join(", ")}.`;
  }
  return { period, reason, alreadyIn: arrived };
}
