// The Settings sheet (Key | Value): each key's value, or its default from the templates when blank.
import type { CellValue, SheetGrid } from "../grid";
import { cellSet, normaliseName } from "../grid";
import type { RollupMode, Settings } from "../model";
import { penceFromPounds } from "../money";
import type { Fy } from "../periods";
import type { SettingsField } from "../templates";
import { PERCENT_SETTINGS, ROLLUP_MODES, SETTINGS_KEYS, SETTINGS_TEMPLATE, TEMPLATE_VERSION } from "../templates";
import { percentText } from "../words";
import type { Read } from "./cellValues";
import {
  cellText,
  fail,
  isBlank,
  looksLikePercentage,
  ok,
  readEnum,
  readNumber,
  readWholeNumber,
  showValue,
} from "./cellValues";
import { readFy, readMonth } from "./fyAndQuarter";
import { findHeaderRow, gridOrigin, gridValue } from "./headerRow";
import type { ProblemList, SheetName } from "./problems";

/** Settings as read; the plan start is settled later, once the Targets year columns are known. */
export interface SettingsRead {
  settings: Omit<Settings, "planStart">;
  planStart: Fy | null;
  /** Where each setting's value was written (1-based sheet row and column), for problems about it. */
  cells: Partial<Record<SettingsField, { row: number; column: number }>>;
}

interface KeyRow {
  field: SettingsField;
  value: CellValue;
  row: number;
  column: number;
  /** The value cell is formatted as a percentage: its number is the fraction Excel stores. */
  percentFormatted: boolean;
}

const FIELD_BY_KEY = new Map<string, SettingsField>(
  (Object.keys(SETTINGS_KEYS) as SettingsField[]).map((field) => [normaliseName(SETTINGS_KEYS[field].key), field]),
);

const DEFAULTS: Omit<Settings, "planStart" | "consortium" | "accountableBody"> = {
  funder: SETTINGS_KEYS.funder.defaultValue,
  yearStartMonth: SETTINGS_KEYS.yearStartMonth.defaultValue,
  greenThreshold: SETTINGS_KEYS.greenThreshold.defaultValue,
  amberThreshold: SETTINGS_KEYS.amberThreshold.defaultValue,
  spendGreenTolerance: SETTINGS_KEYS.spendGreenTolerance.defaultValue,
  spendAmberTolerance: SETTINGS_KEYS.spendAmberTolerance.defaultValue,
  projectRollup: SETTINGS_KEYS.projectRollup.defaultValue,
  grantRate: SETTINGS_KEYS.grantRate.defaultValue,
  totalAward: SETTINGS_KEYS.totalAward.defaultValue,
  returnsDueDays: SETTINGS_KEYS.returnsDueDays.defaultValue,
  templateVersion: SETTINGS_KEYS.templateVersion.defaultValue,
};

/** Where a Settings sheet keeps its keys and values, as indexes into the grid's rows and columns. */
export interface SettingsLayout {
  /** The Key | Value header row, or null when there is none (then every row is a key/value pair). */
  header: number | null;
  keyIndex: number;
  valueIndex: number;
}

/**
 * Under a Key | Value header when there is one (wherever the header puts them), else the first two columns. The
 * one place that decides it: reading the settings and writing them from the pane both ask here.
 */
export function settingsLayout(grid: SheetGrid): SettingsLayout {
  const header = findHeaderRow(grid, SETTINGS_TEMPLATE);
  let keyIndex = 0;
  let valueIndex = 1;
  if (header !== null) {
    const row = Array.isArray(grid.rows[header]) ? grid.rows[header] : [];
    const find = (name: string) => row.findIndex((v) => normaliseName(cellText(v)) === normaliseName(name));
    keyIndex = find("Key");
    valueIndex = find("Value");
    if (keyIndex < 0) keyIndex = valueIndex > 0 ? valueIndex - 1 : 0;
    if (valueIndex < 0) valueIndex = keyIndex + 1;
  }
  return { header, keyIndex, valueIndex };
}

/** The setting a key names ("Green threshold" → greenThreshold), or undefined when it names none. */
export function settingOfKey(key: CellValue): SettingsField | undefined {
  return isBlank(key) ? undefined : FIELD_BY_KEY.get(normaliseName(cellText(key)));
}

/** The key/value rows: under a Key | Value header when there is one, else the first two columns of each row. */
function keyRows(grid: SheetGrid, sheet: SheetName, problems: ProblemList): KeyRow[] {
  const { firstRow, firstColumn } = gridOrigin(grid);
  const { header, keyIndex, valueIndex } = settingsLayout(grid);
  const found: KeyRow[] = [];
  const isPercent = cellSet(grid.percentCells);
  const rowCount = Array.isArray(grid.rows) ? grid.rows.length : 0;
  for (let r = header === null ? 0 : header + 1; r < rowCount; r++) {
    const key = gridValue(grid, r, keyIndex);
    const value = gridValue(grid, r, valueIndex);
    if (isBlank(key)) continue;
    const field = settingOfKey(key);
    if (!field) {
      if (header !== null) {
        problems.warning(
          sheet,
          firstRow + r,
          firstColumn + keyIndex,
          `${showValue(key)} is not a setting, so it is ignored`,
        );
      }
      continue;
    }
    const earlier = found.find((k) => k.field === field);
    if (earlier) {
      problems.warning(
        sheet,
        firstRow + r,
        firstColumn + keyIndex,
        `"${SETTINGS_KEYS[field].key}" is set twice: the value in row ${earlier.row} is used`,
      );
      continue;
    }
    const column = firstColumn + valueIndex;
    found.push({ field, value, row: firstRow + r, column, percentFormatted: isPercent(firstRow + r, column) });
  }
  return found;
}

