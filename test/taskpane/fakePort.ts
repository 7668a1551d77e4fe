// An in-memory WorkbookPort for component tests: sheets are core grids; summary pushes follow the real push plan
// (registry fingerprints), so "kept because edited" behaves as in the adapters. Records every call.
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import { applyEditsToGrids } from "../../src/core/returns/batch";
import type { WorkbookEdits } from "../../src/core/returns/types";
import {
  fingerprintOfGrid,
  markSubmitted,
  planSummaryPush,
  pushedSheets,
  REGISTRY_SHEET,
  registryRows,
  type RegistryEntry,
} from "../../src/core/sheets/registry";
import type { SheetSpec } from "../../src/core/sheets/spec";
import type { DownloadableWorkbook, InsertOutcome, PushOutcome, WorkbookSnapshot } from "../../src/workbook/port";

/** A spec's values as a grid starting at A1 (formulas as their results), as a renderer would leave them. */
export function gridOfSpec(spec: SheetSpec): SheetGrid {
  const rows: CellValue[][] = [];
  for (const cell of spec.cells) {
    const row = (rows[cell.row - 1] ??= []);
    const value = cell.value;
    row[cell.column - 1] = value !== null && typeof value === "object" ? (value.result ?? null) : value;
  }
  for (let r = 0; r < rows.length; r++) {
    rows[r] = Array.from({ length: rows[r]?.length ?? 0 }, (_, c) => rows[r]?.[c] ?? null);
  }
  return { sheet: spec.name, rows, firstRow: 1, firstColumn: 1 };
}

export class FakePort implements DownloadableWorkbook {
  readonly sheets: SheetGrid[];
  registry: RegistryEntry[] = [];
  /** Set to make the next push fail (nothing changes). */
  failPush: Error | null = null;
  /** Set to make applyEdits fail (nothing changes). */
  failApply: Error | null = null;
  /** Set to make every read fail once a write has gone through (a workbook that cannot be read again). */
  failReadsAfterWrite: Error | null = null;
  /** Reads fail with this while set (see failReadsAfterWrite). */
  readsFail: Error | null = null;
  /** Sheets protected by an edit plan. */
  readonly protectedSheets: string[] = [];
  readonly calls = {
    selectCell: [] as { sheet: string; cell: string }[],
    pushSummarySheets: [] as SheetSpec[][],
    insertSheets: [] as SheetSpec[][],
    /** Claims recorded as submitted by an edit plan. */
    markClaimSubmitted: [] as { sheet: string; on: string }[],
    applyEdits: [] as WorkbookEdits[],
  };

  constructor(
    grids: WorkbookGrids,
    readonly label = "consortium.xlsx",
  ) {
    this.sheets = grids.map((g) => ({ ...g, rows: g.rows.map((row) => [...row]) }));
  }

  private find(name: string): SheetGrid | undefined {
    return this.sheets.find((s) => s.sheet.toLowerCase() === name.toLowerCase());
  }

  private written(): void {
    if (this.failReadsAfterWrite) this.readsFail = this.failReadsAfterWrite;
  }

  async readInputSheets(): Promise<WorkbookGrids> {
    if (this.readsFail) throw this.readsFail;
    return this.sheets.map((g) => ({ ...g, rows: g.rows.map((row) => [...row]) }));
  }

  /** As the port says: the input sheets with the registry (a hidden sheet, when there is one) and every sheet. */
  async readWorkbook(): Promise<WorkbookSnapshot> {
    const sheets = this.sheets.map((s, position) => ({ name: s.sheet, position, visible: true }));
    const grids = [...(await this.readInputSheets()), ...(await this.readSheets([REGISTRY_SHEET]))];
    if (this.registry.length > 0) sheets.push({ name: REGISTRY_SHEET, position: sheets.length, visible: false });
    return { grids, sheets, active: sheets[0]?.name ?? "" };
  }

  async sheetNames(): Promise<string[]> {
    if (this.readsFail) throw this.readsFail;
    return this.sheets.map((s) => s.sheet);
  }

  /** Any sheet, and the registry (kept apart from the grids, as the ExcelJS adapter keeps it). */
  async readSheets(names: readonly string[]): Promise<WorkbookGrids> {
    if (this.readsFail) throw this.readsFail;
    const registry: SheetGrid = {
      sheet: REGISTRY_SHEET,
      rows: registryRows(this.registry),
      firstRow: 1,
      firstColumn: 1,
    };
    return names.flatMap((name) => {
      if (name.toLowerCase() === REGISTRY_SHEET.toLowerCase()) return this.registry.length > 0 ? [registry] : [];
      const grid = this.find(name);
      return grid ? [{ ...grid, rows: grid.rows.map((row) => [...row]) }] : [];
    });
  }

  async insertSheets(specs: SheetSpec[]): Promise<InsertOutcome> {
    this.calls.insertSheets.push(specs);
    const outcome: InsertOutcome = { inserted: [], skipped: [] };
    for (const spec of specs) {
      if (this.find(spec.name)) outcome.skipped.push(spec.name);
      else {
        this.sheets.push(gridOfSpec(spec));
        outcome.inserted.push(spec.name);
      }
    }
    if (outcome.inserted.length > 0) this.written();
    return outcome;
  }

  async pushSummarySheets(specs: SheetSpec[]): Promise<PushOutcome> {
    this.calls.pushSummarySheets.push(specs);
    if (this.failPush) throw this.failPush;
    const existing = new Map(this.sheets.map((s) => [s.sheet, fingerprintOfGrid(s)] as [string, string | null]));
    const grids = new Map(this.sheets.map((s) => [s.sheet.toLowerCase(), s]));
    const plan = planSummaryPush(specs, existing, this.registry, "2010-01-01T00:00:00Z", grids);
    for (const write of plan.writes) {
      const grid = { ...gridOfSpec(write.spec), sheet: write.writeAs };
      const at = this.sheets.findIndex((s) => s.sheet.toLowerCase() === write.writeAs.toLowerCase());
      if (at >= 0) this.sheets[at] = grid;
      else this.sheets.push(grid);
    }
    this.registry = plan.registry;
    this.written();
    return { sheets: pushedSheets(plan) };
  }

  /** As the adapters do, all or nothing: the core's own model of applying edits to grids. */
  /** The cells the user has selected, as readSelection gives them. */
  selection: CellValue[][] = [];

  async readSelection(): Promise<CellValue[][]> {
    return this.selection.map((row) => [...row]);
  }

  async applyEdits(edits: WorkbookEdits): Promise<void> {
    this.calls.applyEdits.push(edits);
    if (this.failApply) throw this.failApply;
    for (const entry of edits.submitted ?? []) {
      if (!this.find(entry.sheet)) throw new Error(`There is no sheet named "${entry.sheet}"`);
    }
    const after = applyEditsToGrids(this.sheets, edits);
    this.sheets.splice(0, this.sheets.length, ...after);
    this.protectedSheets.push(...(edits.protectSheets ?? []));
    for (const entry of edits.submitted ?? []) {
      this.calls.markClaimSubmitted.push({ sheet: entry.sheet, on: entry.submittedOn });
      this.registry = markSubmitted(this.registry, this.find(entry.sheet)!.sheet, entry.submittedOn);
    }
    this.written();
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.calls.selectCell.push({ sheet, cell });
  }

  async toBytes(): Promise<Uint8Array> {
    return new Uint8Array([1, 2, 3]);
  }
}
