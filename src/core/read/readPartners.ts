// Partners: every organisation in the consortium (Partner | Type | Contact).
import type { Partner } from "../model";
import { cellText } from "./cellValues";
import type { SheetTable } from "./headerRow";
import type { ImportContext } from "./importContext";
import { nameKey, skipRow, sourceOf } from "./importContext";

export function readPartners(table: SheetTable, context: ImportContext): Partner[] {
  const partners: Partner[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const name = cellText(row.value("partner"));
    if (name === "") {
      skipRow(context, table.sheet, row, "partner", "Partner is blank");
      continue;
    }
    // Partner names match like headers (case, spaces and punctuation ignored), so "OCVA" and "O.C.V.A." are one.
    const first = seen.get(nameKey(name));
    if (first !== undefined) {
      skipRow(context, table.sheet, row, "partner", `Partner "${name}" is already listed in row ${first}`);
      continue;
    }
    seen.set(nameKey(name), row.row);
    context.partners.set(nameKey(name), name);
    // The kind of organisation only (older workbooks say Lead partner etc. here): roles come from Projects.
    const type = cellText(row.value("type"));
    partners.push({
      name,
      type: type === "" ? null : type,
      contact: cellText(row.value("contact")),
      source: sourceOf(table.sheet, row, "partner"),
    });
  }
  return partners;
}
