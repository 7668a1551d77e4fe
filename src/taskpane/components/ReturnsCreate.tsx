import { Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentAddRegular, TableAddRegular } from "@fluentui/react-icons";
import { formatCalendarDate, periodLabel } from "../../core/periods";
import { quarterMonths, returnDueOn } from "../../core/returns/returnSheets";
import type { ConsortiumModel } from "../state/useConsortium";
import type { ReturnsModel } from "../state/useReturns";
import { plural } from "../state/wording";
import { ButtonRow, Section } from "./Section";
import { StatusMessage } from "./StatusMessage";

const useStyles = makeStyles({
  files: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  file: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  fileButton: { textAlign: "left", fontWeight: tokens.fontWeightRegular },
  detail: { color: tokens.colorNeutralForeground2, paddingInlineStart: tokens.spacingHorizontalXXL },
});

/** One workbook per partner for the chosen period, offered as downloads (or written as sheets in Excel). */
export function ReturnsCreate({ model, returns }: { model: ConsortiumModel; returns: ReturnsModel }) {
  const styles = useStyles();
  const { period, consortium } = model;
  const made = returns.made;
  const inExcel = model.mode === "excel";
  const ready = Boolean(model.port && period);
  const intro =
    period && consortium
      ? `One workbook per partner with targets or budget lines in ${period.fy}, asking for its ${periodLabel(period)} ` +
        `figures (${quarterMonths(period, consortium.settings.yearStartMonth)}), due back by ` +
        `${formatCalendarDate(returnDueOn(period, consortium.settings))}.` +
        (inExcel
          ? " If Excel does not let a file download (Excel on the desktop may not), write the returns as sheets instead."
          : "")
      : "Open or start a workbook first.";
  return (
    <Section id="make-returns" title="Create returns" intro={intro}>
      <ButtonRow>
        <Button
          appearance="primary"
          icon={<DocumentAddRegular />}
          onClick={() => void returns.makeReturns()}
          disabledFocusable={model.busy || !ready}
        >
          Create partner returns
        </Button>
        {inExcel && (
          <Button
            icon={<TableAddRegular />}
            onClick={() => void returns.writeReturnSheets()}
            disabledFocusable={model.busy || !ready}
          >
            Write returns as sheets
          </Button>
        )}
      </ButtonRow>
      {model.activity === "makingReturns" && <Spinner size="tiny" label="Making the returns…" />}
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
