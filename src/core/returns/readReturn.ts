// Reads a filled partner return on its own: the Return info keys, the header block as issued, the tables' headers,
// one row per issued target and budget line (none deleted, none added), and every value the partner typed.
// Anything wrong becomes a problem naming the sheet and cell; a return with errors is never applied.
import type { CellValue, SheetGrid, WorkbookGrids } from "../grid";
import { cellAddress, cellSet, findGrid, normaliseName } from "../grid";
import { gridOrigin } from "../read/headerRow";
import type { Measure, Problem } from "../model";
import { periodLabel, type CalendarDate, type Period } from "../periods";
import {
  isBlank,
  listOptions,
  readDate,
  readEnum,
  readFy,
  readMilestoneActual,
  readNumber,
  readMeasured,
  readQuarter,
  showValue,
} from "../read/cellValues";
import { MEASURES, TEMPLATE_VERSION } from "../templates";
import { Problems, formulaCellsOf, lastRowOf, readPeriodLabel, textOf, valueAt } from "./cells";
import { contentHash } from "./contentHash";
import {
  CHECKED_HEADER_FIELDS,
  HEADER_LABELS,
  INFO_KEYS,
  INFO_ROW_COLUMNS,
  INFO_SECTION,
  RETURN_INFO_SHEET,
  RETURN_KIND,
  RETURN_SHEET,
  SPEND_COLUMNS,
  SPEND_TITLE,
  TARGET_COLUMNS,
  TARGETS_TITLE,
  columnIndex,
  type InfoField,
  type ReturnColumn,
} from "./layout";
import {
  CHECKS_SINCE_VERSION,
  cellCheck,
  checkedColumns,
  infoRowSalt,
  keySalt,
  rowSalt,
  splitChecks,
} from "./issuedChecks";
import { returnLayout } from "./returnSheets";
import type { PartnerReturn, ReturnedActual, ReturnedSpend, ReturnedTarget } from "./types";

/** A row the return was issued with, as Return info lists it. */
interface Signature {
  section: "target" | "spend";
  id: string;
  line: string;
  measure: Measure;
  /** The Return sheet row it was issued on. */
  row: number;
  /** Return info's checks of its locked cells on the Return sheet (issuedChecks), when the return has them. */
  lockedChecks: string[] | null;
}

interface ReturnInfo {
  sheet: string;
  templateVersion: number;
  consortium: string;
  partner: string;
  period: Period;
  master: string;
  preparedOn: CalendarDate | null;
  dueOn: CalendarDate | null;
  signatures: Signature[];
}

/** The most characters an Excel cell holds: longer text (written by a script) could not be applied to the master. */
export const EXCEL_CELL_TEXT_LIMIT = 32_767;

function overlongTextCells(grid: SheetGrid): { row: number; column: number; length: number }[] {
  const { firstRow, firstColumn } = gridOrigin(grid);
  const found: { row: number; column: number; length: number }[] = [];
  (Array.isArray(grid.rows) ? grid.rows : []).forEach((cells, r) => {
    if (!Array.isArray(cells)) return;
    cells.forEach((value, c) => {
      if (typeof value === "string" && value.length > EXCEL_CELL_TEXT_LIMIT) {
        found.push({ row: firstRow + r, column: firstColumn + c, length: value.length });
      }
    });
  });
  return found;
}

const KEEP_AS_ISSUED = "Please send the return back as it was issued, with only the yellow cells filled in.";

