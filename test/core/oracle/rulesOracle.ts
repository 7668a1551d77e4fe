// A second, deliberately plain reading of the rules (version 2), written straight from their text with no
// shared code beyond the model's types: loops over every row, no indexes, no caches. The property test in
// rulesOracle.test.ts checks that the product's report agrees with it on random consortia, figure for figure.
import type { Consortium, Target } from "../../../src/core/model";

type Period = { fy: string; quarter: number };
const startYear = (fy: string) => Number(fy.slice(0, 4));
const fyBefore = (fy: string) => {
  const y = startYear(fy) - 1;
  return `${y}-${String((y + 1) % 100).padStart(2, "0")}`;
};

function shareTo(c: Consortium, t: Target, fy: string, q: number): number {
  const profile = c.profiles.find((p) => p.targetId === t.id && p.fy === fy);
  if (profile) return profile.quarterShares.slice(0, q).reduce((a, b) => a + b, 0);
  return t.basis === "Level" ? 1 : q / 4;
}

function figures(c: Consortium, t: Target) {
  return c.actuals.filter((a) => a.targetId === t.id && a.amount !== null);
}

/** E, A, r and RAG of a target at a period; null when it has no value (or due quarter) that FY and is not to be set. */
export function oracleStatus(c: Consortium, t: Target, at: Period) {
  const s = c.settings;
  if (t.measure === "Milestone") {
    const due = t.dueQuarters[at.fy];
    if (due === undefined) return null;
    const done = c.actuals.some((a) => a.targetId === t.id && a.done && a.fy === at.fy && a.quarter <= at.quarter);
    const rag = done ? "Green" : due > at.quarter ? "NotDue" : due === at.quarter ? "Amber" : "Red";
    return { E: null, A: null, r: null, rag, toBeSet: false };
  }
  const A = actualTo(c, t, at);
  const T = t.values[at.fy];
  if (T === undefined) {
    // Set on a baseline not entered: no E, r or RAG, but the figures reported still add up.
    const toBeSet = t.relative?.years.includes(at.fy) ?? false;
    return toBeSet ? { E: null, A, r: null, rag: "NotDue", toBeSet } : null;
  }
  const share = shareTo(c, t, at.fy, at.quarter);
  let E: number;
  if (t.basis === "Cumulative") {
    const prev = t.values[fyBefore(at.fy)] ?? 0;
    E = prev + (T - prev) * share;
  } else E = T * share;
  let r: number | null;
  if (t.direction === "Higher") r = E === 0 ? null : A / E;
  else r = A === 0 ? 1 : E / A;
  const rag = r === null ? "NotDue" : r >= s.greenThreshold ? "Green" : r >= s.amberThreshold ? "Amber" : "Red";
  return { E, A, r, rag, toBeSet: false };
}

function actualTo(c: Consortium, t: Target, at: Period): number {
  const s = c.settings;
  let A = 0;
  if (t.basis === "Annual") {
    for (const a of figures(c, t)) if (a.fy === at.fy && a.quarter <= at.quarter) A += a.amount as number;
  } else if (t.basis === "Cumulative") {
    for (const a of figures(c, t)) {
      const y = startYear(a.fy);
      const inRange =
        y >= startYear(s.planStart) && (y < startYear(at.fy) || (y === startYear(at.fy) && a.quarter <= at.quarter));
      if (inRange) A += a.amount as number;
    }
  } else {
    let latest = -1;
    for (const a of figures(c, t)) {
      if (a.fy === at.fy && a.quarter <= at.quarter && a.quarter >= latest) {
        latest = a.quarter;
        A = a.amount as number;
      }
    }
  }
  return A;
}

export function oracleTarget(c: Consortium, t: Target, at: Period) {
  const status = oracleStatus(c, t, at);
  if (!status) return null;
  const missing =
    t.measure === "Milestone"
      ? []
      : [1, 2, 3, 4].filter((q) => q <= at.quarter && !figures(c, t).some((a) => a.fy === at.fy && a.quarter === q));
  return { ...status, missing, awaiting: status.rag !== "NotDue" && missing.includes(at.quarter) };
}

