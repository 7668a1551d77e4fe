// The money figures a claim sheet shows, read back from its grid: the spend table of each project and the claim
// as a whole. The add-in compares a submitted claim's figures (read from the protected sheet, which nobody can
// edit) with the figures it would write now, to decide whether the claim needs an adjustment.
// Columns are found by their header text, so a claim written by an earlier version of the add-in reads too.
import type { CellValue, SheetGrid } from "../grid";
import { penceFromPounds, type Pence } from "../money";
import { CLAIM_TOTAL_LABELS, SPEND_HEADERS } from "./claimSheet";
import type { SheetSpec } from "./spec";

export type LineFigureName = "budgetToDate" | "spendToDate" | "claimThisQuarter";
export type ClaimTotalName = keyof typeof CLAIM_TOTAL_LABELS;

export const LINE_FIGURE_LABELS: Record<LineFigureName, string> = {
  budgetToDate: "Budget to date",
  spendToDate: "Spend to date",
  claimThisQuarter: "Claim this quarter",
};

export interface ClaimLineFigures {
  projectId: string;
  line: string;
  figures: Partial<Record<LineFigureName, Pence>>;
}

export interface ClaimFigures {
  /** The consortium named in the claim's heading ("" when none). */
  consortium: string;
  lines: ClaimLineFigures[];
  /** The claim as a whole; a total the sheet does not show is left out. */
  totals: Partial<Record<ClaimTotalName, Pence>>;
}

const text = (value: CellValue | undefined) => (typeof value === "string" ? value.trim() : "");
const pence = (value: CellValue | undefined): Pence | undefined =>
  typeof value === "number" && Number.isFinite(value) ? penceFromPounds(value) : undefined;

const TOTAL_PREFIX = "Total for ";

/** Reads the figures; null when the grid holds no spend table and no claim total (not a claim sheet). */
export function readClaimFigures(grid: SheetGrid): ClaimFigures | null {
  const at = (row: number, column: number) => grid.rows[row]?.[column];
  const lines: ClaimLineFigures[] = [];
  const totals: ClaimFigures["totals"] = {};
  const totalLabels = new Map(
    (Object.entries(CLAIM_TOTAL_LABELS) as [ClaimTotalName, string][]).map(([name, label]) => [label, name]),
  );
  let claimColumn: number | null = null;
  let consortium = "";
  let table: {
    columns: Partial<Record<LineFigureName, number>>;
    lineColumn: number;
    pending: ClaimLineFigures[];
  } | null = null;
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const lineColumn = row.findIndex((value) => text(value) === SPEND_HEADERS[1]);
    if (lineColumn >= 0) {
      const columns: Partial<Record<LineFigureName, number>> = {};
      for (const [name, label] of Object.entries(LINE_FIGURE_LABELS) as [LineFigureName, string][]) {
        const index = row.findIndex((value) => text(value) === label);
        if (index >= 0) columns[name] = index;
      }
      claimColumn = columns.claimThisQuarter ?? claimColumn;
      table = { columns, lineColumn, pending: [] };
      continue;
    }
    if (table) {
      const label = text(at(r, table.lineColumn));
      if (label.startsWith(TOTAL_PREFIX)) {
        const projectId = label.slice(TOTAL_PREFIX.length);
        lines.push(...table.pending.map((line) => ({ ...line, projectId })));
        table = null;
      } else if (label === "") {
        table = null; // a table without its total row: its lines belong to no project that can be named
      } else {
        const figures: ClaimLineFigures["figures"] = {};
        for (const [name, column] of Object.entries(table.columns) as [LineFigureName, number][]) {
          const value = pence(at(r, column));
          if (value !== undefined) figures[name] = value;
        }
        table.pending.push({ projectId: "", line: label, figures });
      }
      continue;
    }
    if (consortium === "" && text(row[0]) === "Consortium") consortium = text(row[1]);
    for (let c = 0; c < row.length; c++) {
      const name = totalLabels.get(text(row[c]));
      if (!name) continue;
      // The claim column of the spend tables; with no table, the first figure right of the label.
      const column = claimColumn ?? row.findIndex((value, index) => index > c && typeof value === "number");
      const value = column >= 0 ? pence(at(r, column)) : undefined;
      if (value !== undefined) totals[name] = value;
    }
  }
  return lines.length === 0 && Object.keys(totals).length === 0 ? null : { consortium, lines, totals };
}

/** The grid a sheet drawn from the spec reads back as (a formula reads as its result). */
export function gridOfSpec(spec: SheetSpec): SheetGrid {
  const rows: CellValue[][] = [];
  for (const cell of spec.cells) {
    const value = cell.value !== null && typeof cell.value === "object" ? (cell.value.result ?? null) : cell.value;
    (rows[cell.row - 1] ??= [])[cell.column - 1] = value;
  }
  return {
    sheet: spec.name,
    rows: Array.from(rows, (row) => Array.from(row ?? [], (value) => value ?? null)),
    firstRow: 1,
    firstColumn: 1,
  };
}
