// The standard input sheets as sheet specs, laid out from the schemas of templates.ts (never a second list of
// headers): blank templates with drop-downs and formats, the same layout with data rows (the example workbook,
// partner returns), and an Instructions sheet written from each sheet's purpose and each column's help.
import { normaliseName } from "../grid";
import type { Fy } from "../periods";
import { wholePercent } from "../words";
import {
  PERCENT_SETTINGS,
  ROLLUP_MODES,
  SETTINGS_KEYS,
  UNSET_MEANING,
  TEMPLATES,
  TEMPLATE_VERSION,
  type ColumnKind,
  type ColumnSpec,
  type SettingsField,
  type SheetTemplate,
} from "../templates";
import { SheetBuilder, STYLES, landscapePrint, range, type CellEntry } from "./sheetBuilder";
import { NUMBER_FORMATS, type CellStyle, type DataValidation, type SheetSpec, type SummaryKind } from "./spec";

export const TEMPLATE_KIND = "template" satisfies SummaryKind;
export const INSTRUCTIONS_KIND = "instructions" satisfies SummaryKind;
export const INSTRUCTIONS_SHEET = "Instructions";
/** Year columns of a blank Targets sheet when none are asked for: the three years of the example plan. */
export const DEFAULT_TEMPLATE_YEARS: readonly Fy[] = ["2008-09", "2009-10", "2010-11"];
/** Empty rows below the data that get the drop-downs and formats, ready to fill in. */
export const INPUT_ROWS = 500;
const YEAR_COLUMN_WIDTH = 10;
/** Excel's default format: a number setting typed into the Value column (text by default) stays a number. */
const GENERAL = "General";

const YEAR_COLUMN_HELP =
  "One column per financial year, headed by its label (e.g. 2009-10): that year's target; for a Milestone the " +
  "quarter it is due (e.g. Q3); To be set for a target set on a baseline (see Baseline and Aim); blank means no " +
  "target that year.";

/** The header row of a template: its columns, then (Targets) one column per year. */
export function templateHeaders(template: SheetTemplate, years: readonly Fy[] = DEFAULT_TEMPLATE_YEARS): string[] {
  return [
    ...template.columns.map((c) => c.header),
    ...(template.hasYearColumns ? years : []),
    ...(template.trailingColumns ?? []).map((c) => c.header),
  ];
}

/** The blank templates, Instructions first, then every sheet of TEMPLATES in order. */
export function templateSheets(options: { years?: Fy[] } = {}): SheetSpec[] {
  const years = options.years && options.years.length > 0 ? options.years : DEFAULT_TEMPLATE_YEARS;
  return [
    instructionsSheet(years),
    ...TEMPLATES.map((template) =>
      template.name === "Settings"
        ? inputSheetSpec(template, settingsRows(), years)
        : inputSheetSpec(template, [], years),
    ),
  ];
}

/** Settings' Key | Value rows: every key with its default (blank where the consortium must fill it in). */
export function settingsRows(values: Partial<Record<SettingsField, string | number>> = {}): CellEntry[][] {
  return (Object.keys(SETTINGS_KEYS) as SettingsField[]).map((field) => {
    const { key, defaultValue } = SETTINGS_KEYS[field];
    return [key, values[field] ?? defaultValue];
  });
}

/** Format of a column's input cells; text formats keep "2009-10" or "1.10" exactly as typed. */
function columnStyle(kind: ColumnKind): CellStyle | undefined {
  switch (kind) {
    case "money":
      return { numberFormat: NUMBER_FORMATS.money };
    case "date":
      return { numberFormat: NUMBER_FORMATS.date };
    case "fy":
    case "id":
    case "text":
    case "list":
      return { numberFormat: NUMBER_FORMATS.text };
    default:
      return undefined;
  }
}

/** A drop-down or number check for a column's input cells, if it has one. */
function columnValidation(column: ColumnSpec): Omit<DataValidation, "range"> | undefined {
  if (column.options && column.kind === "rating") {
    return {
      list: column.options,
      allowOther: true,
      errorMessage: `${column.header}: a 1-5 number or ${column.options.join(", ")} is easiest to read.`,
      prompt: column.help,
    };
  }
  if (column.options) {
    return {
      list: column.options,
      errorMessage: `${column.header} must be one of: ${column.options.join(", ")}.`,
      prompt: column.help,
    };
  }
  if (column.kind === "money") {
    return {
      decimal: { min: 0 },
      errorMessage: `${column.header}: enter an amount in pounds, e.g. 1250.`,
      prompt: column.help,
    };
  }
  if (column.kind === "number") {
    return {
      decimal: { min: 0 },
      errorMessage: `${column.header}: enter a number or a percentage.`,
      prompt: column.help,
    };
  }
  return undefined;
}