export function readPartnerReturn(
  grids: WorkbookGrids,
  fileName: string,
): { return: PartnerReturn | null; problems: Problem[] } {
  const returnGrid = findGrid(grids, RETURN_SHEET);
  const infoGrid = findGrid(grids, RETURN_INFO_SHEET);
  const problems = new Problems([returnGrid?.sheet ?? RETURN_SHEET, infoGrid?.sheet ?? RETURN_INFO_SHEET]);
  const done = (value: PartnerReturn | null) => ({ return: value, problems: problems.sorted() });

  if (!returnGrid || !infoGrid) {
    const missing = [!returnGrid ? `"${RETURN_SHEET}"` : "", !infoGrid ? `"${RETURN_INFO_SHEET}"` : ""].filter(Boolean);
    problems.error(
      missing.length === 2 || !returnGrid ? RETURN_SHEET : RETURN_INFO_SHEET,
      1,
      1,
      `${fileName} is not a partner return: it has no ${missing.join(" or ")} sheet. Returns are made by the add-in's "Create partner returns".`,
    );
    return done(null);
  }
  for (const grid of [returnGrid, infoGrid]) {
    for (const cell of formulaCellsOf(grid)) {
      problems.error(
        grid.sheet,
        cell.row,
        cell.column,
        `${cell.address} holds a formula: a return takes typed values only, so replace the formula with its value`,
      );
    }
    for (const cell of overlongTextCells(grid)) {
      problems.error(
        grid.sheet,
        cell.row,
        cell.column,
        `${cellAddress(cell.row, cell.column)} holds ${cell.length.toLocaleString("en-GB")} characters, more than the ${EXCEL_CELL_TEXT_LIMIT.toLocaleString("en-GB")} an Excel cell can hold: shorten it`,
      );
    }
  }

  const info = readInfo(infoGrid, problems);
  if (!info) return done(null);

  const layout = returnLayout(0);
  const headerCells = checkHeader(returnGrid, info, layout.headerRows, problems);
  const tables = findTables(returnGrid, problems);
  if (!tables) return done(null);

  const targets = readTargets(returnGrid, info, tables, problems);
  const spend = readSpend(returnGrid, info, tables, problems);
  const content = {
    consortium: info.consortium,
    partner: info.partner,
    period: info.period,
    targets,
    spend,
  };
  const readProblems = problems.sorted();
  return {
    return: {
      fileName,
      sheets: { return: returnGrid.sheet, info: infoGrid.sheet },
      templateVersion: info.templateVersion,
      masterName: info.master,
      preparedOn: info.preparedOn,
      dueOn: info.dueOn,
      headerCells,
      tableHeaderRows: { targets: tables.targetsHeader, spend: tables.spendHeader },
      issued: {
        targets: info.signatures.filter((s) => s.section === "target").map((s) => s.id),
        lines: info.signatures.filter((s) => s.section === "spend").map((s) => ({ projectId: s.id, line: s.line })),
      },
      ...content,
      readProblems,
      contentHash: contentHash(content),
    },
    problems: readProblems,
  };
}

// ---- Return info ----------------------------------------------------------------------------------------------

