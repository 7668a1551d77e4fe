import * as React from "react";
import { Button, Field, Input, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkRegular, DismissRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import { periodLabel } from "../../core/periods";
import type { ConsortiumModel } from "../state/useConsortium";
import type { ReturnsModel } from "../state/useReturns";
import { plural } from "../../core/words";
import { ReturnPreview } from "./ReturnPreview";
import { ButtonRow, Section } from "./Section";
import { StatusMessage } from "./StatusMessage";

const XLSX_TYPES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  hidden: { display: "none" },
  date: { maxWidth: "12em" },
  previews: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** Filled-in returns chosen as files, previewed against the workbook, then applied together on request. */
export function ReturnsImport({ model, returns }: { model: ConsortiumModel; returns: ReturnsModel }) {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const { period } = model;
  const preview = returns.preview;
  const ready = preview?.result.returns.filter((r) => r.outcome === "ready").length ?? 0;
  return (
    <Section
      id="import-returns"
      title="Import returns"
      intro={`Choose the filled-in returns for ${period ? periodLabel(period) : "the chosen period"} (.xlsx, several at once if you like). Each is checked against this workbook and shown below; nothing changes until you choose Apply returns, and a return with errors is never applied.`}
    >
      <Field
        label="Date received"
        hint="Leave blank for today. The returns tracker counts a return received after its due date as late."
      >
        <Input
          className={styles.date}
          type="date"
          value={returns.receivedOn}
          onChange={(_, data) => returns.setReceivedOn(data.value)}
        />
      </Field>
      <ButtonRow>
        <Button
          icon={<DocumentArrowUpRegular />}
          onClick={() => input.current?.click()}
          disabledFocusable={model.busy || !model.session || !period}
        >
          Choose return files
        </Button>
      </ButtonRow>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple
        accept={XLSX_TYPES}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = ""; // choosing the same files again still fires change
          void returns.previewReturns(files);
        }}
      />
      <div role="status" aria-live="polite">
        {model.activity === "readingReturns" && <Spinner size="tiny" label="Reading the returns…" />}
        {model.activity === "applyingReturns" && <Spinner size="tiny" label="Applying the returns…" />}
      </div>
      <StatusMessage message={model.messages.importReturns} onDismiss={() => model.dismiss("importReturns")} />
      {preview && (
        <>
          <div className={styles.previews}>
            {preview.result.returns.map((incoming, index) => (
              <ReturnPreview key={index} incoming={incoming} index={index} />
            ))}
          </div>
          <ButtonRow>
            <Button
              appearance="primary"
              icon={<CheckmarkRegular />}
              onClick={() => void returns.applyReturns()}
              disabledFocusable={model.busy || ready === 0}
            >
              Apply returns
            </Button>
            <Button icon={<DismissRegular />} onClick={returns.discardPreview} disabledFocusable={model.busy}>
              Discard preview
            </Button>
          </ButtonRow>
          <p>
            {ready > 0
              ? `Apply returns writes ${plural(ready, "return")} into Actuals and Spend in one go, and records ${ready === 1 ? "it" : "each"} in the Import log.`
              : "No return here can be applied."}
          </p>
        </>
      )}
    </Section>
  );
}
