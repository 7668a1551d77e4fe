// Member claims: for each partner, its budget and spend to date over its own budget lines, the variance and RAG,
// and what the accountable body owes it this quarter (the same rules as the claim, so the total is the claim's).
import type { Consortium } from "../model";
import { poundsFromPence } from "../money";
import { formatCalendarDate, periodLabel, type CalendarDate, type Period } from "../periods";
import type { Report } from "../reportTypes";
import { memberClaims } from "../rules/memberClaims";
import {
  SheetBuilder,
  STYLES,
  landscapePrint,
  moneyCell,
  range,
  ragCell,
  ragConditionalFormats,
  ratioCell,
  textCell,
  withConsortium,
} from "./sheetBuilder";
import type { SheetSpec } from "./spec";

export function memberClaimsSheetName(period: Period): string {
  return `Member claims ${periodLabel(period)}`;
}

export const MEMBER_CLAIMS_HEADERS = [
  "Partner",
  "Budget lines",
  "Budget to date",
  "Spend to date",
  "Variance",
  "Variance %",
  "RAG",
  "Owed this quarter",
  "Claimable to date",
];

export interface MemberClaimsOptions {
  preparedOn: CalendarDate;
}

export function memberClaimsSheet(consortium: Consortium, report: Report, options: MemberClaimsOptions): SheetSpec {
  const { settings } = consortium;
  const name = memberClaimsSheetName(report.period);
  const b = new SheetBuilder([32, 10, 14, 14, 13, 11, 12, 15, 15]);
  b.addRow([{ value: name, style: STYLES.title }]);
  b.addRow([textCell(settings.consortium, STYLES.label)]);
  b.addRow([
    {
      value:
        `What each partner spent on its own budget lines (Budget's Partner column, else the project's lead) and ` +
        `what ${settings.accountableBody.trim() || "the accountable body"} owes it for ${periodLabel(report.period)}: ` +
        `each line's claim, capped at its annual budget, at the grant rate, rounded down to the penny. ` +
        `Prepared ${formatCalendarDate(options.preparedOn)}.`,
      style: STYLES.muted,
    },
  ]);
  b.skipRows();
  const headerRow = b.addRow(MEMBER_CLAIMS_HEADERS, STYLES.header);
  const claims = memberClaims(consortium, report.spend, settings);
  for (const claim of claims) {
    b.addRow([
      textCell(claim.partner),
      claim.lines,
      moneyCell(poundsFromPence(claim.budgetToDate)),
      moneyCell(poundsFromPence(claim.spendToDate)),
      moneyCell(poundsFromPence(claim.variance)),
      ratioCell(claim.variancePct),
      ragCell(claim.rag),
      moneyCell(poundsFromPence(claim.claimThisQuarter)),
      moneyCell(poundsFromPence(claim.claimableToDate)),
    ]);
  }
  if (claims.length === 0) {
    b.addRow([{ value: `No budget or spend recorded for ${report.period.fy}.`, style: STYLES.muted }]);
  } else {
    const total = (pick: (claim: (typeof claims)[number]) => number) =>
      poundsFromPence(claims.reduce((sum, claim) => sum + pick(claim), 0));
    b.addRow(
      [
        "Total",
        claims.reduce((sum, claim) => sum + claim.lines, 0),
        moneyCell(total((c) => c.budgetToDate)),
        moneyCell(total((c) => c.spendToDate)),
        moneyCell(total((c) => c.variance)),
        null,
        null,
        moneyCell(total((c) => c.claimThisQuarter)),
        moneyCell(total((c) => c.claimableToDate)),
      ],
      STYLES.total,
    );
    b.addConditionalFormats(ragConditionalFormats(range(headerRow + 1, 7, headerRow + claims.length, 7)));
  }
  return b.build({
    name,
    kind: "memberClaims",
    freeze: { rows: headerRow, columns: 1 },
    print: landscapePrint({ first: headerRow, last: headerRow }, withConsortium(settings.consortium, name)),
  });
}
