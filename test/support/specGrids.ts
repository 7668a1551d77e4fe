// The grids a shell would read back from sheets drawn from these specs (a formula reads as its result).
import type { WorkbookGrids } from "../../src/core/grid";
import { gridOfSpec } from "../../src/core/sheets/claimFigures";
import type { SheetSpec } from "../../src/core/sheets/spec";

export function gridsOfSpecs(specs: readonly SheetSpec[]): WorkbookGrids {
  return specs.map(gridOfSpec);
}

export { gridOfSpec };
