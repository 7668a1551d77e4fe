// The returns tracker: for a period, which partners have returned (and when), which came in after the deadline
// (quarter end + Settings "Returns due" days; a return on the deadline day is on time), and which are missing.
import type { Consortium, Settings } from "../model";
import { compareDates, comparePeriods, periodLabel, type CalendarDate, type Period } from "../periods";
import { nameKey } from "../read/importContext";
import { SheetBuilder, STYLES, dateCell, landscapePrint, withConsortium } from "../sheets/sheetBuilder";
import { RAG_STYLE, type SheetSpec } from "../sheets/spec";
import { paperInputs } from "../inputs";
import { partnersWithReturns } from "./issue";
import { returnDueOn } from "./returnSheets";
import type { ImportLogEntry, ReturnsTracker, ReturnStatus, TrackerRow } from "./types";

export function returnsTracker(
  consortium: Consortium,
  period: Period,
  importLog: readonly ImportLogEntry[],
  settings: Pick<Settings, "returnsDueDays" | "yearStartMonth"> = consortium.settings,
  today?: CalendarDate,
): ReturnsTracker {
  const dueOn = returnDueOn(period, { ...consortium.settings, ...settings });
  const forPeriod = importLog.filter((entry) => entry.period !== null && comparePeriods(entry.period, period) === 0);
  // A partner whose figures for the quarter are in the workbook is in, however they got there.
  const figuresIn = new Set(
    paperInputs(consortium, { period, problems: [] })
      .partners.filter((p) => p.figuresIn)
      .map((p) => nameKey(p.partner)),
  );
  const rows = partnersWithReturns(consortium, period).map((partner): TrackerRow => {
    const imports = forPeriod
      .filter((entry) => nameKey(entry.partner) === nameKey(partner))
      .sort((a, b) => (a.receivedOn && b.receivedOn ? compareDates(a.receivedOn, b.receivedOn) : 0));
    const dated = imports.filter((entry) => entry.receivedOn !== null);
    const returnedOn = dated.length > 0 ? dated[0].receivedOn : null;
    let status: ReturnStatus = figuresIn.has(nameKey(partner)) ? "inWorkbook" : "missing";
    if (imports.length > 0) status = returnedOn && compareDates(returnedOn, dueOn) > 0 ? "late" : "returned";
    return {
      partner,
      status,
      returnedOn,
      overdue: status === "missing" && today !== undefined && compareDates(today, dueOn) > 0,
      files: imports.map((entry) => entry.fileName),
    };
  });
  return { period, dueOn, asOf: today ?? null, rows };
}

const STATUS_LOOK: Record<ReturnStatus, { label: string; style: keyof typeof RAG_STYLE }> = {
  returned: { label: "Returned", style: "Green" },
  late: { label: "Late", style: "Amber" },
  inWorkbook: { label: "Figures in", style: "Green" },
  missing: { label: "Missing", style: "Red" },
};

/** "Returns 2009-10 Q3": one row per partner expected to return, with its status as a word on its colour. */
export function returnsTrackerSheet(
  consortium: Consortium,
  tracker: ReturnsTracker,
  options: { preparedOn: CalendarDate },
): SheetSpec {
  const label = periodLabel(tracker.period);
  const name = `Returns ${label}`;
  const sheet = new SheetBuilder([32, 12, 14, 48]);
  sheet.addRow([withConsortium(consortium.settings.consortium, `partner returns ${label}`)], STYLES.title);
  sheet.addRow([{ value: "Due by", style: STYLES.label }, dateCell(tracker.dueOn)]);
  sheet.addRow([{ value: "Prepared on", style: STYLES.label }, dateCell(options.preparedOn)]);
  sheet.skipRows();
  const headerRow = sheet.addRow(["Partner", "Status", "Returned on", "Files"], STYLES.header);
  for (const row of tracker.rows) {
    const notYetDue = row.status === "missing" && tracker.asOf !== null && !row.overdue;
    const look = RAG_STYLE[notYetDue ? "NotDue" : STATUS_LOOK[row.status].style];
    const status = notYetDue ? "Not yet due" : STATUS_LOOK[row.status].label;
    sheet.addRow([
      row.partner,
      { value: status, style: { fill: look.fill, fontColor: look.fontColor, horizontalAlignment: "center" } },
      row.returnedOn ? dateCell(row.returnedOn) : null,
      row.files.join("; ") || null,
    ]);
  }
  return sheet.build({
    name,
    kind: "returnsTracker",
    freeze: { rows: headerRow, columns: 0 },
    print: landscapePrint({ first: headerRow, last: headerRow }, withConsortium(consortium.settings.consortium, name)),
  });
}