export function oracleProject(c: Consortium, projectId: string, at: Period) {
  const rows = c.targets
    .filter((t) => t.projectId === projectId)
    .map((t) => ({ t, row: oracleTarget(c, t, at) }))
    .filter((x) => x.row !== null);
  const rated = rows.filter((x) => x.row!.rag !== "NotDue" && !x.row!.awaiting);
  const awaitingTargets = rows.filter((x) => x.row!.awaiting).length;
  const toBeSetTargets = rows.filter((x) => x.row!.toBeSet).length;
  if (rated.length === 0) {
    return { ratio: null, rag: awaitingTargets > 0 ? "Awaiting" : "NotDue", awaitingTargets, toBeSetTargets };
  }
  const scores = rated.map(({ t, row }) =>
    t.measure === "Milestone" ? { Green: 1, Amber: 0.5, Red: 0 }[row!.rag as "Green"] : Math.min(row!.r as number, 1),
  );
  const ratio = scores.reduce((a, b) => a + b, 0) / scores.length;
  const s = c.settings;
  let rag = ratio >= s.greenThreshold ? "Green" : ratio >= s.amberThreshold ? "Amber" : "Red";
  if (s.projectRollup === "Worst") {
    rag = ["Red", "Amber", "Green"].find((w) => rated.some((x) => x.row!.rag === w)) as string;
  }
  return { ratio, rag, awaitingTargets, toBeSetTargets };
}

/** Claimable to date in pence: min(spend, annual budget) x rate, rounded down to the penny. */
function claimable(c: Consortium, projectId: string, line: string, fy: string, q: number): number {
  if (q <= 0) return 0;
  let budget = 0;
  for (const b of c.budgets) {
    if (b.projectId === projectId && b.line === line && b.fy === fy)
      budget += b.quarterPence.reduce((x, y) => x + y, 0);
  }
  let spent = 0;
  for (const sp of c.spend) {
    if (sp.projectId === projectId && sp.line === line && sp.fy === fy && sp.quarter <= q) spent += sp.pence;
  }
  // Rounded down, allowing for binary noise in the product (e.g. 100 x 0.29).
  return Math.floor(Math.min(spent, budget) * c.settings.grantRate + 1e-7);
}

/** The claim as a whole, in pounds. */
export function oracleClaim(c: Consortium, at: Period) {
  const lines = new Map<string, { projectId: string; line: string; years: Set<string> }>();
  for (const row of [...c.budgets, ...c.spend]) {
    const key = JSON.stringify([row.projectId, row.line]);
    if (!lines.has(key)) lines.set(key, { projectId: row.projectId, line: row.line, years: new Set() });
    lines.get(key)!.years.add(row.fy);
  }
  let before = 0;
  let thisQuarter = 0;
  for (const { projectId, line, years } of lines.values()) {
    for (const fy of c.planYears) {
      if (startYear(fy) < startYear(at.fy) && years.has(fy)) before += claimable(c, projectId, line, fy, 4);
    }
    if (!years.has(at.fy)) continue;
    const last = claimable(c, projectId, line, at.fy, at.quarter - 1);
    before += last;
    thisQuarter += claimable(c, projectId, line, at.fy, at.quarter) - last;
  }
  let budgetTotal = 0;
  for (const b of c.budgets) budgetTotal += b.quarterPence.reduce((x, y) => x + y, 0);
  const award = c.settings.totalAward ?? Math.floor(budgetTotal * c.settings.grantRate + 1e-7);
  return {
    totalAward: award / 100,
    claimedBefore: before / 100,
    claimThisQuarter: thisQuarter / 100,
    claimedToDate: (before + thisQuarter) / 100,
    remaining: (award - before - thisQuarter) / 100,
  };
}
