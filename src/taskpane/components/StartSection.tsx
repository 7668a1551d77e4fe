import * as React from "react";
import { Button, Spinner } from "@fluentui/react-components";
import { BeakerRegular, TableAddRegular } from "@fluentui/react-icons";
import type { ConsortiumModel } from "../state/useConsortium";
import { ConfirmDialog } from "./ConfirmDialog";
import { ButtonRow, Section } from "./Section";
import { StatusMessage } from "./StatusMessage";

/** Insert the blank standard templates, or load the worked example. */
export function StartSection({ model }: { model: ConsortiumModel }) {
  const [confirming, setConfirming] = React.useState(false);
  const standalone = model.mode === "standalone";
  const onExample = () => (standalone && model.unsaved ? setConfirming(true) : void model.loadExample());
  return (
    <Section
      id="start"
      title="Start"
      intro={
        standalone
          ? "Add the standard sheets to fill in, or open the example consortium to try things out."
          : "Add the standard sheets to fill in, or add the example consortium's sheets to try things out. Sheets already in the workbook are never changed."
      }
    >
      <ButtonRow>
        <Button icon={<TableAddRegular />} onClick={() => void model.insertTemplates()} disabledFocusable={model.busy}>
          Insert standard templates
        </Button>
        <Button icon={<BeakerRegular />} onClick={onExample} disabledFocusable={model.busy}>
          Load example
        </Button>
      </ButtonRow>
      <div role="status" aria-live="polite">
        {model.activity === "inserting" && <Spinner size="tiny" label="Adding sheets…" />}
      </div>
      <StatusMessage message={model.messages.start} onDismiss={() => model.dismiss("start")} />
      <ConfirmDialog
        open={confirming}
        title="Open the example instead?"
        confirmLabel="Open the example"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void model.loadExample();
        }}
      >
        The changes made to {model.label} in this page have not been downloaded. Opening the example drops them. To keep
        them, cancel and choose Download workbook first.
      </ConfirmDialog>
    </Section>
  );
}
