// An in-memory WorkbookPort for component tests: sheets are core grids; summary pushes follow the real push plan
// (registry fingerprints), so "kept because edited" behaves as in the adapters. Records every call.
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import { normaliseName } from "../../src/core/grid";
import { applyEditsToGrids } from "../../src/core/returns/batch";
import type { WorkbookEdits } from "../../src/core/returns/types";
import {
  fingerprintOfGrid,
  markSubmitted,
  planSummaryPush,
  pushedSheets,
  type RegistryEntry,
} from "../../src/core/sheets/registry";
import type { SheetSpec } from "../../src/core/sheets/spec";
import { SETTINGS_KEYS, type SettingsField } from "../../src/core/templates";
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
  readonly calls = {
    selectCell: [] as { sheet: string; cell: string }[],
    pushSummarySheets: [] as SheetSpec[][],
    insertSheets: [] as SheetSpec[][],
    writeSettings: [] as Partial<Record<SettingsField, string | number>>[],
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

  async readInputSheets(): Promise<WorkbookGrids> {
    return this.sheets.map((g) => ({ ...g, rows: g.rows.map((row) => [...row]) }));
  }

  async readWorkbook(): Promise<WorkbookSnapshot> {
    const sheets = this.sheets.map((s, position) => ({ name: s.sheet, position, visible: true }));
    return { grids: await this.readInputSheets(), sheets, active: sheets[0]?.name ?? "" };
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.sheet);
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
    return { sheets: pushedSheets(plan) };
  }

  async writeSettings(values: Partial<Record<SettingsField, string | number>>): Promise<void> {
    this.calls.writeSettings.push(values);
    const settings = this.find("Settings");
    if (!settings) throw new Error("There is no Settings sheet");
    for (const [field, value] of Object.entries(values) as [SettingsField, string | number][]) {
      const key = SETTINGS_KEYS[field].key;
      const row = settings.rows.find((r) => typeof r[0] === "string" && normaliseName(r[0]) === normaliseName(key));
      if (row) row[1] = value;
      else settings.rows.push([key, value]);
    }
  }

  async markClaimSubmitted(sheetName: string, submittedOn: string): Promise<void> {
    if (!this.find(sheetName)) throw new Error(`There is no sheet named "${sheetName}"`);
    this.calls.markClaimSubmitted.push({ sheet: sheetName, on: submittedOn });
    this.registry = markSubmitted(this.registry, sheetName, submittedOn);
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
    const after = applyEditsToGrids(this.sheets, edits);
    this.sheets.splice(0, this.sheets.length, ...after);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.calls.selectCell.push({ sheet, cell });
  }

  async toBytes(): Promise<Uint8Array> {
    return new Uint8Array([1, 2, 3]);
  }
}
