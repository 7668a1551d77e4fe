import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircleFilled, WarningFilled } from "@fluentui/react-icons";
import type { Problem } from "../../core/model";
import { cellLabel, problemCounts, problemsBySheet, severityWord, type ProblemGroup } from "../state/wording";

const SHOWN_AT_FIRST = 50;

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  counts: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  problem: {
    justifyContent: "flex-start",
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    width: "100%",
    minHeight: "auto",
    paddingBlock: tokens.spacingVerticalXS,
    alignItems: "flex-start",
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  severity: { display: "inline-flex", alignItems: "center", gap: "2px", fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  text: { display: "flex", flexDirection: "column" },
});

function ProblemItem({ problem, selected, onSelect }: { problem: Problem; selected: boolean; onSelect: () => void }) {
  const styles = useStyles();
  const Icon = problem.severity === "error" ? ErrorCircleFilled : WarningFilled;
  return (
    <li>
      <Button
        appearance="subtle"
        className={mergeClasses(styles.problem, selected && styles.selected)}
        aria-current={selected ? "true" : undefined}
        onClick={onSelect}
      >
        <span className={styles.text}>
          <span className={mergeClasses(styles.severity, problem.severity === "error" ? styles.error : styles.warning)}>
            <Icon aria-hidden="true" />
            {severityWord(problem.severity)}
          </span>
          <span>
            {cellLabel(problem)} — {problem.message}
          </span>
        </span>
      </Button>
    </li>
  );
}

function SheetProblems({
  group,
  selected,
  onSelect,
}: {
  group: ProblemGroup;
  selected: Problem | null;
  onSelect: (p: Problem) => void;
}) {
  const styles = useStyles();
  const [showAll, setShowAll] = React.useState(false);
  const shown = showAll ? group.problems : group.problems.slice(0, SHOWN_AT_FIRST);
  const id = `problems-${group.sheet.replace(/[^A-Za-z0-9]/g, "-")}`;
  return (
    <div className={styles.group} role="group" aria-labelledby={id}>
      <h3 id={id} className={styles.heading}>
        {group.sheet} <span className={styles.counts}>({problemCounts(group.errors, group.warnings)})</span>
      </h3>
      <ul className={styles.list}>
        {shown.map((problem, index) => (
          <ProblemItem
            key={index}
            problem={problem}
            selected={problem === selected}
            onSelect={() => onSelect(problem)}
          />
        ))}
      </ul>
      {shown.length < group.problems.length && (
        <Button appearance="transparent" onClick={() => setShowAll(true)}>
          Show all {group.problems.length} problems on {group.sheet}
        </Button>
      )}
    </div>
  );
}

/** Problems grouped by sheet; choosing one goes to its cell. */
export function ProblemList({
  problems,
  selected,
  onSelect,
}: {
  problems: Problem[];
  selected: Problem | null;
  onSelect: (p: Problem) => void;
}) {
  return (
    <>
      {problemsBySheet(problems).map((group) => (
        <SheetProblems key={group.sheet} group={group} selected={selected} onSelect={onSelect} />
      ))}
    </>
  );
}
