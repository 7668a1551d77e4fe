// Insert sheets: the blank templates (or the example's sheets); a sheet already in the workbook is never touched.
import type { SheetSpec } from "../core/sheets/spec";
import { templateSheets } from "../core/sheets/templateSheets";
import type { InsertOutcome, WorkbookPort } from "../workbook/port";

export function insertTemplates(port: WorkbookPort): Promise<InsertOutcome> {
  return port.insertSheets(templateSheets());
}

export function insertSheets(port: WorkbookPort, sheets: SheetSpec[]): Promise<InsertOutcome> {
  return port.insertSheets(sheets);
}