function readInfo(grid: SheetGrid, problems: Problems): ReturnInfo | null {
  const sheet = grid.sheet;
  const rowsHeader = findRow(
    1,
    lastRowOf(grid),
    (row) => normaliseName(textOf(valueAt(grid, row, 1))) === normaliseName(INFO_ROW_COLUMNS[0]),
  );
  const keysEnd = rowsHeader ?? lastRowOf(grid) + 1;
  const keyRows = new Map<InfoField, number>();
  for (let row = 1; row < keysEnd; row++) {
    const key = normaliseName(textOf(valueAt(grid, row, 1)));
    const field = (Object.keys(INFO_KEYS) as InfoField[]).find((f) => normaliseName(INFO_KEYS[f]) === key);
    if (field && !keyRows.has(field)) keyRows.set(field, row);
  }
  const value = (field: InfoField): CellValue => {
    const row = keyRows.get(field);
    return row === undefined ? null : valueAt(grid, row, 2);
  };
  const missing = (field: InfoField, what: string) => {
    const row = keyRows.get(field);
    problems.error(
      sheet,
      row ?? 1,
      row === undefined ? 1 : 2,
      row === undefined
        ? `${sheet} has no "${INFO_KEYS[field]}" row: the sheet was changed, so the return cannot be checked. ${KEEP_AS_ISSUED}`
        : `${sheet} ${cellAddress(row, 2)}: ${what}. ${KEEP_AS_ISSUED}`,
    );
  };

  if (normaliseName(textOf(value("kind"))) !== normaliseName(RETURN_KIND)) {
    missing("kind", `"${INFO_KEYS.kind}" should read "${RETURN_KIND}" but is ${showValue(value("kind"))}`);
    return null;
  }
  const version = readNumber(value("templateVersion"));
  if (!version.ok || !Number.isInteger(version.value) || version.value < 1) {
    missing("templateVersion", `the template version ${showValue(value("templateVersion"))} is not a version number`);
    return null;
  }
  if (version.value > TEMPLATE_VERSION) {
    problems.error(
      sheet,
      keyRows.get("templateVersion") ?? 1,
      2,
      `This return was made with template version ${version.value}, newer than this add-in reads (version ${TEMPLATE_VERSION}). Update the add-in, then import it again.`,
    );
    return null;
  }
  const consortium = textOf(value("consortium"));
  const partner = textOf(value("partner"));
  const period = readPeriodLabel(value("period"));
  if (!consortium) missing("consortium", "the consortium's name is blank");
  if (!partner) missing("partner", "the partner's name is blank");
  if (!period) missing("period", `${showValue(value("period"))} is not a period such as 2009-10 Q3`);
  if (!consortium || !partner || !period) return null;
  const checked = version.value >= CHECKS_SINCE_VERSION;
  if (checked && !keyChecksHold(grid, keyRows, problems)) return null;

  const date = (field: InfoField) => {
    const read = readDate(value(field));
    return read.ok ? read.value : null;
  };
  const signatures = rowsHeader === null ? null : readSignatures(grid, rowsHeader, checked, problems);
  if (!signatures) {
    if (rowsHeader === null) {
      problems.error(
        sheet,
        1,
        1,
        `${sheet} has lost its table of issued rows (headed "${INFO_ROW_COLUMNS.join(" | ")}"). ${KEEP_AS_ISSUED}`,
      );
    }
    return null;
  }
  return {
    sheet,
    templateVersion: version.value,
    consortium,
    partner,
    period,
    master: textOf(value("master")),
    preparedOn: date("preparedOn"),
    dueOn: date("dueOn"),
    signatures,
  };
}

function readSignatures(grid: SheetGrid, headerRow: number, checked: boolean, problems: Problems): Signature[] | null {
  const signatures: Signature[] = [];
  let ok = true;
  for (let row = headerRow + 1; row <= lastRowOf(grid); row++) {
    const cells = INFO_ROW_COLUMNS.map((_, i) => valueAt(grid, row, i + 1));
    const checkCell = valueAt(grid, row, INFO_ROW_COLUMNS.length + 1);
    if (cells.every((cell) => isBlank(cell)) && isBlank(checkCell)) continue;
    const section = normaliseName(textOf(cells[0]));
    const id = textOf(cells[1]);
    const rowNumber = readNumber(cells[6]);
    const kind =
      section === normaliseName(INFO_SECTION.target)
        ? "target"
        : section === normaliseName(INFO_SECTION.spend)
          ? "spend"
          : null;
    const checks = splitChecks(textOf(checkCell));
    if (checked) {
      const index = signatures.length;
      const changed = cells.findIndex(
        (cell, i) => checks[i] !== cellCheck(infoRowSalt(index, INFO_ROW_COLUMNS[i]), cell),
      );
      if (changed >= 0 || !kind || checks.length !== INFO_ROW_COLUMNS.length + checkedColumns(kind).length) {
        const column = changed >= 0 ? changed + 1 : INFO_ROW_COLUMNS.length + 1;
        problems.error(
          grid.sheet,
          row,
          column,
          `${grid.sheet} ${cellAddress(row, column)} was changed after the return was issued (it reads ${showValue(valueAt(grid, row, column))}): Return info is for the add-in only. ${KEEP_AS_ISSUED}`,
        );
        ok = false;
        continue;
      }
    }
    const measure = kind === "target" ? readEnum(cells[5], MEASURES) : null;
    if (!kind || !id || !rowNumber.ok || (measure !== null && !measure.ok) || (kind === "spend" && !textOf(cells[2]))) {
      problems.error(
        grid.sheet,
        row,
        1,
        `${grid.sheet} row ${row} is not an issued row as the add-in writes it. ${KEEP_AS_ISSUED}`,
      );
      ok = false;
      continue;
    }
    signatures.push({
      section: kind,
      id,
      line: textOf(cells[2]),
      measure: measure?.ok ? measure.value : "Number",
      row: rowNumber.value,
      lockedChecks: checked ? checks.slice(INFO_ROW_COLUMNS.length) : null,
    });
  }
  return ok ? signatures : null;
}