/**
 * A template sheet laid out with data rows below its header (none for a blank template): header bold on a fill
 * with a bottom border, widths from the schema, drop-downs and number checks, formats on the input cells, and
 * the header row frozen. Strings in `rows` are written as text, never as formulas.
 */
export function inputSheetSpec(
  template: SheetTemplate,
  rows: readonly (readonly CellEntry[])[],
  years: readonly Fy[] = DEFAULT_TEMPLATE_YEARS,
): SheetSpec {
  const yearColumns = template.hasYearColumns ? years : [];
  const trailing = template.trailingColumns ?? [];
  // A row's cells: the columns, the years, then the trailing columns; undefined for a year cell.
  const layout: (ColumnSpec | undefined)[] = [...template.columns, ...yearColumns.map(() => undefined), ...trailing];
  const b = new SheetBuilder([
    ...template.columns.map((c) => c.width),
    ...yearColumns.map(() => YEAR_COLUMN_WIDTH),
    ...trailing.map((c) => c.width),
  ]);
  const headerRow = b.nextRow;
  layout.forEach((column, i) => {
    if (column) {
      b.put(
        headerRow,
        i + 1,
        { value: column.header, note: `${column.required ? "Required. " : ""}${column.help}` },
        STYLES.header,
      );
    }
  });
  yearColumns.forEach((fy, i) =>
    b.put(
      headerRow,
      template.columns.length + i + 1,
      { value: fy, note: `Target for ${fy}; for a Milestone the due quarter (e.g. Q3).` },
      STYLES.header,
    ),
  );
  b.nextRow++;

  const lastInputRow = headerRow + Math.max(INPUT_ROWS, rows.length + 200);
  layout.forEach((column, i) => {
    if (!column) return;
    const style = columnStyle(column.kind);
    const inputCells = range(headerRow + 1, i + 1, lastInputRow, i + 1);
    if (style) b.addRangeStyle({ range: inputCells, style });
    const validation = columnValidation(column);
    if (validation) b.addValidation({ range: inputCells, ...validation });
  });

  for (const row of rows) {
    const at = b.nextRow;
    row.forEach((entry, i) => {
      const column = layout[i];
      b.put(at, i + 1, entry, column ? columnStyle(column.kind) : undefined);
    });
    b.nextRow++;
  }
  if (template.name === "Settings") styleSettingsValues(b, rows, headerRow);

  return b.build({
    name: template.name,
    kind: TEMPLATE_KIND,
    freeze: { rows: headerRow, columns: 0 },
    print: landscapePrint({ first: headerRow, last: headerRow }, template.name),
  });
}

const SETTING_BY_KEY = new Map(
  (Object.keys(SETTINGS_KEYS) as SettingsField[]).map((field) => [normaliseName(SETTINGS_KEYS[field].key), field]),
);

