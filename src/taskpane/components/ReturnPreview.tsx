import type * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircleFilled, WarningFilled } from "@fluentui/react-icons";
import type { Problem, Rag } from "../../core/model";
import { periodLabel } from "../../core/periods";
import type { IncomingReturn, ReturnOutcome } from "../../core/returns/incoming";
import { addedValues, changedValues } from "../../core/returns/previewWords";
import { cellLabel, problemCounts, severityWord } from "../state/wording";
import { RagBadge } from "./RagBadge";

const OUTCOME: Record<ReturnOutcome, { rag: Rag; word: string }> = {
  ready: { rag: "Green", word: "Ready to apply" },
  already: { rag: "NotDue", word: "Already imported" },
  refused: { rag: "Red", word: "Not applied: errors" },
};

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalS,
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorNeutralStroke2,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    wordBreak: "break-word",
  },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  list: { margin: 0, paddingInlineStart: "1.2em", fontSize: tokens.fontSizeBase200 },
  severity: { display: "inline-flex", alignItems: "center", gap: "2px", fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

function ProblemLine({ problem }: { problem: Problem }) {
  const styles = useStyles();
  const Icon = problem.severity === "error" ? ErrorCircleFilled : WarningFilled;
  return (
    <li>
      <span className={mergeClasses(styles.severity, problem.severity === "error" ? styles.error : styles.warning)}>
        <Icon aria-hidden="true" />
        {severityWord(problem.severity)}
      </span>{" "}
      {problem.cell ? `${cellLabel(problem)} — ` : ""}
      {problem.message}
    </li>
  );
}

/** A titled list ("Rows to add: 2"), or the title with "none" when it is empty. */
function Listed({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count: number | string;
  children: React.ReactNode[];
}) {
  const styles = useStyles();
  return (
    <>
      <h4 id={id} className={styles.subheading}>
        {title}: {children.length === 0 ? "none" : count}
      </h4>
      {children.length > 0 && (
        <ul className={styles.list} aria-labelledby={id}>
          {children}
        </ul>
      )}
    </>
  );
}

/** What importing one file would do: partner and period, rows added, values changed, problems. */
export function ReturnPreview({ incoming, index }: { incoming: IncomingReturn; index: number }) {
  const styles = useStyles();
  const { preview, outcome } = incoming;
  const id = `return-preview-${index}`;
  const problems = preview ? preview.problems : incoming.problems;
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const { rag, word } = OUTCOME[outcome];
  return (
    <article className={styles.card} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className={styles.heading}>
        {incoming.fileName}
      </h3>
      <span>
        <RagBadge rag={rag} word={word} />
      </span>
      {preview ? (
        <p className={styles.text}>
          {preview.partner}, {periodLabel(preview.period)}
        </p>
      ) : (
        <p className={styles.text}>Not read as a partner return.</p>
      )}
      {preview?.alreadyImported && (
        <p className={styles.text}>
          The same return is in the Import log
          {preview.previousImport
            ? ` (imported ${preview.previousImport.importedAt} from ${preview.previousImport.fileName})`
            : ""}
          , so nothing would change.
        </p>
      )}
      {preview && !preview.alreadyImported && (
        <>
          <Listed id={`${id}-added`} title="Rows to add" count={preview.added.length}>
            {preview.added.map((row) => (
              <li key={`${row.sheet} ${row.key}`}>
                {row.sheet} {row.key}:{" "}
                {addedValues(preview, row)
                  .map(({ field, text }) => `${field} ${text}`)
                  .join(", ")}
              </li>
            ))}
          </Listed>
          <Listed id={`${id}-changed`} title="Values to change" count={preview.changed.length}>
            {preview.changed.map((change) => {
              const { before, after } = changedValues(preview, change);
              return (
                <li key={`${change.sheet}!${change.cell}`}>
                  {change.sheet}!{change.cell} {change.key} {change.field}: {before} → {after}
                </li>
              );
            })}
          </Listed>
          {outcome === "ready" && preview.added.length === 0 && preview.changed.length === 0 && (
            <p className={styles.text}>Nothing to add or change, but the return will be recorded as received.</p>
          )}
        </>
      )}
      {problems.length > 0 && (
        <Listed id={`${id}-problems`} title="Problems" count={problemCounts(errors, problems.length - errors)}>
          {problems.map((problem, i) => (
            <ProblemLine key={i} problem={problem} />
          ))}
        </Listed>
      )}
      {outcome === "refused" && (
        <p className={styles.text}>Correct the errors in the return (or ask the partner to), then import it again.</p>
      )}
    </article>
  );
}
