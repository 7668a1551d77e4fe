import { Caption1, Text } from "@fluentui/react-components";
import { formatCalendarDate, periodLabel } from "../../core/periods";
import { trackerCounts, trackerStatus } from "../../core/returns/ragSection";
import { returnDueOn } from "../../core/returns/returnSheets";
import type { ConsortiumModel } from "../state/useConsortium";
import type { ReturnsModel } from "../state/useReturns";
import { plural } from "../../core/words";
import { RagBadge } from "./RagBadge";
import { usePartnerListStyles } from "./partnerListStyles";
import { Section } from "./Section";

/** For the chosen period: which partners have returned (and when), came in late, or are still missing. */
export function ReturnsTracker({ model, returns }: { model: ConsortiumModel; returns: ReturnsModel }) {
  const styles = usePartnerListStyles();
  const { period, settings } = model;
  if (!period || !settings) {
    return (
      <Section id="returns-tracker" title="Returns tracker">
        <Text>Open or start a workbook first.</Text>
      </Section>
    );
  }
  const label = periodLabel(period);
  const days = settings.returnsDueDays;
  const intro = `Due by ${formatCalendarDate(returnDueOn(period, settings))}: ${plural(days, "day")} after the quarter end (Settings, "Returns due").`;
  const { tracker, expected } = returns;
  if (expected.length === 0) {
    return (
      <Section id="returns-tracker" title={`Returns tracker, ${label}`} intro={intro}>
        <Text>No partner has targets or budget lines in {period.fy}, so no returns are expected.</Text>
      </Section>
    );
  }
  if (!tracker) {
    return (
      <Section id="returns-tracker" title={`Returns tracker, ${label}`} intro={intro}>
        <Text>
          No partner returns have been imported into this workbook yet; the tracker starts with the first import.
          Returns expected from: {expected.join(", ")}.
        </Text>
      </Section>
    );
  }
  return (
    <Section id="returns-tracker" title={`Returns tracker, ${label}`} intro={intro}>
      <Text>{trackerCounts(tracker)}.</Text>
      <ul className={styles.rows} aria-label={`Partner returns for ${label}`}>
        {tracker.rows.map((row) => {
          const { word, look } = trackerStatus(row, tracker);
          const detail = row.returnedOn
            ? `Returned on ${formatCalendarDate(row.returnedOn)}${row.files.length > 0 ? `: ${row.files.join(", ")}` : ""}`
            : row.files.length > 0
              ? `Imported: ${row.files.join(", ")}`
              : "No return imported yet.";
          return (
            <li key={row.partner} className={styles.row}>
              <span className={styles.partner}>{row.partner}</span>
              <RagBadge rag={look} word={word} />
              <Caption1 className={styles.detail}>{detail}</Caption1>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
