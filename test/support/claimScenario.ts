// Real claim sheets for the "a submitted claim stays the one claim" tests: the claim as submitted, the same
// figures prepared on a later day, and the claim after a partner corrected a spend figure.
import { claimSheet } from "../../src/core/sheets/claimSheet";
import type { SheetSpec } from "../../src/core/sheets/spec";
import { q2Report, smallConsortium } from "../core/sheets/fixtures";

/** The claim for 2009-10 Q2 as submitted: this quarter £6,550.00, claimed to date £14,600.00. */
export function claimAsSubmitted(): SheetSpec {
  return claimSheet(smallConsortium(), q2Report(), { preparedOn: { year: 2009, month: 10, day: 16 } });
}

/** The same figures, prepared a week later (only the date differs). */
export function sameClaimLater(): SheetSpec {
  return claimSheet(smallConsortium(), q2Report(), { preparedOn: { year: 2009, month: 10, day: 23 } });
}

/**
 * P1 Running costs: spend to date £2,600.00 -> £2,800.00, its claim this quarter £1,300.00 -> £1,400.00; the
 * claim this quarter £6,550.00 -> £6,650.00, claimed to date £14,600.00 -> £14,700.00, remaining £25,400.00 ->
 * £25,300.00. So £100.00 more to claim.
 */
export function claimWithCorrectedSpend(): SheetSpec {
  const report = q2Report();
  report.spend = report.spend.map((line) =>
    line.budgetLine === "Running costs"
      ? { ...line, spendToDate: 2800, variance: 800, variancePct: 0.4, claimThisQuarter: 1400, claimableToDate: 2800 }
      : line,
  );
  report.claim = { ...report.claim, claimThisQuarter: 6650, claimedToDate: 14700, remaining: 25300 };
  return claimSheet(smallConsortium(), report, { preparedOn: { year: 2009, month: 10, day: 23 } });
}