/** Each Return info key against its check (column C): an edited key is named at its own cell. */
function keyChecksHold(grid: SheetGrid, keyRows: ReadonlyMap<InfoField, number>, problems: Problems): boolean {
  let hold = true;
  for (const [field, row] of keyRows) {
    const value = valueAt(grid, row, 2);
    if (textOf(valueAt(grid, row, 3)) === cellCheck(keySalt(INFO_KEYS[field]), value)) continue;
    problems.error(
      grid.sheet,
      row,
      2,
      `${grid.sheet} ${cellAddress(row, 2)} (${INFO_KEYS[field]}) was changed after the return was issued: it reads ${showValue(value)}. Return info is for the add-in only. ${KEEP_AS_ISSUED}`,
    );
    hold = false;
  }
  return hold;
}

/** The Return sheet's locked cells of a row against the checks Return info holds for it. */
function checkLockedCells(grid: SheetGrid, row: number, signature: Signature, problems: Problems): void {
  if (!signature.lockedChecks) return;
  checkedColumns(signature.section).forEach(({ key, header, column }, index) => {
    const value = valueAt(grid, row, column);
    const salt = rowSalt(signature.section, signature.id, signature.line, key);
    if (signature.lockedChecks?.[index] === cellCheck(salt, value)) return;
    problems.error(
      grid.sheet,
      row,
      column,
      `${header} in ${cellAddress(row, column)} was changed after the return was issued (it reads ${showValue(value)}): only the yellow cells are for filling in. ${KEEP_AS_ISSUED}`,
    );
  });
}

// ---- Header block ---------------------------------------------------------------------------------------------

function checkHeader(
  grid: SheetGrid,
  info: ReturnInfo,
  expectedRows: Record<keyof typeof HEADER_LABELS, number>,
  problems: Problems,
): PartnerReturn["headerCells"] {
  const sheet = grid.sheet;
  const searchTo = Math.min(lastRowOf(grid), expectedRows.preparedOn + 10);
  const cells = {
    consortium: cellAddress(expectedRows.consortium, 2),
    partner: cellAddress(expectedRows.partner, 2),
    period: cellAddress(expectedRows.period, 2),
  };
  for (const field of CHECKED_HEADER_FIELDS) {
    const label = HEADER_LABELS[field];
    const row = findRow(1, searchTo, (r) => normaliseName(textOf(valueAt(grid, r, 1))) === normaliseName(label));
    if (row === null) {
      const expected = expectedRows[field];
      problems.error(
        sheet,
        expected,
        1,
        `The header "${label}" (${cellAddress(expected, 1)}) has been deleted or changed. ${KEEP_AS_ISSUED}`,
      );
      continue;
    }
    if (field === "consortium" || field === "partner" || field === "period") cells[field] = cellAddress(row, 2);
    const value = valueAt(grid, row, 2);
    const issued = issuedHeaderValue(field, info);
    if (!sameHeaderValue(field, value, info)) {
      problems.error(
        sheet,
        row,
        2,
        `${label} in ${cellAddress(row, 2)} was changed to ${showValue(value)}: this return was issued for ${issued}. ${KEEP_AS_ISSUED}`,
      );
    }
  }
  return cells;
}

function issuedHeaderValue(field: keyof typeof HEADER_LABELS, info: ReturnInfo): string {
  switch (field) {
    case "consortium":
      return `"${info.consortium}"`;
    case "partner":
      return `"${info.partner}"`;
    case "period":
      return periodLabel(info.period);
    case "templateVersion":
      return `template version ${info.templateVersion}`;
    default:
      return `"${info.master}"`;
  }
}

function sameHeaderValue(field: keyof typeof HEADER_LABELS, value: CellValue, info: ReturnInfo): boolean {
  switch (field) {
    case "consortium":
      return textOf(value) === info.consortium;
    case "partner":
      return textOf(value) === info.partner;
    case "period": {
      const period = readPeriodLabel(value);
      return period !== null && periodLabel(period) === periodLabel(info.period);
    }
    case "templateVersion": {
      const read = readNumber(value);
      return read.ok && read.value === info.templateVersion;
    }
    default:
      return textOf(value) === info.master;
  }
}

