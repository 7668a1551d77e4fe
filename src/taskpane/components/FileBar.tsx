import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import type { ConsortiumModel } from "../state/useConsortium";
import { ConfirmDialog } from "./ConfirmDialog";
import { StatusMessage } from "./StatusMessage";

const useStyles = makeStyles({
  bar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
});

const XLSX_TYPES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Standalone mode: open an .xlsx file to work on here, then download the result. */
export function FileBar({ model }: { model: ConsortiumModel }) {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = React.useState(false);

  const choose = () => input.current?.click();
  const onOpenClick = () => (model.unsaved ? setConfirming(true) : choose());

  return (
    <section className={styles.bar} aria-labelledby="file-heading">
      <h2 id="file-heading" className="ct-visually-hidden">
        Workbook file
      </h2>
      <Caption1>
        {model.label
          ? `Working on ${model.label}${model.unsaved ? " (changes not downloaded yet)" : ""}.`
          : "Open a workbook (.xlsx) to work on it in this page; nothing leaves your computer."}
      </Caption1>
      <div className={styles.buttons}>
        <Button icon={<FolderOpenRegular />} onClick={onOpenClick} disabledFocusable={model.busy}>
          Open workbook
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() => void model.download()}
          disabledFocusable={model.busy || !model.session}
        >
          Download workbook
        </Button>
      </div>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept={XLSX_TYPES}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ""; // choosing the same file again still fires change
          if (file) void model.openFile(file);
        }}
      />
      <StatusMessage message={model.messages.file} onDismiss={() => model.dismiss("file")} />
      <ConfirmDialog
        open={confirming}
        title="Open another workbook?"
        confirmLabel="Open another"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          choose();
        }}
      >
        The changes made to {model.label} in this page have not been downloaded. Opening another workbook drops them. To
        keep them, cancel and choose Download workbook first.
      </ConfirmDialog>
    </section>
  );
}
