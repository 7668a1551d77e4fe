import * as React from "react";
import { Badge, Button, Caption1, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import {
  dropTarget,
  editBaseline,
  editChoice,
  editDescription,
  editYear,
  type ChoiceField,
} from "../../core/plan/editProposal";
import { BASES, DIRECTIONS, MEASURES } from "../../core/templates";
import { guessText } from "../../core/plan/planSheets";
import type { PlanProposal, ProposedTarget } from "../../core/plan/planTypes";
import type { Fy } from "../../core/periods";

const useStyles = makeStyles({
  project: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  projectHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  target: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  years: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  year: { display: "flex", flexDirection: "column", width: "7.5em" },
  guessed: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  guesses: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  meta: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  error: { color: tokens.colorPaletteRedForeground1 },
  unread: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function yearText(target: ProposedTarget, fy: Fy): string {
  if (target.measure === "Milestone") return target.dueQuarters[fy] ? `Q${target.dueQuarters[fy]}` : "";
  const value = target.values[fy];
  if (value === undefined) return "";
  return target.measure === "Percentage" ? `${Math.round(value * 10000) / 100}%` : String(value);
}

const CHOICES: { field: ChoiceField; label: string; options: readonly string[] }[] = [
  { field: "measure", label: "Measure", options: MEASURES },
  { field: "basis", label: "Basis", options: BASES },
  { field: "direction", label: "Direction", options: DIRECTIONS },
];

function TargetCard({
  target,
  years,
  onChange,
}: {
  target: ProposedTarget;
  years: Fy[];
  onChange: (edit: (proposal: PlanProposal) => PlanProposal | string) => void;
}) {
  const styles = useStyles();
  const [drafts, setDrafts] = React.useState<Partial<Record<Fy, string>>>({});
  const [errors, setErrors] = React.useState<Partial<Record<Fy, string>>>({});
  const [baseline, setBaseline] = React.useState("");
  const [baselineError, setBaselineError] = React.useState<string | null>(null);
  const setTarget = () => {
    if (baseline.trim() === "") return;
    onChange((proposal) => {
      const result = editBaseline(proposal, target.id, baseline);
      setBaselineError(result.ok ? null : result.reason);
      return result.ok ? result.proposal : proposal;
    });
  };
  const guessedYears = new Set(target.guesses.filter((g) => g.field === "value" || g.field === "due").map((g) => g.fy));
  const commit = (fy: Fy) => {
    const text = drafts[fy];
    if (text === undefined) return;
    onChange((proposal) => {
      const result = editYear(proposal, target.id, fy, text);
      setErrors((current) => ({ ...current, [fy]: result.ok ? undefined : result.reason }));
      if (result.ok) setDrafts((current) => ({ ...current, [fy]: undefined }));
      return result.ok ? result.proposal : proposal;
    });
  };
  return (
    <li className={styles.target} aria-label={`${target.id} ${target.description}`}>
      <Input
        aria-label={`${target.id} target`}
        value={target.description}
        onChange={(_, data) => onChange((proposal) => editDescription(proposal, target.id, data.value))}
      />
      <div className={styles.meta}>
        <Caption1>
          {target.id}
          {target.qualifier ? ` · ${target.qualifier}` : ""}
        </Caption1>
        {CHOICES.map(({ field, label, options }) => {
          const guessed = target.guesses.some((g) => g.field === field);
          return (
            <Select
              key={field}
              size="small"
              aria-label={`${target.id} ${label.toLowerCase()}${guessed ? " (guessed: check)" : ""}`}
              className={guessed ? styles.guessed : undefined}
              value={target[field]}
              onChange={(_, data) =>
                onChange((proposal) =>
                  editChoice(proposal, target.id, field, data.value as ProposedTarget[typeof field]),
                )
              }
            >
              {options.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </Select>
          );
        })}
        {target.aim && (
          <Badge appearance="tint" color="informative">
            ◷ Target to be set: {target.aim.text} on a baseline
          </Badge>
        )}
        {target.guesses.length > 0 && (
          <Badge appearance="tint" color="warning">
            ⚠ {target.guesses.length} to check
          </Badge>
        )}
        <Button
          size="small"
          appearance="subtle"
          icon={<DeleteRegular />}
          aria-label={`Leave out ${target.id}`}
          onClick={() => onChange((proposal) => dropTarget(proposal, target.id))}
        />
      </div>
      {target.aim && (
        <label className={styles.year}>
          <Caption1>Baseline</Caption1>
          <Input
            size="small"
            aria-label={`${target.id} baseline`}
            value={baseline}
            onChange={(_, data) => setBaseline(data.value)}
            onBlur={setTarget}
          />
          {baselineError && <Caption1 className={styles.error}>{baselineError}</Caption1>}
        </label>
      )}
      <div className={styles.years}>
        {years.map((fy) => (
          <label key={fy} className={styles.year}>
            <Caption1>
              {fy}
              {guessedYears.has(fy) ? " ⚠" : ""}
            </Caption1>
            <Input
              size="small"
              aria-label={`${target.id} ${fy}${guessedYears.has(fy) ? " (guessed: check)" : ""}`}
              className={guessedYears.has(fy) ? styles.guessed : undefined}
              value={drafts[fy] ?? yearText(target, fy)}
              onChange={(_, data) => setDrafts((current) => ({ ...current, [fy]: data.value }))}
              onBlur={() => commit(fy)}
            />
            {errors[fy] && <Caption1 className={styles.error}>{errors[fy]}</Caption1>}
          </label>
        ))}
      </div>
      {target.guesses.length > 0 && (
        <ul className={styles.guesses} aria-label={`${target.id} guesses`}>
          {target.guesses.map((guess, i) => (
            <li key={i}>
              <Caption1>⚠ {guessText(guess)}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The proposed targets grouped by project, each guess highlighted and each year editable; then what was not read. */
export function PlanReview({
  proposal,
  onChange,
}: {
  proposal: PlanProposal;
  onChange: (proposal: PlanProposal) => void;
}) {
  const styles = useStyles();
  const latest = React.useRef(proposal);
  latest.current = proposal;
  const change = React.useCallback(
    (edit: (current: PlanProposal) => PlanProposal | string) => {
      const next = edit(latest.current);
      if (typeof next !== "string") onChange(next);
    },
    [onChange],
  );
  return (
    <>
      {proposal.totals
        .filter((total) => !total.agrees)
        .map((total) => (
          <Text key={`${total.source.line}`} className={styles.error}>
            ✖ {total.projectId} {total.fy}: the plan states a total of {total.stated}, but {total.targetIds.join(", ")}{" "}
            add up to {total.sum} (line {total.source.line}).
          </Text>
        ))}
      {proposal.projects.map((project) => {
        const targets = proposal.targets.filter((t) => t.projectId === project.id);
        return (
          <section key={project.id} className={styles.project} aria-label={`${project.id} ${project.name}`}>
            <h3 className={styles.projectHeading}>
              {project.id} {project.name} ({targets.length})
            </h3>
            <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: 8 }}>
              {targets.map((target) => (
                <TargetCard key={target.id} target={target} years={proposal.years} onChange={change} />
              ))}
            </ul>
          </section>
        );
      })}
      {proposal.risks.length > 0 && (
        <section className={styles.project} aria-label="Risks">
          <h3 className={styles.projectHeading}>Risks ({proposal.risks.length})</h3>
          <ul className={styles.unread}>
            {proposal.risks.map((risk) => (
              <li key={risk.id}>
                <Text>
                  {risk.id} {risk.description} — impact: {risk.impact || "not rated"}; probability:{" "}
                  {risk.probability.split("\n")[0] || "not rated"}
                </Text>
                {risk.guesses.map((guess, i) => (
                  <Caption1 key={i} block>
                    ⚠ {guessText(guess)}
                  </Caption1>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {proposal.unread.length > 0 && (
        <section className={styles.project} aria-label="Not read">
          <h3 className={styles.projectHeading}>Not read ({proposal.unread.length} lines)</h3>
          <ul className={styles.unread}>
            {proposal.unread.map((line) => (
              <li key={`${line.line}-${line.text}`}>
                <Caption1>
                  Line {line.line}: {line.reason}: “{line.text}”
                </Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
