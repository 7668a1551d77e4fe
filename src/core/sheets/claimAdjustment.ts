// After a claim is submitted, the claim stays the one claim: an update compares the figures the submitted sheet
// shows with the figures it would write now. Nothing changed: nothing is written. A figure changed: an
// "Adjustment <period>" sheet lists each change (submitted -> now) and the difference to claim or repay.
import { poundsFromPence, type Pence } from "../money";
import { LINE_FIGURE_LABELS, type ClaimFigures, type ClaimTotalName, type LineFigureName } from "./claimFigures";
import { CLAIM_TOTAL_LABELS } from "./claimSheet";
import { SheetBuilder, STYLES, landscapePrint, moneyCell, textCell, withConsortium } from "./sheetBuilder";
import { figureText } from "../words";
import type { SheetSpec } from "./spec";

const CLAIM_PREFIX = "Claim ";

/** "Claim 2009-10 Q2" -> "Adjustment 2009-10 Q2". */
export function adjustmentSheetName(claimSheet: string): string {
  return `Adjustment ${claimSheet.startsWith(CLAIM_PREFIX) ? claimSheet.slice(CLAIM_PREFIX.length) : claimSheet}`;
}

/** A date as the registry holds it ("2009-10-20" from earlier versions, "20/10/2009" now), UK style. */
export function ukDateText(text: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : text.trim();
}

export interface FigureChange {
  /** null for the claim as a whole. */
  projectId: string | null;
  line: string | null;
  figure: string;
  /** null: the line was not on the submitted claim (or is not on it now). */
  submitted: Pence | null;
  now: Pence | null;
}

export interface ClaimComparison {
  changes: FigureChange[];
  /**
   * Now minus submitted: claimed to date when both claims show it, else the claim this quarter. Positive: more to
   * claim; negative: to repay.
   */
  difference: Pence;
}

const lineKey = (projectId: string, line: string) => `${projectId}\u0001${line.toLowerCase()}`;

/** Every money figure that differs between the submitted claim and the claim now. */
export function compareClaims(submitted: ClaimFigures, now: ClaimFigures): ClaimComparison {
  const changes: FigureChange[] = [];
  const before = new Map(submitted.lines.map((l) => [lineKey(l.projectId, l.line), l]));
  const after = new Map(now.lines.map((l) => [lineKey(l.projectId, l.line), l]));
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  for (const key of keys) {
    const was = before.get(key);
    const is = after.get(key);
    const { projectId, line } = (is ?? was)!;
    for (const name of Object.keys(LINE_FIGURE_LABELS) as LineFigureName[]) {
      const a = was ? (was.figures[name] ?? null) : null;
      const b = is ? (is.figures[name] ?? null) : null;
      if (a !== b) changes.push({ projectId, line, figure: LINE_FIGURE_LABELS[name], submitted: a, now: b });
    }
  }
  for (const name of Object.keys(CLAIM_TOTAL_LABELS) as ClaimTotalName[]) {
    const a = submitted.totals[name];
    const b = now.totals[name];
    // A total the submitted claim did not show (an earlier layout) is not compared.
    if (a !== undefined && b !== undefined && a !== b) {
      changes.push({ projectId: null, line: null, figure: CLAIM_TOTAL_LABELS[name], submitted: a, now: b });
    }
  }
  const basis: ClaimTotalName =
    submitted.totals.claimedToDate !== undefined && now.totals.claimedToDate !== undefined
      ? "claimedToDate"
      : "claimThisQuarter";
  const difference = (now.totals[basis] ?? 0) - (submitted.totals[basis] ?? 0);
  return { changes, difference };
}

const pounds = (pence: Pence) => figureText(poundsFromPence(pence), "Currency");

/** "£120.00 more to claim", "£80.00 to repay", "no difference in the money claimed to date". */
export function differenceText(difference: Pence): string {
  if (difference > 0) return `${pounds(difference)} more to claim`;
  if (difference < 0) return `${pounds(-difference)} to repay`;
  return "no difference in the money claimed to date";
}

/** What the user is told when a submitted claim's figures are unchanged. */
export function unchangedMessage(claimSheet: string, submittedOn: string): string {
  return `${claimSheet} was submitted on ${ukDateText(submittedOn)} and no figure has changed`;
}

/** What the user is told when an adjustment is written. */
export function adjustmentMessage(claimSheet: string, submittedOn: string, comparison: ClaimComparison): string {
  const count = comparison.changes.length;
  return (
    `${claimSheet} was submitted on ${ukDateText(submittedOn)} and ${count} figure${count === 1 ? " has" : "s have"} ` +
    `changed since: ${adjustmentSheetName(claimSheet)} shows each change, ${differenceText(comparison.difference)}`
  );
}

const COLUMNS = { project: 1, line: 2, figure: 3, submitted: 4, now: 5, change: 6 };

/** The adjustment sheet: each changed figure, submitted -> now, and the difference to claim or repay. */
export function adjustmentSheet(
  claimSheet: string,
  submittedOn: string,
  consortium: string,
  comparison: ClaimComparison,
): SheetSpec {
  const name = adjustmentSheetName(claimSheet);
  const b = new SheetBuilder([10, 30, 26, 14, 14, 14]);
  b.addRow([{ value: name, style: STYLES.title }]);
  b.addRow([textCell(consortium, STYLES.label)]);
  b.addRow([
    {
      value:
        `${claimSheet} was submitted on ${ukDateText(submittedOn)}. These figures have changed since; ` +
        `the submitted claim is kept as it was.`,
      style: STYLES.muted,
    },
  ]);
  b.skipRows();
  const headerRow = b.addRow(["Project", "Budget line", "Figure", "Submitted", "Now", "Change"], STYLES.header);
  for (const change of comparison.changes) {
    const delta = change.submitted !== null && change.now !== null ? change.now - change.submitted : null;
    b.addRow([
      textCell(change.projectId ?? "The claim"),
      textCell(change.line ?? ""),
      change.figure,
      change.submitted === null ? { value: "not on the claim", style: STYLES.muted } : money(change.submitted),
      change.now === null ? { value: "no longer there", style: STYLES.muted } : money(change.now),
      delta === null ? null : money(delta),
    ]);
  }
  b.skipRows();
  const differenceRow = b.addRow([null, { value: differenceLabel(comparison.difference), style: STYLES.subtitle }]);
  b.put(differenceRow, COLUMNS.change, money(Math.abs(comparison.difference), STYLES.total));
  b.addRow([
    null,
    {
      value: "Send this sheet to the funder with the submitted claim, which stays as it was sent.",
      style: STYLES.muted,
    },
  ]);
  return b.build({
    name,
    kind: "adjustment",
    freeze: { rows: headerRow, columns: 0 },
    print: landscapePrint({ first: headerRow, last: headerRow }, withConsortium(consortium, name)),
  });
}

function differenceLabel(difference: Pence): string {
  if (difference > 0) return "Difference: more to claim";
  if (difference < 0) return "Difference: to repay";
  return "Difference: none in the money claimed to date";
}

function money(amount: Pence, style?: Parameters<typeof moneyCell>[1]) {
  return moneyCell(poundsFromPence(amount), style);
}