/** Each Settings value cell gets the check and format of its key: 95% as a percentage, a month 1-12, ... */
function styleSettingsValues(b: SheetBuilder, rows: readonly (readonly CellEntry[])[], headerRow: number): void {
  rows.forEach((row, i) => {
    const key = row[0];
    const keyText =
      typeof key === "string" ? key : key !== null && typeof key === "object" && "value" in key ? key.value : null;
    const field = typeof keyText === "string" ? SETTING_BY_KEY.get(normaliseName(keyText)) : undefined;
    if (!field) return;
    const at = headerRow + 1 + i;
    const spec = SETTINGS_KEYS[field];
    const required = field === "consortium" || field === "accountableBody";
    b.put(at, 1, {
      value: keyText,
      style: { ...STYLES.label, numberFormat: NUMBER_FORMATS.text },
      note: `${required ? "Required. " : ""}${spec.help}`,
    });
    const value = row[1] ?? null;
    const target = range(at, 2);
    if (PERCENT_SETTINGS.includes(field)) {
      b.put(at, 2, value, { numberFormat: NUMBER_FORMATS.ratio });
      b.addValidation({
        range: target,
        decimal: { min: 0, max: 1 },
        errorMessage: `${spec.key}: a percentage from 0% to 100%.`,
        prompt: spec.help,
      });
    } else if (field === "projectRollup") {
      b.put(at, 2, value, { numberFormat: NUMBER_FORMATS.text });
      b.addValidation({
        range: target,
        list: ROLLUP_MODES,
        errorMessage: `${spec.key} must be Average or Worst.`,
        prompt: spec.help,
      });
    } else if (field === "yearStartMonth") {
      b.put(at, 2, value, { numberFormat: GENERAL });
      b.addValidation({
        range: target,
        whole: { min: 1, max: 12 },
        errorMessage: `${spec.key}: a month number, 1 to 12 (4 = April).`,
        prompt: spec.help,
      });
    } else if (spec.kind === "number") {
      b.put(at, 2, value, { numberFormat: GENERAL });
      b.addValidation({
        range: target,
        whole: { min: field === "templateVersion" ? 1 : 0 },
        errorMessage: `${spec.key}: a whole number.`,
        prompt: spec.help,
      });
    } else {
      b.put(at, 2, value, { numberFormat: NUMBER_FORMATS.text });
    }
  });
}

/** Settings defaults as the Instructions sheet shows them: "95%", "Average", "(required)". */
function defaultText(field: SettingsField): string {
  const { defaultValue } = SETTINGS_KEYS[field];
  if (defaultValue === null) return UNSET_MEANING[field] ?? "(required)";
  if (typeof defaultValue === "number" && PERCENT_SETTINGS.includes(field)) return wholePercent(defaultValue);
  return String(defaultValue);
}

/** The Instructions sheet: each sheet's purpose and every column's help, in plain English, from the schemas. */
export function instructionsSheet(years: readonly Fy[] = DEFAULT_TEMPLATE_YEARS): SheetSpec {
  const b = new SheetBuilder([26, 12, 80, 44]);
  const wrap = STYLES.wrap;
  b.addRow([{ value: "How to fill in this workbook", style: STYLES.title }]);
  b.addRow([
    {
      value:
        "Consortium Tracker reads the sheets below. Keep each header row as it is and add one row per item beneath it; " +
        "columns may be in any order and extra columns are ignored.",
      style: STYLES.muted,
    },
  ]);
  b.addRow([{ value: `Standard templates, version ${TEMPLATE_VERSION}.`, style: STYLES.muted }]);
  b.skipRows();

  for (const template of TEMPLATES) {
    b.addRow([
      { value: template.name, style: STYLES.subtitle },
      { value: template.required ? "Required" : "Optional", style: STYLES.label },
      { value: template.purpose, style: wrap },
    ]);
    b.addRow(["Column", "Required", "What to enter", "Allowed values"], STYLES.header);
    for (const column of template.columns) {
      const allowed = column.options
        ? `${column.options.join(", ")}${column.defaultValue ? ` (default ${column.defaultValue})` : ""}`
        : null;
      b.addRow([
        { value: column.header, style: STYLES.label },
        column.required ? "Yes" : null,
        { value: column.help, style: wrap },
        allowed === null ? null : { value: allowed, style: wrap },
      ]);
    }
    if (template.hasYearColumns) {
      b.addRow([
        { value: years.join(", "), style: { ...STYLES.label, wrapText: true } },
        null,
        { value: YEAR_COLUMN_HELP, style: wrap },
        { value: "A number; Q1 to Q4 for a Milestone; To be set", style: wrap },
      ]);
    }
    for (const column of template.trailingColumns ?? []) {
      b.addRow([{ value: column.header, style: STYLES.label }, null, { value: column.help, style: wrap }, null]);
    }
    if (template.name === "Settings") {
      b.skipRows();
      b.addRow(["Setting (Key)", "Default", "Meaning"], STYLES.header);
      for (const field of Object.keys(SETTINGS_KEYS) as SettingsField[]) {
        b.addRow([
          { value: SETTINGS_KEYS[field].key, style: STYLES.label },
          defaultText(field),
          { value: SETTINGS_KEYS[field].help, style: wrap },
        ]);
      }
    }
    b.skipRows();
  }

  return b.build({
    name: INSTRUCTIONS_SHEET,
    kind: INSTRUCTIONS_KIND,
    print: landscapePrint(undefined, INSTRUCTIONS_SHEET),
  });
}