// ---- Tables ---------------------------------------------------------------------------------------------------

interface Tables {
  targetsHeader: number;
  spendHeader: number;
}

function findTables(grid: SheetGrid, problems: Problems): Tables | null {
  const sheet = grid.sheet;
  const expected = returnLayout(0);
  const isHeader = (columns: readonly ReturnColumn[]) => (row: number) =>
    normaliseName(textOf(valueAt(grid, row, 1))) === normaliseName(columns[0].header);
  const targetsHeader = findRow(1, lastRowOf(grid), isHeader(TARGET_COLUMNS));
  if (targetsHeader === null) {
    problems.error(
      sheet,
      expected.targetsHeaderRow,
      1,
      `The targets table's header row ("${TARGET_COLUMNS.map((c) => c.header).join('", "')}") has been deleted or changed. ${KEEP_AS_ISSUED}`,
    );
    return null;
  }
  const spendHeader = findRow(targetsHeader + 1, lastRowOf(grid), isHeader(SPEND_COLUMNS));
  if (spendHeader === null) {
    problems.error(
      sheet,
      targetsHeader,
      1,
      `The spend table's header row ("${SPEND_COLUMNS.map((c) => c.header).join('", "')}") has been deleted or changed. ${KEEP_AS_ISSUED}`,
    );
    return null;
  }
  checkColumnHeaders(grid, targetsHeader, TARGET_COLUMNS, problems);
  checkColumnHeaders(grid, spendHeader, SPEND_COLUMNS, problems);
  return { targetsHeader, spendHeader };
}

function checkColumnHeaders(grid: SheetGrid, row: number, columns: readonly ReturnColumn[], problems: Problems): void {
  columns.forEach((column, index) => {
    const value = valueAt(grid, row, index + 1);
    if (normaliseName(textOf(value)) !== normaliseName(column.header)) {
      problems.error(
        grid.sheet,
        row,
        index + 1,
        `The column header in ${cellAddress(row, index + 1)} should read "${column.header}" but reads ${showValue(value)}: columns cannot be changed, moved or added. ${KEEP_AS_ISSUED}`,
      );
    }
  });
}

function findRow(from: number, to: number, test: (row: number) => boolean): number | null {
  for (let row = Math.max(from, 1); row <= to; row++) if (test(row)) return row;
  return null;
}

/** Blank rows and the section titles between the tables are not data. */
function isDataRow(grid: SheetGrid, row: number, width: number): boolean {
  const cells = Array.from({ length: width }, (_, i) => valueAt(grid, row, i + 1));
  if (cells.every((cell) => isBlank(cell))) return false;
  const first = normaliseName(textOf(cells[0]));
  const title = [TARGETS_TITLE, SPEND_TITLE].some((t) => first.startsWith(normaliseName(t)));
  return !(title && cells.slice(1).every((cell) => isBlank(cell)));
}

function checkPeriodCells(
  grid: SheetGrid,
  row: number,
  columns: readonly ReturnColumn[],
  period: Period,
  problems: Problems,
): void {
  const fyColumn = columnIndex(columns, "fy");
  const quarterColumn = columnIndex(columns, "quarter");
  const fy = readFy(valueAt(grid, row, fyColumn));
  const quarter = readQuarter(valueAt(grid, row, quarterColumn));
  if (!fy.ok || fy.value !== period.fy) {
    problems.error(
      grid.sheet,
      row,
      fyColumn,
      `${cellAddress(row, fyColumn)} should read ${period.fy}: this return is for ${periodLabel(period)}. ${KEEP_AS_ISSUED}`,
    );
  }
  if (!quarter.ok || quarter.value !== period.quarter) {
    problems.error(
      grid.sheet,
      row,
      quarterColumn,
      `${cellAddress(row, quarterColumn)} should read Q${period.quarter}: this return is for ${periodLabel(period)}. ${KEEP_AS_ISSUED}`,
    );
  }
}

