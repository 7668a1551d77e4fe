import { makeStyles, tokens } from "@fluentui/react-components";
import type { RiskSummary } from "../state/overview";
import { RagBadge } from "./RagBadge";

const useStyles = makeStyles({
  counts: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
  },
  count: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  top: {
    margin: 0,
    paddingInlineStart: "1.4em",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  detail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** Risks counted by RAG, then the highest-scoring few. */
export function RiskOverview({ summary }: { summary: RiskSummary }) {
  const styles = useStyles();
  return (
    <>
      <ul className={styles.counts} aria-label="Risks by RAG">
        {summary.counts.map(({ rag, count }) => (
          <li key={rag} className={styles.count}>
            <RagBadge rag={rag} /> {count}
          </li>
        ))}
        {summary.unscored > 0 && <li className={styles.count}>Not scored: {summary.unscored}</li>}
      </ul>
      {summary.top.length > 0 && (
        <>
          <h3 className={styles.subheading}>Highest risks</h3>
          <ol className={styles.top}>
            {summary.top.map((risk) => (
              <li key={risk.id}>
                <span className={styles.line}>
                  <strong>{risk.id}</strong>
                  {risk.report.rag && <RagBadge rag={risk.report.rag} />}
                  <span>
                    Score {risk.report.score} ({risk.report.impact} impact × {risk.report.probability} probability)
                  </span>
                </span>
                <span className={styles.detail}>
                  {risk.projectId ? `${risk.projectId}: ` : "Programme-wide: "}
                  {risk.description}
                  {risk.report.needsReview ? " (rating needs review)" : ""}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      {summary.top.length === 0 && <p className={styles.detail}>No risk has a score yet.</p>}
    </>
  );
}
