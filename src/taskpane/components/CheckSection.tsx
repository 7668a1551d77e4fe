import { Button, Spinner, Text } from "@fluentui/react-components";
import { ClipboardTaskListLtrRegular } from "@fluentui/react-icons";
import type { ConsortiumModel } from "../state/useConsortium";
import { cellLabel } from "../state/wording";
import { ProblemList } from "./ProblemList";
import { ButtonRow, Section } from "./Section";
import { StatusMessage } from "./StatusMessage";

/** Reads every input sheet again and lists what could not be read or breaks a rule. */
export function CheckSection({ model }: { model: ConsortiumModel }) {
  const selected = model.selectedProblem;
  return (
    <Section id="check" title="Check data" intro="Reads every sheet and lists anything that could not be read.">
      <ButtonRow>
        <Button
          icon={<ClipboardTaskListLtrRegular />}
          onClick={() => void model.checkData()}
          disabledFocusable={model.busy || !model.session}
        >
          Check data
        </Button>
      </ButtonRow>
      <div role="status" aria-live="polite">
        {model.activity === "checking" && <Spinner size="tiny" label="Reading the workbook…" />}
      </div>
      <StatusMessage message={model.messages.check} onDismiss={() => model.dismiss("check")} />
      {model.checked && model.checked.length > 0 && (
        <ProblemList problems={model.checked} selected={selected} onSelect={(p) => void model.selectProblem(p)} />
      )}
      <div role="status" aria-live="polite">
        {selected && (
          <Text>
            {model.mode === "excel"
              ? `Selected ${cellLabel(selected)} in the workbook.`
              : `The cell is ${cellLabel(selected)}: fix it there in Excel, then open the workbook here again.`}
          </Text>
        )}
      </div>
    </Section>
  );
}