const idKey = (...parts: string[]) => parts.map((part) => part.trim().toLowerCase()).join("\u0001");

/** How one table of a return names its rows, for matching them to the rows issued. */
interface RowNaming<Issued> {
  /** The row's key and how to name it; null when its key cells are blank. */
  keyOf(row: number): { key: string; label: string; what: string } | null;
  /** What a row without a key lacks, e.g. "Target ID". */
  missingKey: string;
  keyOfIssued(signature: Issued): string;
  whatIssued(signature: Issued): string;
}

/**
 * The data rows of one table of a return, each with the row issued for it. Rows may be neither added, copied nor
 * deleted: each of those is an error naming its cell (an added row is still returned, unissued, so its values are
 * checked too).
 */
function matchIssuedRows<Issued extends { row: number }>(
  grid: SheetGrid,
  span: { first: number; last: number; width: number; keyColumn: number },
  issued: readonly Issued[],
  naming: RowNaming<Issued>,
  problems: Problems,
): { row: number; signature: Issued | undefined }[] {
  const byKey = new Map(issued.map((signature) => [naming.keyOfIssued(signature), signature]));
  const seen = new Map<string, number>();
  const matched: { row: number; signature: Issued | undefined }[] = [];
  const error = (row: number, message: string) => problems.error(grid.sheet, row, span.keyColumn, message);
  for (let row = span.first; row <= span.last; row++) {
    if (!isDataRow(grid, row, span.width)) continue;
    const named = naming.keyOf(row);
    if (!named) {
      error(
        row,
        `Row ${row} has values but no ${naming.missingKey}: rows cannot be added to a return. ${KEEP_AS_ISSUED}`,
      );
      continue;
    }
    const earlier = seen.get(named.key);
    if (earlier !== undefined) {
      error(
        row,
        `${named.label} has a second row (row ${row}; the first is row ${earlier}): rows cannot be copied. ${KEEP_AS_ISSUED}`,
      );
      continue;
    }
    seen.set(named.key, row);
    const signature = byKey.get(named.key);
    if (!signature) {
      error(
        row,
        `Row ${row} is for ${named.what}, which was not issued with this return: rows cannot be added. Remove it, or ask the accountable body for a new return.`,
      );
    }
    matched.push({ row, signature });
  }
  for (const signature of issued) {
    if (!seen.has(naming.keyOfIssued(signature))) {
      error(
        signature.row,
        `The row for ${naming.whatIssued(signature)} (issued as row ${signature.row}) has been deleted. ${KEEP_AS_ISSUED}`,
      );
    }
  }
  return matched;
}

function readTargets(grid: SheetGrid, info: ReturnInfo, tables: Tables, problems: Problems): ReturnedTarget[] {
  const at = (key: string) => columnIndex(TARGET_COLUMNS, key);
  const issued = info.signatures.filter((s) => s.section === "target");
  const span = {
    first: tables.targetsHeader + 1,
    last: tables.spendHeader - 1,
    width: TARGET_COLUMNS.length,
    keyColumn: at("targetId"),
  };
  const matched = matchIssuedRows(
    grid,
    span,
    issued,
    {
      keyOf: (row) => {
        const id = textOf(valueAt(grid, row, at("targetId")));
        return id ? { key: idKey(id), label: `Target ${id}`, what: `target ${id}` } : null;
      },
      missingKey: "Target ID",
      keyOfIssued: (s) => idKey(s.id),
      whatIssued: (s) => `target ${s.id}`,
    },
    problems,
  );
  return matched.map(({ row, signature }) => {
    checkPeriodCells(grid, row, TARGET_COLUMNS, info.period, problems);
    if (signature) checkLockedCells(grid, row, signature, problems);
    const measureRead = readEnum(valueAt(grid, row, at("measure")), MEASURES);
    const measure = signature?.measure ?? (measureRead.ok ? measureRead.value : "Number");
    return {
      targetId: signature?.id ?? textOf(valueAt(grid, row, at("targetId"))),
      fy: info.period.fy,
      quarter: info.period.quarter,
      measure,
      actual: readActual(grid, row, at("actual"), measure, problems),
      evidence: textOf(valueAt(grid, row, at("evidence"))),
      comment: textOf(valueAt(grid, row, at("comment"))),
      issued: signature !== undefined,
      row,
      cells: {
        targetId: cellAddress(row, at("targetId")),
        actual: cellAddress(row, at("actual")),
        evidence: cellAddress(row, at("evidence")),
        comment: cellAddress(row, at("comment")),
      },
    };
  });
}

