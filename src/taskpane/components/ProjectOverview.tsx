import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { UnreadTarget } from "../../core/model";
import { SHOWN_RAGS } from "../../core/periodView";
import type { TargetReport } from "../../core/reportTypes";
import { TO_BE_SET_LABEL } from "../../core/sheets/spec";
import type { ProjectRow, TargetRow } from "../state/overview";
import { ragCountParts, wholePercent } from "../../core/words";
import { changeWords, sentence } from "../state/wording";
import { RagBadge } from "./RagBadge";
import { TrendText } from "./TrendText";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
  },
  name: { flexBasis: "100%", fontWeight: tokens.fontWeightSemibold, textAlign: "left" },
  ratio: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  targets: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  target: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    paddingInlineStart: tokens.spacingHorizontalS,
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorNeutralStroke2,
  },
  figures: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  detail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  reason: { fontSize: tokens.fontSizeBase200 },
  notRead: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** What the ratio means for this target: "96% of expected", or a milestone's due quarter. */
function ratioText(report: TargetReport): string {
  if (report.measure === "Milestone") return `Milestone due Q${report.target}`;
  if (report.toBeSet) return "Not rated until its baseline is entered";
  if (report.rag === "NotDue") return "Nothing expected yet";
  if (report.awaiting) return "Not rated until the quarter's figure is in";
  return `${wholePercent(report.ratio)} of expected`;
}

function TargetItem({ row }: { row: TargetRow }) {
  const styles = useStyles();
  const { report } = row;
  const missing =
    report.missingQuarters.length > 0 && !report.awaiting
      ? `No actual for ${report.missingQuarters.map((q) => `Q${q}`).join(", ")}.`
      : "";
  return (
    <li className={styles.target}>
      <span>
        <strong>{row.id}</strong> {row.description}
      </span>
      <span className={styles.figures}>
        <RagBadge rag={row.shown} word={report.toBeSet ? TO_BE_SET_LABEL : undefined} />
        <span className={styles.ratio}>{ratioText(report)}</span>
        {report.measure !== "Milestone" && <TrendText trend={report.trend} change={report.yoyChange} />}
      </span>
      {(report.measure !== "Milestone" || missing) && (
        <span className={styles.detail}>
          {[report.measure !== "Milestone" ? `${sentence(changeWords(report.yoyChange))}.` : "", missing]
            .join(" ")
            .trim()}
        </span>
      )}
      {row.reason && (
        <span className={styles.reason}>
          <strong>Why: </strong>
          {row.reasonText}
        </span>
      )}
    </li>
  );
}

/** A target the workbook could not read: never left out, with the cell to fix. */
function UnreadItem({ unread }: { unread: UnreadTarget }) {
  const styles = useStyles();
  const { problem } = unread;
  return (
    <li className={styles.target}>
      <span>
        <strong>{unread.id || "(no ID)"}</strong> {unread.description}
      </span>
      <span className={styles.notRead}>✕ Not read</span>
      <span className={styles.reason}>
        {problem.sheet}!{problem.cell}: {problem.message}. See Check data.
      </span>
    </li>
  );
}

/** Targets not read whose project is not known either. */
export function UnreadList({ unread }: { unread: readonly UnreadTarget[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.targets} aria-label="Targets not read">
      {unread.map((u, i) => (
        <UnreadItem key={`${u.id}-${i}`} unread={u} />
      ))}
    </ul>
  );
}

/** "3 Green, 1 Amber, 1 Awaiting": the project's targets counted by the RAG shown. */
function countsText(project: ProjectRow): string {
  const parts = ragCountParts(project.counts, SHOWN_RAGS);
  if (project.unread.length > 0) parts.push(`${project.unread.length} not read`);
  return parts.join(", ");
}

/** Projects drawn in one go: more wait for the next task, so a thousand projects never freeze the pane. */
const PROJECTS_AT_A_TIME = 20;

/**
 * How many of `projects` to draw now: the first batch at once, then a batch a task until all are drawn (each batch
 * a short task in which the pane can still repaint and answer keys). Starts again for another list.
 */
function useDrawnSoFar(projects: readonly ProjectRow[]): number {
  const [drawn, setDrawn] = React.useState({ of: projects, count: PROJECTS_AT_A_TIME });
  const count = drawn.of === projects ? drawn.count : PROJECTS_AT_A_TIME;
  React.useEffect(() => {
    if (count >= projects.length) return;
    const next = setTimeout(() => setDrawn({ of: projects, count: count + PROJECTS_AT_A_TIME }), 0);
    return () => clearTimeout(next);
  }, [projects, count]);
  return count;
}

/** Each project's RAG, ratio and trend; expand a project to see its targets. */
export function ProjectOverview({ projects }: { projects: ProjectRow[] }) {
  const styles = useStyles();
  const drawn = useDrawnSoFar(projects);
  return (
    <Accordion multiple collapsible>
      {projects.slice(0, drawn).map((project) => (
        <AccordionItem key={project.id} value={project.id}>
          <AccordionHeader as="h3" expandIconPosition="end">
            <span className={styles.header}>
              <span className={styles.name}>
                {project.id} {project.name}
              </span>
              <RagBadge rag={project.rag} />
              {project.ratio !== null && <span className={styles.ratio}>{wholePercent(project.ratio)}</span>}
              {project.rag !== "NotDue" && <TrendText trend={project.trend} change={project.change} />}
              {countsText(project) && <span className={styles.detail}>{countsText(project)}</span>}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            {project.targets.length === 0 && project.unread.length === 0 ? (
              <p className={styles.detail}>No targets in this financial year.</p>
            ) : (
              <ul className={styles.targets} aria-label={`Targets of ${project.id}`}>
                {project.targets.map((target) => (
                  <TargetItem key={target.id} row={target} />
                ))}
                {project.unread.map((u, i) => (
                  <UnreadItem key={`unread-${u.id}-${i}`} unread={u} />
                ))}
              </ul>
            )}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
