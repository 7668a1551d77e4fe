import * as React from "react";
import { Button, Caption1, Field, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentAddRegular, TableAddRegular } from "@fluentui/react-icons";
import { QUARTERS, formatCalendarDate, periodLabel, type Period } from "../../core/periods";
import { quarterMonths, returnDueOn } from "../../core/returns/returnSheets";
import type { ConsortiumModel } from "../state/useConsortium";
import type { ReturnsModel } from "../state/useReturns";
import { plural } from "../../core/words";
import { ConfirmDialog } from "./ConfirmDialog";
import { ButtonRow, Section } from "./Section";
import { StatusMessage } from "./StatusMessage";

const useStyles = makeStyles({
  files: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  file: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  fileButton: { textAlign: "left", fontWeight: tokens.fontWeightRegular },
  detail: { color: tokens.colorNeutralForeground2, paddingInlineStart: tokens.spacingHorizontalXXL },
  quarter: { maxWidth: "16em" },
});

/** Every quarter of the plan's years, as the period choice offers them. */
function planQuarters(years: readonly string[]): Period[] {
  return years.flatMap((fy) => QUARTERS.map((quarter) => ({ fy, quarter })));
}

/** One workbook per partner for the chosen period, offered as downloads (or written as sheets in Excel). */
export function ReturnsCreate({ model, returns }: { model: ConsortiumModel; returns: ReturnsModel }) {
  const styles = useStyles();
  const { settings } = model;
  const period = returns.sendPeriod;
  const made = returns.made;
  const inExcel = model.mode === "excel";
  const ready = Boolean(model.session && period);
  // Sending returns for a quarter already (partly) in asks partners again: say so and ask first.
  const [confirming, setConfirming] = React.useState<null | (() => Promise<void>)>(null);
  const send = (action: () => Promise<void>) => {
    if (returns.alreadyIn.length > 0) setConfirming(() => action);
    else void action();
  };
  const intro =
    period && settings
      ? `One workbook per partner with targets or budget lines of its own in ${period.fy}, asking for its ${periodLabel(period)} ` +
        `figures (${quarterMonths(period, settings.yearStartMonth)}), due back by ` +
        `${formatCalendarDate(returnDueOn(period, settings))}.` +
        (inExcel
          ? " If Excel does not let a file download (Excel on the desktop may not), write the returns as sheets instead."
          : "")
      : "Open or start a workbook first.";
  const label = period ? periodLabel(period) : "";
  const years = model.planYears;
  return (
    <Section id="make-returns" title="Create returns" intro={intro}>
      {returns.due && (
        <Caption1 id="returns-due">
          Returns due next: {periodLabel(returns.due.period)}. {returns.due.reason}
        </Caption1>
      )}
      {period && years.length > 0 && (
        <Field label="Ask partners for" className={styles.quarter}>
          <Select
            value={label}
            aria-describedby="returns-due"
            disabled={model.busy}
            onChange={(_, data) =>
              returns.setSendPeriod(planQuarters(years).find((p) => periodLabel(p) === data.value) ?? null)
            }
          >
            {planQuarters(years).map((p) => (
              <option key={periodLabel(p)} value={periodLabel(p)}>
                {periodLabel(p)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <ButtonRow>
        <Button
          appearance="primary"
          icon={<DocumentAddRegular />}
          onClick={() => send(returns.makeReturns)}
          disabledFocusable={model.busy || !ready}
        >
          Create partner returns
        </Button>
        {inExcel && (
          <Button
            icon={<TableAddRegular />}
            onClick={() => send(returns.writeReturnSheets)}
            disabledFocusable={model.busy || !ready}
          >
            Write returns as sheets
          </Button>
        )}
      </ButtonRow>
      <ConfirmDialog
        open={confirming !== null}
        title={`Figures for ${label} are already in`}
        confirmLabel={`Create returns for ${label}`}
        onConfirm={() => {
          const action = confirming;
          setConfirming(null);
          if (action) void action();
        }}
        onCancel={() => setConfirming(null)}
      >
        The workbook already has {label} figures from {returns.alreadyIn.join(", ")}. Returns for {label} ask every
        partner again; importing one shows each figure it would replace, for you to approve before anything changes.
      </ConfirmDialog>
      <div role="status" aria-live="polite">
        {model.activity === "makingReturns" && <Spinner size="tiny" label="Making the returns…" />}
      </div>
      <StatusMessage message={model.messages.makeReturns} onDismiss={() => model.dismiss("makeReturns")} />
      {made && made.files.length > 0 && (
        <>
          <ul className={styles.files} aria-label={`Returns for ${periodLabel(made.period)}`}>
            {made.files.map((file) => (
              <li key={file.fileName} className={styles.file}>
                <Button
                  appearance="subtle"
                  className={styles.fileButton}
                  icon={<ArrowDownloadRegular />}
                  onClick={() => returns.download(file)}
                >
                  <span className="ct-visually-hidden">Download </span>
                  {file.fileName}
                </Button>
                <Caption1 className={styles.detail}>
                  {file.partner}: {plural(file.targets, "target")}, {plural(file.lines, "budget line")}
                </Caption1>
              </li>
            ))}
          </ul>
          {made.files.length > 1 && (
            <ButtonRow>
              <Button icon={<ArrowDownloadRegular />} onClick={returns.downloadAll}>
                Download all returns
              </Button>
            </ButtonRow>
          )}
        </>
      )}
    </Section>
  );
}
