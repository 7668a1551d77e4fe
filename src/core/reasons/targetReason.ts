// Why a target shows Amber, Red or Awaiting, in words a meeting can read beside it: the partner's own comment
// for the quarter when there is one, otherwise the rule that rated it with the figures it used.
import type { Target } from "../model";
import { ragShown } from "../report";
import { toBeSetWhy } from "../relativeTarget";
import { TO_BE_SET_LABEL } from "../sheets/spec";
import type { TargetReport } from "../reportTypes";
import { actualToDate, expectedToDate } from "../rules/expectedAndActual";
import { profileFor, share } from "../rules/profile";
import type { RulesInput } from "../rules/targetStatus";
import { figureText, percentText } from "../words";
import { previousFy, type Period, type Quarter } from "../periods";

export interface TargetReason {
  /** "partner": the Actuals Comment for the period's quarter; "rule": a sentence from the rule that rated it. */
  from: "partner" | "rule";
  text: string;
}

/**
 * The reason for an Amber, Red or Awaiting target, or one to be set (which cell to fill in); null for Green and
 * Not due (nothing to explain).
 */
export function targetReason(target: Target, row: TargetReport, at: Period, input: RulesInput): TargetReason | null {
  if (row.toBeSet && target.relative)
    return { from: "rule", text: `${TO_BE_SET_LABEL}: ${toBeSetWhy(target.relative)}` };
  const shown = ragShown(row);
  if (shown === "Green" || shown === "NotDue") return null;
  const comment = partnerComment(target, at, input);
  if (comment) return { from: "partner", text: comment };
  return { from: "rule", text: ruleSentence(target, row, at.quarter, input) };
}

/** How a reason reads on a paper: the partner's words are marked as theirs. */
export function reasonText(reason: TargetReason): string {
  return reason.from === "partner" ? `Partner's comment: ${reason.text}` : reason.text;
}

function partnerComment(target: Target, at: Period, input: RulesInput): string {
  return input.actuals
    .filter((a) => a.targetId === target.id && a.fy === at.fy && a.quarter === at.quarter && a.comment.trim() !== "")
    .map((a) => a.comment.trim())
    .join(" ");
}

function ruleSentence(target: Target, row: TargetReport, q: Quarter, input: RulesInput): string {
  if (target.measure === "Milestone") {
    return row.rag === "Amber" ? `Due in Q${row.target}, not done.` : `Due in Q${row.target}, not done by Q${q}.`;
  }
  const figure = (value: number) => figureText(value, target.measure);
  if (row.awaiting) {
    if (q === 1) return `No figure for Q1 yet.`;
    const before = { fy: row.fy, quarter: (q - 1) as Quarter };
    const expected = expectedToDate(target, before, input.profiles);
    const actual = actualToDate(target, before, input.actuals, input.settings.planStart);
    if (expected === null || actual === null) return `No figure for Q${q} yet.`;
    const sofar =
      target.direction === "Lower"
        ? `${figure(actual)} against at most ${figure(expected)} expected by Q${q - 1}`
        : `${figure(actual)} of ${figure(expected)} expected by Q${q - 1}`;
    return `No figure for Q${q} yet; ${sofar}.`;
  }
  const expected = row.expectedToDate ?? 0;
  const actual = row.actualToDate ?? 0;
  const lower = target.direction === "Lower";
  const expectedWords =
    target.basis === "Level"
      ? `Expected ${lower ? "at most " : ""}${figure(expected)} at Q${q} (${levelBasis(target, row, input, q)})`
      : `Expected ${lower ? "at most " : ""}${figure(expected)} by Q${q} (${toDateBasis(target, row, input, q)})`;
  const actualWords = target.basis === "Level" ? `latest figure ${figure(actual)}` : `actual ${figure(actual)}`;
  const { greenThreshold, amberThreshold } = input.settings;
  const bar =
    row.rag === "Amber"
      ? `below Green at ${percentText(greenThreshold)}`
      : `below Amber at ${percentText(amberThreshold)}`;
  const ratio = row.ratio === null ? "" : `${percentText(row.ratio)}, `;
  const missing = row.missingQuarters.filter((m) => m !== q);
  const gaps =
    missing.length === 0
      ? ""
      : ` No figure for ${missing.map((m) => `Q${m}`).join(", ")}${target.basis === "Level" ? "" : " (counted as 0)"}.`;
  return `${lower ? "Lower is better. " : ""}${expectedWords}, ${actualWords}: ${ratio}${bar}.${gaps}`;
}

const SHARE_WORDS = new Map([
  [0.25, "a quarter of"],
  [0.5, "half of"],
  [0.75, "three quarters of"],
  [1, "all of"],
]);

function shareWords(share: number): string {
  return SHARE_WORDS.get(share) ?? `${percentText(share)} of`;
}

/** "half of 150", "40% of 150, from Profiles"; for Cumulative "200 last year plus half of the rise to 300". */
function toDateBasis(target: Target, row: TargetReport, input: RulesInput, q: Quarter): string {
  const figure = (value: number) => figureText(value, target.measure);
  const profiled = profileFor(target, row.fy, input.profiles);
  const toDate = share(target, row.fy, q, input.profiles);
  const fromProfiles = profiled ? ", from Profiles" : "";
  if (target.basis === "Cumulative") {
    const previous = target.values[previousFy(row.fy)];
    if (previous === undefined)
      return `${shareWords(toDate)} ${figure(row.target ?? 0)}${fromProfiles}, no target last year`;
    return `${figure(previous)} last year plus ${shareWords(toDate)} the change to ${figure(row.target ?? 0)}${fromProfiles}`;
  }
  return `${shareWords(toDate)} ${figure(row.target ?? 0)}${fromProfiles}`;
}

function levelBasis(target: Target, row: TargetReport, input: RulesInput, q: Quarter): string {
  if (!profileFor(target, row.fy, input.profiles)) return "the year's level";
  return `${shareWords(share(target, row.fy, q, input.profiles))} ${figureText(row.target ?? 0, target.measure)}, from Profiles`;
}
