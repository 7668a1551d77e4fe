// Why a spend line is Amber or Red, in words a funder reads beside the figures: the partner's own explanation
// of the variance (the Spend comment for the quarter) when there is one, otherwise what the rule saw.
import type { Settings, Spend } from "../model";
import type { Period } from "../periods";
import type { SpendReport } from "../reportTypes";
import { figureText, percentText } from "../words";

const pounds = (amount: number) => figureText(amount, "Currency");

/**
 * A share beyond a tolerance as percentage text that reads as beyond it: "35%", but "25.04%" rather than a
 * rounded "25%" beside a 25% tolerance.
 */
export function shareBeyondText(share: number, tolerance: number): string {
  const text = percentText(share);
  if (text !== percentText(tolerance)) return text;
  return `${Number((share * 100).toFixed(4))}%`;
}

/** The partner's Spend comments for the line's own quarter, joined; "" when there are none. */
export function spendComment(
  spend: readonly Spend[],
  line: Pick<SpendReport, "projectId" | "budgetLine" | "partner">,
  period: Period,
): string {
  return spend
    .filter(
      (row) =>
        row.projectId === line.projectId &&
        row.line === line.budgetLine &&
        row.partner === line.partner &&
        row.fy === period.fy &&
        row.quarter === period.quarter,
    )
    .map((row) => row.comment.trim())
    .filter((comment) => comment !== "")
    .join("; ");
}

/**
 * The rule's own sentence for an Amber or Red line, e.g. "Spent £2,700.00 against £2,000.00 budgeted to date:
 * 35% over, beyond the 25% amber tolerance". null for Green and NotDue lines.
 */
export function spendRuleReason(
  line: Pick<SpendReport, "budgetToDate" | "spendToDate" | "variancePct" | "rag">,
  settings: Pick<Settings, "spendGreenTolerance" | "spendAmberTolerance">,
): string | null {
  if (line.rag !== "Amber" && line.rag !== "Red") return null;
  if (line.variancePct === null) return `Spent ${pounds(line.spendToDate)} with nothing budgeted to date`;
  const direction = line.variancePct > 0 ? "over" : "under";
  const [tolerance, name] =
    line.rag === "Red" ? [settings.spendAmberTolerance, "amber"] : [settings.spendGreenTolerance, "green"];
  return (
    `Spent ${pounds(line.spendToDate)} against ${pounds(line.budgetToDate)} budgeted to date: ` +
    `${shareBeyondText(Math.abs(line.variancePct), tolerance)} ${direction}, beyond the ${percentText(tolerance)} ${name} tolerance`
  );
}

/** The reason printed beside an Amber or Red line: the partner's comment, else the rule's sentence. */
export function spendReason(
  line: SpendReport,
  spend: readonly Spend[],
  period: Period,
  settings: Pick<Settings, "spendGreenTolerance" | "spendAmberTolerance">,
): string | null {
  const rule = spendRuleReason(line, settings);
  if (rule === null) return null;
  const comment = spendComment(spend, line, period);
  return comment !== "" ? comment : rule;
}
