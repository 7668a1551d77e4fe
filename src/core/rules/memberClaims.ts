// What each member spends and claims at a period: its budget lines' figures added up, and what the accountable
// body owes it this quarter under the same rules as the claim (each line's claim, capped at its annual budget
// and rounded down to the penny, then added up). Worked from the report's spend rows, so every figure is one the
// claim sheet already shows.
import { normaliseName } from "../grid";
import type { Consortium, Settings } from "../model";
import { penceFromPounds, poundsFromPence } from "../money";
import type { SpendReport } from "../reportTypes";
import { spendRag, type LineFigures } from "./spendAndClaim";

/** A partner's lines added up, with the same figures as one line; claimThisQuarter is what it is owed. */
export interface MemberClaim extends LineFigures {
  partner: string;
  /** How many budget lines of its own it has in the period's FY. */
  lines: number;
}

/** One row per partner with budget lines in the report (Partners order, others after); their totals add up. */
export function memberClaims(
  consortium: Pick<Consortium, "partners">,
  spend: readonly SpendReport[],
  settings: Pick<Settings, "spendGreenTolerance" | "spendAmberTolerance">,
): MemberClaim[] {
  const byPartner = new Map<string, { partner: string; rows: SpendReport[] }>();
  for (const partner of consortium.partners)
    byPartner.set(normaliseName(partner.name), { partner: partner.name, rows: [] });
  for (const row of spend) {
    const key = normaliseName(row.partner);
    const found = byPartner.get(key) ?? { partner: row.partner, rows: [] };
    found.rows.push(row);
    byPartner.set(key, found);
  }
  const claims: MemberClaim[] = [];
  for (const { partner, rows } of byPartner.values()) {
    if (rows.length === 0) continue;
    const total = (pick: (row: SpendReport) => number) =>
      rows.reduce((sum, row) => sum + penceFromPounds(pick(row)), 0);
    const budgetToDate = total((row) => row.budgetToDate);
    const spendToDate = total((row) => row.spendToDate);
    const variance = spendToDate - budgetToDate;
    claims.push({
      partner,
      lines: rows.length,
      budgetToDate,
      spendToDate,
      variance,
      variancePct: budgetToDate === 0 ? null : variance / budgetToDate,
      rag: spendRag(budgetToDate, spendToDate, settings),
      claimThisQuarter: total((row) => row.claimThisQuarter),
      claimableToDate: total((row) => row.claimableToDate),
    });
  }
  return claims;
}

/** A member claim's amounts in pounds, as sheets and the pane show them. */
export function memberClaimPounds(
  claim: MemberClaim,
): Record<"budgetToDate" | "spendToDate" | "variance" | "claimThisQuarter" | "claimableToDate", number> {
  return {
    budgetToDate: poundsFromPence(claim.budgetToDate),
    spendToDate: poundsFromPence(claim.spendToDate),
    variance: poundsFromPence(claim.variance),
    claimThisQuarter: poundsFromPence(claim.claimThisQuarter),
    claimableToDate: poundsFromPence(claim.claimableToDate),
  };
}
