import { Button, ProgressBar, Field } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { periodLabel } from "../../core/periods";
import type { ConsortiumModel } from "../state/useConsortium";
import { ButtonRow, Section } from "./Section";
import { StatusMessage } from "./StatusMessage";

/** Writes the claim, RAG, year-on-year and risk register sheets for the chosen period. */
export function SummarySection({ model }: { model: ConsortiumModel }) {
  const period = model.period ? periodLabel(model.period) : "the chosen period";
  return (
    <Section
      id="summary"
      title="Summary sheets"
      intro={`Writes the claim, RAG, year on year and risk register sheets for ${period}. A sheet edited since the add-in wrote it, or a submitted claim, is kept and the new one is added beside it.`}
    >
      <ButtonRow>
        <Button
          appearance="primary"
          icon={<ArrowSyncRegular />}
          onClick={() => void model.updateSummary()}
          disabledFocusable={model.busy || !model.session || !model.period}
        >
          Update summary sheets
        </Button>
      </ButtonRow>
      <div role="status" aria-live="polite">
        {model.activity === "pushing" && (
          <Field validationMessage="Updating summary sheets…" validationState="none">
            <ProgressBar aria-label="Updating summary sheets" />
          </Field>
        )}
      </div>
      <StatusMessage message={model.messages.push} onDismiss={() => model.dismiss("push")} />
    </Section>
  );
}
