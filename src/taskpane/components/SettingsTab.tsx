import * as React from "react";
import { Button, Field, Input, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import type { RollupMode, Settings } from "../../core/model";
import type { ConsortiumModel, SettingsValues } from "../state/useConsortium";
import { ButtonRow, Section } from "./Section";
import { StatusMessage } from "./StatusMessage";

type PercentField = "greenThreshold" | "amberThreshold" | "spendGreenTolerance" | "spendAmberTolerance";

const FIELDS: { key: PercentField; label: string; hint: string }[] = [
  { key: "greenThreshold", label: "Green threshold", hint: "A target at or above this share of expected is Green." },
  { key: "amberThreshold", label: "Amber threshold", hint: "At or above this it is Amber; below it, Red." },
  {
    key: "spendGreenTolerance",
    label: "Spend green tolerance",
    hint: "Spend within this of budget (either way) is Green.",
  },
  { key: "spendAmberTolerance", label: "Spend amber tolerance", hint: "Within this it is Amber; further off, Red." },
];

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  percent: { maxWidth: "10em" },
});

type Draft = Record<PercentField, string>;

/** Whole percentages for the inputs: 0.95 → "95" (rounded to 2 decimals to hide float noise). */
function draftOf(settings: Settings): Draft {
  const show = (value: number) => String(Math.round(value * 10000) / 100);
  return {
    greenThreshold: show(settings.greenThreshold),
    amberThreshold: show(settings.amberThreshold),
    spendGreenTolerance: show(settings.spendGreenTolerance),
    spendAmberTolerance: show(settings.spendAmberTolerance),
  };
}

/** Each field's problem in plain English, or nothing when the values can be saved. */
export function settingsErrors(draft: Draft): Partial<Record<PercentField, string>> {
  const errors: Partial<Record<PercentField, string>> = {};
  const value = (key: PercentField) => Number(draft[key].trim().replace(/%$/, ""));
  for (const { key } of FIELDS) {
    const text = draft[key].trim().replace(/%$/, "");
    if (text === "" || !Number.isFinite(Number(text)) || Number(text) < 0 || Number(text) > 100) {
      errors[key] = "Enter a percentage from 0 to 100.";
    }
  }
  if (!errors.greenThreshold && !errors.amberThreshold && value("amberThreshold") > value("greenThreshold")) {
    errors.amberThreshold = "The amber threshold cannot be above the green threshold.";
  }
  if (
    !errors.spendGreenTolerance &&
    !errors.spendAmberTolerance &&
    value("spendGreenTolerance") > value("spendAmberTolerance")
  ) {
    errors.spendAmberTolerance = "The spend amber tolerance cannot be below the spend green tolerance.";
  }
  return errors;
}

function SettingsForm({ settings, model }: { settings: Settings; model: ConsortiumModel }) {
  const styles = useStyles();
  const [draft, setDraft] = React.useState<Draft>(() => draftOf(settings));
  const [rollup, setRollup] = React.useState<RollupMode>(settings.projectRollup);
  const [tried, setTried] = React.useState(false);
  const errors = settingsErrors(draft);
  const valid = Object.keys(errors).length === 0;

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!valid) return;
    const fraction = (key: PercentField) => Number(draft[key].trim().replace(/%$/, "")) / 100;
    const values: SettingsValues = {
      greenThreshold: fraction("greenThreshold"),
      amberThreshold: fraction("amberThreshold"),
      spendGreenTolerance: fraction("spendGreenTolerance"),
      spendAmberTolerance: fraction("spendAmberTolerance"),
      projectRollup: rollup,
    };
    void model.saveSettings(values);
  };

  return (
    <form className={styles.form} onSubmit={save} noValidate>
      {FIELDS.map(({ key, label, hint }) => (
        <Field
          key={key}
          label={`${label} (%)`}
          hint={hint}
          validationState={tried && errors[key] ? "error" : "none"}
          validationMessage={tried ? errors[key] : undefined}
        >
          <Input
            className={styles.percent}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={1}
            value={draft[key]}
            contentAfter={<span aria-hidden="true">%</span>}
            onChange={(_, data) => setDraft((current) => ({ ...current, [key]: data.value }))}
          />
        </Field>
      ))}
      <Field label="Project RAG from its targets">
        <RadioGroup value={rollup} onChange={(_, data) => setRollup(data.value as RollupMode)}>
          <Radio value="Average" label="Average: the mean of its targets' scores" />
          <Radio value="Worst" label="Worst: the worst RAG among its targets" />
        </RadioGroup>
      </Field>
      <ButtonRow>
        <Button
          type="submit"
          appearance="primary"
          icon={<SaveRegular />}
          disabledFocusable={model.busy || !model.session}
        >
          Save settings
        </Button>
      </ButtonRow>
      <StatusMessage message={model.messages.settings} onDismiss={() => model.dismiss("settings")} />
    </form>
  );
}

/** The RAG thresholds and roll-up, read from the Settings sheet and written back to it. */
export function SettingsTab({ model }: { model: ConsortiumModel }) {
  const settings = model.settings;
  return (
    <Section
      id="settings"
      title="Settings"
      intro="Saved to the workbook's Settings sheet, where you can also change them."
    >
      {settings ? (
        // A new key after each read resets the form to what the sheet now holds.
        <SettingsForm key={JSON.stringify(settings)} settings={settings} model={model} />
      ) : (
        <p>Open or start a workbook first.</p>
      )}
    </Section>
  );
}
