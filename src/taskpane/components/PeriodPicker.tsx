import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { monthAbbreviation, quarterDates, QUARTERS, type Fy, type Period, type Quarter } from "../../core/periods";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  year: { minWidth: "9em" },
  quarter: { minWidth: "6em" },
});

/** "Jul-Sep" for Q2 of a year starting in April. */
function quarterMonths(period: Period, yearStartMonth: number): string {
  const { start, end } = quarterDates(period, yearStartMonth);
  return `${monthAbbreviation(start.month)}-${monthAbbreviation(end.month)}`;
}

export interface PeriodPickerProps {
  years: Fy[];
  period: Period | null;
  yearStartMonth: number;
  onChange: (period: Period) => void;
  disabled?: boolean;
}

/** The reporting period: a financial year of the plan and a quarter. */
export function PeriodPicker({ years, period, yearStartMonth, onChange, disabled }: PeriodPickerProps) {
  const styles = useStyles();
  if (!period || years.length === 0) return null;
  return (
    <fieldset className="ct-fieldset" aria-describedby="period-hint">
      <legend className="ct-visually-hidden">Reporting period</legend>
      <div className={styles.row}>
        <Field label="Financial year" className={styles.year}>
          <Select
            value={period.fy}
            disabled={disabled}
            onChange={(_, data) => onChange({ fy: data.value, quarter: period.quarter })}
          >
            {years.map((fy) => (
              <option key={fy} value={fy}>
                {fy}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Quarter" className={styles.quarter}>
          <Select
            value={String(period.quarter)}
            disabled={disabled}
            onChange={(_, data) => onChange({ fy: period.fy, quarter: Number(data.value) as Quarter })}
          >
            {QUARTERS.map((q) => (
              <option key={q} value={q}>
                Q{q} ({quarterMonths({ fy: period.fy, quarter: q }, yearStartMonth)})
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <span id="period-hint" className="ct-visually-hidden">
        The overview, the check, the summary sheets and the returns use this period.
      </span>
    </fieldset>
  );
}
