// Collects problems as the importer finds them, then sorts them by sheet (template order), row and column.
import type { Problem, Severity } from "../model";
import { cellAddress } from "../grid";
import type { TemplateSheetName } from "../templates";
import { TEMPLATE_SHEET_NAMES } from "../templates";

/** A template sheet as found in the workbook: its template and the name the workbook gives it. */
export interface SheetName {
  template: TemplateSheetName;
  name: string;
}

interface Found {
  problem: Problem;
  order: number;
  row: number;
  column: number;
}

export class ProblemList {
  private readonly found: Found[] = [];

  add(sheet: SheetName, row: number, column: number, severity: Severity, message: string): Problem {
    const problem: Problem = { sheet: sheet.name, cell: cellAddress(row, column), severity, message };
    this.found.push({
      problem,
      order: TEMPLATE_SHEET_NAMES.indexOf(sheet.template),
      row,
      column,
    });
    return problem;
  }

  error(sheet: SheetName, row: number, column: number, message: string): Problem {
    return this.add(sheet, row, column, "error", message);
  }

  warning(sheet: SheetName, row: number, column: number, message: string): Problem {
    return this.add(sheet, row, column, "warning", message);
  }

  /** Sheet order of the templates, then row, then column; problems in one cell keep the order they were found. */
  sorted(): Problem[] {
    return this.found
      .map((found, index) => ({ found, index }))
      .sort(
        (a, b) =>
          a.found.order - b.found.order ||
          a.found.row - b.found.row ||
          a.found.column - b.found.column ||
          a.index - b.index,
      )
      .map(({ found }) => found.problem);
  }
}