/**
 * A percentage setting: "95%", or a number in a cell formatted as a percentage (the fraction Excel stores, so a
 * cell showing 105% is 1.05), or a plain fraction up to 1 (0.95). A plain number above 1 could be either a
 * percentage or a fraction (5: 5% or 500%?), so it is refused rather than guessed.
 */
function readFraction(value: CellValue, max: number, percentFormatted: boolean): Read<number> {
  const read = readNumber(value);
  if (!read.ok) return read;
  if (!looksLikePercentage(value, percentFormatted) && read.value > 1) {
    return fail(
      `${showValue(value)} could mean ${read.value}% or ${percentText(read.value, 4)}: write it with a % sign`,
    );
  }
  if (read.value < 0 || read.value > max) {
    const shown = typeof value === "number" ? percentText(read.value, 4) : showValue(value);
    return fail(`${shown} is not a percentage from 0% to ${percentText(max, 4)}`);
  }
  return read;
}

function readField(field: SettingsField, value: CellValue, percentFormatted: boolean): Read<string | number> {
  if (PERCENT_SETTINGS.includes(field)) return readFraction(value, field === "grantRate" ? 1 : 10, percentFormatted);
  switch (field) {
    case "consortium":
    case "accountableBody":
    case "funder":
      return ok(cellText(value));
    case "planStart":
      return readFy(value);
    case "yearStartMonth":
      return readMonth(value);
    case "projectRollup":
      return readEnum(value, ROLLUP_MODES);
    case "returnsDueDays":
      return readWholeNumber(value, 0, 366);
    case "totalAward":
      return readAward(value);
    default:
      return readNumber(value);
  }
}

/** The Total award in pounds, held as whole pence. */
function readAward(value: CellValue): Read<number> {
  const read = readNumber(value);
  if (!read.ok) return read;
  if (read.value < 0) return fail(`${showValue(value)} is negative: an award is £0 or more`);
  return ok(penceFromPounds(read.value));
}

function defaultText(field: SettingsField): string {
  const value = SETTINGS_KEYS[field].defaultValue;
  if (typeof value === "number" && PERCENT_SETTINGS.includes(field)) return percentText(value, 4);
  return String(value);
}

export function readSettings(grid: SheetGrid | undefined, sheet: SheetName, problems: ProblemList): SettingsRead {
  const settings: Omit<Settings, "planStart"> = { consortium: "", accountableBody: "", ...DEFAULTS };
  const result: SettingsRead = { settings, planStart: null, cells: {} };
  const rows = grid ? keyRows(grid, sheet, problems) : [];
  for (const { field, value, row, column, percentFormatted } of rows) {
    result.cells[field] = { row, column };
    if (isBlank(value)) continue;
    const read = readField(field, value, percentFormatted);
    const key = SETTINGS_KEYS[field].key;
    if (!read.ok) {
      const fallback = SETTINGS_KEYS[field].defaultValue === null ? "" : `; the default ${defaultText(field)} is used`;
      problems.error(sheet, row, column, `${key}: ${read.reason}${fallback}`);
      continue;
    }
    if (field === "planStart") {
      result.planStart = String(read.value);
    } else if (field === "projectRollup") settings.projectRollup = read.value as RollupMode;
    else (settings as unknown as Record<string, string | number>)[field] = read.value;
    if (field === "templateVersion" && typeof read.value === "number" && read.value > TEMPLATE_VERSION) {
      problems.warning(
        sheet,
        row,
        column,
        `Template version ${read.value} is newer than this add-in reads (version ${TEMPLATE_VERSION}); some columns may be ignored`,
      );
    }
  }
  checkRequired(grid, sheet, rows, settings, problems);
  checkOrder(sheet, rows, settings, problems);
  return result;
}

function checkRequired(
  grid: SheetGrid | undefined,
  sheet: SheetName,
  rows: KeyRow[],
  settings: Omit<Settings, "planStart">,
  problems: ProblemList,
): void {
  if (!grid) return; // the missing sheet is reported once, by the importer
  const { firstRow, firstColumn } = gridOrigin(grid);
  for (const field of ["consortium", "accountableBody"] as const) {
    if (settings[field] !== "") continue;
    const written = rows.find((r) => r.field === field);
    const key = SETTINGS_KEYS[field].key;
    if (written) problems.error(sheet, written.row, written.column, `${key} is blank: it is required`);
    else problems.error(sheet, firstRow, firstColumn, `Settings has no "${key}" row: it is required`);
  }
}

/** Thresholds the wrong way round would make Amber (or spend Amber) impossible. */
function checkOrder(
  sheet: SheetName,
  rows: KeyRow[],
  settings: Omit<Settings, "planStart">,
  problems: ProblemList,
): void {
  const at = (field: SettingsField) => rows.find((r) => r.field === field) ?? rows[0];
  if (settings.amberThreshold > settings.greenThreshold) {
    const where = at("amberThreshold");
    if (where) {
      problems.warning(
        sheet,
        where.row,
        where.column,
        `Amber threshold ${percentText(settings.amberThreshold, 4)} is above the Green threshold ${percentText(settings.greenThreshold, 4)}, so no target can be Amber`,
      );
    }
  }
  if (settings.spendGreenTolerance > settings.spendAmberTolerance) {
    const where = at("spendGreenTolerance");
    if (where) {
      problems.warning(
        sheet,
        where.row,
        where.column,
        `Spend green tolerance ${percentText(settings.spendGreenTolerance, 4)} is above the spend amber tolerance ${percentText(settings.spendAmberTolerance, 4)}, so no spend can be Amber`,
      );
    }
  }
}