function readActual(
  grid: SheetGrid,
  row: number,
  column: number,
  measure: Measure,
  problems: Problems,
): ReturnedActual {
  const value = valueAt(grid, row, column);
  const address = cellAddress(row, column);
  if (isBlank(value)) return { kind: "blank" };
  if (measure === "Milestone") {
    if (normaliseName(textOf(value)) === "notdone") return { kind: "milestone", done: false, completedOn: null };
    const read = readMilestoneActual(value);
    if (read.ok) return { kind: "milestone", ...read.value };
    problems.error(
      grid.sheet,
      row,
      column,
      `${address}: ${showValue(value)} is not ${listOptions(["Done", "Not done", "the completion date (dd/mm/yyyy)"])}`,
    );
    return { kind: "blank" };
  }
  const read = readMeasured(value, measure, cellSet(grid.percentCells)(row, column));
  if (!read.ok) {
    problems.error(grid.sheet, row, column, `${address}: ${read.reason}. Type the quarter's figure as a number`);
    return { kind: "blank" };
  }
  if (read.value < 0) {
    problems.error(grid.sheet, row, column, `${address}: ${showValue(value)} is negative. Type a figure of 0 or more`);
    return { kind: "blank" };
  }
  return { kind: "number", amount: read.value };
}

function readSpend(grid: SheetGrid, info: ReturnInfo, tables: Tables, problems: Problems): ReturnedSpend[] {
  const at = (key: string) => columnIndex(SPEND_COLUMNS, key);
  const issued = info.signatures.filter((s) => s.section === "spend");
  const span = {
    first: tables.spendHeader + 1,
    last: lastRowOf(grid),
    width: SPEND_COLUMNS.length,
    keyColumn: at("projectId"),
  };
  const matched = matchIssuedRows(
    grid,
    span,
    issued,
    {
      keyOf: (row) => {
        const projectId = textOf(valueAt(grid, row, at("projectId")));
        const line = textOf(valueAt(grid, row, at("budgetLine")));
        if (!projectId || !line) return null;
        return { key: idKey(projectId, line), label: `${projectId} ${line}`, what: `budget line ${projectId} ${line}` };
      },
      missingKey: "Project ID or Budget line",
      keyOfIssued: (s) => idKey(s.id, s.line),
      whatIssued: (s) => `budget line ${s.id} ${s.line}`,
    },
    problems,
  );
  return matched.map(({ row, signature }) => {
    checkPeriodCells(grid, row, SPEND_COLUMNS, info.period, problems);
    if (signature) checkLockedCells(grid, row, signature, problems);
    return {
      projectId: signature?.id ?? textOf(valueAt(grid, row, at("projectId"))),
      line: signature?.line ?? textOf(valueAt(grid, row, at("budgetLine"))),
      fy: info.period.fy,
      quarter: info.period.quarter,
      amount: readAmount(grid, row, at("amount"), problems),
      explanation: textOf(valueAt(grid, row, at("explanation"))),
      issued: signature !== undefined,
      row,
      cells: {
        projectId: cellAddress(row, at("projectId")),
        amount: cellAddress(row, at("amount")),
        explanation: cellAddress(row, at("explanation")),
      },
    };
  });
}

function readAmount(grid: SheetGrid, row: number, column: number, problems: Problems): number | null {
  const value = valueAt(grid, row, column);
  if (isBlank(value)) return null;
  const read = readNumber(value);
  const address = cellAddress(row, column);
  if (!read.ok) {
    problems.error(grid.sheet, row, column, `${address}: ${read.reason}. Type the amount spent in pounds`);
    return null;
  }
  if (read.value < 0) {
    problems.error(
      grid.sheet,
      row,
      column,
      `${address}: ${showValue(value)} is negative. Type the amount spent, 0 or more`,
    );
    return null;
  }
  return read.value;
}
